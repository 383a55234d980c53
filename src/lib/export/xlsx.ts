/**
 * XLSX of a table (SheetJS CE): a data sheet with real number cells and a number format per column,
 * and an info sheet with title, source and Datenstand, so the numbers never travel without them.
 * Text cells are neutralised like in the CSV: a cell that looks like a formula when it is copied or
 * saved as CSV again must stay text there too.
 */
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import type { CellValue, ExportTable } from './table';
import { neutralise } from './csv';

type Xlsx = typeof import('@e965/xlsx');

function numberFormat(decimals: number | undefined): string | undefined {
	if (decimals === undefined) return undefined;
	return decimals > 0 ? `0.${'0'.repeat(Math.min(decimals, 10))}` : '0';
}

function cell(value: CellValue, decimals: number | undefined): CellObject | null {
	if (value === null) return null;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return null;
		const z = numberFormat(decimals);
		return z ? { t: 'n', v: value, z } : { t: 'n', v: value };
	}
	return { t: 's', v: neutralise(value) };
}

/** Excel allows 31 characters and none of : \ / ? * [ ] in a sheet name. */
export function sheetName(name: string): string {
	const clean = name.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31);
	return clean || 'Tabelle';
}

function dataSheet(X: Xlsx, table: ExportTable): WorkSheet {
	const ws = X.utils.aoa_to_sheet([table.columns.map((c) => neutralise(c.label))]);
	table.rows.forEach((row, r) => {
		row.forEach((value, c) => {
			const obj = cell(value, table.columns[c]?.decimals);
			if (obj) ws[X.utils.encode_cell({ r: r + 1, c })] = obj;
		});
	});
	ws['!ref'] = X.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: table.rows.length, c: Math.max(0, table.columns.length - 1) } });
	ws['!cols'] = table.columns.map((c, i) => ({
		wch: Math.min(60, Math.max(c.label.length, ...table.rows.map((r) => String(r[i] ?? '').length)) + 2)
	}));
	return ws;
}

export function buildWorkbook(X: Xlsx, table: ExportTable, infoName = 'Angaben'): WorkBook {
	const wb = X.utils.book_new();
	X.utils.book_append_sheet(wb, dataSheet(X, table), sheetName(table.name));
	if (table.meta.length > 0) {
		const info = X.utils.aoa_to_sheet(table.meta.map(([k, v]) => [neutralise(k), neutralise(v)]));
		info['!cols'] = [{ wch: 24 }, { wch: 90 }];
		X.utils.book_append_sheet(wb, info, sheetName(infoName));
	}
	return wb;
}

/** The file as bytes; SheetJS is loaded only when someone exports. */
export async function toXlsx(table: ExportTable, infoName?: string): Promise<ArrayBuffer> {
	const X = await import('@e965/xlsx');
	return X.write(buildWorkbook(X, table, infoName), { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
}
