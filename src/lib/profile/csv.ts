/**
 * CSV for German Excel: UTF-8 with a byte-order mark (without it Excel reads UTF-8 as Windows-1252
 * and garbles "ü"), semicolons (Excel's list separator in the de-DE locale, where the comma is the
 * decimal sign), decimal commas, CRLF line ends (RFC 4180).
 *
 * Text cells that begin with = + - @ (or tab / carriage return) are prefixed with an apostrophe so a
 * spreadsheet shows them as text instead of running them as a formula (OWASP "CSV Injection"). Number
 * cells are written by this module from finite numbers, so they are left alone: "-1,5" stays a number.
 * Suppressed values are written as "•" — never the number, never 0.
 */

export const BOM = '\uFEFF';
export const SEPARATOR = ';';
export const SUPPRESSED_MARK = '•';

/** A number cell (formatted here), a text cell (neutralised), or empty. */
export type Cell = { num: number | null; decimals?: number } | string | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralise a text cell against formula injection. */
export function neutralise(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A number with decimal comma and no thousands separator (Excel de-DE reads it as a number). */
export function csvNumber(value: number | null, decimals = 0): string {
	if (value === null || !Number.isFinite(value)) return '';
	const d = Math.max(0, Math.min(20, Math.round(decimals)));
	const v = Math.abs(value) < 0.5 * 10 ** -d ? 0 : value;
	return v.toFixed(d).replace('.', ',');
}

function quote(s: string): string {
	return /[";\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function cellText(cell: Cell): string {
	if (cell === null) return '';
	if (typeof cell === 'string') return quote(neutralise(cell));
	return csvNumber(cell.num, cell.decimals);
}

/** The whole file: BOM, header row, rows; every line ends with CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
	const lines = [header.map((h) => cellText(h)), ...rows.map((r) => r.map(cellText))];
	return BOM + lines.map((l) => l.join(SEPARATOR)).join('\r\n') + '\r\n';
}

/** A file name without characters that Windows forbids, e.g. "steckbrief_0101_2025.csv". */
export function csvFileName(...parts: (string | number)[]): string {
	return (
		parts
			.map((p) => String(p).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_-]+/g, '-'))
			.join('_')
			.replace(/-+/g, '-')
			.toLowerCase() + '.csv'
	);
}
