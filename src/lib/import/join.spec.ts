import { describe, expect, it } from 'vitest';
import { joinRecords } from './join';
import { joinProblems } from './join-problems';
import type { TableRecord } from './records';

const rec = (key: string, name: string, row: number): TableRecord => ({ file: 't.csv', row, key, name, year: 2023, indicator: 'x', value: 1, numerator: null, denominator: null, columns: {} });
const areas = [
	{ key: '0101', name: 'Altstadt/Süd' },
	{ key: '0102', name: 'Sankt Georg' },
	{ key: '0201', name: 'Am Hafen' }
];

describe('joinRecords', () => {
	it('matches keys without leading zeros and reports them', () => {
		const { keys, report } = joinRecords([rec('101', '', 2)], areas, { keyWidth: 4 });
		expect(keys).toEqual(['0101']);
		expect(report.normalisedKeys).toEqual([{ from: '101', to: '0101' }]);
	});

	it('matches exact-after-normalisation names automatically, others only when confirmed', () => {
		const records = [rec('', 'Altstadt-Süd', 2), rec('', 'St. Georg', 3), rec('', 'Hafen', 4)];
		const open = joinRecords(records, areas);
		expect(open.keys).toEqual(['0101', '0102', null]);
		expect(open.report.unmatchedTable[0]).toMatchObject({ name: 'Hafen', places: [{ file: 't.csv', rows: [4] }] });
		expect(open.report.unmatchedTable[0].candidates[0]).toMatchObject({ key: '0201' });
		const confirmed = joinRecords(records, areas, { nameMatches: { Hafen: '0201' } });
		expect(confirmed.keys).toEqual(['0101', '0102', '0201']);
		expect(confirmed.report.byName.find((b) => b.tableName === 'Hafen')).toMatchObject({ confirmed: true });
	});

	it('reports dissolved keys, areas without data and summary rows separately', () => {
		const { report } = joinRecords([rec('0101', 'Altstadt/Süd', 2), rec('0303', 'Kolonie', 3), rec('', 'Stadt insgesamt', 4)], areas);
		expect(report.unmatchedTable.map((g) => g.key)).toEqual(['0303']);
		expect(report.areasWithoutData.map((a) => a.key)).toEqual(['0102', '0201']);
		expect(report.totalRows).toEqual([{ file: 't.csv', row: 4, name: 'Stadt insgesamt' }]);
		expect(report).toMatchObject({ areasMatched: 1, recordsMatched: 1, recordsTotal: 3 });
	});

	it('lists a row of a wide table once, not once per year it holds (CLI said "Zeilen 125, 125, 125")', () => {
		const wide = [2021, 2022, 2023].map((year) => ({ ...rec('0303', 'Kolonie', 125), year }));
		const { report } = joinRecords([...wide, rec('0303', 'Kolonie', 12)], areas);
		expect(report.unmatchedTable).toHaveLength(1);
		expect(report.unmatchedTable[0].places).toEqual([{ file: 't.csv', rows: [12, 125] }]);
		expect(joinProblems(report)[0].message_de).toBe('t.csv: Der Schlüssel „0303“ (Kolonie) passt zu keinem Gebiet der Karte; Zeilen 12 und 125 werden nicht übernommen. Ist das Gebiet aufgelöst, umbenannt oder neu geschlüsselt? Dann ordnen Sie es zu oder entfernen die Zeilen.');
	});

	it('never matches by a name two areas share', () => {
		const twins = [{ key: '1', name: 'Mitte' }, { key: '2', name: 'Mitte' }];
		expect(joinRecords([rec('', 'Mitte', 2)], twins).keys).toEqual([null]);
	});
});
