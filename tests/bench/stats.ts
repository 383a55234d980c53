/** Summaries of repeated measurements: median and spread (min/max), percentiles. */

export interface Summary {
	n: number;
	median: number;
	min: number;
	max: number;
}

/** Linear-interpolated percentile (p in 0…100) of a sample. */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) return NaN;
	const s = [...values].sort((a, b) => a - b);
	const at = (p / 100) * (s.length - 1);
	const lo = Math.floor(at);
	const hi = Math.ceil(at);
	return s[lo] + (s[hi] - s[lo]) * (at - lo);
}

export function summarise(values: readonly (number | undefined | null)[]): Summary | null {
	const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
	if (v.length === 0) return null;
	return { n: v.length, median: round(percentile(v, 50)), min: round(Math.min(...v)), max: round(Math.max(...v)) };
}

export const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;
