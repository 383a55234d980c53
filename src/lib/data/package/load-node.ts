/**
 * Read a data package folder from disk into a LoadedPackage (Node only: pipelines and tests).
 * The browser builds the same structure from fetched or dropped files; validate.ts takes both.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AreaLevel } from '../types';
import { levelFiles } from '../levels';
import type { LoadedPackage } from './model';

const DESCRIPTOR = 'datapackage.json';

async function readText(path: string): Promise<string | null> {
	try {
		return await readFile(path, 'utf8');
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw e;
	}
}

function parseJson(text: string): { value: unknown } | { error: string } {
	try {
		return { value: JSON.parse(text) };
	} catch (e) {
		return { error: `Kein gültiges JSON (${(e as Error).message}).` };
	}
}

/** Paths the descriptor refers to: every resource and every level's (and version's) geometry file. */
function referencedPaths(descriptor: unknown): string[] {
	const paths = new Set<string>();
	const d = descriptor as { resources?: unknown; sozialraum?: { levels?: unknown } } | null;
	if (Array.isArray(d?.resources)) {
		for (const r of d.resources) if (typeof r?.path === 'string') paths.add(r.path);
	}
	if (Array.isArray(d?.sozialraum?.levels)) {
		for (const l of d.sozialraum.levels) {
			if (typeof l?.path === 'string') paths.add(l.path);
			if (Array.isArray(l?.versions)) for (const p of levelFiles({ ...l, versions: l.versions.filter((v: unknown) => typeof (v as { path?: unknown })?.path === 'string') } as AreaLevel)) paths.add(p);
		}
	}
	return [...paths];
}

/**
 * Missing files are simply absent from the result (the validator names them); files that exist
 * but cannot be parsed are listed in `unreadable`. Paths leaving the folder are refused.
 */
export async function readPackageFromDir(dir: string): Promise<LoadedPackage> {
	const pkg: LoadedPackage = { descriptor: undefined, geojson: {}, csv: {}, unreadable: {} };
	const descriptorText = await readText(join(dir, DESCRIPTOR));
	if (descriptorText === null) return pkg;
	const parsed = parseJson(descriptorText.replace(/^\uFEFF/, ''));
	if ('error' in parsed) {
		pkg.unreadable[DESCRIPTOR] = parsed.error;
		return pkg;
	}
	pkg.descriptor = parsed.value;
	for (const path of referencedPaths(parsed.value)) {
		if (path.startsWith('/') || path.split(/[\\/]/).includes('..')) {
			pkg.unreadable[path] = 'Pfad zeigt aus dem Paketordner heraus; erlaubt sind nur relative Pfade im Paket.';
			continue;
		}
		const text = await readText(join(dir, path));
		if (text === null) continue;
		if (/\.csv$/i.test(path)) {
			pkg.csv[path] = text;
		} else if (/\.(geo)?json$/i.test(path)) {
			const json = parseJson(text.replace(/^\uFEFF/, ''));
			if ('error' in json) pkg.unreadable[path] = json.error;
			else pkg.geojson[path] = json.value;
		} else {
			pkg.unreadable[path] = 'Unbekanntes Dateiformat; erwartet werden .csv und .geojson.';
		}
	}
	return pkg;
}
