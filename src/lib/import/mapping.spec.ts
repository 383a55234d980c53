import { describe, expect, it } from 'vitest';
import { suggestMapping } from './mapping';
import { YEAR_COLUMN, type LongTable } from './reshape';

const table = (columns: string[], rows: (string | number)[][], reshaped = false): LongTable => ({ file: 't.csv', columns, reshaped, rows: rows.map((cells, i) => ({ row: i + 2, cells })) });

describe('suggestMapping', () => {
	it('recognises the headers statistics offices use', () => {
		const t = table(['Schlüssel', 'Sozialraum', 'Jahr', 'Anzahl', 'Insgesamt', 'Quote'], [['0101', 'Altstadt', '2023', '12', '100', '12,0']]);
		expect(suggestMapping(t)).toEqual({ key: 'Schlüssel', name: 'Sozialraum', year: 'Jahr', numerator: 'Anzahl', denominator: 'Insgesamt', value: 'Quote' });
	});

	it('takes a "Sozialraum" column of digits for the key, not the name', () => {
		const t = table(['Sozialraum', 'Bezeichnung', 'Jahr', 'Wert'], [['0101', 'Altstadt', 2023, '5'], ['0102', 'Hafen', 2023, '6']]);
		expect(suggestMapping(t)).toMatchObject({ key: 'Sozialraum', name: 'Bezeichnung', year: 'Jahr', value: 'Wert' });
	});

	it('finds a reference date column as the year and an indicator column', () => {
		const t = table(['Nr', 'Merkmal', 'Stichtag', 'Zähler', 'Nenner'], [['1', 'SGB II', '31.12.2023', '3', '9']]);
		expect(suggestMapping(t)).toMatchObject({ key: 'Nr', indicator: 'Merkmal', year: 'Stichtag', numerator: 'Zähler', denominator: 'Nenner' });
	});

	it('uses the year from the headers of a wide table and its single measure as value', () => {
		const t = table(['Schlüssel', 'Name', YEAR_COLUMN, 'Wert'], [['0101', 'Altstadt', 2021, '3,5']], true);
		expect(suggestMapping(t)).toMatchObject({ key: 'Schlüssel', name: 'Name', year: YEAR_COLUMN, value: 'Wert' });
	});
});
