/**
 * All areas' series in one chart (grey), the city on top (dark), one area highlighted. Scales and
 * paths come from trend-model.ts (same axis rules as the atlas trend chart: years on x, y from zero,
 * gaps never bridged). Added here: which line the pointer is nearest to (hover), and stepping
 * through the areas with the arrow keys (keyboard focus), both pure so they can be tested.
 */
import { trendModel, type TrendLayout, type TrendModel, type TrendPoint } from './trend-model';

export const CITY_ID = '__city';

export interface AreaSeries {
	key: string;
	name: string;
	/** flag 'suppressed' lets the table alternative print "•" instead of "–". */
	points: (TrendPoint & { flag?: string })[];
}

export function trendsAllModel(areas: readonly AreaSeries[], city: readonly TrendPoint[], layout: TrendLayout): TrendModel {
	return trendModel([...areas.map((a) => ({ id: a.key, points: a.points })), { id: CITY_ID, points: [...city] }], layout);
}

/** The area whose line passes closest (vertically) to the pointer at the nearest year; null if none is within maxDistance px. */
export function nearestArea(model: TrendModel, areas: readonly AreaSeries[], px: number, py: number, maxDistance = 24): string | null {
	const year = Math.round(model.x.invert(px));
	let best: string | null = null;
	let bestD = maxDistance;
	for (const a of areas) {
		const p = a.points.find((q) => q.year === year);
		if (!p || p.value === null) continue;
		const d = Math.abs(model.y(p.value) - py);
		if (d <= bestD) {
			bestD = d;
			best = a.key;
		}
	}
	return best;
}

/** Next key for an arrow key: wraps around, starts at the first (or last) key when nothing is highlighted. */
export function stepArea(keys: readonly string[], current: string | null, delta: 1 | -1): string | null {
	if (keys.length === 0) return null;
	const i = current === null ? -1 : keys.indexOf(current);
	if (i < 0) return delta > 0 ? keys[0] : keys[keys.length - 1];
	return keys[(i + delta + keys.length) % keys.length];
}

/**
 * End labels of two lines (city and highlighted area) that would overlap: push them apart around
 * their midpoint so both stay readable. Returns the new y positions in the same order.
 */
export function separateLabels(a: number, b: number, gap = 13): [number, number] {
	if (Math.abs(a - b) >= gap) return [a, b];
	const mid = (a + b) / 2;
	const up = a <= b ? [mid - gap / 2, mid + gap / 2] : [mid + gap / 2, mid - gap / 2];
	return [up[0], up[1]];
}
