import type { Table } from 'apache-arrow';
import type { Row } from './connector';

/**
 * Arrow table → plain objects. BigInt (from SUM/COUNT) becomes number: engines are opened with
 * castBigIntToDouble, and this is the second line of defence, because BigInt breaks JSON and maths.
 */
export function arrowToRows<T extends Row>(table: Table): T[] {
	const fields = table.schema.fields.map((f) => f.name);
	const columns = fields.map((name) => table.getChild(name));
	const rows: T[] = new Array(table.numRows);
	for (let i = 0; i < table.numRows; i++) {
		const row: Row = {};
		for (let c = 0; c < fields.length; c++) row[fields[c]] = plain(columns[c]?.get(i));
		rows[i] = row as T;
	}
	return rows;
}

function plain(v: unknown): unknown {
	if (typeof v === 'bigint') return Number(v);
	if (v === undefined) return null;
	return v;
}
