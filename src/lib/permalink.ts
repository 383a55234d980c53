/**
 * Shared pieces of the permalinks of the builder pages (Sozialindex, Präventionskette, Angebote,
 * Präsentation): readable query strings, safe number and list parsing, and the rule that turns a
 * burst of edits into one history step. Pure functions: every page parses its own parameters with
 * these and falls back to defaults, so a hand-edited or truncated link never breaks a page.
 */

/**
 * A query string ("?a=1&b=x,y") from key/value pairs, or "" for none. Values are percent-encoded
 * except "," and ":", which a query may carry as they are (RFC 3986 sub-delimiters): the lists of
 * these links stay readable (`?ind=sgb2_u15,alg2&w=2,1`) instead of `%2C`-soup. Because the result
 * is already in the form the URL parser keeps, `new URL(x).search` gives back exactly this string,
 * so pages can compare "the state I show" with "the URL I am at" as plain strings.
 */
export function buildQuery(pairs: readonly (readonly [string, string])[]): string {
	if (pairs.length === 0) return '';
	const enc = (s: string) => encodeURIComponent(s).replace(/%2C/gi, ',').replace(/%3A/gi, ':');
	return '?' + pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
}

/** Comma-separated list; null or "" → []. Empty items are dropped. */
export function splitList(value: string | null): string[] {
	return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * A finite number in [min, max] from a parameter, else null. Only plain decimal notation
 * ("1.5", "-1", "300"): hex, exponents, "Infinity" and empty strings are refused, so a link cannot
 * smuggle in values no control of the page could produce.
 */
export function parseNumber(value: string | null | undefined, min: number, max: number): number | null {
	if (value === null || value === undefined || !/^-?\d{1,15}(\.\d{1,20})?$/.test(value.trim())) return null;
	const n = Number(value.trim());
	return Number.isFinite(n) && n >= min && n <= max ? n : null;
}

/** A number as it goes into a link: shortest round-tripping decimal, never an exponent. */
export function formatParam(n: number): string {
	const s = String(n);
	if (!/e/i.test(s)) return s;
	// 1e-7 and the like: fixed notation with enough digits, trailing zeros dropped
	return n.toFixed(12).replace(/\.?0+$/, '');
}

/** Keys whose values differ between two query strings (order-insensitive, sorted). */
export function changedKeys(a: string, b: string): string[] {
	const pa = new URLSearchParams(a);
	const pb = new URLSearchParams(b);
	const keys = new Set([...pa.keys(), ...pb.keys()]);
	return [...keys].filter((k) => pa.getAll(k).join('\u0000') !== pb.getAll(k).join('\u0000')).sort();
}

export interface LastStep {
	keys: string[];
	at: number;
}

/**
 * Whether a change should replace the current history entry rather than add one: when it edits
 * the same parameters as the step just before, within `windowMs`. Typing "1.5" into a weight or
 * "kita" into a search box is one step for the back button, not one per keystroke; a change of
 * another setting always gets its own step.
 */
export function coalesce(last: LastStep | null, keys: readonly string[], now: number, windowMs = 1500): boolean {
	if (!last || keys.length === 0 || now - last.at > windowMs || now < last.at) return false;
	return last.keys.length === keys.length && keys.every((k) => last.keys.includes(k));
}
