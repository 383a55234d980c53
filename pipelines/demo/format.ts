/**
 * Fixed text formatting for the written files: no exponent notation, no "-0", trailing zeros
 * trimmed, so the output does not depend on how a runtime prints floats.
 */
import { csvFormatRows } from 'd3';

export function round(x: number, decimals: number): number {
	const f = 10 ** decimals;
	const r = Math.round(x * f) / f;
	return Object.is(r, -0) ? 0 : r;
}

/** A number with at most `decimals` decimals, e.g. fmt(18.5, 6) → "18.5", fmt(3, 6) → "3". */
export function fmt(x: number | null, decimals = 6): string {
	if (x === null) return '';
	if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
	const text = round(x, decimals).toFixed(decimals);
	const trimmed = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
	return trimmed === '-0' ? '0' : trimmed;
}

/** RFC 4180 CSV: quoting only where needed (d3-dsv does exactly that), LF line ends, final LF. */
export function toCsv(header: readonly string[], rows: readonly string[][]): string {
	return `${csvFormatRows([[...header], ...rows])}\n`;
}

/** Plain code-point comparison: independent of the ICU collation of the machine. */
export function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
