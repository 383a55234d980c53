/**
 * Horizontal ranking bars: one bar per area from zero to its value, highest first, its 95 % interval
 * as a whisker, the city value as a vertical line through all bars. Bars start at zero (a shortened
 * axis would exaggerate differences between areas). Areas without a value get no bar; they are
 * returned apart so the chart can name them instead of drawing an empty bar that reads as 0.
 */
import { scaleLinear } from 'd3';
import type { PolarityComparison } from '$lib/stats/compare';

export interface RankingItem {
	key: string;
	name: string;
	value: number | null;
	lower: number | null;
	upper: number | null;
	comparison: PolarityComparison;
}

export interface RankingLayout {
	width: number;
	rowHeight: number;
	/** Room for the area names on the left and the values on the right. */
	labelWidth: number;
	valueWidth: number;
	top: number;
	bottom: number;
}

export interface RankingBar extends RankingItem {
	value: number;
	y: number;
	x0: number;
	x1: number;
	ci: { x0: number; x1: number } | null;
}

export interface RankingModel {
	height: number;
	plot: { x0: number; x1: number; y0: number; y1: number };
	ticks: { value: number; x: number }[];
	bars: RankingBar[];
	excluded: RankingItem[];
	cityX: number | null;
}

export function rankingModel(items: readonly RankingItem[], city: number | null, layout: RankingLayout): RankingModel {
	const bars0 = items
		.filter((i): i is RankingItem & { value: number } => i.value !== null && Number.isFinite(i.value))
		.sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, 'de'));
	const excluded = items.filter((i) => i.value === null || !Number.isFinite(i.value));
	const max = Math.max(0, city ?? 0, ...bars0.map((b) => Math.max(b.value, b.upper ?? b.value)));
	const x0 = layout.labelWidth;
	const x1 = layout.width - layout.valueWidth;
	const x = scaleLinear()
		.domain([0, max > 0 ? max : 1])
		.nice()
		.range([x0, x1]);
	const height = layout.top + bars0.length * layout.rowHeight + layout.bottom;
	const bars = bars0.map((b, i) => ({
		...b,
		y: layout.top + i * layout.rowHeight,
		x0: x(0),
		x1: x(b.value),
		ci: b.lower !== null && b.upper !== null ? { x0: x(b.lower), x1: x(b.upper) } : null
	}));
	return {
		height,
		plot: { x0, x1, y0: layout.top, y1: height - layout.bottom },
		ticks: x.ticks(5).map((value) => ({ value, x: x(value) })),
		bars,
		excluded,
		cityX: city !== null && Number.isFinite(city) ? x(city) : null
	};
}
