/**
 * A finished data package chosen in the browser (docs/data-package.md): all files of the package
 * folder, or the package as one .zip (as the wizard's "ZIP herunterladen" writes it, or zipped
 * with its folder). Gives the files by their path inside the package, as the engine reads them
 * (source-user.ts); what the descriptor lists but is not there is named before anything loads.
 */
import type { MessageKey } from '$lib/i18n/messages';
import type { PackageFiles } from '$lib/data/source-user';
import { readZip } from './zip-read';

const DESCRIPTOR = 'datapackage.json';

export class PackageFilesError extends Error {
	constructor(readonly key: MessageKey, readonly params: Record<string, string | number> = {}) {
		super(key);
	}
}

export interface ChosenFile {
	name: string;
	bytes: Uint8Array;
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** The package's files by path relative to the folder holding datapackage.json. Throws PackageFilesError. */
export async function packageFilesFrom(chosen: readonly ChosenFile[]): Promise<PackageFiles> {
	const flat: ChosenFile[] = [];
	for (const f of chosen) {
		if (/\.zip$/i.test(f.name)) {
			try {
				flat.push(...(await readZip(f.bytes)));
			} catch (e) {
				throw new PackageFilesError('import.open.badZip', { file: f.name, message: (e as Error).message });
			}
		} else flat.push({ name: f.name.replace(/\\/g, '/'), bytes: f.bytes });
	}
	const descriptors = flat.filter((f) => baseName(f.name) === DESCRIPTOR);
	if (descriptors.length === 0) throw new PackageFilesError('import.open.noDescriptor');
	if (descriptors.length > 1) throw new PackageFilesError('import.open.twoDescriptors', { files: descriptors.map((d) => d.name).join(', ') });
	// a zip of the folder has "musterstadt/datapackage.json": paths are relative to that folder
	const dir = descriptors[0].name.slice(0, descriptors[0].name.length - DESCRIPTOR.length);
	const files: PackageFiles = {};
	for (const f of flat) if (f.name.startsWith(dir)) files[f.name.slice(dir.length)] = f.bytes;
	const missing = listedPaths(files[DESCRIPTOR]).filter((p) => !(p in files));
	if (missing.length > 0) throw new PackageFilesError('import.open.missing', { files: missing.join(', ') });
	return files;
}

/** Paths the descriptor lists (resources and levels); none when it is not readable JSON (the engine says why). */
function listedPaths(raw: Uint8Array): string[] {
	try {
		const d = JSON.parse(new TextDecoder().decode(raw)) as { resources?: { path?: unknown }[]; sozialraum?: { levels?: { path?: unknown }[] } };
		const paths = [...(d.resources ?? []), ...(d.sozialraum?.levels ?? [])].map((r) => r?.path).filter((p): p is string => typeof p === 'string');
		return [...new Set(paths)];
	} catch {
		return [];
	}
}
