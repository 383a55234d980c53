/**
 * Distribution as a dot histogram: values are binned (d3.bin on "nice" thresholds) and each area is
 * one stacked dot, so a planner sees both the shape and that every dot is a real district (and can
 * find the highlighted one). The city value is drawn as a line.
 *
 * With many areas the same bins become bars (histogramModel): thousands of dots would shrink below a
 * pixel and cost one SVG node each, while a bar's height still shows the shape; the highlighted area
 * is then a marker at its value.
 */
import { bin, scaleLinear, type ScaleLinear } from 'd3';

/**
 * Above this many areas with a value the distribution is drawn as bars, not dots: in the 620 × 200
 * chart the dots of a 14-bin histogram of 300 areas are already ~2 px small, and every dot is a node.
 */
export const DOT_HISTOGRAM_MAX = 300;

export interface DistributionInput {
	values: readonly { key: string; name: string; value: number | null }[];
	city: number | null;
	width: number;
	height: number;
	margin: { top: number; right: number; bottom: number; left: number };
	/** Wanted number of bins (d3 picks nice thresholds near it). */
	bins?: number;
}

export interface DistributionModel {
	bins: { x0: number; x1: number; keys: string[]; names: string[] }[];
	dots: { key: string; name: string; value: number; cx: number; cy: number }[];
	r: number;
	xTicks: { value: number; x: number }[];
	cityX: number | null;
	baseline: number;
}

type Published = { key: string; name: string; value: number };

/** The published values, the x scale (values and city on nice bounds) and the bins, shared by both charts. */
function binned(input: DistributionInput): { pts: Published[]; x: ScaleLinear<number, number>; groups: { x0: number; x1: number; items: Published[] }[] } | null {
	const pts = input.values.filter((v): v is Published => v.value !== null && Number.isFinite(v.value));
	if (pts.length === 0) return null;
	const { width, margin } = input;
	// loops, not Math.min(...spread): thousands of arguments come close to the engine's limit
	let lo = input.city ?? Infinity;
	let hi = input.city ?? -Infinity;
	for (const p of pts) {
		if (p.value < lo) lo = p.value;
		if (p.value > hi) hi = p.value;
	}
	const x = scaleLinear()
		.domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
		.nice(input.bins ?? 12)
		.range([margin.left, width - margin.right]);
	const binner = bin<(typeof pts)[number], number>()
		.value((p) => p.value)
		.domain(x.domain() as [number, number])
		.thresholds(x.ticks(input.bins ?? 12));
	const groups = binner(pts).map((g) => ({
		x0: g.x0 as number,
		x1: g.x1 as number,
		items: [...g].sort((a, b) => a.value - b.value)
	}));
	return { pts, x, groups };
}

export function distributionModel(input: DistributionInput): DistributionModel | null {
	const b = binned(input);
	if (!b) return null;
	const { x, groups } = b;
	const { height, margin } = input;
	const most = Math.max(...groups.map((g) => g.items.length));
	const baseline = height - margin.bottom;
	const binPx = Math.min(...groups.map((g) => x(g.x1) - x(g.x0)).filter((w) => w > 0));
	// Dots as large as the narrowest bin and the tallest stack allow, but never huge.
	const r = Math.max(0.5, Math.min(binPx / 2 - 1, (baseline - margin.top) / most / 2, 9));
	return {
		bins: groups.map((g) => ({ x0: g.x0, x1: g.x1, keys: g.items.map((i) => i.key), names: g.items.map((i) => i.name) })),
		dots: groups.flatMap((g) =>
			g.items.map((p, i) => ({ key: p.key, name: p.name, value: p.value, cx: (x(g.x0) + x(g.x1)) / 2, cy: baseline - r - i * 2 * r }))
		),
		r,
		xTicks: x.ticks(6).map((value) => ({ value, x: x(value) })),
		cityX: input.city !== null && Number.isFinite(input.city) ? x(input.city) : null,
		baseline
	};
}

export interface HistogramModel {
	bars: { x0: number; x1: number; count: number; px0: number; px1: number; y: number }[];
	/** Count axis. */
	yTicks: { value: number; y: number }[];
	xTicks: { value: number; x: number }[];
	cityX: number | null;
	/** The highlighted area, if it has a value: a marker at its value. */
	marker: { key: string; name: string; value: number; x: number } | null;
	baseline: number;
	n: number;
}

/** The same bins as distributionModel, as bars whose height is the number of areas. */
export function histogramModel(input: DistributionInput & { selected: string | null }): HistogramModel | null {
	const b = binned(input);
	if (!b) return null;
	const { x, groups, pts } = b;
	const { height, margin } = input;
	const baseline = height - margin.bottom;
	const most = Math.max(...groups.map((g) => g.items.length));
	const y = scaleLinear()
		.domain([0, Math.max(1, most)])
		.nice()
		.range([baseline, margin.top]);
	const sel = input.selected === null ? undefined : pts.find((p) => p.key === input.selected);
	return {
		bars: groups.map((g) => ({ x0: g.x0, x1: g.x1, count: g.items.length, px0: x(g.x0), px1: x(g.x1), y: y(g.items.length) })),
		yTicks: y
			.ticks(4)
			.filter(Number.isInteger)
			.map((value) => ({ value, y: y(value) })),
		xTicks: x.ticks(6).map((value) => ({ value, x: x(value) })),
		cityX: input.city !== null && Number.isFinite(input.city) ? x(input.city) : null,
		marker: sel ? { key: sel.key, name: sel.name, value: sel.value, x: x(sel.value) } : null,
		baseline,
		n: pts.length
	};
}
