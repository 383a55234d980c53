/**
 * Geometry of one spine-chart row (after the Fingertips area profiles): a bar for the range of all
 * areas, a darker middle half (25th–75th percentile), the city value as a vertical line, and the
 * area's value as a dot with its confidence interval. The scale is centred on the city value (as in
 * Fingertips), so in every row "left of the centre line" means "below the city" and the eye can run
 * down the column. Unlike Fingertips the axis is not flipped by polarity: low is always left, which
 * matches the "Niedrigster / Höchster" columns beside it; the dot colour carries better / worse.
 */
import { scaleLinear } from 'd3';

export interface SpineInput {
	value: number | null;
	lower: number | null;
	upper: number | null;
	city: number | null;
	spread: { min: number; q25: number; q75: number; max: number } | null;
	width: number;
	height: number;
	/** Room left and right so the dot is never cut at the ends. */
	pad?: number;
}

export interface SpineModel {
	domain: [number, number];
	cy: number;
	range: { x0: number; x1: number } | null;
	iqr: { x0: number; x1: number } | null;
	cityX: number | null;
	pointX: number | null;
	ci: { x0: number; x1: number } | null;
}

const num = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

export function spineModel(input: SpineInput): SpineModel {
	const { spread, city } = input;
	const pad = input.pad ?? 6;
	const known = [spread?.min, spread?.max, input.value, input.lower, input.upper].filter(num);
	let domain: [number, number];
	if (num(city)) {
		const half = Math.max(0, ...known.map((v) => Math.abs(v - city)));
		const h = half > 0 ? half * 1.04 : Math.abs(city) * 0.1 || 1;
		domain = [city - h, city + h];
	} else if (known.length > 0) {
		const lo = Math.min(...known);
		const hi = Math.max(...known);
		domain = lo === hi ? [lo - 1, hi + 1] : [lo, hi];
	} else {
		domain = [0, 1];
	}
	const x = scaleLinear().domain(domain).range([pad, input.width - pad]);
	return {
		domain,
		cy: input.height / 2,
		range: spread ? { x0: x(spread.min), x1: x(spread.max) } : null,
		iqr: spread ? { x0: x(spread.q25), x1: x(spread.q75) } : null,
		cityX: num(city) ? x(city) : null,
		pointX: num(input.value) ? x(input.value) : null,
		ci: num(input.lower) && num(input.upper) ? { x0: x(input.lower), x1: x(input.upper) } : null
	};
}
