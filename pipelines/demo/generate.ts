/**
 * Generate the fictional demo packages: the city "Musterstadt" and the Kreis "Musterkreis".
 *
 *   npx tsx pipelines/demo/generate.ts [outRoot]     (default: data → data/musterstadt, data/musterkreis)
 *
 * Deterministic: seeded random streams, no clock reads, fixed number formatting. Running it twice
 * gives identical bytes; generate.spec.ts and kreis/generate.spec.ts hold the committed files to that.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageIndex, packageIndexJson } from '../../src/lib/data/package-head';
import { buildDemoPackage } from './build';
import { buildKreisPackage } from './kreis/build';
import { writeFiles } from './write';

const outRoot = process.argv[2] ?? 'data';
const kb = (n: number) => `${Math.round(n / 1024)} KB`;
const built = [];
for (const [name, build] of [['musterstadt', buildDemoPackage], ['musterkreis', buildKreisPackage]] as const) {
	const files = build();
	const outDir = join(outRoot, name);
	await writeFiles(outDir, files);
	built.push({ dir: outDir, descriptor: JSON.parse(files['datapackage.json']) });
	for (const [path, text] of Object.entries(files)) {
		console.log(`${path.padEnd(28)} ${kb(Buffer.byteLength(text, 'utf8')).padStart(8)}`);
	}
	console.log(`→ ${outDir}`);
}
// The packages the site bundles when it runs on `data/` (npm run dev), default first; the build
// writes its own for the served layout (pipelines/serve/site-data.ts).
await writeFile(join(outRoot, 'packages.json'), packageIndexJson(packageIndex(built)));
console.log(`→ ${join(outRoot, 'packages.json')}`);
