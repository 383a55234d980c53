import { describe, expect, it } from 'vitest';
import { cellChecks } from './cells';
import type { Indicator } from '$lib/data/types';
import type { QualityObservation } from './types';

const ind = { id: 'quote', value_type: 'proportion', multiplier: 100, decimals: 1 } as Indicator;
const KEYS = ['01', '02', '03'];
const cell = (area_key: string, year: number, numerator: number | null, denominator: number | null, flag: QualityObservation['flag'] = ''): QualityObservation => ({
	area_key, indicator_id: 'quote', year, numerator, denominator, flag,
	value: numerator === null || denominator === null || flag === 'suppressed' ? null : (numerator / denominator) * 100
});
const full = (year: number) => KEYS.map((k) => cell(k, year, 10, 100));

describe('cellChecks', () => {
	it('counts coverage per year and names the area that has no row', () => {
		const rows = [...full(2020), cell('01', 2021, 10, 100), cell('03', 2021, 12, 100), ...full(2022)];
		const r = cellChecks(ind, rows, KEYS, 0);
		expect(r.coverage.map((c) => `${c.year}:${c.withValue}/${c.total}`)).toEqual(['2020:3/3', '2021:2/3', '2022:3/3']);
		expect(r.findings).toEqual([{ check: 'missing_areas', severity: 'warning', indicator_id: 'quote', years: [2021], areas: ['02'], detail: { missing: 1, total: 3, withValue: 2, zeroDenominator: 0 } }]);
	});

	it('calls a year in which every area is flagged "missing" a documented gap, not a warning', () => {
		const rows = [...full(2019), ...KEYS.map((k) => cell(k, 2020, null, null, 'missing')), ...full(2021)];
		expect(cellChecks(ind, rows, KEYS, 0).findings).toEqual([{ check: 'missing_year', severity: 'info', indicator_id: 'quote', years: [2020], areas: [], detail: { total: 3 } }]);
	});

	it('says when an area has no value because its denominator is 0 (nothing to count), as info', () => {
		const rows = [{ ...cell('01', 2020, 0, 0), value: null, flag: 'missing' as const }, cell('02', 2020, 10, 100), cell('03', 2020, 10, 100)];
		expect(cellChecks(ind, rows, KEYS, 0).findings).toEqual([
			{ check: 'missing_areas', severity: 'info', indicator_id: 'quote', years: [2020], areas: ['01'], detail: { missing: 1, total: 3, withValue: 2, zeroDenominator: 1 } }
		]);
	});

	it('does not count years before the first or after the last year with data as gaps', () => {
		expect(cellChecks(ind, [...full(2016), ...full(2017)], KEYS, 0).coverage.map((c) => c.year)).toEqual([2016, 2017]);
	});

	it('lists withheld cells apart from missing ones', () => {
		const rows = [cell('01', 2020, null, null, 'suppressed'), cell('02', 2020, 10, 100), cell('03', 2020, 10, 100)];
		const r = cellChecks(ind, rows, KEYS, 0);
		expect(r.coverage[0]).toEqual({ year: 2020, withValue: 2, suppressed: 1, total: 3 });
		expect(r.findings).toEqual([{ check: 'suppressed', severity: 'info', indicator_id: 'quote', years: [2020], areas: ['01'], detail: { cells: 1 } }]);
	});

	it('reports published values with a denominator below the chosen minimum, with the smallest one', () => {
		const rows = [cell('01', 2020, 3, 12), cell('02', 2020, 0, 7), cell('03', 2020, 10, 100)];
		const f = cellChecks(ind, rows, KEYS, 20).findings;
		expect(f).toEqual([{ check: 'small_denominator', severity: 'info', indicator_id: 'quote', years: [2020], areas: ['01', '02'], detail: { cells: 2, minimum: 20, lowest: 7 } }]);
		expect(cellChecks(ind, rows, KEYS, 0).findings).toEqual([]);
	});

	it('reports a share above 100 % with its numbers', () => {
		const rows = [cell('01', 2020, 104, 100), cell('02', 2020, 10, 100), cell('03', 2020, 10, 100)];
		expect(cellChecks(ind, rows, KEYS, 0).findings).toEqual([
			{ check: 'numerator_above_denominator', severity: 'warning', indicator_id: 'quote', years: [2020], areas: ['01'], detail: { numerator: 104, denominator: 100, value: 104 } }
		]);
		// a rate may exceed its denominator
		expect(cellChecks({ ...ind, value_type: 'rate' }, rows, KEYS, 0).findings).toEqual([]);
	});
});
