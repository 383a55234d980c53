/**
 * Standardisation of indicator values across areas, so indicators in different units (%, per 1,000)
 * can be averaged. Three methods, as offered by composite-index handbooks (OECD/JRC, "Handbook on
 * Constructing Composite Indicators", 2008, section 5):
 * - zscore: (x − mean) / SD. The German monitoring habit (Berlin "Monitoring Soziale
 *   Stadtentwicklung", Hamburg "Sozialmonitoring Integrierte Stadtteilentwicklung" both z-transform).
 *   The SD is a choice (SdKind): the population SD (divisor n) of all areas, as the published
 *   indices compute it (the areas are the whole city, not a sample of it), or the sample SD
 *   (divisor n − 1), the default of SPSS, R `sd` and our stdDev map classes (stats/classify).
 * - percentile: rank position (r − 1) / (n − 1) in [0, 1], ties get their mean rank; robust to outliers.
 * - minmax: (x − min) / (max − min) in [0, 1]; keeps distances but one outlier squeezes the rest.
 * null marks a missing value; it stays null and takes no part in mean, SD, ranks or range.
 */

import { sampleStandardDeviation, standardDeviation as populationStandardDeviation } from 'simple-statistics';

export type StandardMethod = 'zscore' | 'percentile' | 'minmax';
export const STANDARD_METHODS: readonly StandardMethod[] = ['zscore', 'percentile', 'minmax'];

type Values = readonly (number | null)[];

const present = (xs: Values): number[] => xs.filter((x): x is number => x !== null && Number.isFinite(x));

export function mean(xs: readonly number[]): number {
	return xs.length === 0 ? NaN : xs.reduce((s, x) => s + x, 0) / xs.length;
}

/**
 * Which standard deviation: 'population' divides the squared deviations by n (numpy `std` with its
 * default ddof=0), 'sample' by n − 1 (R `sd`, numpy ddof=1, SPSS). The two differ by the factor
 * √((n − 1)/n): 0.987 at 38 areas, enough to move an area near a class edge across it.
 */
export type SdKind = 'population' | 'sample';
export const SD_KINDS: readonly SdKind[] = ['population', 'sample'];

/** Standard deviation of the given kind (simple-statistics); 0 where it is undefined (n < 1, or n < 2 for 'sample'). */
export function standardDeviation(xs: readonly number[], kind: SdKind): number {
	if (xs.length < (kind === 'sample' ? 2 : 1)) return 0;
	return kind === 'sample' ? sampleStandardDeviation([...xs]) : populationStandardDeviation([...xs]);
}

/**
 * z-scores. When all values are equal (SD 0) every present value scores 0: nobody deviates.
 * Values are shifted by the first one before summing, so nearly equal large values (−999 999.998…)
 * do not lose their differences to rounding and the scores still average 0.
 */
export function zScores(values: Values, kind: SdKind): (number | null)[] {
	const raw = present(values);
	const shift = raw.length ? raw[0] : 0;
	const xs = raw.map((x) => x - shift);
	const m = mean(xs);
	const sd = standardDeviation(xs, kind);
	return values.map((v) => (v === null || !Number.isFinite(v) ? null : sd > 0 ? (v - shift - m) / sd : 0));
}

/** Percentile rank in [0, 1] with mean ranks for ties; a single value gets 0.5. */
export function percentileRanks(values: Values): (number | null)[] {
	const xs = present(values).sort((a, b) => a - b);
	const n = xs.length;
	const rankOf = new Map<number, number>();
	for (let i = 0; i < n; ) {
		let j = i;
		while (j + 1 < n && xs[j + 1] === xs[i]) j++;
		rankOf.set(xs[i], (i + j) / 2 + 1); // mean of the 1-based ranks i+1 … j+1
		i = j + 1;
	}
	return values.map((v) => {
		if (v === null || !Number.isFinite(v)) return null;
		return n < 2 ? 0.5 : (rankOf.get(v)! - 1) / (n - 1);
	});
}

/** Min-max rescaling to [0, 1]; all-equal values map to 0.5. */
export function minMax(values: Values): (number | null)[] {
	const xs = present(values);
	const lo = Math.min(...xs);
	const hi = Math.max(...xs);
	return values.map((v) => (v === null || !Number.isFinite(v) ? null : hi > lo ? (v - lo) / (hi - lo) : 0.5));
}

export function standardise(values: Values, method: StandardMethod, kind: SdKind): (number | null)[] {
	switch (method) {
		case 'zscore':
			return zScores(values, kind);
		case 'percentile':
			return percentileRanks(values);
		case 'minmax':
			return minMax(values);
	}
}
