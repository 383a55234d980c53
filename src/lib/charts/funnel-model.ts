/**
 * Funnel plot: each area's value against its denominator (log scale), with 95 % and 99.8 % control
 * limits around the city value (Spiegelhalter 2005; limits from stats/funnel.ts). Small areas scatter
 * more by chance; only points outside the funnel differ more than chance explains. The limits use
 * the same interval logic as the comparison colours, so a point outside the 95 % funnel is exactly an
 * area whose interval excludes the city value.
 *
 * With many areas the points are drawn as small marks in one SVG path per position (funnelMarks):
 * the same places and colours, a handful of nodes instead of one circle per area.
 */
import { extent, line, scaleLinear, scaleLog } from 'd3';
import { funnelCurve, funnelPosition, proportionFunnelLimits, rateFunnelLimits, type FunnelPosition } from '$lib/stats/funnel';

/**
 * Above this many points the funnel draws marks in a few paths instead of one circle (with its own
 * tooltip) per area: hundreds of 4.5 px circles already cover each other in the 620 × 330 plot, and
 * each circle is a node to build and lay out.
 */
export const FUNNEL_POINTS_MAX = 300;

export interface FunnelInput {
	points: readonly { key: string; name: string; value: number | null; denominator: number | null }[];
	/** City value on the indicator's scale (× multiplier). */
	city: number;
	kind: 'proportion' | 'rate';
	multiplier: number;
	width: number;
	height: number;
	margin: { top: number; right: number; bottom: number; left: number };
}

export interface FunnelDot {
	key: string;
	name: string;
	value: number;
	denominator: number;
	cx: number;
	cy: number;
	position: FunnelPosition;
}

export interface FunnelModel {
	xTicks: { value: number; x: number }[];
	yTicks: { value: number; y: number }[];
	cityY: number;
	limits: { level: number; upper: string; lower: string }[];
	dots: FunnelDot[];
	plot: { x0: number; x1: number; y0: number; y1: number };
}

export function funnelModel(input: FunnelInput): FunnelModel | null {
	const pts = input.points.filter(
		(p): p is FunnelDot & { value: number; denominator: number } =>
			p.value !== null && p.denominator !== null && p.denominator > 0 && Number.isFinite(p.value)
	);
	if (pts.length === 0 || !Number.isFinite(input.city)) return null;
	const { width, height, margin } = input;
	const target = input.city / input.multiplier;
	const limitsAt = input.kind === 'proportion' ? proportionFunnelLimits : rateFunnelLimits;
	// d3's min/max, not Math.min(...spread): thousands of arguments come close to the engine's limit
	const [dmin, dmax] = extent(pts, (p) => p.denominator) as [number, number];
	const lo = Math.max(1, dmin * 0.8);
	const hi = Math.max(lo * 2, dmax * 1.25);
	const x = scaleLog().domain([lo, hi]).range([margin.left, width - margin.right]);
	const curve = funnelCurve(input.kind, target, lo, hi, { levels: [0.95, 0.998], multiplier: input.multiplier, points: 80 });
	// The y range follows the data (and the city value), not the funnel's far-out tips at tiny n,
	// which would flatten all points into a line; the curves are clipped to the plot.
	const [pmin, pmax] = extent(pts, (p) => p.value) as [number, number];
	const vmax = Math.max(input.city, pmax);
	const vmin = Math.min(input.city, pmin);
	const spread = vmax - vmin || Math.abs(vmax) * 0.2 || 1;
	const yTop = input.kind === 'proportion' ? Math.min(input.multiplier, vmax + spread * 0.25) : vmax + spread * 0.25;
	const y = scaleLinear()
		.domain([Math.max(0, vmin - spread * 0.25), yTop])
		.nice()
		.range([height - margin.bottom, margin.top]);
	const path = (level: number, side: 'upper' | 'lower') =>
		line<(typeof curve)[number]>()
			.x((d) => x(d.denominator))
			.y((d) => y(d.limits[level][side]))(curve) ?? '';
	const xTicks = x.ticks(6).filter((v) => {
		const lead = v / 10 ** Math.floor(Math.log10(v));
		return lead === 1 || lead === 2 || lead === 5;
	});
	return {
		xTicks: xTicks.map((value) => ({ value, x: x(value) })),
		yTicks: y.ticks(5).map((value) => ({ value, y: y(value) })),
		cityY: y(input.city),
		limits: [0.95, 0.998].map((level, i) => ({ level, upper: path(i, 'upper'), lower: path(i, 'lower') })),
		dots: pts.map((p) => ({
			key: p.key,
			name: p.name,
			value: p.value,
			denominator: p.denominator,
			cx: x(p.denominator),
			cy: y(p.value),
			position: funnelPosition(p.value, limitsAt(p.denominator, target, 0.95, input.multiplier), limitsAt(p.denominator, target, 0.998, input.multiplier))
		})),
		plot: { x0: margin.left, x1: width - margin.right, y0: margin.top, y1: height - margin.bottom }
	};
}

/** Drawing order of the marks: points inside the funnel first, the outliers on top where they stay visible. */
const MARK_ORDER: FunnelPosition[] = ['inside', 'high_95', 'low_95', 'high_998', 'low_998'];

/**
 * All points as small circles (radius r), one path per funnel position, so the chart keeps a
 * constant number of nodes at any number of areas. Coordinates are rounded to 0.1 px, which keeps
 * the path short without moving a mark visibly. Positions without points are left out.
 */
export function funnelMarks(dots: readonly FunnelDot[], r: number): { position: FunnelPosition; count: number; d: string }[] {
	const f = (v: number) => String(Math.round(v * 10) / 10);
	const arc = `a${f(r)},${f(r)} 0 1,0 ${f(2 * r)},0a${f(r)},${f(r)} 0 1,0 ${f(-2 * r)},0`;
	return MARK_ORDER.map((position) => {
		const parts: string[] = [];
		for (const d of dots) if (d.position === position) parts.push(`M${f(d.cx - r)},${f(d.cy)}${arc}`);
		return { position, count: parts.length, d: parts.join('') };
	}).filter((g) => g.count > 0);
}
