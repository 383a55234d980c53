/**
 * The head of a data package: what the site must know about a bundled package before its files
 * are loaded (header, footer, fictional-data note, the package choice). The build writes one per
 * bundled package into `packages.json`, default first (pipelines/serve/site-data.ts); the demo
 * generator writes the same file for `data/`.
 *
 * Pure TS (build scripts and the app share it).
 */
import type { PackageDescriptor, SozialraumMeta } from './types';

export interface PackageHead {
	/** The package's machine name; also its id in links (`?paket=musterkreis`) and folder names. */
	name: string;
	title: string;
	/** One line for the package choice, e.g. "kreisfreie Stadt mit Sozialräumen" (falls back to the title). */
	summary_de: string;
	summary_en: string;
	sozialraum: Pick<SozialraumMeta, 'fictional' | 'datenstand' | 'territory_de' | 'disclosure' | 'published'>;
}

export interface IndexedPackage extends PackageHead {
	/** Folder of the package below the folder packages.json lies in. */
	dir: string;
}

export interface PackageIndex {
	/** The default package first. */
	packages: IndexedPackage[];
}

/** Lowercase, digits, "-" and "_": safe in a URL and as a folder name. */
export const PACKAGE_NAME = /^[a-z0-9][a-z0-9_-]*$/;

export function packageHead(d: PackageDescriptor): PackageHead {
	const { fictional, datenstand, territory_de, disclosure, published } = d.sozialraum;
	return {
		name: d.name,
		title: d.title,
		summary_de: d.sozialraum.summary_de ?? d.title,
		summary_en: d.sozialraum.summary_en ?? d.sozialraum.summary_de ?? d.title,
		sozialraum: { fictional, datenstand, territory_de, disclosure, ...(published ? { published } : {}) }
	};
}

/** The index of several packages; throws a German message when their names cannot serve as ids. */
export function packageIndex(descriptors: readonly { dir: string; descriptor: PackageDescriptor }[]): PackageIndex {
	const seen = new Map<string, string>();
	for (const { dir, descriptor } of descriptors) {
		if (!PACKAGE_NAME.test(descriptor.name ?? '')) {
			throw new Error(`${dir}/datapackage.json: Der Paketname „${descriptor.name}“ taugt nicht als Kennung; erlaubt sind Kleinbuchstaben, Ziffern, „-“ und „_“.`);
		}
		const other = seen.get(descriptor.name);
		if (other) throw new Error(`${dir} und ${other} heißen beide „${descriptor.name}“; mitgelieferte Pakete brauchen verschiedene Namen.`);
		seen.set(descriptor.name, dir);
	}
	return { packages: descriptors.map((d) => ({ dir: d.dir.split(/[\\/]/).filter(Boolean).pop()!, ...packageHead(d.descriptor) })) };
}

/** packages.json as written: tabs, final line break (deterministic bytes). */
export const packageIndexJson = (index: PackageIndex): string => `${JSON.stringify(index, null, '\t')}\n`;
