/**
 * One table file → a long table, with every reading decision explicit and overridable: encoding,
 * delimiter and decimal mark (CSV), sheet (spreadsheets), header row(s), years-as-columns.
 * `auto` values are detected and the detected value is returned, so the wizard can show it and the
 * CLI config can pin it.
 */
import { readCsv, type Delimiter } from './csv-read';
import type { EncodingChoice, DetectedEncoding } from './decode';
import type { InputFile } from './geo-read';
import { cellText, type Grid, type Merge } from './grid';
import { detectDecimalMark, type DecimalMark } from './numbers';
import { detectWide, toLong, wideToLong, type LongTable } from './reshape';
import { detectLayout, type TableLayout } from './table-detect';
import { readWorkbook } from './xlsx-read';

export interface TableOptions {
	encoding?: EncodingChoice;
	delimiter?: Delimiter | 'auto';
	decimal?: DecimalMark | 'auto';
	sheet?: string;
	/** 1-based row of the (first) header row. */
	headerRow?: number;
	headerRows?: 1 | 2;
	/** Years as columns: auto-detected unless set. */
	wide?: boolean | 'auto';
}

export interface PreparedTable {
	file: string;
	kind: 'csv' | 'spreadsheet';
	sheetNames: string[];
	sheet?: string;
	encoding?: DetectedEncoding;
	bom?: boolean;
	delimiter?: Delimiter;
	decimal: DecimalMark;
	layout: TableLayout;
	wide: boolean;
	long: LongTable;
	/** The first rows of the file as read (for the preview). */
	head: Grid;
	merges: Merge[];
	notes: string[];
}

export const isSpreadsheet = (name: string) => /\.(xlsx|xlsm|xls|ods)$/i.test(name);
export const isTableFile = (name: string) => isSpreadsheet(name) || /\.(csv|txt|tsv|tab)$/i.test(name);

export function prepareTable(file: InputFile, options: TableOptions = {}, progress?: (f: number) => void): PreparedTable {
	let grid: Grid;
	let merges: Merge[] = [];
	const notes: string[] = [];
	let base: Partial<PreparedTable>;
	if (isSpreadsheet(file.name)) {
		const wb = readWorkbook(file.bytes);
		const sheet = options.sheet && wb.sheetNames.includes(options.sheet) ? options.sheet : firstUsefulSheet(wb);
		if (options.sheet && options.sheet !== sheet) notes.push(`Das Tabellenblatt „${options.sheet}“ gibt es nicht; gelesen wird „${sheet}“.`);
		const s = wb.sheet(sheet);
		({ grid, merges } = s);
		notes.push(...s.notes);
		base = { kind: 'spreadsheet', sheetNames: wb.sheetNames, sheet };
		progress?.(1);
	} else {
		const r = readCsv(file.bytes, { encoding: options.encoding, delimiter: options.delimiter }, progress);
		grid = r.grid;
		notes.push(...r.notes);
		if (r.bom) notes.push('Die Datei beginnt mit einem Byte-Order-Mark (BOM); er wurde entfernt.');
		base = { kind: 'csv', sheetNames: [], encoding: r.encoding, bom: r.bom, delimiter: r.delimiter };
	}
	const layout = detectLayout(grid, merges, { headerRow: options.headerRow, headerRows: options.headerRows });
	const wideCols = options.wide === false ? null : detectWide(layout.columns);
	const wide = wideCols !== null && options.wide !== false;
	const long = wide ? wideToLong(file.name, grid, layout, wideCols!) : toLong(file.name, grid, layout);
	const decimal = options.decimal && options.decimal !== 'auto' ? options.decimal : detectDecimalMark(sampleCells(long));
	return { ...(base as PreparedTable), file: file.name, decimal, layout, wide, long, head: grid.slice(0, 40), merges, notes };
}

function* sampleCells(long: LongTable) {
	for (const r of long.rows.slice(0, 500)) yield* r.cells;
}

/** The first sheet with a table in it (cover sheets "Erläuterungen" have one column of text). */
function firstUsefulSheet(wb: ReturnType<typeof readWorkbook>): string {
	for (const name of wb.sheetNames) {
		const g = wb.sheet(name).grid;
		if (g.some((row) => row.filter((c) => cellText(c) !== '').length >= 2)) return name;
	}
	return wb.sheetNames[0];
}
