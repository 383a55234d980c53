/**
 * Geometry of a trend chart (one area against a reference), computed with d3 and rendered by
 * Svelte. Gaps (missing or suppressed years) stay gaps: a line never bridges a year without data.
 */
import { extent, line, scaleLinear, type ScaleLinear } from 'd3';

export interface TrendPoint {
	year: number;
	value: number | null;
}

export interface TrendSeries {
	id: string;
	points: TrendPoint[];
}

export interface TrendLayout {
	width: number;
	height: number;
	margin: { top: number; right: number; bottom: number; left: number };
}

export interface TrendModel {
	x: ScaleLinear<number, number>;
	y: ScaleLinear<number, number>;
	xTicks: number[];
	yTicks: number[];
	paths: { id: string; d: string; dots: { year: number; value: number; cx: number; cy: number }[] }[];
}

export function trendModel(series: TrendSeries[], layout: TrendLayout): TrendModel {
	const { width, height, margin } = layout;
	const all = series.flatMap((s) => s.points);
	const [y0, y1] = extent(all, (p) => p.year) as [number, number];
	const x = scaleLinear()
		.domain([y0 ?? 0, y1 ?? 1])
		.range([margin.left, width - margin.right]);
	const max = Math.max(0, ...all.map((p) => p.value ?? 0));
	// Rates and shares start at zero: a truncated axis would exaggerate small differences.
	const y = scaleLinear()
		.domain([0, max > 0 ? max * 1.08 : 1])
		.nice()
		.range([height - margin.bottom, margin.top]);
	const gen = line<TrendPoint>()
		.defined((p) => p.value !== null)
		.x((p) => x(p.year))
		.y((p) => y(p.value as number));
	const span = (y1 ?? 0) - (y0 ?? 0);
	const xTicks = x.ticks(Math.min(span, 6)).filter(Number.isInteger);
	return {
		x,
		y,
		xTicks,
		yTicks: y.ticks(5),
		paths: series.map((s) => {
			const pts = [...s.points].sort((a, b) => a.year - b.year);
			return {
				id: s.id,
				d: gen(pts) ?? '',
				dots: pts
					.filter((p) => p.value !== null)
					.map((p) => ({ year: p.year, value: p.value as number, cx: x(p.year), cy: y(p.value as number) }))
			};
		})
	};
}
