/**
 * Spreadsheets (XLSX, also XLS/ODS: SheetJS reads them all) → the common Grid, one sheet at a time.
 * SheetJS Community Edition is the well-kept standard reader and runs unchanged in a worker and in
 * Node. Cells keep their type: numbers stay numbers (no decimal-mark guessing), text stays text, so a
 * key typed as text "05111" keeps its zero. A number shown with a zero-padding format ("00000") is
 * taken as displayed, since that is how offices store keys as numbers. Merged ranges come along for
 * header detection (table-detect.ts).
 */
import * as XLSX from '@e965/xlsx';
import type { Cell, Grid, Merge } from './grid';

export interface Workbook {
	sheetNames: string[];
	sheet(name: string): SheetGrid;
}

export interface SheetGrid {
	grid: Grid;
	merges: Merge[];
	/** German notes, e.g. on percentage cells. */
	notes: string[];
}

export function readWorkbook(bytes: Uint8Array): Workbook {
	// dense: rows as arrays, far less memory for big sheets; cellDates: real dates, not serials
	const wb = XLSX.read(bytes, { type: 'array', dense: true, cellDates: true, cellNF: true, cellText: true });
	return {
		sheetNames: wb.SheetNames,
		sheet: (name: string) => sheetGrid(wb.Sheets[name])
	};
}

type DenseSheet = XLSX.WorkSheet & { '!data'?: (XLSX.CellObject | undefined)[][] };

function sheetGrid(ws: DenseSheet | undefined): SheetGrid {
	const notes: string[] = [];
	if (!ws || !ws['!ref']) return { grid: [], merges: [], notes };
	const range = XLSX.utils.decode_range(ws['!ref']);
	const data = ws['!data'] ?? [];
	const grid: Grid = [];
	let percent = 0;
	// Start at row/column 0 whatever the range says, so row numbers match what Excel shows.
	for (let r = 0; r <= range.e.r; r++) {
		const row: Cell[] = [];
		for (let c = 0; c <= range.e.c; c++) {
			const cell = data[r]?.[c];
			const v = cellValue(cell);
			if (typeof v === 'number' && cell?.z && String(cell.z).includes('%')) percent++;
			row.push(v);
		}
		grid.push(row);
	}
	if (percent > 0) {
		notes.push(`${percent} Zellen sind als Prozent formatiert; übernommen wird der gespeicherte Wert (z. B. 0,125 für 12,5 %). Bitte wählen Sie den Multiplikator passend.`);
	}
	const merges = (ws['!merges'] ?? []).map((m) => ({ s: { ...m.s }, e: { ...m.e } }));
	return { grid, merges, notes };
}

function cellValue(cell: XLSX.CellObject | undefined): Cell {
	if (!cell || cell.v === undefined || cell.v === null) return '';
	switch (cell.t) {
		case 'n':
			// "00000"-style formats pad keys with zeros: take the displayed text
			if (typeof cell.z === 'string' && /^0+$/.test(cell.z) && typeof cell.w === 'string') return cell.w;
			return cell.v as number;
		case 'd':
			return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v);
		case 'b':
			return cell.v ? 'WAHR' : 'FALSCH';
		case 'e':
			return cell.w ?? '#FEHLER';
		default:
			return String(cell.v);
	}
}
