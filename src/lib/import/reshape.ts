/**
 * Tables → one long shape the mapping step works on. Offices publish "wide" tables with the years as
 * columns ("Schlüssel | Name | 2019 | 2020 | 2021", or "Kinder 2021 | Kinder 2022 | SGB II 2021 | …");
 * the package wants one row per area and year. A column belongs to a year when its name contains a
 * year (1950–2099); the rest of its name ("Kinder", "SGB II", or nothing → "Wert") becomes a measure
 * column. Every long cell remembers its source column, so a message still says "Spalte „2021“".
 */
import type { Cell, Grid } from './grid';
import type { TableLayout } from './table-detect';

export interface LongRow {
	/** Row number in the file as a spreadsheet shows it (1-based). */
	row: number;
	cells: Cell[];
	/** Source column name per cell (only for reshaped tables; otherwise the long column name). */
	src?: string[];
}

export interface LongTable {
	file: string;
	columns: string[];
	rows: LongRow[];
	/** True when built from a wide table; the added year column is `YEAR_COLUMN`. */
	reshaped: boolean;
}

export const YEAR_COLUMN = 'Jahr (aus Spaltenköpfen)';
const YEAR_IN_NAME = /(?:^|[^\d])((?:19[5-9]|20\d)\d)(?![\d])/;

export interface WideColumns {
	/** Columns without a year: keys, names, … */
	idColumns: number[];
	/** year → measure name → column index */
	years: Map<number, Map<string, number>>;
	measures: string[];
}

/** Years in column names: wide when at least two columns carry a year. */
export function detectWide(columns: string[]): WideColumns | null {
	const idColumns: number[] = [];
	const years = new Map<number, Map<string, number>>();
	const measures: string[] = [];
	columns.forEach((name, i) => {
		const m = YEAR_IN_NAME.exec(name);
		if (!m) {
			idColumns.push(i);
			return;
		}
		const year = Number(m[1]);
		const measure = name.replace(m[1], ' ').replace(/[\s_:(),-]+$/, '').replace(/^[\s_:(),-]+/, '').replace(/\s+/g, ' ').trim() || 'Wert';
		if (!measures.includes(measure)) measures.push(measure);
		if (!years.has(year)) years.set(year, new Map());
		years.get(year)!.set(measure, i);
	});
	const yearColumns = [...years.values()].reduce((n, m) => n + m.size, 0);
	return yearColumns >= 2 && idColumns.length >= 1 ? { idColumns, years, measures } : null;
}

/** The table as it is (already long). */
export function toLong(file: string, grid: Grid, layout: TableLayout): LongTable {
	const width = layout.columns.length;
	return {
		file,
		columns: layout.columns,
		reshaped: false,
		rows: layout.dataRows.map((r) => ({ row: r + 1, cells: pad(grid[r], width) }))
	};
}

/** Wide → long: one row per source row and year; a year without any value in the row is dropped. */
export function wideToLong(file: string, grid: Grid, layout: TableLayout, wide: WideColumns): LongTable {
	const idNames = wide.idColumns.map((i) => layout.columns[i]);
	const columns = [...idNames, YEAR_COLUMN, ...wide.measures];
	const rows: LongRow[] = [];
	const years = [...wide.years.keys()].sort((a, b) => a - b);
	for (const r of layout.dataRows) {
		const source = grid[r] ?? [];
		for (const year of years) {
			const byMeasure = wide.years.get(year)!;
			const measureCells = wide.measures.map((m) => (byMeasure.has(m) ? (source[byMeasure.get(m)!] ?? '') : ''));
			if (measureCells.every((c) => c === '' || (typeof c === 'string' && c.trim() === ''))) continue;
			rows.push({
				row: r + 1,
				cells: [...wide.idColumns.map((i) => source[i] ?? ''), year, ...measureCells],
				src: [
					...idNames,
					YEAR_COLUMN,
					...wide.measures.map((m) => (byMeasure.has(m) ? layout.columns[byMeasure.get(m)!] : m))
				]
			});
		}
	}
	return { file, columns, rows, reshaped: true };
}

/** Rows are shared with the grid, not copied (a million rows must not exist twice). */
function pad(row: Cell[] | undefined, width: number): Cell[] {
	const out = row ?? [];
	while (out.length < width) out.push('');
	return out;
}
