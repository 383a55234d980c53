/**
 * Write packages.json, the index of the packages a site bundles (default first), into the served
 * root the build prepared:
 *
 *   npx tsx pipelines/serve/site-index.ts <servedRoot> <dir>...
 *
 * Each <dir> is a folder below <servedRoot> holding one package in its served layout. Fails with a
 * German message when two packages share a name or a name cannot serve as an id in links.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageIndex, packageIndexJson } from '../../src/lib/data/package-head';
import type { PackageDescriptor } from '../../src/lib/data/types';

const [root, ...dirs] = process.argv.slice(2);
if (!root || dirs.length === 0) {
	console.error('Aufruf: npx tsx pipelines/serve/site-index.ts <Auslieferungsordner> <Paketordner>...');
	process.exit(2);
}
try {
	const descriptors = await Promise.all(
		dirs.map(async (dir) => ({ dir, descriptor: JSON.parse(await readFile(join(root, dir, 'datapackage.json'), 'utf8')) as PackageDescriptor }))
	);
	await writeFile(join(root, 'packages.json'), packageIndexJson(packageIndex(descriptors)));
	console.log(`Pakete: ${descriptors.map((d) => d.descriptor.name).join(', ')} (Standard: ${descriptors[0].descriptor.name}).`);
} catch (e) {
	console.error((e as Error).message);
	process.exit(1);
}
