/**
 * A sparkline: the area's series as a small line, the city as a thin reference line, the last
 * published point marked. The y axis fits the data (not from zero): a sparkline shows the shape of
 * the change, the exact numbers are in the table cells next to it. Gaps stay gaps.
 */
import { extent, line, scaleLinear } from 'd3';

export interface SparkPoint {
	year: number;
	value: number | null;
}

export interface SparklineModel {
	area: string;
	city: string;
	last: { cx: number; cy: number; year: number; value: number } | null;
	first: { year: number; value: number } | null;
}

export function sparklineModel(
	area: readonly SparkPoint[],
	city: readonly SparkPoint[],
	size: { width: number; height: number; pad?: number }
): SparklineModel {
	const pad = size.pad ?? 2.5;
	const all = [...area, ...city];
	const [y0, y1] = extent(all, (p) => p.year);
	const vals = all.map((p) => p.value).filter((v): v is number => v !== null && Number.isFinite(v));
	if (y0 === undefined || y1 === undefined || vals.length === 0) return { area: '', city: '', last: null, first: null };
	let lo = Math.min(...vals);
	let hi = Math.max(...vals);
	if (lo === hi) {
		lo -= 1;
		hi += 1;
	}
	const x = scaleLinear().domain(y0 === y1 ? [y0 - 1, y1 + 1] : [y0, y1]).range([pad, size.width - pad]);
	const y = scaleLinear().domain([lo, hi]).range([size.height - pad, pad]);
	const gen = line<SparkPoint>()
		.defined((p) => p.value !== null && Number.isFinite(p.value))
		.x((p) => x(p.year))
		.y((p) => y(p.value as number));
	const sorted = (s: readonly SparkPoint[]) => [...s].sort((a, b) => a.year - b.year);
	const published = sorted(area).filter((p) => p.value !== null && Number.isFinite(p.value));
	const last = published.at(-1);
	const first = published[0];
	return {
		area: gen(sorted(area)) ?? '',
		city: gen(sorted(city)) ?? '',
		last: last ? { cx: x(last.year), cy: y(last.value as number), year: last.year, value: last.value as number } : null,
		first: first ? { year: first.year, value: first.value as number } : null
	};
}
