/**
 * The packages built into the site (packages.json of the `$data` folder, default first): their
 * heads are bundled, so the first paint names the territory and the choice can be offered before
 * any package file is fetched.
 */
import index from '$data/packages.json';
import type { IndexedPackage, PackageIndex } from './package-head';

export const BUNDLED: readonly IndexedPackage[] = (index as PackageIndex).packages;
export const DEFAULT_PACKAGE: string = BUNDLED[0].name;
export const BUNDLED_NAMES: readonly string[] = BUNDLED.map((p) => p.name);

export function bundledHead(name: string): IndexedPackage {
	return BUNDLED.find((p) => p.name === name) ?? BUNDLED[0];
}
