/**
 * The data package built into the app (folder chosen at build time through the `$data` alias).
 * Vite copies each file as a hashed asset of the site itself, so nothing is fetched from elsewhere.
 */
import type { PackageSource } from './engine';
import type { PackageDescriptor } from './types';
import descriptorJson from '$data/datapackage.json';

// .json: the build's precomputed answers (pre/*.json, pipelines/serve/precompute.ts) and derived indicators
// a package may carry (derived.json); datapackage.json itself is bundled above.
const urls = import.meta.glob(['$data/**/*.{csv,geojson,json}', '!$data/**/datapackage.json'], { query: '?url', import: 'default', eager: true }) as Record<
	string,
	string
>;

/** The descriptor is bundled, so prerendered pages can show title, Datenstand and the fictional-data note. */
export const bundledDescriptor = descriptorJson as unknown as PackageDescriptor;

export function appPackageSource(): PackageSource {
	return {
		descriptor: bundledDescriptor,
		async read(path: string) {
			const entry = Object.entries(urls).find(([file]) => file.endsWith('/' + path));
			if (!entry) throw new Error(`${path}: Die Datei gehört nicht zum eingebauten Datenpaket.`);
			const res = await fetch(entry[1]);
			if (!res.ok) throw new Error(`${path}: Die Datei konnte nicht geladen werden (HTTP ${res.status}).`);
			return new Uint8Array(await res.arrayBuffer());
		}
	};
}
