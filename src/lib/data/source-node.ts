/** A PackageSource reading a data package folder from disk (tests and pipelines; never the browser). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PackageSource } from './engine';
import type { PackageDescriptor } from './types';

export async function packageSourceFromDir(dir: string): Promise<PackageSource> {
	const descriptor = JSON.parse(await readFile(join(dir, 'datapackage.json'), 'utf8')) as PackageDescriptor;
	return {
		descriptor,
		read: async (path) => new Uint8Array(await readFile(join(dir, path)))
	};
}
