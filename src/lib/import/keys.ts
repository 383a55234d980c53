/**
 * Area keys as they arrive: "0101" as text, 101 as an Excel number, "101.0" from a database export,
 * " 0101 " with spaces, "a01" vs "A01". Keys are text in the package (docs/data-package.md), so the
 * rule is: compare in a normal form, write the geometry's key, padded with leading zeros to one
 * width when the user (or the suggestion) says so.
 */
import type { Cell } from './grid';

/** A cell as key text: numbers without ".0" or exponent, text trimmed and inner spaces removed. */
export function keyText(v: Cell | unknown): string {
	if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
	if (v === null || v === undefined) return '';
	const s = String(v).trim().replace(/\s+/g, '');
	return /^\d+\.0+$/.test(s) ? s.replace(/\.0+$/, '') : s;
}

/** Comparison form: case folded; for digit-only keys the leading zeros do not count. */
export function keyMatchForm(key: string): string {
	const k = key.toUpperCase();
	return /^\d+$/.test(k) ? k.replace(/^0+(?=\d)/, '') : k;
}

/** Pad a digit-only key to `width` with leading zeros (other keys unchanged). */
export function padKey(key: string, width: number): string {
	return width > 0 && /^\d+$/.test(key) && key.length < width ? key.padStart(width, '0') : key;
}

/**
 * The width to pad to: the longest digit-only key among geometry and table when digit keys of
 * different lengths occur (a sign that zeros were lost somewhere), else 0 (leave as is).
 */
export function suggestKeyWidth(...keyLists: string[][]): number {
	const lengths = new Set<number>();
	let max = 0;
	for (const list of keyLists) {
		for (const k of list) {
			if (!/^\d+$/.test(k)) continue;
			lengths.add(k.length);
			max = Math.max(max, k.length);
		}
	}
	return lengths.size > 1 ? max : 0;
}
