/**
 * CSV for German Excel: UTF-8 with byte-order mark (without it Excel reads UTF-8 as Windows-1252),
 * semicolons (Excel's list separator where the comma is the decimal sign), decimal commas, CRLF.
 * Text cells starting with = + - @ (or tab / CR) get a leading apostrophe so a spreadsheet shows
 * them as text instead of running a formula (OWASP "CSV Injection"). Numbers are written here from
 * finite numbers, so "-1,5" stays a number.
 */
export const BOM = '\uFEFF';

export type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

function text(s: string): string {
	const t = neutralise(s);
	return /[";\r\n]/.test(t) || t !== t.trim() ? `"${t.replace(/"/g, '""')}"` : t;
}

/** Numbers with a decimal comma and up to `decimals` places, no thousands separator. */
export function cell(c: Cell, decimals = 3): string {
	if (c === null) return '';
	if (typeof c === 'number') {
		if (!Number.isFinite(c)) return '';
		const v = Math.abs(c) < 0.5 * 10 ** -decimals ? 0 : c;
		return String(Number(v.toFixed(decimals))).replace('.', ',');
	}
	return text(c);
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
	const lines = [header.map((h) => text(h)), ...rows.map((r) => r.map((c) => cell(c)))];
	return BOM + lines.map((l) => l.join(';')).join('\r\n') + '\r\n';
}
