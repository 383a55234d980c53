/**
 * Where a target stands: the latest value against the required path (Soll), and the recent trend
 * projected to the target year.
 *
 * Required path: the straight line from (baseline year, baseline value) to (target year, target
 * value); after the target year the target value itself.
 * Status of the latest year of the series, with its 95 % interval (Wilson for proportions, Byar /
 * exact Poisson for rates and counts, `intervalFor`):
 * - on_track: the value lies on the good side of the path, or the path lies inside the interval
 *   (the shortfall is within sampling error);
 * - off_track: the whole interval lies on the wrong side of the path;
 * - not_assessable: the latest year has no value, is suppressed, or is not after the baseline year.
 *   The latest year is used even when it has no value: falling back to an older year would show
 *   an outdated status as the current one.
 * Projection: see project.ts.
 */
import type { SeriesPoint } from '$lib/data/engine';
import type { Indicator, Target } from '$lib/data/types';
import { intervalFor } from '$lib/stats/compare';
import { goalDirection, type GoalDirection } from './model';
import { projectTarget, type Projection } from './project';

export type TrackStatus = 'on_track' | 'off_track' | 'not_assessable';
export type TrackReason =
	| 'good_side'
	| 'within_interval'
	| 'wrong_side'
	| 'no_value'
	| 'suppressed'
	| 'not_after_baseline'
	| 'no_data';

export interface LatestValue {
	year: number;
	value: number;
	/** 95 % interval; equal to the value when the counts are not known. */
	lower: number;
	upper: number;
	hasInterval: boolean;
	provisional: boolean;
}

export interface Assessment {
	goal: GoalDirection;
	/** Latest year of the series (with or without a value); null without any data. */
	year: number | null;
	latest: LatestValue | null;
	/** Required value (Soll) for `year`. */
	required: number | null;
	status: TrackStatus;
	reason: TrackReason;
	/** The latest value already meets the target value. */
	reached: boolean;
	projection: Projection;
}

export type AssessIndicator = Pick<Indicator, 'value_type' | 'multiplier' | 'polarity'>;
type PathTarget = Pick<Target, 'baseline_year' | 'baseline_value' | 'target_year' | 'target_value'>;

/** Soll for a year: linear from baseline to target; the target value after the target year. */
export function requiredValue(t: PathTarget, year: number): number {
	if (year >= t.target_year) return t.target_value;
	const share = (year - t.baseline_year) / (t.target_year - t.baseline_year);
	return t.baseline_value + (t.target_value - t.baseline_value) * share;
}

/** Whether a value is on the good side of (or on) a reference, for the goal direction. */
export function onGoodSide(value: number, reference: number, goal: GoalDirection): boolean {
	return goal === 'lower' ? value <= reference : value >= reference;
}

export function latestValue(p: SeriesPoint, ind: AssessIndicator): LatestValue | null {
	if (p.value === null || p.flag === 'suppressed' || p.flag === 'missing') return null;
	const iv = intervalFor(p, ind.value_type, ind.multiplier, 0.95);
	return {
		year: p.year,
		value: p.value,
		lower: iv ? Math.min(iv.lower, p.value) : p.value,
		upper: iv ? Math.max(iv.upper, p.value) : p.value,
		hasInterval: iv !== null,
		provisional: p.flag === 'provisional'
	};
}

export function assessTarget(t: Target, series: readonly SeriesPoint[], ind: AssessIndicator): Assessment {
	const goal = goalDirection(t, ind.polarity);
	const sorted = [...series].sort((a, b) => a.year - b.year);
	const last = sorted[sorted.length - 1];
	const projection = projectTarget(t, sorted, ind, goal);
	const base = { goal, projection, reached: false };
	if (!last) return { ...base, year: null, latest: null, required: null, status: 'not_assessable', reason: 'no_data' };
	const required = requiredValue(t, last.year);
	const latest = latestValue(last, ind);
	const notAssessable = (reason: TrackReason): Assessment => ({ ...base, year: last.year, latest, required, status: 'not_assessable', reason });
	if (last.flag === 'suppressed') return notAssessable('suppressed');
	if (!latest) return notAssessable('no_value');
	if (last.year <= t.baseline_year) return notAssessable('not_after_baseline');

	const reached = onGoodSide(latest.value, t.target_value, goal);
	const result = (status: TrackStatus, reason: TrackReason): Assessment => ({ ...base, year: last.year, latest, required, status, reason, reached });
	if (onGoodSide(latest.value, required, goal)) return result('on_track', 'good_side');
	if (latest.lower <= required && required <= latest.upper) return result('on_track', 'within_interval');
	return result('off_track', 'wrong_side');
}
