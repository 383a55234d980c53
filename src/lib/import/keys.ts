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
 * How digit-only keys are written, one rule per level, applied to the level's maps, to the parent
 * keys that refer to it and (finest level) to the tables alike: Köln writes Stadtteil `1` in one
 * file and `001` in the next. `pad` adds leading zeros to `width` digits, `strip` removes them,
 * `keep` leaves every key as it is. Text keys ("A01") are never changed.
 */
export type KeyRule = { kind: 'keep' } | { kind: 'pad'; width: number } | { kind: 'strip' };

/** The config's setting: a width (0 = keep), "strip", or "auto" (= suggested from the keys seen). */
export type KeySetting = number | 'auto' | 'strip';

export function resolveKeyRule(setting: KeySetting | undefined, ...keyLists: string[][]): KeyRule {
	if (setting === 'strip') return { kind: 'strip' };
	const width = setting === 'auto' || setting === undefined ? suggestKeyWidth(...keyLists) : setting;
	return width > 0 ? { kind: 'pad', width } : { kind: 'keep' };
}

export function applyKeyRule(key: string, rule: KeyRule): string {
	if (rule.kind === 'pad') return padKey(key, rule.width);
	if (rule.kind === 'strip') return /^\d+$/.test(key) ? key.replace(/^0+(?=\d)/, '') : key;
	return key;
}

/** Up to `n` keys the rule changes, as the user should see them: „1 → 001“. */
export function keyRuleExamples(rule: KeyRule, keys: Iterable<string>, n = 3): { from: string; to: string }[] {
	const out: { from: string; to: string }[] = [];
	const seen = new Set<string>();
	for (const k of keys) {
		const to = applyKeyRule(k, rule);
		if (to === k || seen.has(k)) continue;
		seen.add(k);
		out.push({ from: k, to });
		if (out.length >= n) break;
	}
	return out;
}

/** The rule as a German sentence with examples, for the wizard and the CLI. */
export function keyRuleText(rule: KeyRule, examples: { from: string; to: string }[]): string {
	const ex = examples.length ? ` (${examples.map((e) => `${e.from} → ${e.to}`).join(', ')})` : ' (kein Schlüssel ändert sich)';
	if (rule.kind === 'pad') return `Schlüssel aus Ziffern werden mit führenden Nullen auf ${rule.width} Stellen aufgefüllt${ex}.`;
	if (rule.kind === 'strip') return `Führende Nullen werden aus Schlüsseln aus Ziffern entfernt${ex}.`;
	return 'Schlüssel werden unverändert übernommen.';
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
