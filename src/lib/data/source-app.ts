/**
 * A data package built into the app (the folders below the `$data` alias, chosen at build time).
 * Vite copies each file as a hashed asset of the site itself, so nothing is fetched from elsewhere;
 * a package's descriptor is a chunk loaded when that package is opened.
 */
import type { PackageSource } from './engine';
import type { PackageDescriptor } from './types';
import { bundledHead } from './bundled';

// .json: the build's precomputed answers (pre/*.json, pipelines/serve/precompute.ts) and derived indicators
// a package may carry (derived.json); the descriptors are loaded below, when their package is opened.
const urls = import.meta.glob(['$data/*/**/*.{csv,geojson,json}', '!$data/*/datapackage.json'], { query: '?url', import: 'default', eager: true }) as Record<string, string>;
const descriptors = import.meta.glob('$data/*/datapackage.json', { import: 'default' }) as Record<string, () => Promise<unknown>>;

const inFolder = (file: string, dir: string) => file.includes(`/${dir}/`);

/** The descriptor of a bundled package (a chunk of its own, loaded once). */
export async function bundledDescriptorOf(name: string): Promise<PackageDescriptor> {
	const { dir } = bundledHead(name);
	const load = Object.entries(descriptors).find(([file]) => file.endsWith(`/${dir}/datapackage.json`))?.[1];
	if (!load) throw new Error(`${dir}/datapackage.json: Das eingebaute Datenpaket „${name}“ fehlt.`);
	return (await load()) as PackageDescriptor;
}

/** Address of a bundled package's file on this site (for MapLibre, which fetches a band's GeoJSON in its worker), or null. */
export function bundledFileUrl(name: string, path: string): string | null {
	const { dir } = bundledHead(name);
	const entry = Object.entries(urls).find(([file]) => inFolder(file, dir) && file.endsWith(`/${dir}/${path}`));
	return entry ? new URL(entry[1], location.href).href : null;
}

export async function appPackageSource(name: string): Promise<PackageSource> {
	const { dir } = bundledHead(name);
	const descriptor = await bundledDescriptorOf(name);
	return {
		descriptor,
		async read(path: string) {
			const entry = Object.entries(urls).find(([file]) => inFolder(file, dir) && file.endsWith(`/${dir}/${path}`));
			if (!entry) throw new Error(`${path}: Die Datei gehört nicht zum eingebauten Datenpaket.`);
			const res = await fetch(entry[1]);
			if (!res.ok) throw new Error(`${path}: Die Datei konnte nicht geladen werden (HTTP ${res.status}).`);
			return new Uint8Array(await res.arrayBuffer());
		}
	};
}
