/**
 * Outliers against the neighbouring areas (spatial outliers): an area whose value differs from
 * its surroundings far more than areas usually differ from theirs.
 *
 * The "median algorithm" of Lu, Chen & Kou (2003, "Algorithms for spatial outlier detection",
 * Proc. 3rd IEEE Int. Conf. on Data Mining, 597–600), a robust form of Shekhar, Lu & Zhang's
 * (2003, "A unified approach to detecting spatial outliers", GeoInformatica 7, 139–166) test:
 *
 *   hᵢ = xᵢ − median{ xⱼ : j neighbour of i }           (difference to the neighbourhood)
 *   zᵢ = (hᵢ − median(h)) / MAD(h)                       (robust z across all areas)
 *
 * and |zᵢ| > 3.5 (Iglewicz & Hoaglin), with MAD(h) at least half the MAD of the values themselves
 * (an area that differs from its neighbours by less than half the usual spread between areas is not
 * an outlier, however alike the others are to theirs). Neighbours are rook neighbours (adjacency.ts); an area needs
 * at least two neighbours with a value. As in the series checks the spread is floored by the
 * sampling error of the neighbours' median in an area of this size, so a small area's chance value
 * is not an outlier; an area where the neighbours' level leads to expect fewer than 5 cases is not
 * checked (sampling.ts `enoughCases`).
 */
import type { Neighbours } from './adjacency';
import { mad, median, OUTLIER_Z, outlierScore } from './robust';
import { enoughCases, nullStandardError } from './sampling';
import type { IndicatorScale } from './types';

export interface AreaNumbers {
	value: number;
	numerator: number | null;
	denominator: number | null;
}

export interface NeighbourOutlier {
	area: string;
	value: number;
	/** Median of the neighbours' values. */
	expected: number;
	z: number;
	neighbours: number;
}

export const MIN_NEIGHBOURS = 2;

export function neighbourOutliers(values: ReadonlyMap<string, AreaNumbers>, neighbours: Neighbours, scale: IndicatorScale, chanceZ = OUTLIER_Z, threshold = OUTLIER_Z): NeighbourOutlier[] {
	const diffs: { area: string; h: number; expected: number; n: number }[] = [];
	for (const [area, own] of values) {
		const around = (neighbours.get(area) ?? []).map((k) => values.get(k)?.value).filter((v): v is number => v !== undefined);
		if (around.length < MIN_NEIGHBOURS) continue;
		const expected = median(around)!;
		diffs.push({ area, h: own.value - expected, expected, n: around.length });
	}
	if (diffs.length < 5) return [];
	const centre = median(diffs.map((d) => d.h))!;
	// Where most areas match their surroundings closely, MAD(h) is tiny and an area at the edge of
	// a smooth gradient would already stand out; half the spread between the areas' values is the
	// smallest difference called an outlier (practical relevance, not only statistical).
	const spread = Math.max(mad(diffs.map((d) => d.h))!, 0.5 * mad([...values.values()].map((v) => v.value))!);
	const out: NeighbourOutlier[] = [];
	for (const d of diffs) {
		const own = values.get(d.area)!;
		if (!enoughCases(d.expected, own.denominator, scale)) continue;
		const { z, outlier } = outlierScore(d.h - centre, spread, nullStandardError(d.expected, own.denominator, scale), threshold, chanceZ);
		if (outlier) out.push({ area: d.area, value: own.value, expected: d.expected, z, neighbours: d.n });
	}
	return out;
}
