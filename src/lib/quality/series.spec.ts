import { describe, expect, it } from 'vitest';
import { changeScores, hampelOutliers, levelShifts, segments } from './series';
import type { SeriesPoint } from './types';

/** A series of plain values (no numbers, so no sampling-error floor). */
const series = (values: number[], first = 2014): SeriesPoint[] =>
	values.map((value, i) => ({ year: first + i, value, numerator: null, denominator: null, flag: '' }));
const plain = { value_type: 'proportion' as const, multiplier: 100 };

describe('segments', () => {
	it('starts a new segment at a year flagged "break" and at a break found elsewhere', () => {
		const s = series([1, 2, 3, 4, 5, 6]);
		s[2].flag = 'break';
		expect(segments(s).map((g) => g.map((p) => p.year))).toEqual([[2014, 2015], [2016, 2017, 2018, 2019]]);
		expect(segments(s, new Set([2018])).map((g) => g.length)).toEqual([2, 2, 2]);
	});
});

describe('hampelOutliers', () => {
	it('finds one wrong year and names the window median as the expected value (pracma::hampel, k = 2)', () => {
		// Window of 2016 = 2014…2018: 20.1 20.4 31.0 20.9 21.2 → median 20.9; |W − 20.9| = 0.8 0.5 10.1 0 0.3
		// → MAD = 1.4826 · 0.5 = 0.7413; z = (31 − 20.9) / 0.7413 = 13.62 > 3.5
		const s = series([20.1, 20.4, 31.0, 20.9, 21.2, 21.6, 21.8, 22.3]);
		const found = hampelOutliers(s, plain);
		expect(found).toHaveLength(1);
		expect(found[0].year).toBe(2016);
		expect(found[0].expected).toBeCloseTo(20.9, 10);
		expect(found[0].z).toBeCloseTo(10.1 / 0.7413, 2);
	});

	it('checks the first and last year too, with the window shifted inwards', () => {
		expect(hampelOutliers(series([40, 20.4, 20.6, 20.9, 21.2, 21.6]), plain).map((o) => o.year)).toEqual([2014]);
		expect(hampelOutliers(series([20.4, 20.6, 20.9, 21.2, 21.6, 5]), plain).map((o) => o.year)).toEqual([2019]);
	});

	it('leaves a steady trend and a clean level shift alone', () => {
		expect(hampelOutliers(series([10, 11, 12, 13, 14, 15, 16, 17]), plain)).toEqual([]);
		expect(hampelOutliers(series([10, 10.2, 9.9, 10.1, 15, 15.2, 14.9, 15.1]), plain)).toEqual([]);
	});

	it('does not call sampling noise of a tiny area an outlier (spread floored by the sampling error)', () => {
		// 1 of 10 every year, then 3 of 10: 10 % → 30 %, yet within chance for 10 children
		// (error of the expected 10 % of 10: 100·√(0.1·0.9/10) ≈ 9.49 points, z ≈ 2.1)
		const s: SeriesPoint[] = [1, 1, 1, 3, 1, 1, 1].map((x, i) => ({ year: 2014 + i, value: x * 10, numerator: x, denominator: 10, flag: '' }));
		expect(hampelOutliers(s, plain)).toEqual([]);
		// the same shares from 1,000 children are a real outlier
		const big = s.map((p) => ({ ...p, numerator: p.numerator! * 100, denominator: 1000 }));
		expect(hampelOutliers(big, plain).map((o) => o.year)).toEqual([2017]);
	});

	it('needs five years', () => {
		expect(hampelOutliers(series([1, 2, 50, 3]), plain)).toEqual([]);
	});
});

describe('levelShifts', () => {
	it('finds a lasting step and its levels before and after', () => {
		const s = series([10, 10.3, 10.5, 10.9, 11.2, 11.4, 17.9, 18.1, 18.5, 18.8, 19.0, 19.3]);
		const found = levelShifts(s, plain);
		expect(found.map((x) => x.year)).toEqual([2020]);
		expect(found[0].before).toBeCloseTo(11.2, 10);
		expect(found[0].after).toBeCloseTo(18.1, 10);
	});

	it('does not report a single wrong year as two steps when it is excluded as a spike', () => {
		const s = series([10, 10.3, 10.5, 30, 11.2, 11.4, 11.7, 11.9, 12.3]);
		expect(levelShifts(s, plain, new Set([2017]))).toEqual([]);
		// and a spike is not a lasting step even unexcluded: the level does not stay
		expect(levelShifts(s, plain)).toEqual([]);
	});

	it('leaves a steady trend alone, however steep', () => {
		expect(levelShifts(series([10, 12, 14.1, 15.9, 18, 20.2, 22, 23.9]), plain)).toEqual([]);
	});
});

describe('changeScores', () => {
	it('scores each change against the series\' own changes', () => {
		const z = changeScores(series([10, 10.3, 10.5, 10.9, 11.2, 11.4, 17.9, 18.1]), plain);
		expect(Math.abs(z.get(2020)!.z)).toBeGreaterThan(10);
		expect(Math.abs(z.get(2015)!.z)).toBeLessThan(2);
	});
});
