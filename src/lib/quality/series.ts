/**
 * Checks of one area's own time series.
 *
 * 1. Outlier against the area's own series: the Hampel identifier (Hampel 1974; Pearson 2002,
 *    "Outliers in process modeling and identification", IEEE Trans. Control Syst. Technol. 10,
 *    55–63; as R `pracma::hampel` and MATLAB `hampel`): a year is an outlier when it lies more than
 *    t₀ robust standard deviations from the median of the window of 2k + 1 years around it,
 *
 *        |xₜ − median(W)| > t₀ · 1.4826 · median(|W − median(W)|).
 *
 *    Here k = 2 (five years) and t₀ = 3.5 (Iglewicz & Hoaglin's cut-off). At the ends of a series the
 *    window keeps its 2k + 1 years and shifts inwards (pracma leaves the ends unchecked; a typo in the
 *    latest year is the one a planner most needs to see). The spread is floored by the sampling
 *    error of the expected value (sampling.ts), so chance in a small area is not called an outlier,
 *    and a year is only checked when the area's level leads to expect at least 5 cases (sampling.ts
 *    `enoughCases`): 3 teenage births where 0.6 were expected are chance, not an outlier.
 *
 * 2. A lasting step (level shift) in one area: the year-on-year change dₜ = xₜ − xₜ₋₁ is compared with
 *    the area's own changes by the robust z-score (median and MAD of all its changes, floored by the
 *    sampling error of a change). A change with |z| > 3.5 is a step when the level stays: the median
 *    of the years from t on (up to three) differs from the median of the three years before, beyond
 *    the usual change, by at least half the jump (and by more than chance). A single wrong year (an outlier of check 1) makes two big
 *    changes that do not last; it is reported once, as an outlier, not as two steps.
 *
 * Both checks look at the area's distance to the city (pooled) value of each year, xₜ − Cₜ, when the
 * city series is given: a year that moved every area (a pandemic dip, a new law) is then no
 * outlier of any single area; whether it is a break of the whole indicator is breaks.ts' question.
 *
 * A series is checked in segments: a year with the flag "break" (or a break found across the whole
 * indicator, breaks.ts) starts a new segment, because values across a change of method are not
 * comparable (docs/data-package.md).
 */
import { mad, median, OUTLIER_Z, outlierScore, robustZ } from './robust';
import { enoughCases, nullStandardError } from './sampling';
import type { IndicatorScale, SeriesPoint } from './types';

export const HAMPEL_HALF_WINDOW = 2;
/** Fewer changes than this give no usable spread of the area's own changes. */
export const MIN_CHANGES = 5;

/** The city (pooled) value per year, subtracted before the checks; absent = the raw values. */
export type CityValues = ReadonlyMap<number, number>;

export interface OwnOutlier {
	year: number;
	value: number;
	/** What the window around it leads to expect (the window's median distance to the city, plus the city value). */
	expected: number;
	z: number;
}

export interface LevelShift {
	year: number;
	/** Median level before and from the step on. */
	before: number;
	after: number;
	z: number;
}

const base = (city: CityValues | undefined, year: number) => city?.get(year) ?? 0;

/** Split a series (ascending years) into comparable segments: a break year starts a new one. */
export function segments(points: readonly SeriesPoint[], breakYears: ReadonlySet<number> = new Set()): SeriesPoint[][] {
	const out: SeriesPoint[][] = [];
	for (const p of points) {
		if (out.length === 0 || p.flag === 'break' || breakYears.has(p.year)) out.push([]);
		out[out.length - 1].push(p);
	}
	return out.filter((s) => s.length > 0);
}

/** Hampel outliers of one segment (needs at least 2k + 1 years). */
export function hampelOutliers(points: readonly SeriesPoint[], scale: IndicatorScale, city?: CityValues, chanceZ = OUTLIER_Z, k = HAMPEL_HALF_WINDOW, threshold = OUTLIER_Z): OwnOutlier[] {
	const n = points.length;
	const size = 2 * k + 1;
	if (n < size) return [];
	const r = points.map((p) => p.value - base(city, p.year));
	const level = pooledLevel(points, scale);
	const out: OwnOutlier[] = [];
	for (let i = 0; i < n; i++) {
		if (!enoughCases(level, points[i].denominator, scale)) continue;
		const start = Math.min(Math.max(0, i - k), n - size);
		const window = r.slice(start, start + size);
		const centre = median(window)!;
		const spread = mad(window)!;
		const p = points[i];
		const expected = centre + base(city, p.year);
		const { z, outlier } = outlierScore(r[i] - centre, spread, nullStandardError(expected, p.denominator, scale), threshold, chanceZ);
		if (outlier) out.push({ year: p.year, value: p.value, expected, z });
	}
	return out;
}

/** The segment's pooled value (Σ numerators / Σ denominators), the area's typical level. */
function pooledLevel(points: readonly SeriesPoint[], scale: IndicatorScale): number {
	if (scale.value_type === 'count') return median(points.map((p) => p.value)) ?? NaN;
	let num = 0;
	let den = 0;
	for (const p of points) {
		if (p.numerator === null || p.denominator === null) continue;
		num += p.numerator;
		den += p.denominator;
	}
	return den > 0 ? (num / den) * scale.multiplier : NaN;
}

interface Change {
	year: number;
	change: number;
	se: number;
}

/** Year-on-year changes between consecutive years (a gap year breaks the chain). */
function changes(points: readonly SeriesPoint[], scale: IndicatorScale, city?: CityValues): Change[] {
	const out: Change[] = [];
	for (let i = 1; i < points.length; i++) {
		const a = points[i - 1];
		const b = points[i];
		if (b.year - a.year !== 1) continue;
		// no change expected: both years judged at their common level
		const level = (a.value + b.value) / 2;
		const se = Math.hypot(nullStandardError(level, a.denominator, scale), nullStandardError(level, b.denominator, scale));
		out.push({ year: b.year, change: b.value - base(city, b.year) - (a.value - base(city, a.year)), se });
	}
	return out;
}

/** Robust z-scores of each raw year-on-year change against the segment's own changes. */
export function changeScores(points: readonly SeriesPoint[], scale: IndicatorScale): Map<number, { change: number; z: number }> {
	const d = changes(points, scale);
	const out = new Map<number, { change: number; z: number }>();
	if (d.length < MIN_CHANGES) return out;
	const centre = median(d.map((x) => x.change))!;
	const spread = mad(d.map((x) => x.change))!;
	for (const x of d) out.set(x.year, { change: x.change, z: robustZ(x.change, centre, spread, x.se) });
	return out;
}

/**
 * Does a change at points[i] last? Medians of up to three years from i on and of the three years
 * before, less the usual change between the middles of the two windows (the series' own trend),
 * must keep at least half of the jump. `values` are the numbers compared (raw or city-relative).
 */
export function lasts(values: readonly number[], years: readonly number[], i: number, change: number, usual: number): { step: number; ok: boolean } {
	const before = values.slice(Math.max(0, i - 3), i);
	const after = values.slice(i, i + 3);
	const mid = (ys: readonly number[]) => ys.reduce((s, y) => s + y, 0) / ys.length;
	const step = median(after)! - median(before)! - usual * (mid(years.slice(i, i + 3)) - mid(years.slice(Math.max(0, i - 3), i)));
	return { step, ok: Math.sign(step) === Math.sign(change - usual) && Math.abs(step) >= 0.5 * Math.abs(change - usual) };
}

/** Lasting steps of one segment; years in `spikes` (and the year after each) are left out. */
export function levelShifts(points: readonly SeriesPoint[], scale: IndicatorScale, spikes: ReadonlySet<number> = new Set(), city?: CityValues, chanceZ = OUTLIER_Z, threshold = OUTLIER_Z): LevelShift[] {
	const d = changes(points, scale, city);
	if (d.length < MIN_CHANGES) return [];
	const centre = median(d.map((x) => x.change))!;
	const spread = mad(d.map((x) => x.change))!;
	const r = points.map((p) => p.value - base(city, p.year));
	const years = points.map((p) => p.year);
	const level = pooledLevel(points, scale);
	const out: LevelShift[] = [];
	for (const x of d) {
		if (spikes.has(x.year) || spikes.has(x.year - 1)) continue;
		if (!enoughCases(level, points[years.indexOf(x.year)].denominator, scale)) continue;
		const { z, outlier } = outlierScore(x.change - centre, spread, x.se, threshold, chanceZ);
		if (!outlier) continue;
		const i = years.indexOf(x.year);
		const { step, ok } = lasts(r, years, i, x.change, centre);
		// the rest of the step must itself be beyond the data's variation and chance
		if (!ok || !outlierScore(step, spread, x.se, threshold, chanceZ).outlier) continue;
		const raw = points.map((p) => p.value);
		out.push({ year: x.year, before: median(raw.slice(Math.max(0, i - 3), i))!, after: median(raw.slice(i, i + 3))!, z });
	}
	return out;
}
