/**
 * CSV for German spreadsheets: UTF-8 with a byte-order mark (without it Excel reads UTF-8 as
 * Windows-1252 and garbles "ü"), semicolons (Excel's list separator in de-DE, where the comma is the
 * decimal sign), decimal commas, CRLF line ends (RFC 4180).
 *
 * Formula injection (OWASP "CSV Injection"): a text cell that begins with = + - @, a tab or a
 * carriage return is prefixed with an apostrophe, so a spreadsheet shows it as text instead of
 * running it. Only text is neutralised: number cells come from finite JS numbers written by this
 * module, so "-1,5" stays a number a planner can calculate with.
 */
import type { CellValue, ExportTable } from './table';

export const BOM = '\uFEFF';
export const SEPARATOR = ';';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralise a text cell against formula injection (also used for XLSX). */
export function neutralise(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A number with decimal comma and no grouping (de-DE Excel reads "1234,5" as a number, "1.234" is ambiguous). */
export function csvNumber(value: number, decimals?: number): string {
	if (!Number.isFinite(value)) return '';
	if (decimals === undefined) return String(value).replace('.', ',');
	const d = Math.max(0, Math.min(20, Math.round(decimals)));
	// a value that rounds to zero prints without a sign ("-0,0" would read as text to some tools)
	const v = Math.abs(value) < 0.5 * 10 ** -d ? 0 : value;
	return v.toFixed(d).replace('.', ',');
}

/** Quote when the cell holds the separator, a quote or a line break (or edge spaces a reader would trim). */
function quote(s: string): string {
	return /[";\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvCell(cell: CellValue, decimals?: number): string {
	if (cell === null) return '';
	if (typeof cell === 'number') return csvNumber(cell, decimals);
	return quote(neutralise(cell));
}

/** The whole file: BOM, header row, rows; every line ends with CRLF. */
export function toCsv(table: ExportTable): string {
	const lines = [
		table.columns.map((c) => csvCell(c.label)),
		...table.rows.map((r) => r.map((cell, i) => csvCell(cell, table.columns[i]?.decimals)))
	];
	return BOM + lines.map((l) => l.join(SEPARATOR)).join('\r\n') + '\r\n';
}
