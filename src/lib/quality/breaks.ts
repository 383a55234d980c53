/**
 * Breaks across a whole indicator: a year in which most areas change at once, far more than the
 * indicator usually changes from one year to the next. That is what a change of counting method,
 * definition or source looks like in the data (a new recording system, a new reference date), and
 * it must be marked with the flag "break", or trends and targets will read it as a real change.
 *
 * A year t is reported when both hold:
 *  - the pooled (city) value changes by a robust z-score above 3.5 against the city's own
 *    year-on-year changes (median / MAD, robust.ts), floored by the sampling error of the change;
 *  - at least half of the areas with a score for t change in the same direction by more than
 *    2 robust standard deviations of their own changes (series.ts `changeScores`) — "most areas at
 *    once", so one large area alone cannot make a city-wide break;
 *  - the new level lasts (series.ts `lasts`): a year in which every area dips and then recovers
 *    (a pandemic year) is not a change of method.
 * This is the detection of a common level shift by robust change scores, the idea behind the
 * "year-on-year jump across areas" checks of official statistics' plausibility tests; for the
 * single-series case see series.ts.
 */
import { mad, median, OUTLIER_Z, outlierScore } from './robust';
import { nullStandardError } from './sampling';
import { changeScores, lasts, MIN_CHANGES } from './series';
import type { IndicatorScale, SeriesPoint } from './types';

/** Share of the areas that must jump together. */
export const BREAK_SHARE = 0.5;
/** How far (robust SD of its own changes) an area must move to count as jumping. */
export const AREA_JUMP_Z = 2;

export interface CityPoint {
	year: number;
	value: number;
	numerator: number;
	denominator: number | null;
}

export interface SeriesBreak {
	year: number;
	/** City value the year before and in the break year. */
	before: number;
	after: number;
	z: number;
	/** Areas that jumped with it, and areas that could be scored. */
	jumped: number;
	scored: number;
}

/** Pooled value per year: summed numerators over summed denominators of areas with both. */
export function pooledSeries(byArea: ReadonlyMap<string, readonly SeriesPoint[]>, scale: IndicatorScale): CityPoint[] {
	const sums = new Map<number, { num: number; den: number }>();
	for (const points of byArea.values()) {
		for (const p of points) {
			if (p.numerator === null || (scale.value_type !== 'count' && p.denominator === null)) continue;
			const s = sums.get(p.year) ?? { num: 0, den: 0 };
			s.num += p.numerator;
			s.den += p.denominator ?? 0;
			sums.set(p.year, s);
		}
	}
	return [...sums.entries()]
		.sort((a, b) => a[0] - b[0])
		.filter(([, s]) => scale.value_type === 'count' || s.den > 0)
		.map(([year, s]) => ({
			year,
			value: scale.value_type === 'count' ? s.num : (s.num / s.den) * scale.multiplier,
			numerator: s.num,
			denominator: scale.value_type === 'count' ? null : s.den
		}));
}

export function seriesBreaks(byArea: ReadonlyMap<string, readonly SeriesPoint[]>, scale: IndicatorScale, chanceZ = OUTLIER_Z, threshold = OUTLIER_Z): SeriesBreak[] {
	const city = pooledSeries(byArea, scale);
	const d: { year: number; before: number; after: number; change: number; se: number }[] = [];
	for (let i = 1; i < city.length; i++) {
		const a = city[i - 1];
		const b = city[i];
		if (b.year - a.year !== 1) continue;
		const level = (a.value + b.value) / 2;
		const se = Math.hypot(nullStandardError(level, a.denominator, scale), nullStandardError(level, b.denominator, scale));
		d.push({ year: b.year, before: a.value, after: b.value, change: b.value - a.value, se });
	}
	if (d.length < MIN_CHANGES) return [];
	const centre = median(d.map((x) => x.change))!;
	const spread = mad(d.map((x) => x.change))!;
	const areaScores = [...byArea.values()].map((points) => changeScores(points, scale));
	const out: SeriesBreak[] = [];
	const values = city.map((c) => c.value);
	const years = city.map((c) => c.year);
	for (const x of d) {
		const { z, outlier } = outlierScore(x.change - centre, spread, x.se, threshold, chanceZ);
		if (!outlier) continue;
		// a year that every area dips in and then recovers from (a pandemic year) is no break
		if (!lasts(values, years, years.indexOf(x.year), x.change, centre).ok) continue;
		let scored = 0;
		let jumped = 0;
		for (const scores of areaScores) {
			const s = scores.get(x.year);
			if (!s) continue;
			scored++;
			if (Math.sign(s.z) === Math.sign(z) && Math.abs(s.z) > AREA_JUMP_Z) jumped++;
		}
		if (scored > 0 && jumped / scored >= BREAK_SHARE) out.push({ year: x.year, before: x.before, after: x.after, z, jumped, scored });
	}
	return out;
}
