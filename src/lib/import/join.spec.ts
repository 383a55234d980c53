import { describe, expect, it } from 'vitest';
import { joinRecords, joinVersions } from './join';
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
		const { keys, report } = joinRecords([rec('101', '', 2)], areas, { keyRule: { kind: 'pad', width: 4 } });
		expect(keys).toEqual(['0101']);
		expect(report.normalisedKeys).toEqual([{ from: '101', to: '0101' }]);
	});

	it('proposes names, even equal ones, and matches by name only what the user confirmed', () => {
		const records = [rec('', 'Altstadt-Süd', 2), rec('', 'St. Georg', 3), rec('', 'Hafen', 4)];
		const open = joinRecords(records, areas);
		expect(open.keys).toEqual([null, null, null]);
		expect(open.report.unmatchedTable[0].candidates[0]).toMatchObject({ key: '0101', confidence: 1 });
		expect(open.report.unmatchedTable[2]).toMatchObject({ name: 'Hafen', places: [{ file: 't.csv', rows: [4] }] });
		expect(open.report.unmatchedTable[2].candidates[0]).toMatchObject({ key: '0201' });
		const confirmed = joinRecords(records, areas, { nameMatches: { 'Altstadt-Süd': '0101', 'St. Georg': '0102', Hafen: '0201' } });
		expect(confirmed.keys).toEqual(['0101', '0102', '0201']);
		expect(confirmed.report.byName.find((b) => b.tableName === 'Hafen')).toMatchObject({ confirmed: true });
	});

	it('proposes no name for a row whose key has no polygon unless asked, and flags a name used in two parents', () => {
		// the bug: "Kirchweg" 0107 had no polygon and was matched to the other Kirchweg, in another district
		const streets = [{ key: '0103', name: 'Kirchweg', parentName: 'Nordstadt' }, { key: '0204', name: 'Kirchweg', parentName: 'Weststadt' }, { key: '0105', name: 'Markt', parentName: 'Nordstadt' }];
		const row = [rec('0107', 'Kirchweg', 9)];
		expect(joinRecords(row, streets).report.unmatchedTable[0].candidates).toEqual([]);
		const asked = joinRecords(row, streets, { matchByName: true });
		expect(asked.keys).toEqual([null]);
		const g = asked.report.unmatchedTable[0];
		expect(g.candidates.map((c) => [c.key, c.parentName, c.confidence])).toEqual([['0103', 'Nordstadt', 1], ['0204', 'Weststadt', 1]]);
		expect(joinProblems(asked.report)[0].message_de).toBe(
			't.csv: Der Schlüssel „0107“ (Kirchweg) passt zu keinem Gebiet der Karte; Zeile 9 wird nicht übernommen. Meinten Sie „Kirchweg“ (0103, Nordstadt, gleicher Name) oder „Kirchweg“ (0204, Weststadt, gleicher Name)? Zugeordnet wird erst, wenn Sie bestätigen. Vorsicht: Die Zeilen haben den Schlüssel „0107“, die vorgeschlagenen Gebiete einen anderen. Achtung: „Kirchweg“ gibt es in Nordstadt („0103“) und in Weststadt („0204“); bitte wählen Sie das richtige Gebiet.'
		);
	});

	it('holds back rows of a key the map has twice, instead of saying every row matches', () => {
		const { keys, report } = joinRecords([rec('0101', '', 2), rec('0102', '', 3)], areas, {}, new Set(['0101']));
		expect(keys).toEqual([null, '0102']);
		expect(report.waitingForMap).toEqual([{ key: '0101', places: [{ file: 't.csv', rows: [2] }] }]);
		expect(report.areasWithoutData.map((a) => a.key)).toEqual(['0201']);
	});

	it('joins each year to the boundary version valid then', () => {
		const old = { version: '2014', label: 'Gebietsstand 2014', validity: { valid_from: null, valid_to: 2020 }, areas: [{ key: '01', name: 'Alt' }] };
		const neu = { version: '2021', label: 'Gebietsstand 2021', validity: { valid_from: 2021, valid_to: null }, areas: [{ key: '11', name: 'Neu A' }, { key: '12', name: 'Neu B' }] };
		const rows = [{ ...rec('01', '', 2), year: 2020 }, { ...rec('11', '', 3), year: 2021 }, { ...rec('01', '', 4), year: 2021 }];
		const { keys, report } = joinVersions(rows, [old, neu]);
		expect(keys).toEqual(['01', '11', null]);
		expect(report.versions.map((v) => [v.version, v.years, v.matched])).toEqual([['2014', [2020], 1], ['2021', [2021], 1]]);
		expect(report.areasWithoutData.map((a) => a.key)).toEqual(['12']);
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
