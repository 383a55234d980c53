/**
 * Which bundled package the site shows, and how links name it (docs/permalinks.md, `paket`).
 * Pure functions; the browser state lives in src/lib/packages/choice.svelte.ts.
 */

/** The link parameter naming the bundled package: `?paket=musterkreis`. */
export const PACKAGE_PARAM = 'paket';

export interface PackageChoice {
	name: string;
	/** The user (or a link) chose it; false = the default, shown until the user chooses. */
	chosen: boolean;
}

/**
 * A link's package wins (a link for the other package switches to it), then the choice stored in
 * this browser, then the default. Unknown names are ignored, like any unknown link parameter.
 */
export function resolveChoice(fromLink: string | null, stored: string | null, names: readonly string[]): PackageChoice {
	if (fromLink !== null && names.includes(fromLink)) return { name: fromLink, chosen: true };
	if (stored !== null && names.includes(stored)) return { name: stored, chosen: true };
	return { name: names[0], chosen: false };
}

/**
 * The query string with `paket` set to `name` (null: removed), other parameters kept in their
 * order; `paket` goes last, so the page's own parameters read first.
 */
export function withPackage(search: string, name: string | null): string {
	// the page's own parameters keep their encoding (readable commas, see permalink.ts)
	const parts = search.replace(/^\?/, '').split('&').filter((p) => p !== '' && p !== PACKAGE_PARAM && !p.startsWith(`${PACKAGE_PARAM}=`));
	if (name !== null) parts.push(`${PACKAGE_PARAM}=${encodeURIComponent(name)}`);
	return parts.length ? `?${parts.join('&')}` : '';
}

export const packageInSearch = (search: string): string | null => new URLSearchParams(search).get(PACKAGE_PARAM);
