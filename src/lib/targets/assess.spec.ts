import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '$lib/data/engine';
import type { Target } from '$lib/data/types';
import { wilsonInterval } from '$lib/stats/intervals';
import { assessTarget, requiredValue } from './assess';
import { fitLine, predictNew } from './regression';

const target = (over: Partial<Target> = {}): Target => ({
	id: 'T', indicator_id: 'x', scope_type: 'sozialraum', scope_keys: ['0101'],
	baseline_year: 2020, baseline_value: 40, target_value: 25, target_year: 2030,
	owner: 'Jugendamt', decision: '', note: '', status: 'draft', ...over
});
const share = { value_type: 'proportion', multiplier: 100, polarity: 'higher_is_worse' } as const;
const pt = (year: number, value: number | null, numerator: number | null = null, denominator: number | null = null, flag: SeriesPoint['flag'] = ''): SeriesPoint =>
	({ year, value, numerator, denominator, flag });

describe('required path (Soll)', () => {
	it('runs straight from baseline to target', () => {
		// 40 → 25 over 10 years: 1.5 points a year; 2025 is halfway: 40 − 7.5 = 32.5.
		expect(requiredValue(target(), 2025)).toBeCloseTo(32.5, 12);
		expect(requiredValue(target(), 2020)).toBe(40);
		expect(requiredValue(target(), 2030)).toBe(25);
		// after the target year the target value holds
		expect(requiredValue(target(), 2033)).toBe(25);
		// FZ02 of Musterstadt: 25.493025 (2020) → 45 (2028); 2025: 25.493025 + 19.506975·5/8 = 37.684884
		expect(requiredValue(target({ baseline_value: 25.493025, target_value: 45, target_year: 2028 }), 2025)).toBeCloseTo(37.684884, 5);
	});
});

describe('status of the latest value', () => {
	const series = (last: SeriesPoint) => [pt(2021, 39, 390, 1000), pt(2023, 36, 360, 1000), last];

	it('is on track when the value is on the good side of the path', () => {
		// Soll 2025 = 32.5; 30 % is below it and lower is the goal
		const a = assessTarget(target(), series(pt(2025, 30, 300, 1000)), share);
		expect(a).toMatchObject({ status: 'on_track', reason: 'good_side', year: 2025, goal: 'lower', reached: false });
		expect(a.required).toBeCloseTo(32.5, 12);
	});

	it('is on track when the path lies inside the interval of a value on the wrong side', () => {
		// 34 of 100: Wilson 95 %, z² = 3.841459, √(z² + 4·34·0.66) = √93.601459 = 9.674785,
		// limits = (68 + 3.841459 ∓ 1.959964·9.674785) / (2·103.841459) = [25.46 %, 43.72 %] ∋ 32.5
		const a = assessTarget(target(), series(pt(2025, 34, 34, 100)), share);
		expect(a.latest!.lower).toBeCloseTo(25.4616, 3);
		expect(a.latest!.upper).toBeCloseTo(43.7222, 3);
		expect(a).toMatchObject({ status: 'on_track', reason: 'within_interval' });
	});

	it('is off track when the whole interval is on the wrong side', () => {
		// 3400 of 10000: ±1.96·√(0.34·0.66/10000) ≈ ±0.93 points → [33.07 %, 34.93 %], all above 32.5
		const a = assessTarget(target(), series(pt(2025, 34, 3400, 10000)), share);
		expect(a.latest!.lower).toBeCloseTo(33.07, 1);
		expect(a).toMatchObject({ status: 'off_track', reason: 'wrong_side' });
	});

	it('reads the direction from the target: a rising target is off track below the path', () => {
		// 25.493025 → 45 by 2028; 2025: Soll 37.68; 2336 of 7418 = 31.49 % ± 1.06 → off track
		const t = target({ baseline_value: 25.493025, target_value: 45, target_year: 2028 });
		const a = assessTarget(t, [pt(2025, 31.490968, 2336, 7418)], { ...share, polarity: 'higher_is_better' });
		expect(a).toMatchObject({ goal: 'higher', status: 'off_track' });
	});

	it('notes a target already reached', () => {
		expect(assessTarget(target(), series(pt(2025, 24, 240, 1000)), share).reached).toBe(true);
	});

	it('uses the value alone when the counts are unknown', () => {
		const a = assessTarget(target(), series(pt(2025, 32.6)), share);
		expect(a).toMatchObject({ status: 'off_track', latest: { lower: 32.6, upper: 32.6, hasInterval: false } });
	});

	it('is not assessable for a suppressed or missing latest year, or none after the baseline', () => {
		expect(assessTarget(target(), series(pt(2025, null, null, null, 'suppressed')), share)).toMatchObject({ status: 'not_assessable', reason: 'suppressed', year: 2025 });
		expect(assessTarget(target(), series(pt(2025, null, null, null, 'missing')), share)).toMatchObject({ status: 'not_assessable', reason: 'no_value' });
		expect(assessTarget(target(), [pt(2019, 41), pt(2020, 40)], share)).toMatchObject({ status: 'not_assessable', reason: 'not_after_baseline' });
		expect(assessTarget(target(), [], share)).toMatchObject({ status: 'not_assessable', reason: 'no_data', year: null });
	});
});

describe('projection to the target year', () => {
	// Values 2, 4, 5, 4, 5 in 2019–2023 without counts (equal weights). This is the hand-worked line of
	// regression.spec.ts with x = year − 2018: ŷ = 2.2 + 0.6·(year − 2018); at 2026 (x = 8) ŷ = 7.0,
	// 95 % prediction interval 7.0 ± 3.182446·√2.96 = [1.524712, 12.475288].
	const series = [2, 4, 5, 4, 5].map((v, i) => pt(2019 + i, v));
	const rising = { ...share, polarity: 'higher_is_better' } as const;
	const t = (baseline: number, goal: number) => target({ baseline_year: 2019, baseline_value: baseline, target_value: goal, target_year: 2026 });

	it('projects the line and its prediction interval', () => {
		const p = assessTarget(t(2, 12.5), series, rising).projection;
		expect(p.years).toEqual([2019, 2020, 2021, 2022, 2023]);
		expect(p.weighted).toBe(false);
		expect(p.slope).toBeCloseTo(0.6, 12);
		expect(p.at!.value).toBeCloseTo(7, 12);
		expect(p.at!.lower).toBeCloseTo(1.524712, 5);
		expect(p.at!.upper).toBeCloseTo(12.475288, 5);
		expect(p.cone.map((c) => c.year)).toEqual([2023, 2024, 2025, 2026]);
	});

	it('classifies by where the whole interval lies against the target value', () => {
		// rising goal 12.5: the upper limit 12.475 stays below → likely missed
		expect(assessTarget(t(2, 12.5), series, rising).projection.status).toBe('likely_missed');
		// rising goal 10: inside the interval → uncertain
		expect(assessTarget(t(2, 10), series, rising).projection.status).toBe('uncertain');
		// rising goal 1.5 (from a baseline of 1): the lower limit 1.525 is above → likely met
		expect(assessTarget(t(1, 1.5), series, rising).projection.status).toBe('likely_met');
		// falling goal 1.5 (from 2): the lower limit 1.525 is above → likely missed
		expect(assessTarget(t(2, 1.5), series, share).projection.status).toBe('likely_missed');
	});

	it('weights the points by 1/SE² from their Wilson intervals when counts are known', () => {
		const counted = [[300, 1000], [330, 1100], [280, 1000], [250, 900], [260, 1000]].map(([n, d], i) => pt(2019 + i, (n / d) * 100, n, d));
		const p = assessTarget(t(30, 20), counted, share).projection;
		expect(p.weighted).toBe(true);
		const w = counted.map((c) => {
			const iv = wilsonInterval(c.numerator!, c.denominator!, 0.95, 100);
			return 1 / ((iv.upper - iv.lower) / (2 * 1.959963984540054)) ** 2;
		});
		const fit = fitLine(counted.map((c, i) => ({ x: c.year, y: c.value!, w: w[i] })))!;
		const expected = predictNew(fit, 2026, w[4]);
		expect(p.at!.lower).toBeCloseTo(expected.lower, 9);
		expect(p.at!.upper).toBeCloseTo(expected.upper, 9);
	});

	it('uses the years since the baseline, at least the last five', () => {
		const long = Array.from({ length: 12 }, (_, i) => pt(2014 + i, 30 - i * 0.5));
		expect(assessTarget(target({ baseline_year: 2020 }), long, share).projection.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
		expect(assessTarget(target({ baseline_year: 2024 }), long, share).projection.years).toEqual([2021, 2022, 2023, 2024, 2025]);
	});

	it('skips suppressed and missing years and starts after a series break', () => {
		const gappy = [pt(2018, 5), pt(2019, 5), pt(2020, null, null, null, 'missing'), pt(2021, 4), pt(2022, null, null, null, 'suppressed'), pt(2023, 4), pt(2024, 3)];
		expect(assessTarget(target({ baseline_year: 2019 }), gappy, share).projection.years).toEqual([2018, 2019, 2021, 2023, 2024]);
		const broken = Array.from({ length: 8 }, (_, i) => pt(2018 + i, 10 - i, null, null, i === 4 ? 'break' : ''));
		expect(assessTarget(target(), broken, share).projection).toMatchObject({ status: 'not_assessable', reason: 'series_break' });
	});

	it('is not assessable with fewer than five values or when the target year has passed', () => {
		expect(assessTarget(target(), series.slice(1), share).projection).toMatchObject({ status: 'not_assessable', reason: 'too_few_points' });
		expect(assessTarget(target({ baseline_year: 2015, target_year: 2022 }), series, share).projection.reason).toBe('target_year_passed');
	});
});
