import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	chiSquareTrendProportions,
	chiSquareTrendWeighted,
	recentTrend,
	trendWithPolarity,
	type TrendPoint
} from './trend';
import { chiSquareSurvival, normalCdf } from './distributions';

const years5 = [2019, 2020, 2021, 2022, 2023];
const points = (nums: (number | null)[], dens: (number | null)[] | number, ys = years5): TrendPoint[] =>
	ys.map((year, i) => ({ year, numerator: nums[i], denominator: typeof dens === 'number' ? dens : dens[i] }));

describe('chiSquareTrendProportions (Cochran–Armitage)', () => {
	it('R documentation example of stats::prop.trend.test: smokers 83/86, 90/93, 129/136, 70/82 → X² = 8.2249, p = 0.004132', () => {
		// Published R output (example of ?prop.trend.test, quoted on R-help by R. Barradas, 8 Sep 2023):
		// "X-squared = 8.2249, df = 1, p-value = 0.004132". Printed to 4 / 4 significant digits.
		const r = chiSquareTrendProportions([83, 90, 129, 70], [86, 93, 136, 82], [1, 2, 3, 4]);
		expect(Math.abs(r.statistic - 8.2249)).toBeLessThan(5e-5);
		expect(Math.abs(chiSquareSurvival(r.statistic, 1) - 0.004132)).toBeLessThan(5e-7);
		expect(r.slope).toBeLessThan(0);
	});

	it("Rosner's breast cancer / age at first birth example (5 groups): A = 567.16; χ² = 129.01 (hand-computed)", () => {
		// Rosner B. Fundamentals of Biostatistics, test for trend in binomial proportions (example on
		// p. 433 of the edition used in the course handout "Chi-Square Test for Trend in Binomial
		// Proportions", studylib.net/doc/5880747): x = 320, 1206, 1011, 463, 220;
		// n = 1742, 5638, 3904, 1555, 626; scores 1–5; the handout prints A = 567.16.
		// By hand: N = 13465, p̄ = 3220/13465 = 0.239138, Σnᵢsᵢ = 34080, Σnᵢsᵢ² = 99960,
		// B = p̄q̄(99960 − 34080²/13465) = 0.181951 · 13703.31 = 2493.33, χ² = A²/B = 567.16²/2493.33 = 129.01.
		const n = [1742, 5638, 3904, 1555, 626];
		const s = [1, 2, 3, 4, 5];
		const r = chiSquareTrendProportions([320, 1206, 1011, 463, 220], n, s);
		const N = n.reduce((a, b) => a + b, 0);
		const tBar = n.reduce((a, ni, i) => a + ni * s[i], 0) / N;
		const A = r.slope * n.reduce((a, ni, i) => a + ni * (s[i] - tBar) ** 2, 0);
		expect(A).toBeCloseTo(567.16, 2);
		expect(r.statistic).toBeCloseTo(129.01, 2);
	});

	it('hand-computed 5-year example near the 99.8 % threshold: 100, 110, …, 140 of 1000 each → χ² = 10000/1056 = 9.4697', () => {
		// t̄ = 2021, p̄ = 0.12, Σxᵢ(tᵢ − t̄) = −200 − 110 + 0 + 130 + 280 = 100, Σnᵢ(tᵢ − t̄)² = 10000,
		// χ² = 100² / (0.12 · 0.88 · 10000) = 9.4697 < 9.5495 (99.8 %) but > 3.8415 (95 %).
		const r = chiSquareTrendProportions([100, 110, 120, 130, 140], [1000, 1000, 1000, 1000, 1000], years5);
		expect(r.statistic).toBeCloseTo(10000 / 1056, 10);
		expect(r.slope).toBeCloseTo(0.01, 12);
		const t998 = recentTrend(points([100, 110, 120, 130, 140], 1000), { valueType: 'proportion' });
		expect(t998.trend).toBe('no_significant_change');
		expect(t998.pValue).toBeCloseTo(2 * (1 - normalCdf(Math.sqrt(10000 / 1056))), 12);
		const t95 = recentTrend(points([100, 110, 120, 130, 140], 1000), { valueType: 'proportion', level: 0.95 });
		expect(t95.trend).toBe('increasing');
		expect(t95.reason).toBe('significant');
	});

	it('no variation (p̄ = 0) gives statistic 0', () => {
		expect(chiSquareTrendProportions([0, 0, 0], [10, 20, 30], [1, 2, 3]).statistic).toBe(0);
	});
});

describe('chiSquareTrendWeighted', () => {
	it('hand-computed: values 1…5, SE 1 → slope 1, χ² = β̂²·Σw(t − t̄)² = 1 · 10 = 10', () => {
		const r = chiSquareTrendWeighted([1, 2, 3, 4, 5], [1, 1, 1, 1, 1], [1, 2, 3, 4, 5]);
		expect(r.slope).toBeCloseTo(1, 12);
		expect(r.statistic).toBeCloseTo(10, 12);
	});
});

describe('recentTrend', () => {
	it('significant increase and decrease for proportions', () => {
		const up = recentTrend(points([100, 150, 200, 250, 300], 1000), { valueType: 'proportion' });
		expect(up.trend).toBe('increasing');
		expect(up.years).toEqual(years5);
		const down = recentTrend(points([300, 250, 200, 150, 100], 1000), { valueType: 'proportion' });
		expect(down.trend).toBe('decreasing');
		expect(down.statistic).toBeCloseTo(up.statistic as number, 10);
	});

	it('Fingertips outlier rule: one extreme point that alone makes the slope → no significant change', () => {
		// 100, 100, 100, 100, 300 of 1000: χ² = 400²/(0.14 · 0.86 · 10000) = 132.9, but without the last
		// point the slope is 0, i.e. not of the same sign.
		const r = recentTrend(points([100, 100, 100, 100, 300], 1000), { valueType: 'proportion' });
		expect(r.statistic).toBeCloseTo(160000 / 1204, 8);
		expect(r.trend).toBe('no_significant_change');
		expect(r.reason).toBe('outlier');
	});

	it('uses only the last five points', () => {
		const ys = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023];
		const nums = [null, null, null, null, 100, 150, 200, 250, 300];
		const r = recentTrend(points(nums, 1000, ys), { valueType: 'proportion' });
		expect(r.years).toEqual(years5);
		expect(r.trend).toBe('increasing');
	});

	it('cannot be calculated: too few points, missing, suppressed, gaps, series break', () => {
		const ok = points([100, 150, 200, 250, 300], 1000);
		expect(recentTrend(ok.slice(1), { valueType: 'proportion' }).reason).toBe('too_few_points');
		expect(recentTrend(points([100, null, 200, 250, 300], 1000), { valueType: 'proportion' }).reason).toBe('missing_or_suppressed');
		expect(recentTrend(points([100, 150, 200, 250, 300], [1000, 1000, null, 1000, 1000]), { valueType: 'rate' }).trend).toBe(
			'cannot_be_calculated'
		);
		const suppressed = ok.map((p, i) => (i === 2 ? { ...p, flag: 'suppressed' as const } : p));
		expect(recentTrend(suppressed, { valueType: 'proportion' }).reason).toBe('missing_or_suppressed');
		const gap = points([100, 150, 200, 250, 300], 1000, [2017, 2018, 2020, 2021, 2022]);
		expect(recentTrend(gap, { valueType: 'proportion' }).reason).toBe('unequal_spacing');
		const broken = ok.map((p, i) => (i === 3 ? { ...p, flag: 'break' as const } : p));
		expect(recentTrend(broken, { valueType: 'proportion' }).reason).toBe('series_break');
		const breakAtStart = ok.map((p, i) => (i === 0 ? { ...p, flag: 'break' as const } : p));
		expect(recentTrend(breakAtStart, { valueType: 'proportion' }).trend).toBe('increasing');
		expect(recentTrend(points([1100, 150, 200, 250, 300], 1000), { valueType: 'proportion' }).reason).toBe(
			'missing_or_suppressed'
		);
		expect(() => recentTrend(ok, { valueType: 'proportion', level: 99.8 })).toThrow('Konfidenzniveau');
		const none = recentTrend([], { valueType: 'rate' });
		expect(none).toMatchObject({ trend: 'cannot_be_calculated', statistic: null, pValue: null });
	});

	it('rates and counts use the weighted regression on 95 % intervals', () => {
		const r = recentTrend(points([50, 70, 90, 110, 130], 10000), { valueType: 'rate' });
		expect(r.trend).toBe('increasing');
		const c = recentTrend(points([130, 110, 90, 70, 50], [null, null, null, null, null]), { valueType: 'count' });
		expect(c.trend).toBe('decreasing');
		// 100 … 140 per 10 000: χ² ≈ 8.0, significant at 95 % only
		const flat = recentTrend(points([100, 110, 120, 130, 140], 10000), { valueType: 'rate' });
		expect(flat.trend).toBe('no_significant_change');
		expect(recentTrend(points([100, 110, 120, 130, 140], 10000), { valueType: 'rate', level: 0.95 }).trend).toBe('increasing');
	});

	it('properties: reversing time flips the direction, shifting years changes nothing, p in [0, 1]', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 5, maxLength: 5 }),
				fc.integer({ min: 500, max: 5000 }),
				fc.integer({ min: -50, max: 50 }),
				fc.constantFrom<'proportion' | 'rate'>('proportion', 'rate'),
				(nums, den, shift, valueType) => {
					const a = recentTrend(points(nums, den), { valueType, level: 0.95 });
					const rev = recentTrend(points([...nums].reverse(), den), { valueType, level: 0.95 });
					const shifted = recentTrend(points(nums, den, years5.map((y) => y + shift)), { valueType, level: 0.95 });
					expect(a.pValue).toBeGreaterThanOrEqual(0);
					expect(a.pValue).toBeLessThanOrEqual(1);
					expect(rev.statistic).toBeCloseTo(a.statistic as number, 6);
					expect(shifted.statistic).toBeCloseTo(a.statistic as number, 6);
					const flip = { increasing: 'decreasing', decreasing: 'increasing' } as Record<string, string>;
					expect(rev.trend).toBe(flip[a.trend] ?? a.trend);
				}
			)
		);
	});
});

describe('trendWithPolarity', () => {
	it('maps direction through polarity; neutral keeps increasing/decreasing', () => {
		expect(trendWithPolarity('increasing', 'higher_is_better')).toBe('getting_better');
		expect(trendWithPolarity('increasing', 'higher_is_worse')).toBe('getting_worse');
		expect(trendWithPolarity('decreasing', 'higher_is_better')).toBe('getting_worse');
		expect(trendWithPolarity('decreasing', 'higher_is_worse')).toBe('getting_better');
		expect(trendWithPolarity('increasing', 'neutral')).toBe('increasing');
		expect(trendWithPolarity('decreasing', 'neutral')).toBe('decreasing');
		expect(trendWithPolarity('no_significant_change', 'higher_is_better')).toBe('no_significant_change');
		expect(trendWithPolarity('cannot_be_calculated', 'higher_is_worse')).toBe('cannot_be_calculated');
	});
});
