/**
 * Where is the table in a sheet? Statistics offices put title lines above it ("Tabelle 3: …",
 * "Stand: 31.12.2023"), headers over one or two rows (a group heading merged across its year
 * columns, the years below), blank separator rows and footnotes below ("1) ohne Ausländer…",
 * "Quelle: …"). This finds header rows, data rows and column names; the user can override both
 * numbers in the wizard (or the CLI config), and everything skipped is listed, never lost silently.
 */
import { cellText, columnLetter, isEmptyCell, type Cell, type Grid, type Merge } from './grid';

export interface TableLayout {
	/** 0-based index of the first header row. */
	headerRow: number;
	/** 1 or 2 header rows. */
	headerRows: number;
	/** Column names (header cells combined, unique, never empty). */
	columns: string[];
	/** 0-based indices of the data rows. */
	dataRows: number[];
	/** Rows skipped above the header and inside/below the data, with their text, for the report. */
	skipped: { row: number; text: string }[];
}

const filled = (row: Cell[] | undefined) => (row ?? []).filter((c) => !isEmptyCell(c)).length;
const rowText = (row: Cell[]) => row.filter((c) => !isEmptyCell(c)).map(cellText).join(' ');
const looksNumeric = (c: Cell) => typeof c === 'number' || /^[-+−]?[\d.,\s]+%?$/.test(String(c).trim());
const isYear = (c: Cell) => /^(19[5-9]\d|20\d\d)$/.test(cellText(c));

/** Copy each merged range's top-left value into every cell of the range (headers only need this). */
export function fillMerges(grid: Grid, merges: readonly Merge[]): Grid {
	// copy only the rows a merge touches: a sheet may have a million rows and a handful of merges
	const out = grid.slice();
	const copied = new Set<number>();
	for (const m of merges) {
		const v = out[m.s.r]?.[m.s.c] ?? '';
		for (let r = m.s.r; r <= m.e.r; r++) {
			if (!copied.has(r)) {
				out[r] = [...(out[r] ?? [])];
				copied.add(r);
			}
			for (let c = m.s.c; c <= m.e.c; c++) out[r][c] = v;
		}
	}
	return out;
}

export interface LayoutOverride {
	/** 1-based row number of the (first) header row, as the spreadsheet shows it. */
	headerRow?: number;
	headerRows?: 1 | 2;
}

export function detectLayout(grid: Grid, merges: readonly Merge[] = [], override: LayoutOverride = {}): TableLayout {
	const full = fillMerges(grid, merges);
	const distinct = (row: Cell[] | undefined) => new Set((row ?? []).filter((c) => !isEmptyCell(c)).map(cellText)).size;
	// Header: the first row with two different non-empty cells (a title merged across the table has one).
	let headerRow = override.headerRow !== undefined ? override.headerRow - 1 : full.findIndex((r) => distinct(r) >= 2);
	if (headerRow < 0) headerRow = 0;
	const headerRows = override.headerRows ?? (isSecondHeader(grid, full, merges, headerRow) ? 2 : 1);
	let width = 0;
	for (const r of full.slice(headerRow, headerRow + headerRows)) width = Math.max(width, r.length);
	for (const r of grid) width = Math.max(width, lastFilled(r) + 1); // a loop: spreading 10⁶ rows overflows the stack
	const columns = combineHeader(grid, full, headerRow, headerRows, width);

	const skipped: TableLayout['skipped'] = [];
	for (let r = 0; r < headerRow; r++) if (filled(grid[r]) > 0) skipped.push({ row: r, text: rowText(grid[r]) });
	const dataRows: number[] = [];
	const minCells = Math.min(2, columns.length);
	for (let r = headerRow + headerRows; r < grid.length; r++) {
		const n = filled(grid[r]);
		if (n === 0) continue;
		// A row with a single cell inside a wider table is a group heading or a footnote, not data.
		if (n < minCells || (columns.length >= 3 && n === 1)) skipped.push({ row: r, text: rowText(grid[r]) });
		else dataRows.push(r);
	}
	return { headerRow, headerRows, columns, dataRows, skipped };
}

function lastFilled(row: Cell[]): number {
	for (let c = row.length - 1; c >= 0; c--) if (!isEmptyCell(row[c])) return c;
	return -1;
}

/**
 * Row h+1 continues the header when it holds only text or years, and row h shows the signs of a
 * group heading: a horizontal merge, a merge reaching down into h+1, or gaps that h+1 fills.
 */
function isSecondHeader(grid: Grid, full: Grid, merges: readonly Merge[], h: number): boolean {
	const next = grid[h + 1];
	if (!next || filled(next) === 0 || h + 2 >= grid.length) return false;
	if (!next.every((c) => isEmptyCell(c) || !looksNumeric(c) || isYear(c))) return false;
	const horizontal = merges.some((m) => m.s.r === h && m.e.c > m.s.c);
	const downward = merges.some((m) => m.s.r === h && m.e.r >= h + 1);
	const top = grid[h] ?? [];
	const gapsFilled = next.some((c, i) => !isEmptyCell(c) && isEmptyCell(top[i]));
	// The row after must look like data, not a third header row.
	const after = full[h + 2] ?? [];
	return (horizontal || downward || gapsFilled) && after.some((c) => !isEmptyCell(c) && looksNumeric(c));
}

/** "Kinder unter 15" over "2021" → "Kinder unter 15 2021"; empty → "Spalte C"; duplicates numbered. */
function combineHeader(grid: Grid, full: Grid, h: number, rows: number, width: number): string[] {
	const names: string[] = [];
	let carry = '';
	for (let c = 0; c < width; c++) {
		let name: string;
		if (rows === 1) name = cellText(full[h]?.[c]);
		else {
			let top = cellText(full[h]?.[c]);
			const bottom = cellText(grid[h + 1]?.[c]);
			// Without merges a group heading stands only over its first column: carry it right.
			if (top === '' && bottom !== '') top = carry;
			else if (top !== '') carry = top;
			name = top === bottom || bottom === '' ? top : top === '' ? bottom : `${top} ${bottom}`;
		}
		names.push(name.replace(/\s+/g, ' ').trim() || `Spalte ${columnLetter(c)}`);
	}
	const seen = new Map<string, number>();
	return names.map((n) => {
		const k = (seen.get(n) ?? 0) + 1;
		seen.set(n, k);
		return k === 1 ? n : `${n} (${k})`;
	});
}
