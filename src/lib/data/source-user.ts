/**
 * A PackageSource over files held in memory: a package the user imported in the browser (or restored
 * from IndexedDB). Same interface as the bundled package, so the engine cannot tell them apart.
 */
import type { PackageSource } from './engine';
import type { PackageDescriptor } from './types';

export type PackageFiles = Record<string, Uint8Array>;

export class UserPackageError extends Error {}

export function userPackageSource(files: PackageFiles): PackageSource {
	const raw = files['datapackage.json'];
	if (!raw) throw new UserPackageError('datapackage.json: Die Paketbeschreibung fehlt.');
	let descriptor: PackageDescriptor;
	try {
		descriptor = JSON.parse(new TextDecoder().decode(raw)) as PackageDescriptor;
	} catch (e) {
		throw new UserPackageError(`datapackage.json: Kein gültiges JSON (${(e as Error).message}).`);
	}
	return {
		descriptor,
		async read(path: string) {
			const bytes = files[path];
			if (!bytes) throw new UserPackageError(`${path}: Die Datei fehlt im importierten Paket.`);
			// the connector transfers (detaches) what it registers: hand out a copy, keep the original
			return bytes.slice();
		}
	};
}
