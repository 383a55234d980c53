/**
 * Distribution as a dot histogram: values are binned (d3.bin on "nice" thresholds) and each area is
 * one stacked dot, so a planner sees both the shape and that every dot is a real district (and can
 * find the highlighted one). The city value is drawn as a line.
 */
import { bin, scaleLinear } from 'd3';

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

export function distributionModel(input: DistributionInput): DistributionModel | null {
	const pts = input.values.filter((v): v is { key: string; name: string; value: number } => v.value !== null && Number.isFinite(v.value));
	if (pts.length === 0) return null;
	const { width, height, margin } = input;
	const lo = Math.min(...pts.map((p) => p.value), input.city ?? Infinity);
	const hi = Math.max(...pts.map((p) => p.value), input.city ?? -Infinity);
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
