/**
 * Choropleth classification of a numeric array into classes, following the conventions of PySAL
 * mapclassify (Rey SJ et al., https://pysal.org/mapclassify): `breaks` are the upper bounds of the
 * classes, a value v is in class j when breaks[j−1] < v ≤ breaks[j] (class 0 when v ≤ breaks[0]).
 * null / undefined / NaN / ±Infinity are ignored everywhere.
 */
import { ckmeans } from 'simple-statistics';

export type ClassMethod = 'quantile' | 'equalInterval' | 'naturalBreaks' | 'stdDev' | 'boxPlot' | 'manual';

export interface ClassifyOptions {
	method: ClassMethod;
	/** Number of classes (quantile, equalInterval, naturalBreaks, stdDev); default 5 (4 for stdDev). */
	k?: number;
	/** stdDev: width of a band in standard deviations (1, 0.5, …); default 1. */
	sdWidth?: number;
	/** stdDev: explicit multiples of the SD used as cuts, e.g. [-2, -1, 1, 2] (mapclassify StdMean). */
	sdMultiples?: number[];
	/** boxPlot: IQR multiplier for the fences; default 1.5. */
	hinge?: number;
	/** manual: upper bounds of the classes, ascending. */
	breaks?: number[];
}

export interface Classification {
	method: ClassMethod;
	/** Upper bounds of the classes, ascending (non-decreasing); last ≥ max of the data. */
	breaks: number[];
	/** Minimum of the data (lower edge of the first class); NaN for empty input. */
	lower: number;
	/** Number of values in each class. */
	counts: number[];
	/** stdDev only: the mean, the sample SD (n − 1) and the multiples used as cuts. */
	sd?: { mean: number; sd: number; multiples: number[] };
}

export function finiteValues(values: Iterable<number | null | undefined>): number[] {
	const out: number[] = [];
	for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
	return out;
}

/**
 * Percentile with linear interpolation between order statistics (Hyndman–Fan type 7, the default of
 * numpy / scipy.stats.scoreatpercentile, which mapclassify uses): h = (n − 1)p, x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋).
 * `sorted` must be ascending and non-empty; p in [0, 1].
 */
export function quantileType7(sorted: readonly number[], p: number): number {
	const h = (sorted.length - 1) * p;
	const lo = Math.floor(h);
	const hi = Math.min(sorted.length - 1, lo + 1);
	return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

const unique = (xs: number[]): number[] => xs.filter((x, i) => i === 0 || x !== xs[i - 1]);

/** Class index of a value (null for null/NaN or an empty classification). Out-of-range values go to the nearest class. */
export function classOf(value: number | null | undefined, c: Pick<Classification, 'breaks'>): number | null {
	if (typeof value !== 'number' || !Number.isFinite(value) || c.breaks.length === 0) return null;
	let lo = 0;
	let hi = c.breaks.length - 1;
	// first index with value ≤ breaks[i]; values above the last break fall into the last class
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (value <= c.breaks[mid]) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

function build(method: ClassMethod, breaks: number[], data: number[], sd?: Classification['sd']): Classification {
	const counts = breaks.map(() => 0);
	for (const v of data) counts[classOf(v, { breaks }) as number]++;
	return { method, breaks, lower: data.length ? data[0] : NaN, counts, ...(sd ? { sd } : {}) };
}

/** SD multiples for k classes of width w: even k → cuts at the mean and ±w, ±2w…; odd k → ±w/2, ±3w/2… */
export function sdMultiplesFor(k: number, width: number): number[] {
	const m: number[] = [];
	const offset = k % 2 === 0 ? 0 : 0.5;
	const half = Math.floor((k - 1) / 2);
	for (let j = -half; j < k - 1 - half; j++) m.push((j + offset) * width);
	return m;
}

/**
 * Classify values. Methods (mapclassify equivalent in brackets):
 * - quantile [Quantiles]: type-7 percentiles at 100·j/k; duplicate breaks collapse (fewer classes).
 * - equalInterval [EqualInterval]: min + j·(max − min)/k.
 * - naturalBreaks [FisherJenks / NaturalBreaks]: optimal 1-D k-means (Fisher 1958, Jenks), via
 *   simple-statistics `ckmeans` (Wang H, Song M. R Journal 3 (2011) 29–33); breaks = class maxima.
 * - stdDev [StdMean]: cuts at mean + m·SD (sample SD, n − 1) for the multiples m; always
 *   multiples.length + 1 classes (mapclassify drops the top class when the last cut ≥ max; we keep it,
 *   empty, so the legend is the same across years).
 * - boxPlot [BoxPlot]: [Q1 − h·IQR, Q1, median, Q3, Q3 + h·IQR, max]; always six classes (mapclassify has
 *   five when Q3 + h·IQR ≥ max; we then repeat the fence as an empty sixth class).
 * - manual [UserDefined]: the given breaks; max is appended when it exceeds the last break.
 * Empty input → no classes; all-equal values or fewer distinct values than k → fewer classes.
 */
export function classify(values: Iterable<number | null | undefined>, options: ClassifyOptions): Classification {
	const data = finiteValues(values).sort((a, b) => a - b);
	const { method } = options;
	if (data.length === 0) return { method, breaks: [], lower: NaN, counts: [] };
	const min = data[0];
	const max = data[data.length - 1];
	const distinct = unique(data);
	const k = Math.max(1, Math.round(options.k ?? (method === 'stdDev' ? 4 : 5)));
	switch (method) {
		case 'quantile': {
			const qs = Array.from({ length: k }, (_, j) => (j === k - 1 ? max : quantileType7(data, (j + 1) / k)));
			return build(method, unique(qs), data);
		}
		case 'equalInterval': {
			if (min === max) return build(method, [max], data);
			const w = (max - min) / k;
			return build(method, Array.from({ length: k }, (_, j) => (j === k - 1 ? max : min + w * (j + 1))), data);
		}
		case 'naturalBreaks': {
			const kk = Math.min(k, distinct.length);
			const clusters = ckmeans(data, kk);
			return build(method, unique(clusters.map((c) => c[c.length - 1])), data);
		}
		case 'stdDev': {
			const n = data.length;
			const mean = data.reduce((s, v) => s + v, 0) / n;
			const sd = n > 1 ? Math.sqrt(data.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : 0;
			const multiples = [...(options.sdMultiples ?? sdMultiplesFor(k, options.sdWidth ?? 1))].sort((a, b) => a - b);
			if (!(sd > 0) || multiples.length === 0) return build(method, [max], data, { mean, sd, multiples: [] });
			const cuts = multiples.map((m) => mean + m * sd);
			return build(method, [...cuts, Math.max(max, cuts[cuts.length - 1])], data, { mean, sd, multiples });
		}
		case 'boxPlot': {
			const h = options.hinge ?? 1.5;
			const [q1, q2, q3] = [0.25, 0.5, 0.75].map((p) => quantileType7(data, p));
			const iqr = q3 - q1;
			const right = q3 + h * iqr;
			return build(method, [q1 - h * iqr, q1, q2, q3, right, Math.max(max, right)], data);
		}
		case 'manual': {
			const b = finiteValues(options.breaks ?? []);
			if (b.length === 0) throw new Error('Für die manuelle Klassifikation fehlen die Klassengrenzen.');
			if (b.some((x, i) => i > 0 && x <= b[i - 1])) {
				throw new Error('Die Klassengrenzen müssen streng aufsteigend sein.');
			}
			return build(method, max > b[b.length - 1] ? [...b, max] : b, data);
		}
	}
}

/** Pool the values of several years (or other groups) into one array, dropping missing values. */
export function poolValues(groups: Iterable<Iterable<number | null | undefined>>): number[] {
	const out: number[] = [];
	for (const g of groups) out.push(...finiteValues(g));
	return out;
}

/**
 * Breaks fixed across years: classify the pooled values of all years, so one legend and one colour
 * scale serve every year. Use classOf(value, result) for each year's values; counts are pooled.
 */
export function classifyPooled(
	groups: Iterable<Iterable<number | null | undefined>>,
	options: ClassifyOptions
): Classification {
	return classify(poolValues(groups), options);
}
