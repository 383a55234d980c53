import { describe, expect, it } from 'vitest';
import { detectLayout } from './table-detect';
import { detectWide, toLong, wideToLong, YEAR_COLUMN } from './reshape';
import type { Grid } from './grid';

describe('detectLayout', () => {
	it('skips title rows above and footnotes below, keeps group gaps out of the data', () => {
		const grid: Grid = [
			['Tabelle 3: Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften', '', ''],
			['Stand: 31.12.2023', '', ''],
			['', '', ''],
			['Schlüssel', 'Sozialraum', 'Anzahl'],
			['0101', 'Altstadt/Süd', '123'],
			['Stadtbezirk Nord', '', ''],
			['0201', 'Nordviertel', '45'],
			['', '', ''],
			['1) ohne Personen in Gemeinschaftsunterkünften', '', ''],
			['Quelle: Statistik der Bundesagentur für Arbeit', '', '']
		];
		const l = detectLayout(grid);
		expect(l.headerRow).toBe(3);
		expect(l.headerRows).toBe(1);
		expect(l.columns).toEqual(['Schlüssel', 'Sozialraum', 'Anzahl']);
		expect(l.dataRows).toEqual([4, 6]);
		expect(l.skipped.map((s) => s.row)).toEqual([0, 1, 5, 8, 9]);
	});

	it('treats a title merged across the table as a title, not a header', () => {
		const grid: Grid = [['Bevölkerung 2023', '', ''], ['Nr', 'Name', 'Einwohner'], ['1', 'A', 5]];
		const l = detectLayout(grid, [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }]);
		expect(l.headerRow).toBe(1);
	});

	it('combines a two-row header with merged group headings', () => {
		const grid: Grid = [
			['Schlüssel', 'Sozialraum', 'Kinder unter 15', '', 'darunter in SGB II', ''],
			['', '', 2022, 2023, 2022, 2023],
			['0101', 'Altstadt/Süd', 1200, 1210, 300, 290]
		];
		const merges = [
			{ s: { r: 0, c: 0 }, e: { r: 1, c: 0 } },
			{ s: { r: 0, c: 1 }, e: { r: 1, c: 1 } },
			{ s: { r: 0, c: 2 }, e: { r: 0, c: 3 } },
			{ s: { r: 0, c: 4 }, e: { r: 0, c: 5 } }
		];
		const l = detectLayout(grid, merges);
		expect(l.headerRows).toBe(2);
		expect(l.columns).toEqual(['Schlüssel', 'Sozialraum', 'Kinder unter 15 2022', 'Kinder unter 15 2023', 'darunter in SGB II 2022', 'darunter in SGB II 2023']);
		expect(l.dataRows).toEqual([2]);
	});

	it('combines a two-row header without merges (CSV), carrying the group heading right', () => {
		const grid: Grid = [
			['Sozialraum', 'Kinder', '', 'SGB II', ''],
			['', '2022', '2023', '2022', '2023'],
			['Altstadt', '10', '11', '2', '3']
		];
		expect(detectLayout(grid).columns).toEqual(['Sozialraum', 'Kinder 2022', 'Kinder 2023', 'SGB II 2022', 'SGB II 2023']);
	});

	it('does not take the first data row for a second header', () => {
		const grid: Grid = [['Schlüssel', 'Name', '2022', '2023'], ['0101', 'Altstadt', '5', '6'], ['0102', 'Hafen', '7', '8']];
		expect(detectLayout(grid).headerRows).toBe(1);
	});

	it('names empty and duplicate header cells', () => {
		const l = detectLayout([['Nr', '', 'Wert', 'Wert'], ['1', 'a', '2', '3']]);
		expect(l.columns).toEqual(['Nr', 'Spalte B', 'Wert', 'Wert (2)']);
	});

	it('follows a user override of header row and count', () => {
		const grid: Grid = [['x', 'y'], ['Nr', 'Wert'], ['1', '2']];
		expect(detectLayout(grid, [], { headerRow: 2, headerRows: 1 })).toMatchObject({ headerRow: 1, columns: ['Nr', 'Wert'], dataRows: [2] });
	});
});

describe('wide tables', () => {
	it('turns years as columns into one row per year with the source column remembered', () => {
		const grid: Grid = [['Schlüssel', 'Name', '2021', '2022'], ['0101', 'Altstadt', '5', ''], ['0102', 'Hafen', '7', '8']];
		const layout = detectLayout(grid);
		const wide = detectWide(layout.columns)!;
		expect(wide.measures).toEqual(['Wert']);
		const long = wideToLong('a.csv', grid, layout, wide);
		expect(long.columns).toEqual(['Schlüssel', 'Name', YEAR_COLUMN, 'Wert']);
		expect(long.rows.map((r) => [r.row, ...r.cells])).toEqual([
			[2, '0101', 'Altstadt', 2021, '5'],
			[3, '0102', 'Hafen', 2021, '7'],
			[3, '0102', 'Hafen', 2022, '8']
		]);
		expect(long.rows[2].src?.[3]).toBe('2022');
	});

	it('splits several measures per year', () => {
		const w = detectWide(['Nr', 'Kinder 2022', 'SGB II 2022', 'Kinder 2023', 'SGB II 2023'])!;
		expect(w.measures).toEqual(['Kinder', 'SGB II']);
		expect([...w.years.keys()]).toEqual([2022, 2023]);
	});

	it('leaves long tables alone', () => {
		expect(detectWide(['Schlüssel', 'Jahr', 'Anzahl'])).toBeNull();
		const grid: Grid = [['Nr', 'Jahr'], ['1', '2020']];
		expect(toLong('b.csv', grid, detectLayout(grid)).rows).toEqual([{ row: 2, cells: ['1', '2020'] }]);
	});
});
