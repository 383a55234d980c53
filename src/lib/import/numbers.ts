/**
 * Reading one numeric cell the way German statistics tables write it: decimal comma, thousands
 * dot (`1.234,5`), spaces as thousands separators, a trailing `%`, the minus sign `−` — and the
 * placeholders of official tables instead of a number (Zeichenerklärung, DIN 55301 / Destatis):
 *   .  unknown or secret   -  nothing (sometimes: zero!)   x  not meaningful   …  later
 *   /  too uncertain       () / (12)  limited reliability   *  withheld (Bundesagentur für Arbeit)
 * Placeholders are reported with their symbol and never turned into a number here: what each one
 * means differs between offices, so the user decides (placeholders.ts).
 */
import { quote } from '../data/package/csv';
import type { Cell } from './grid';

export type DecimalMark = ',' | '.';

export type NumberCell =
	| { kind: 'empty' }
	| { kind: 'number'; value: number }
	/** A number in brackets: "(12)" = limited reliability in official tables. */
	| { kind: 'bracketed'; value: number }
	| { kind: 'placeholder'; symbol: string }
	| { kind: 'invalid'; message: string };

/** Canonical symbol of each placeholder spelling (so "–", "—" and "-" are one decision). */
const PLACEHOLDER_SPELLINGS: Record<string, string> = {
	'.': '.', '-': '-', '–': '-', '—': '-', x: 'x', X: 'x', '…': '…', '...': '…', '/': '/', '()': '()',
	'*': '*', 'k.A.': 'k. A.', 'k. A.': 'k. A.', 'n.v.': 'n. v.', 'n. v.': 'n. v.', '#': '#', '?': '?'
};
export const PLACEHOLDER_SYMBOLS = [...new Set(Object.values(PLACEHOLDER_SPELLINGS))];

const GERMAN = /^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
const ENGLISH = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** Parse a cell; `decimal` is the file's decimal mark (spreadsheet numbers need none). */
export function parseNumberCell(cell: Cell, decimal: DecimalMark): NumberCell {
	if (typeof cell === 'number') return Number.isFinite(cell) ? { kind: 'number', value: cell } : { kind: 'invalid', message: `${quote(String(cell))} ist keine Zahl.` };
	// fast path for the common case, plain digits: a 50 MB table has millions of them
	if (/^\d{1,15}$/.test(cell)) return { kind: 'number', value: Number(cell) };
	const raw = cell.trim();
	if (raw === '') return { kind: 'empty' };
	const symbol = PLACEHOLDER_SPELLINGS[raw] ?? PLACEHOLDER_SPELLINGS[raw.toLowerCase()];
	if (symbol) return { kind: 'placeholder', symbol };
	const bracket = /^\((.+)\)$/.exec(raw);
	if (bracket) {
		const inner = parseNumberCell(bracket[1], decimal);
		return inner.kind === 'number' ? { kind: 'bracketed', value: inner.value } : { kind: 'invalid', message: `${quote(raw)} ist keine Zahl.` };
	}
	// spaces (also no-break and thin space) as thousands separators, a percent sign, a true minus
	const text = raw.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '').replace(/^[−–]/, '-');
	if (decimal === ',' ? GERMAN.test(text) : ENGLISH.test(text)) {
		const plain = decimal === ',' ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
		return { kind: 'number', value: Number(plain) };
	}
	const other = decimal === ',' ? ENGLISH.test(text) : GERMAN.test(text);
	const hint = other
		? decimal === ','
			? ' Die Datei verwendet das Dezimalkomma; hier steht ein Dezimalpunkt. Bitte prüfen Sie das Zahlenformat in den Einstellungen.'
			: ' Die Datei verwendet den Dezimalpunkt; hier steht ein Komma. Bitte stellen Sie das Zahlenformat auf „Dezimalkomma“ um.'
		: '';
	return { kind: 'invalid', message: `${quote(raw)} ist keine Zahl.${hint}` };
}

/**
 * Guess the decimal mark from sample cells: a comma followed by 1–2 or 4+ digits, or a dot followed
 * by exactly three digits in groups ("1.234"), speaks for German. Ties go to German: the offices
 * this tool serves write German.
 */
export function detectDecimalMark(samples: Iterable<Cell>): DecimalMark {
	let german = 0;
	let english = 0;
	for (const c of samples) {
		if (typeof c !== 'string') continue;
		const t = c.trim().replace(/%$/, '');
		if (/^[-+−]?\d+,\d{1,2}$/.test(t) || /^[-+−]?\d+,\d{4,}$/.test(t) || /^[-+−]?\d{1,3}(\.\d{3})+,\d+$/.test(t)) german++;
		else if (/^[-+−]?\d+\.\d{1,2}$/.test(t) || /^[-+−]?\d+\.\d{4,}$/.test(t) || /^[-+−]?\d{1,3}(,\d{3})+\.\d+$/.test(t)) english++;
	}
	return english > german ? '.' : ',';
}

/** Whole number check for counts (numerators, denominators). */
export const isWhole = (x: number) => Number.isInteger(x);
