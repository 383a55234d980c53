/**
 * All areas' development when there are too many areas for one line each: per year the median of
 * the areas' values and the bands holding the middle 80 % (10th–90th percentile) and the middle half
 * (25th–75th), with the city and the highlighted area as lines on top. Twenty thousand grey lines
 * are one grey blot (and 20,000 SVG paths); the bands show what the blot hid: where most areas lie
 * and whether the spread between them grows.
 *
 * Percentiles are d3.quantile's (quantileSorted: the same, on values sorted once per year instead of
 * once per percentile), which uses the R-7 definition (Hyndman & Fan 1996, type 7; R's and
 * Excel's default): for sorted values x₁…xₙ and p ∈ [0, 1], h = (n − 1)·p and the p-quantile is
 * x₍⌊h⌋+1₎ + (h − ⌊h⌋)·(x₍⌊h⌋+2₎ − x₍⌊h⌋+1₎), i.e. linear interpolation between order statistics.
 * Only published values count: suppressed and missing cells are null here (disclosure control
 * happened in the engine), so a band never reflects a withheld value.
 */
import { area, quantileSorted } from 'd3';
import { trendModel, type TrendLayout, type TrendModel, type TrendPoint } from './trend-model';
import { CITY_ID, type AreaSeries } from './trends-all-model';

/**
 * Above this many areas the chart draws the distribution per year instead of one line per area:
 * beyond a few hundred, lines overlap into a solid blot (nothing readable is lost) while every line
 * is an SVG path to build, lay out and hit-test; at 20,000 areas the page never settled.
 */
export const TRENDS_LINES_MAX = 300;

export const MEDIAN_ID = '__median';

export interface YearQuantiles {
	year: number;
	/** Areas with a published value in that year. */
	n: number;
	p10: number;
	p25: number;
	p50: number;
	p75: number;
	p90: number;
}

/**
 * Percentiles of the areas' values per year (R-7, see above). Years in which no area has a value are
 * left out, so the bands and the median line have a gap there instead of bridging it.
 */
export function yearQuantiles(series: readonly AreaSeries[]): YearQuantiles[] {
	const byYear = new Map<number, number[]>();
	for (const s of series) {
		for (const p of s.points) {
			if (p.value === null || !Number.isFinite(p.value)) continue;
			const vs = byYear.get(p.year);
			if (vs) vs.push(p.value);
			else byYear.set(p.year, [p.value]);
		}
	}
	return [...byYear.entries()]
		.sort((a, b) => a[0] - b[0])
		.map(([year, vs]) => {
			const s = vs.sort((a, b) => a - b);
			const q = (p: number) => quantileSorted(s, p) as number;
			return { year, n: s.length, p10: q(0.1), p25: q(0.25), p50: q(0.5), p75: q(0.75), p90: q(0.9) };
		});
}

export interface TrendsBandModel extends TrendModel {
	bands: { id: 'p10_p90' | 'p25_p75'; d: string }[];
}

/**
 * Scales and paths of the band chart. Same axis rules as the line chart (trend-model.ts: years on
 * x, y from zero); the y range follows the 90th percentile, the city and the highlighted area, not
 * the single most extreme area, which at block level is often a tiny one and would squash the bands.
 */
export function trendsBandModel(
	quantiles: readonly YearQuantiles[],
	city: readonly TrendPoint[],
	highlighted: AreaSeries | null,
	layout: TrendLayout
): TrendsBandModel {
	const years = [...new Set([...quantiles.map((q) => q.year), ...city.map((p) => p.year)])].sort((a, b) => a - b);
	const at = new Map(quantiles.map((q) => [q.year, q]));
	const line = (pick: (q: YearQuantiles) => number) => years.map((year) => ({ year, value: at.has(year) ? pick(at.get(year)!) : null }));
	const m = trendModel(
		[
			// p90 only sets the scale (its edge is drawn by the band)
			{ id: '__p90', points: line((q) => q.p90) },
			{ id: MEDIAN_ID, points: line((q) => q.p50) },
			{ id: CITY_ID, points: [...city] },
			...(highlighted ? [{ id: highlighted.key, points: highlighted.points }] : [])
		],
		layout
	);
	const band = (lo: (q: YearQuantiles) => number, hi: (q: YearQuantiles) => number) =>
		area<number>()
			.defined((year) => at.has(year))
			.x((year) => m.x(year))
			.y0((year) => m.y(lo(at.get(year)!)))
			.y1((year) => m.y(hi(at.get(year)!)))(years) ?? '';
	return {
		...m,
		paths: m.paths.filter((p) => p.id !== '__p90'),
		bands: [
			{ id: 'p10_p90', d: band((q) => q.p10, (q) => q.p90) },
			{ id: 'p25_p75', d: band((q) => q.p25, (q) => q.p75) }
		]
	};
}
