/**
 * Geometry of a target chart (full chart and sparkline): actual values with their 95 % intervals,
 * the required path from baseline to target, the projection line with its prediction cone, and the
 * target marker. d3 computes, Svelte draws. The cone is clamped to the indicator's possible values
 * (a share cannot fall below 0 %); gaps in the series stay gaps.
 */
import { area, line, scaleLinear, type ScaleLinear } from 'd3';
import type { SeriesPoint } from '$lib/data/engine';
import type { Target } from '$lib/data/types';
import { intervalFor } from '$lib/stats/compare';
import type { Assessment, AssessIndicator } from './assess';
import { clampToRange } from './model';

export interface ChartLayout {
	width: number;
	height: number;
	margin: { top: number; right: number; bottom: number; left: number };
}

export interface ActualDot {
	year: number;
	value: number;
	cx: number;
	cy: number;
	/** Pixel positions of the interval ends (null without counts). */
	lo: number | null;
	hi: number | null;
	provisional: boolean;
}

export interface TargetChartModel {
	x: ScaleLinear<number, number>;
	y: ScaleLinear<number, number>;
	xTicks: number[];
	yTicks: number[];
	actual: string;
	dots: ActualDot[];
	required: { x1: number; y1: number; x2: number; y2: number };
	/** The Soll marker in the latest year. */
	requiredNow: { cx: number; cy: number } | null;
	projection: string;
	cone: string;
	target: { cx: number; cy: number };
	baseline: { cx: number; cy: number };
}

type Ind = AssessIndicator;
type PathTarget = Pick<Target, 'baseline_year' | 'baseline_value' | 'target_year' | 'target_value'>;

/**
 * from: first year to draw (default: all). zero: start the value axis at 0 (the full chart, where a
 * cut axis would exaggerate); a sparkline uses the data range so its direction is visible.
 */
export function targetChartModel(t: PathTarget, series: readonly SeriesPoint[], a: Assessment, ind: Ind, layout: ChartLayout, from?: number, zero = true): TargetChartModel {
	const { width, height, margin } = layout;
	const pts = [...series].sort((p, q) => p.year - q.year).filter((p) => from === undefined || p.year >= from);
	const withIv = pts.map((p) => ({ p, iv: p.value === null ? null : intervalFor(p, ind.value_type, ind.multiplier, 0.95) }));
	const cone = a.projection.cone.map((c) => ({ ...c, lower: clampToRange(c.lower, ind), upper: clampToRange(c.upper, ind) }));
	const firstYear = Math.min(t.baseline_year, pts[0]?.year ?? t.baseline_year);
	const x = scaleLinear().domain([firstYear, Math.max(t.target_year, firstYear + 1)]).range([margin.left, width - margin.right]);
	const values = withIv.filter(({ p }) => p.value !== null).map(({ p }) => p.value as number);
	const highs = [t.baseline_value, t.target_value, ...cone.map((c) => c.upper), ...(zero ? withIv.map(({ p, iv }) => iv?.upper ?? p.value ?? 0) : values)];
	const lows = [t.baseline_value, t.target_value, ...values, ...cone.map((c) => c.lower)];
	const max = Math.max(0, ...highs);
	const min = zero ? 0 : Math.min(...lows);
	const pad = zero ? 0 : (max - min) * 0.08;
	const y = scaleLinear().domain([min - pad, max > min ? max * (zero ? 1.05 : 1) + pad : min + 1]).range([height - margin.bottom, margin.top]);
	if (zero) y.nice();
	const gen = line<SeriesPoint>().defined((p) => p.value !== null && p.flag !== 'suppressed').x((p) => x(p.year)).y((p) => y(p.value as number));
	const span = x.domain()[1] - x.domain()[0];
	const reqNow = a.year !== null && a.required !== null && a.year >= t.baseline_year ? { cx: x(a.year), cy: y(a.required) } : null;
	return {
		x,
		y,
		xTicks: x.ticks(Math.min(span, 8)).filter(Number.isInteger),
		yTicks: y.ticks(4),
		actual: gen(pts) ?? '',
		dots: withIv
			.filter(({ p }) => p.value !== null && p.flag !== 'suppressed')
			.map(({ p, iv }) => ({
				year: p.year, value: p.value as number, cx: x(p.year), cy: y(p.value as number),
				lo: iv ? y(iv.lower) : null, hi: iv ? y(iv.upper) : null, provisional: p.flag === 'provisional'
			})),
		required: { x1: x(t.baseline_year), y1: y(t.baseline_value), x2: x(t.target_year), y2: y(t.target_value) },
		requiredNow: reqNow,
		projection: line<{ year: number; value: number }>().x((p) => x(p.year)).y((p) => y(clampToRange(p.value, ind)))([...a.projection.fitted, ...cone.slice(1)]) ?? '',
		cone: area<{ year: number; lower: number; upper: number }>().x((c) => x(c.year)).y0((c) => y(c.lower)).y1((c) => y(c.upper))(cone) ?? '',
		target: { cx: x(t.target_year), cy: y(t.target_value) },
		baseline: { cx: x(t.baseline_year), cy: y(t.baseline_value) }
	};
}
