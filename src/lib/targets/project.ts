/**
 * Projection of a target's recent trend to its target year.
 *
 * Points: the published values (not suppressed or missing) since the baseline year, at least the last
 * five; a series break (flag 'break') starts a new series, so only points from the break on count.
 * Fewer than five points → not assessable (the convention of the Fingertips recent trend).
 * Line: weighted least squares with weights 1/SE², SE = (upper − lower)/(2·1.96) from each point's
 * 95 % interval, so a year with few cases counts less; equal weights when any point lacks counts.
 * A new observation at the target year is assumed as precise as the latest one (its weight w₀).
 * The 95 % prediction interval (regression.ts) then decides:
 *   likely_met: the whole interval lies on the good side of the target value (or on it);
 *   likely_missed: the whole interval lies on the wrong side; uncertain otherwise.
 */
import type { SeriesPoint } from '$lib/data/engine';
import type { Target } from '$lib/data/types';
import { intervalFor } from '$lib/stats/compare';
import { zForLevel } from '$lib/stats/distributions';
import type { AssessIndicator } from './assess';
import type { GoalDirection } from './model';
import { fitLine, predictNew, type WeightedPoint } from './regression';

export const MIN_PROJECTION_POINTS = 5;

export type ProjectionStatus = 'likely_met' | 'likely_missed' | 'uncertain' | 'not_assessable';
export type ProjectionReason = 'assessed' | 'too_few_points' | 'series_break' | 'target_year_passed';

export interface ConePoint {
	year: number;
	value: number;
	lower: number;
	upper: number;
}

export interface Projection {
	status: ProjectionStatus;
	reason: ProjectionReason;
	/** At the target year (null when not assessable). */
	at: ConePoint | null;
	/** Years of the points the line was fitted to. */
	years: number[];
	weighted: boolean;
	/** Change per year of the fitted line. */
	slope: number | null;
	/** Fitted line over the points used, then the prediction cone up to the target year. */
	fitted: { year: number; value: number }[];
	cone: ConePoint[];
}

const none = (reason: ProjectionReason, years: number[] = []): Projection => ({
	status: 'not_assessable', reason, at: null, years, weighted: false, slope: null, fitted: [], cone: []
});

export function projectTarget(
	t: Pick<Target, 'baseline_year' | 'target_year' | 'target_value'>,
	sorted: readonly SeriesPoint[],
	ind: AssessIndicator,
	goal: GoalDirection
): Projection {
	const breakYear = Math.max(-Infinity, ...sorted.filter((p) => p.flag === 'break').map((p) => p.year));
	const all = sorted.filter((p) => p.value !== null && p.flag !== 'suppressed' && p.flag !== 'missing');
	const published = all.filter((p) => p.year >= breakYear);
	if (published.length < MIN_PROJECTION_POINTS) {
		return none(all.length >= MIN_PROJECTION_POINTS ? 'series_break' : 'too_few_points', published.map((p) => p.year));
	}
	const sinceBaseline = published.filter((p) => p.year >= t.baseline_year);
	const used = sinceBaseline.length >= MIN_PROJECTION_POINTS ? sinceBaseline : published.slice(-MIN_PROJECTION_POINTS);
	const years = used.map((p) => p.year);
	const lastYear = years[years.length - 1];
	if (lastYear >= t.target_year) return none('target_year_passed', years);

	const z = zForLevel(0.95);
	const se = used.map((p) => {
		const iv = intervalFor(p, ind.value_type, ind.multiplier, 0.95);
		return iv && iv.upper > iv.lower ? (iv.upper - iv.lower) / (2 * z) : null;
	});
	const weighted = se.every((s) => s !== null);
	const points: WeightedPoint[] = used.map((p, i) => ({ x: p.year, y: p.value as number, w: weighted ? 1 / (se[i] as number) ** 2 : 1 }));
	const fit = fitLine(points);
	if (!fit) return none('too_few_points', years);
	const w0 = points[points.length - 1].w;

	const cone: ConePoint[] = [];
	for (let year = lastYear; year <= t.target_year; year++) {
		const p = predictNew(fit, year, w0, 0.95);
		cone.push({ year, value: p.value, lower: p.lower, upper: p.upper });
	}
	const at = cone[cone.length - 1];
	const met = goal === 'lower' ? at.upper <= t.target_value : at.lower >= t.target_value;
	const missed = goal === 'lower' ? at.lower > t.target_value : at.upper < t.target_value;
	return {
		status: met ? 'likely_met' : missed ? 'likely_missed' : 'uncertain',
		reason: 'assessed',
		at,
		years,
		weighted,
		slope: fit.slope,
		fitted: [years[0], lastYear].map((year) => ({ year, value: fit.intercept + fit.slope * year })),
		cone
	};
}
