/**
 * Standardisation of indicator values across areas, so indicators in different units (%, per 1,000)
 * can be averaged. Three methods, as offered by composite-index handbooks (OECD/JRC, "Handbook on
 * Constructing Composite Indicators", 2008, section 5):
 * - zscore: (x − mean) / SD. The German monitoring habit (Berlin "Monitoring Soziale
 *   Stadtentwicklung", Hamburg "Sozialmonitoring Integrierte Stadtteilentwicklung" both z-transform).
 *   SD is the sample SD (n − 1), as SPSS and our stdDev classes (stats/classify) use.
 * - percentile: rank position (r − 1) / (n − 1) in [0, 1], ties get their mean rank; robust to outliers.
 * - minmax: (x − min) / (max − min) in [0, 1]; keeps distances but one outlier squeezes the rest.
 * null marks a missing value; it stays null and takes no part in mean, SD, ranks or range.
 */

export type StandardMethod = 'zscore' | 'percentile' | 'minmax';
export const STANDARD_METHODS: readonly StandardMethod[] = ['zscore', 'percentile', 'minmax'];

type Values = readonly (number | null)[];

const present = (xs: Values): number[] => xs.filter((x): x is number => x !== null && Number.isFinite(x));

export function mean(xs: readonly number[]): number {
	return xs.length === 0 ? NaN : xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Sample standard deviation (n − 1); 0 for fewer than two values. */
export function sampleSd(xs: readonly number[]): number {
	if (xs.length < 2) return 0;
	const m = mean(xs);
	return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

/**
 * z-scores. When all values are equal (SD 0) every present value scores 0: nobody deviates.
 * Values are shifted by the first one before summing, so nearly equal large values (−999 999.998…)
 * do not lose their differences to rounding and the scores still average 0.
 */
export function zScores(values: Values): (number | null)[] {
	const raw = present(values);
	const shift = raw.length ? raw[0] : 0;
	const xs = raw.map((x) => x - shift);
	const m = mean(xs);
	const sd = sampleSd(xs);
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

export function standardise(values: Values, method: StandardMethod): (number | null)[] {
	switch (method) {
		case 'zscore':
			return zScores(values);
		case 'percentile':
			return percentileRanks(values);
		case 'minmax':
			return minMax(values);
	}
}
