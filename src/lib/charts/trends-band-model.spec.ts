import { describe, expect, it } from 'vitest';
import { quantile } from 'd3';
import { MEDIAN_ID, trendsBandModel, yearQuantiles } from './trends-band-model';
import { CITY_ID } from './trends-all-model';

const layout = { width: 400, height: 200, margin: { top: 10, right: 10, bottom: 20, left: 40 } };
/** Ten areas, 2020: values 1…10 (shuffled), 2021: area i has 2·i, 2022: nothing published. */
const order = [7, 3, 10, 1, 5, 9, 2, 8, 6, 4];
const series = order.map((v, i) => ({
	key: `a${i}`,
	name: `A${i}`,
	points: [
		{ year: 2020, value: v },
		{ year: 2021, value: i === 0 ? null : 2 * v },
		{ year: 2022, value: null }
	]
}));

describe('yearQuantiles', () => {
	it('computes R-7 percentiles per year: h = (n − 1)·p, linear between order statistics', () => {
		const [q2020] = yearQuantiles(series);
		// 1…10: p10 → h = 0.9 → 1 + 0.9·(2 − 1); p25 → h = 2.25 → 3.25; median 5.5; p75 7.75; p90 → h = 8.1 → 9.1
		expect(q2020.year).toBe(2020);
		expect(q2020.n).toBe(10);
		expect(q2020.p10).toBeCloseTo(1.9, 12);
		expect(q2020.p25).toBeCloseTo(3.25, 12);
		expect(q2020.p50).toBeCloseTo(5.5, 12);
		expect(q2020.p75).toBeCloseTo(7.75, 12);
		expect(q2020.p90).toBeCloseTo(9.1, 12);
	});

	it('agrees with d3.quantile and counts only published values', () => {
		const qs = yearQuantiles(series);
		const v2021 = series.map((s) => s.points[1].value).filter((v): v is number => v !== null);
		const q2021 = qs.find((q) => q.year === 2021)!;
		expect(q2021.n).toBe(9);
		for (const [p, got] of [[0.1, q2021.p10], [0.25, q2021.p25], [0.5, q2021.p50], [0.75, q2021.p75], [0.9, q2021.p90]] as const) {
			expect(got).toBeCloseTo(quantile(v2021, p)!, 12);
		}
	});

	it('leaves out years without any published value and handles a single value', () => {
		expect(yearQuantiles(series).map((q) => q.year)).toEqual([2020, 2021]);
		const one = yearQuantiles([{ key: 'x', name: 'X', points: [{ year: 2019, value: 4 }] }]);
		expect(one).toEqual([{ year: 2019, n: 1, p10: 4, p25: 4, p50: 4, p75: 4, p90: 4 }]);
		expect(yearQuantiles([])).toEqual([]);
	});
});

describe('trendsBandModel', () => {
	const city = [
		{ year: 2020, value: 5 },
		{ year: 2021, value: 11 },
		{ year: 2022, value: 12 }
	];

	it('draws two bands, the median, the city and the highlighted area on shared scales from zero', () => {
		const m = trendsBandModel(yearQuantiles(series), city, series[2], layout);
		expect(m.bands.map((b) => b.id)).toEqual(['p10_p90', 'p25_p75']);
		expect(m.paths.map((p) => p.id)).toEqual([MEDIAN_ID, CITY_ID, 'a2']);
		expect(m.y.domain()[0]).toBe(0);
		expect(m.x.domain()).toEqual([2020, 2022]);
		// the median line passes through the 2020 median
		const med = m.paths.find((p) => p.id === MEDIAN_ID)!;
		expect(med.dots[0].cy).toBeCloseTo(m.y(5.5), 9);
		// the highlighted area (10 in 2020, 20 in 2021) is inside the y range
		expect(m.y.domain()[1]).toBeGreaterThanOrEqual(20);
	});

	it('breaks the bands in a year without values instead of bridging it', () => {
		const m = trendsBandModel(yearQuantiles(series), city, null, layout);
		// one closed area from 2020 to 2021: a single M…Z sub-path, ending before 2022
		const outer = m.bands[0].d;
		expect(outer.match(/M/g)).toHaveLength(1);
		expect(outer).not.toContain(String(m.x(2022)));
		expect(m.paths.map((p) => p.id)).toEqual([MEDIAN_ID, CITY_ID]);
	});

	it('scales y to the 90th percentile, not to a single extreme area', () => {
		const extreme = [...series, { key: 'tiny', name: 'Tiny', points: [{ year: 2020, value: 1000 }] }];
		const m = trendsBandModel(yearQuantiles(extreme), city, null, layout);
		expect(m.y.domain()[1]).toBeLessThan(100);
	});
});
