/**
 * Writing package tables in the package's CSV format (docs/data-package.md): the columns of
 * TABLE_SCHEMAS in their order, lists pipe-separated, numbers without exponent, no "-0", trailing
 * zeros trimmed, so the output does not depend on how a runtime prints floats. The demo generator
 * and the app's exports (offers, networks, measures) write through here.
 */
import { csvFormatRows } from 'd3';
import { TABLE_SCHEMAS, type ColumnSpec, type TableName } from './csv';

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

/** Decimals per numeric column; everything else numeric is written with up to 6 (lon/lat: 5 ≈ 1 m). */
const DECIMALS: Record<string, number> = { lon: 5, lat: 5 };

function cell(value: unknown, spec: ColumnSpec): string {
	if (value === null || value === undefined) return '';
	if (spec.type === 'list') return (value as string[]).join('|');
	if (spec.type === 'integer') {
		if (!Number.isInteger(value)) throw new Error(`${spec.name}: not an integer: ${value}`);
		return fmt(value as number, 0);
	}
	if (spec.type === 'number') return fmt(value as number, DECIMALS[spec.name] ?? 6);
	return String(value);
}

/** One table as CSV text, every column of its schema in schema order. */
export function tableCsv(table: TableName, rows: readonly object[]): string {
	const specs = TABLE_SCHEMAS[table];
	return toCsv(
		specs.map((s) => s.name),
		rows.map((row) => specs.map((s) => cell((row as Record<string, unknown>)[s.name], s)))
	);
}
