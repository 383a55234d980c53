import { describe, expect, it } from 'vitest';
import { profileRow, spreadOf } from './rows';
import { areaValue, city, indicator, series } from './fixtures';

const values = [areaValue('0101', 300, 1000), areaValue('0102', 100, 1000), areaValue('0103', 190, 1000), areaValue('0104', null, null, 'suppressed')];
const base = { indicator: indicator(), year: 2025, areaKey: '0101', values, city: city(2021, [17, 17.5, 18, 18.2, 18.4]) };

describe('profileRow', () => {
	it('compares the area with the city by its 95 % interval, polarity-aware', () => {
		const row = profileRow({ ...base, series: series(2021, [200, 230, 260, 280, 300]) });
		expect(row.value).toBeCloseTo(30, 10);
		expect(row.city).toBe(18.4);
		expect(row.interval!.lower).toBeGreaterThan(27);
		expect(row.interval!.upper).toBeLessThan(33);
		// higher is worse and the interval lies above the city value
		expect(row.comparison).toBe('worse');
		expect(row.trend.trend).toBe('increasing');
		expect(row.trendWord).toBe('getting_worse');
		expect(row.rank).toEqual({ rank: 1, of: 3, tied: false });
		expect(row.spread).toMatchObject({ min: 10, max: 30, n: 3 });
	});

	it('calls an interval that contains the city value "similar"', () => {
		const row = profileRow({ ...base, areaKey: '0103', series: [] });
		expect(row.comparison).toBe('similar');
		expect(row.trend.trend).toBe('cannot_be_calculated');
	});

	it('keeps a suppressed cell suppressed: no value, no rank, not comparable', () => {
		const row = profileRow({ ...base, areaKey: '0104', series: [] });
		expect(row).toMatchObject({ value: null, numerator: null, flag: 'suppressed', rank: null, comparison: 'not_comparable', interval: null });
	});

	it('marks an area without a row as missing', () => {
		expect(profileRow({ ...base, areaKey: '9999', series: [] }).flag).toBe('missing');
	});

	it('computes the trend only up to the chosen year', () => {
		const s = series(2018, [300, 280, 260, 240, 220, 200, 300, 400]);
		const row = profileRow({ ...base, year: 2022, series: s });
		expect(row.trend.years).toEqual([2018, 2019, 2020, 2021, 2022]);
		expect(row.trend.trend).toBe('decreasing');
		expect(row.series.at(-1)!.year).toBe(2022);
		expect(row.citySeries.every((p) => p.year <= 2022)).toBe(true);
	});
});

describe('spreadOf', () => {
	it('gives min, quartiles (type 7), max of the published values only', () => {
		expect(spreadOf([4, null, 1, 3, 2])).toEqual({ min: 1, q25: 1.75, median: 2.5, q75: 3.25, max: 4, n: 4 });
		expect(spreadOf([null])).toBeNull();
	});
});
