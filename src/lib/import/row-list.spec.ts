import { describe, expect, it } from 'vitest';
import { RowSet, placesText, rowsText } from './row-list';

describe('row lists in messages', () => {
	it('names a row once however many records it fed, sorted per file', () => {
		const rows = new RowSet();
		for (const r of [125, 125, 125, 7, 125, 9]) rows.add('a.csv', r);
		rows.add('b.csv', 3);
		rows.add('a.csv', 8);
		expect(rows.places()).toEqual([{ file: 'a.csv', rows: [7, 8, 9, 125] }, { file: 'b.csv', rows: [3] }]);
		expect(rows.size).toBe(5);
	});

	it('writes one row, a few rows, runs and long lists in German', () => {
		expect(rowsText([125])).toBe('Zeile 125');
		expect(rowsText([4, 5])).toBe('Zeilen 4 und 5');
		expect(rowsText([4, 5, 6, 7, 8, 12, 15])).toBe('Zeilen 4–8, 12 und 15');
		expect(rowsText([2, 4, 6, 8, 10, 12, 14, 16])).toBe('Zeilen 2, 4, 6, 8, 10, 12 … (8 Zeilen)');
	});

	it('names the file per group only when rows come from several files', () => {
		expect(placesText([{ file: 'a.csv', rows: [3, 9] }])).toBe('Zeilen 3 und 9');
		expect(placesText([{ file: 'a.csv', rows: [3, 9] }, { file: 'b.csv', rows: [2] }])).toBe('a.csv, Zeilen 3 und 9; b.csv, Zeile 2');
	});
});
