/**
 * Low / medium / high for need and coverage, and the combined category of a matrix cell.
 * - tercile: the lower, middle and upper third of the areas with a value (cuts at the type-7
 *   percentiles ⅓ and ⅔; a value on a cut belongs to the lower group, as in stats/classify);
 * - sd: below mean − 0.5 SD / in between / above mean + 0.5 SD (the three-class SD scheme of
 *   stats/classify, mapclassify StdMean with multiples ±0.5).
 * When all values are equal nobody is low or high: everyone is "mid".
 */
import { classify, classOf, quantileType7 } from '$lib/stats/classify';

export type Level = 'low' | 'mid' | 'high';
export type LevelMethod = 'tercile' | 'sd';
export const LEVELS: readonly Level[] = ['low', 'mid', 'high'];

export function levels(values: readonly (number | null)[], method: LevelMethod): (Level | null)[] {
	const xs = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
	if (xs.length === 0) return values.map(() => null);
	if (xs[0] === xs[xs.length - 1]) return values.map((v) => (v === null ? null : 'mid'));
	let breaks: number[];
	if (method === 'tercile') breaks = [quantileType7(xs, 1 / 3), quantileType7(xs, 2 / 3), xs[xs.length - 1]];
	else breaks = classify(xs, { method: 'stdDev', k: 3 }).breaks;
	return values.map((v) => (v === null || !Number.isFinite(v) ? null : LEVELS[classOf(v, { breaks }) ?? 1]));
}

/**
 * The category a steering group acts on. "gap" = high need, low coverage; "attention" = one step
 * away from it (high need with medium coverage, or medium need with low coverage); "covered" = high
 * need met by high coverage; everything else "other"; "nodata" when either side is unknown.
 */
export type Category = 'gap' | 'attention' | 'covered' | 'other' | 'nodata';
export const CATEGORIES: readonly Category[] = ['gap', 'attention', 'covered', 'other', 'nodata'];

export function categoryOf(need: Level | null, coverage: Level | null): Category {
	if (need === null || coverage === null) return 'nodata';
	if (need === 'high' && coverage === 'low') return 'gap';
	if ((need === 'high' && coverage === 'mid') || (need === 'mid' && coverage === 'low')) return 'attention';
	if (need === 'high' && coverage === 'high') return 'covered';
	return 'other';
}

/**
 * Colour and symbol per category: never colour alone. Colours from the Okabe–Ito palette
 * (distinguishable with common colour-vision deficiencies); `ink` is the text colour on it with a
 * contrast of at least 4.5 : 1.
 */
export const CATEGORY_STYLE: Readonly<Record<Category, { color: string; ink: string; symbol: string }>> = {
	gap: { color: '#d55e00', ink: '#000000', symbol: '▲' },
	attention: { color: '#f0c27b', ink: '#000000', symbol: '△' },
	covered: { color: '#56b4e9', ink: '#000000', symbol: '✓' },
	other: { color: '#eef0f2', ink: '#1a1a1a', symbol: '·' },
	nodata: { color: '#d4d4d4', ink: '#1a1a1a', symbol: '–' }
};
