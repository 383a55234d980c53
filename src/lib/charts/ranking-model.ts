/**
 * Horizontal ranking bars: one bar per area from zero to its value, highest first, its 95 % interval
 * as a whisker, the city value as a vertical line through all bars. Bars start at zero (a shortened
 * axis would exaggerate differences between areas). Areas without a value get no bar; they are
 * returned apart so the chart can name them instead of drawing an empty bar that reads as 0.
 *
 * With many areas (a city at block level: thousands) the chart shows the top and the bottom of the
 * ranking and the highlighted area, with a gap row naming how many areas lie between; the table
 * below lists all of them. The x scale still spans every area, so a bar means the same as in the
 * full ranking.
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

/**
 * Above this many areas the ranking is cut to its top and bottom: 60 rows of 16 px are about one
 * screen; beyond that nobody reads a bar chart row by row (the table sorts and searches instead),
 * and at 20,000 areas the chart alone was 20,000 SVG groups.
 */
export const RANKING_ALL_MAX = 60;
/** Areas shown at either end of a cut ranking. */
export const RANKING_END = 25;

export interface RankingWindow {
	/** Show every area up to this many. */
	allMax: number;
	/** Otherwise the first and the last this many, plus the highlighted area. */
	end: number;
	selected: string | null;
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
	/** Position in the full ranking (1 = highest). */
	position: number;
	/** Areas left out right before this bar (a gap row above it); 0 in a full ranking. */
	skippedBefore: number;
	y: number;
	x0: number;
	x1: number;
	ci: { x0: number; x1: number } | null;
}

export interface RankingModel {
	height: number;
	plot: { x0: number; x1: number; y0: number; y1: number };
	ticks: { value: number; x: number }[];
	/** Drawn bars, highest first (all areas with a value, or the ends of a cut ranking). */
	bars: RankingBar[];
	/** Rows between drawn bars standing for `count` areas not drawn. */
	gaps: { y: number; count: number }[];
	/** Every area with a value, highest first (drawn or not). */
	ranked: (RankingItem & { value: number })[];
	excluded: RankingItem[];
	cityX: number | null;
}

/**
 * Positions (0-based, in ranking order) drawn for `n` ranked areas: all up to `allMax`, otherwise the
 * first and last `end` and the selected position (−1: none). Ascending, no duplicates.
 */
export function rankingRows(n: number, selectedIndex: number, window: Pick<RankingWindow, 'allMax' | 'end'>): number[] {
	if (n <= window.allMax) return Array.from({ length: n }, (_, i) => i);
	const end = Math.min(window.end, Math.floor(n / 2));
	const rows = new Set<number>();
	for (let i = 0; i < end; i++) rows.add(i).add(n - 1 - i);
	if (selectedIndex >= 0 && selectedIndex < n) rows.add(selectedIndex);
	return [...rows].sort((a, b) => a - b);
}

export function rankingModel(
	items: readonly RankingItem[],
	city: number | null,
	layout: RankingLayout,
	window: RankingWindow = { allMax: Infinity, end: RANKING_END, selected: null }
): RankingModel {
	const bars0 = items
		.filter((i): i is RankingItem & { value: number } => i.value !== null && Number.isFinite(i.value))
		.sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, 'de'));
	const excluded = items.filter((i) => i.value === null || !Number.isFinite(i.value));
	// a loop, not Math.max(...spread): thousands of arguments are close to the engine's limit
	const max = bars0.reduce((m, b) => Math.max(m, b.value, b.upper ?? b.value), Math.max(0, city ?? 0));
	const x0 = layout.labelWidth;
	const x1 = layout.width - layout.valueWidth;
	const x = scaleLinear()
		.domain([0, max > 0 ? max : 1])
		.nice()
		.range([x0, x1]);
	const selectedIndex = window.selected === null ? -1 : bars0.findIndex((b) => b.key === window.selected);
	const rows = rankingRows(bars0.length, selectedIndex, window);
	const bars: RankingBar[] = [];
	const gaps: RankingModel['gaps'] = [];
	// one row per drawn bar, and one row for each run of areas left out between two drawn bars
	let y = layout.top;
	rows.forEach((pos, i) => {
		const skipped = pos - (i === 0 ? 0 : rows[i - 1] + 1);
		if (skipped > 0) {
			gaps.push({ y, count: skipped });
			y += layout.rowHeight;
		}
		const b = bars0[pos];
		bars.push({
			...b,
			position: pos + 1,
			skippedBefore: skipped,
			y,
			x0: x(0),
			x1: x(b.value),
			ci: b.lower !== null && b.upper !== null ? { x0: x(b.lower), x1: x(b.upper) } : null
		});
		y += layout.rowHeight;
	});
	const height = y + layout.bottom;
	return {
		height,
		plot: { x0, x1, y0: layout.top, y1: height - layout.bottom },
		ticks: x.ticks(5).map((value) => ({ value, x: x(value) })),
		bars,
		gaps,
		ranked: bars0,
		excluded,
		cityX: city !== null && Number.isFinite(city) ? x(city) : null
	};
}
