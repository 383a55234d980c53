/**
 * A console result as a CSV or XLSX file (src/lib/export): the rows as shown, small counts as "•"
 * (result-disclosure.ts), numbers as numbers, and the query, Datenstand and disclosure note on the
 * info sheet, so the numbers never travel without what they are.
 */
import type { ConsoleRunResult } from '$lib/data/analysis/session';
import type { CellValue, ExportTable } from '$lib/export/table';

export interface ExportTexts {
	name: string;
	query: string;
	datenstand: string;
	source: string;
	disclosure: string;
	labels: { query: string; datenstand: string; source: string; disclosure: string; rows: string };
}

export function resultTable(result: ConsoleRunResult, texts: ExportTexts): ExportTable {
	const rows = result.rows.map((r) => r.map((c): CellValue => (typeof c === 'boolean' ? (c ? 'true' : 'false') : c)));
	return {
		name: texts.name,
		columns: result.columns.map((c) => ({ label: c.name })),
		rows,
		meta: [
			[texts.labels.query, texts.query],
			[texts.labels.rows, String(result.rows.length)],
			[texts.labels.datenstand, texts.datenstand],
			[texts.labels.source, texts.source],
			[texts.labels.disclosure, texts.disclosure]
		]
	};
}
