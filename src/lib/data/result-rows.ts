/**
 * Arrow record batches of a user's query → the cells a table, chart or export can show. Unlike
 * arrowToRows (the app's own queries, whose types are known), a console query can return any
 * DuckDB type: numbers stay numbers, dates become ISO dates, lists and structs readable text.
 */
import { DataType, type Field, type RecordBatch } from 'apache-arrow';
import type { ColumnKind, QueryResult, ResultCell } from './connector';

export function columnKind(field: Field): ColumnKind {
	const t = field.type;
	if (DataType.isInt(t) || DataType.isFloat(t) || DataType.isDecimal(t)) return 'number';
	if (DataType.isUtf8(t) || DataType.isLargeUtf8(t)) return 'text';
	if (DataType.isBool(t)) return 'boolean';
	if (DataType.isDate(t) || DataType.isTimestamp(t)) return 'date';
	return 'other';
}

function cell(v: unknown, kind: ColumnKind): ResultCell {
	if (v === null || v === undefined) return null;
	if (typeof v === 'bigint') return Number(v);
	if (kind === 'date') {
		const d = v instanceof Date ? v : new Date(Number(v));
		return Number.isNaN(d.getTime()) ? String(v) : d.toISOString().replace(/T00:00:00\.000Z$/, '').replace(/\.000Z$/, 'Z');
	}
	if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
	return text(v);
}

/** Lists as "a, b", structs and maps as JSON-like text. */
function text(v: unknown): string {
	if (v && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
		const j = (v as { toJSON(): unknown }).toJSON();
		if (Array.isArray(j)) return j.map((x) => (typeof x === 'bigint' ? String(x) : typeof x === 'object' && x !== null ? text(x) : String(x))).join(', ');
		return JSON.stringify(j, (_, x) => (typeof x === 'bigint' ? Number(x) : x));
	}
	if (Array.isArray(v) || ArrayBuffer.isView(v)) return Array.from(v as ArrayLike<unknown>, (x) => String(x)).join(', ');
	return String(v);
}

export function batchesToResult(fields: Field[], batches: RecordBatch[], maxRows: number, more: boolean): QueryResult {
	const columns = fields.map((f) => ({ name: f.name, kind: columnKind(f) }));
	const rows: ResultCell[][] = [];
	for (const b of batches) {
		const vectors = fields.map((_, i) => b.getChildAt(i));
		for (let r = 0; r < b.numRows && rows.length < maxRows; r++) rows.push(columns.map((c, i) => cell(vectors[i]?.get(r), c.kind)));
	}
	return { columns, rows, more: more || batches.reduce((s, b) => s + b.numRows, 0) > maxRows };
}
