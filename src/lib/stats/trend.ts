/**
 * "Recent trend" over the last five points, after the Fingertips trend markers
 * (OHID, "Fingertips trend markers", Public Health Technical Guidance; implemented in
 * PHEindicatormethods::assign_trend_markers): a chi-square test for linear trend at 99.8 % (critical
 * value 9.5495 = 3.0902², df = 1), followed by an outlier check — if dropping any single point reverses
 * the sign of the slope, the trend is reported as "no significant change".
 *  - proportions: chi-square test for trend in proportions (Cochran 1954; Armitage 1955), on numerators
 *    and denominators with the years as scores; identical to R's stats::prop.trend.test.
 *  - rates / counts: weighted least-squares slope of the values on the years with weights 1/SE², SE
 *    from the 95 % interval as (upper − lower)/(2·1.96), statistic β̂²/Var(β̂) (the Fingertips method
 *    for indicator types other than proportions).
 */
import type { ObservationFlag, Polarity, ValueType } from '../data/types';
import { chiSquareQuantile, chiSquareSurvival, zForLevel } from './distributions';
import { byarInterval, rateInterval } from './intervals';

export type Trend = 'increasing' | 'decreasing' | 'no_significant_change' | 'cannot_be_calculated';
export type TrendWithPolarity =
	| 'getting_better'
	| 'getting_worse'
	| 'no_significant_change'
	| 'increasing'
	| 'decreasing'
	| 'cannot_be_calculated';

export interface TrendPoint {
	year: number;
	numerator: number | null;
	denominator: number | null;
	flag?: ObservationFlag;
}

export interface TrendResult {
	trend: Trend;
	/** Chi-square statistic (df = 1); null when it cannot be calculated. */
	statistic: number | null;
	pValue: number | null;
	/** Slope per year on the proportion (0–1) or rate-per-person scale; its sign gives the direction. */
	slope: number | null;
	reason:
		| 'too_few_points'
		| 'missing_or_suppressed'
		| 'unequal_spacing'
		| 'series_break'
		| 'not_significant'
		| 'outlier'
		| 'significant';
	/** Years used (the last five). */
	years: number[];
}

export interface TrendStatistic {
	statistic: number;
	slope: number;
}

/**
 * Chi-square test for trend in proportions: with t̄ = Σnᵢtᵢ/N and p̄ = Σxᵢ/N,
 *   χ² = [Σxᵢ(tᵢ − t̄)]² / (p̄(1 − p̄)·Σnᵢ(tᵢ − t̄)²),   slope = Σxᵢ(tᵢ − t̄) / Σnᵢ(tᵢ − t̄)².
 * (Armitage P, Berry G, Matthews JNS. Statistical Methods in Medical Research, 4th ed., §15.7;
 * Altman DG. Practical Statistics for Medical Research, 1991, pp. 261–265.)
 */
export function chiSquareTrendProportions(
	numerators: readonly number[],
	denominators: readonly number[],
	scores: readonly number[]
): TrendStatistic {
	const N = sum(denominators);
	const tBar = sum(denominators.map((n, i) => n * scores[i])) / N;
	const pBar = sum(numerators) / N;
	const sxt = sum(numerators.map((x, i) => x * (scores[i] - tBar)));
	const snt = sum(denominators.map((n, i) => n * (scores[i] - tBar) ** 2));
	const slope = snt > 0 ? sxt / snt : 0;
	const v = pBar * (1 - pBar) * snt;
	return { statistic: v > 0 ? (sxt * sxt) / v : 0, slope };
}

/**
 * Weighted least-squares trend: wᵢ = 1/SEᵢ², t̄ = Σwᵢtᵢ/Σwᵢ, ȳ = Σwᵢyᵢ/Σwᵢ,
 *   β̂ = Σwᵢ(tᵢ − t̄)(yᵢ − ȳ) / Σwᵢ(tᵢ − t̄)²,   χ² = β̂²·Σwᵢ(tᵢ − t̄)².
 */
export function chiSquareTrendWeighted(
	values: readonly number[],
	standardErrors: readonly number[],
	scores: readonly number[]
): TrendStatistic {
	const w = standardErrors.map((se) => 1 / (se * se));
	const W = sum(w);
	const tBar = sum(w.map((wi, i) => wi * scores[i])) / W;
	const yBar = sum(w.map((wi, i) => wi * values[i])) / W;
	const stt = sum(w.map((wi, i) => wi * (scores[i] - tBar) ** 2));
	const sty = sum(w.map((wi, i) => wi * (scores[i] - tBar) * (values[i] - yBar)));
	const slope = stt > 0 ? sty / stt : 0;
	return { statistic: slope * slope * stt, slope };
}

function sum(xs: readonly number[]): number {
	let s = 0;
	for (const x of xs) s += x;
	return s;
}

const ok = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * Recent trend of an indicator over its last `window` (default 5) years. "cannot_be_calculated" when
 * there are fewer points, when a point in the window is missing, suppressed or lacks numerator /
 * denominator, when the years are not equally spaced (Fingertips criterion; for annual data this
 * means consecutive years) or when a series break falls inside the window. level 0.998 (Fingertips
 * default) or 0.95.
 */
export function recentTrend(
	points: readonly TrendPoint[],
	options: { valueType: ValueType; level?: number; window?: number }
): TrendResult {
	const size = options.window ?? 5;
	const level = options.level ?? 0.998;
	if (!(level > 0 && level < 1)) throw new Error(`Das Konfidenzniveau (${level}) muss zwischen 0 und 1 liegen, z. B. 0,998.`);
	const sorted = [...points].sort((a, b) => a.year - b.year);
	const win = sorted.slice(-size);
	const years = win.map((p) => p.year);
	const fail = (reason: TrendResult['reason']): TrendResult => ({
		trend: 'cannot_be_calculated', statistic: null, pValue: null, slope: null, reason, years
	});
	if (win.length < size) return fail('too_few_points');
	const bad = win.some(
		(p) =>
			p.flag === 'suppressed' || p.flag === 'missing' || !ok(p.numerator) || p.numerator < 0 ||
			(options.valueType !== 'count' && (!ok(p.denominator) || p.denominator <= 0)) ||
			(options.valueType === 'proportion' && (p.numerator as number) > (p.denominator as number))
	);
	if (bad) return fail('missing_or_suppressed');
	// A series break (e.g. boundary change) inside the window makes the points incomparable.
	if (win.some((p, i) => i > 0 && p.flag === 'break')) return fail('series_break');
	const step = years[1] - years[0];
	if (!(step > 0) || years.some((y, i) => i > 0 && Math.abs(y - years[i - 1] - step) > 1e-9)) {
		return fail('unequal_spacing');
	}
	const stat = (idx: number[]): TrendStatistic => {
		const pts = idx.map((i) => win[i]);
		const t = pts.map((p) => p.year);
		if (options.valueType === 'proportion') {
			return chiSquareTrendProportions(pts.map((p) => p.numerator as number), pts.map((p) => p.denominator as number), t);
		}
		const z95 = zForLevel(0.95);
		const ivs = pts.map((p) =>
			options.valueType === 'count'
				? byarInterval(p.numerator as number, 0.95)
				: rateInterval(p.numerator as number, p.denominator as number, 0.95, 1)
		);
		return chiSquareTrendWeighted(ivs.map((iv) => iv.value), ivs.map((iv) => (iv.upper - iv.lower) / (2 * z95)), t);
	};
	const all = win.map((_, i) => i);
	const { statistic, slope } = stat(all);
	const pValue = chiSquareSurvival(statistic, 1);
	const base = { statistic, pValue, slope, years };
	if (!(statistic > chiSquareQuantile(level, 1)) || slope === 0) {
		return { ...base, trend: 'no_significant_change', reason: 'not_significant' };
	}
	for (let j = 0; j < win.length; j++) {
		if (Math.sign(stat(all.filter((i) => i !== j)).slope) !== Math.sign(slope)) {
			return { ...base, trend: 'no_significant_change', reason: 'outlier' };
		}
	}
	return { ...base, trend: slope > 0 ? 'increasing' : 'decreasing', reason: 'significant' };
}

/** Trend in words of the indicator's polarity; neutral indicators keep increasing / decreasing. */
export function trendWithPolarity(trend: Trend, polarity: Polarity): TrendWithPolarity {
	if (trend === 'no_significant_change' || trend === 'cannot_be_calculated' || polarity === 'neutral') return trend;
	const up = trend === 'increasing';
	return up === (polarity === 'higher_is_better') ? 'getting_better' : 'getting_worse';
}
