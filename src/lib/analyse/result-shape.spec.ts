import { describe, expect, it } from 'vitest';
import { canMap, chartKind, defaultValueColumn, resultShape } from './result-shape';
import type { QueryResult } from '$lib/data/connector';

const KEYS = new Set(['0101', '0102', '0201']);
const result = (columns: [string, QueryResult['columns'][number]['kind']][], rows: QueryResult['rows']): QueryResult => ({
	columns: columns.map(([name, kind]) => ({ name, kind })),
	rows,
	more: false
});

describe('resultShape', () => {
	it('offers a map and bars for area keys with a value, colouring by the last number', () => {
		const r = result([['area_key', 'text'], ['area_name', 'text'], ['wert_2020', 'number'], ['anstieg', 'number'], ['flag', 'text']], [
			['0101', 'Altstadt', 20, 5.2, ''],
			['0201', 'Nordviertel', 30, 6.1, 'suppressed']
		]);
		const s = resultShape(r, KEYS);
		expect(s).toEqual({ areaColumn: 0, valueColumns: [2, 3], yearColumn: null, labelColumn: 1, flagColumn: 4 });
		expect(canMap(s)).toBe(true);
		expect(chartKind(s)).toBe('bar');
		expect(defaultValueColumn(s)).toBe(3);
	});

	it('draws a line over a year column, named or not', () => {
		expect(chartKind(resultShape(result([['year', 'number'], ['value', 'number']], [[2020, 1], [2021, 2]]), KEYS))).toBe('line');
		const s = resultShape(result([['berichts_j', 'number'], ['value', 'number']], [[2020, 1.5], [2021, 2]]), KEYS);
		expect(s.yearColumn).toBe(0);
		expect(s.valueColumns).toEqual([1]);
	});

	it('does not mistake a single column of numbers between 1900 and 2100 for years', () => {
		const s = resultShape(result([['angebote', 'number']], [[1950], [2001]]), KEYS);
		expect(s.yearColumn).toBeNull();
		expect(chartKind(s)).toBeNull();
	});

	it('offers no map when the keys are not those of the finest level', () => {
		const s = resultShape(result([['area_key', 'text'], ['value', 'number']], [['01', 1], ['02', 2]]), KEYS);
		expect(s.areaColumn).toBeNull();
		expect(canMap(s)).toBe(false);
		// the keys still name bars
		expect(chartKind(s)).toBe('bar');
	});
});
