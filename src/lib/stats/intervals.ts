/**
 * Confidence intervals for proportions (Wilson score), counts (Byar / exact Poisson) and rates,
 * following the methods of the UK public-health "Fingertips" platform as implemented in the R package
 * PHEindicatormethods (phe_proportion, phe_rate) and described in the APHO / PHE "Technical Guide:
 * Confidence Intervals" (Public Health Data Science, version 25 May 2018).
 */
import { gammaQuantile, zForLevel } from './distributions';

export type IntervalMethod = 'wilson' | 'byar' | 'exact_poisson';

export interface Interval {
	/** Point estimate (numerator / denominator × multiplier, or the count). */
	value: number;
	lower: number;
	upper: number;
	method: IntervalMethod;
}

/** Below this many events PHEindicatormethods::phe_rate switches from Byar to the exact method. */
export const EXACT_POISSON_BELOW = 10;

const de = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 10 });
const show = (x: number): string => (Number.isFinite(x) ? de.format(x) : String(x));

function checkLevel(level: number): void {
	if (!(Number.isFinite(level) && level > 0 && level < 1)) {
		throw new Error(`Das Konfidenzniveau (${show(level)}) muss zwischen 0 und 1 liegen, z. B. 0,95.`);
	}
}

function checkCount(x: number, what: 'Zähler' | 'Anzahl'): void {
	if (!Number.isFinite(x)) throw new Error(`Der Wert für ${what} (${show(x)}) ist keine gültige Zahl.`);
	if (x < 0) {
		throw new Error(
			what === 'Zähler'
				? `Der Zähler (${show(x)}) darf nicht negativ sein.`
				: `Die Anzahl (${show(x)}) darf nicht negativ sein.`
		);
	}
}

function checkDenominator(n: number): void {
	if (!Number.isFinite(n)) throw new Error(`Der Nenner (${show(n)}) ist keine gültige Zahl.`);
	if (n <= 0) throw new Error(`Der Nenner (${show(n)}) muss größer als 0 sein.`);
}

/**
 * Wilson score interval for a proportion (Wilson 1927; Newcombe 1998, "method 3", score interval
 * without continuity correction), as PHEindicatormethods::wilson_lower / wilson_upper:
 *
 *   limits = (2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²)),   z = Φ⁻¹(1 − (1 − level)/2)
 *
 * Returned on the scale of `multiplier` (100 = per cent). Throws a German message for x < 0, n ≤ 0,
 * x > n or a level outside (0, 1).
 */
export function wilsonInterval(
	numerator: number,
	denominator: number,
	level = 0.95,
	multiplier = 100
): Interval {
	checkCount(numerator, 'Zähler');
	checkDenominator(denominator);
	checkLevel(level);
	if (numerator > denominator) {
		throw new Error(`Der Zähler (${show(numerator)}) ist größer als der Nenner (${show(denominator)}).`);
	}
	const x = numerator;
	const n = denominator;
	const z = zForLevel(level);
	const z2 = z * z;
	const root = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
	const denom = 2 * (n + z2);
	// Clamp: at x = 0 or x = n the formula is exactly 0 / 1 up to rounding.
	const lower = Math.max(0, (2 * x + z2 - root) / denom);
	const upper = Math.min(1, (2 * x + z2 + root) / denom);
	return { value: (x / n) * multiplier, lower: lower * multiplier, upper: upper * multiplier, method: 'wilson' };
}

/**
 * Exact (Garwood 1936) Poisson limits for an observed count x, via the chi-square relation
 * (Ulm K. "A simple method to calculate the confidence interval of a standardized mortality ratio."
 * Am J Epidemiol 131 (1990) 373–375):
 *
 *   lower = ½·χ²_{α/2}(2x)   (0 when x = 0),   upper = ½·χ²_{1−α/2}(2x + 2),   α = 1 − level
 *
 * i.e. gamma quantiles with shape x and x + 1. Same as PHEindicatormethods::phe_rate for x < 10.
 */
export function exactPoissonInterval(count: number, level = 0.95): Interval {
	checkCount(count, 'Anzahl');
	checkLevel(level);
	const alpha = 1 - level;
	const lower = count === 0 ? 0 : gammaQuantile(alpha / 2, count);
	const upper = gammaQuantile(1 - alpha / 2, count + 1);
	return { value: count, lower, upper, method: 'exact_poisson' };
}

/**
 * Byar's approximation to the exact Poisson limits (Breslow NE, Day NE. Statistical methods in cancer
 * research, vol. II. IARC 1987, p. 69), as PHEindicatormethods::byars_lower / byars_upper:
 *
 *   lower = x·(1 − 1/(9x) − z/(3√x))³,   upper = (x+1)·(1 − 1/(9(x+1)) + z/(3√(x+1)))³
 *
 * Always the formula, whatever x (for x = 0 the lower limit is set to 0); see byarInterval for the
 * switch to the exact method below 10 events.
 */
export function byarApproxInterval(count: number, level = 0.95): Interval {
	checkCount(count, 'Anzahl');
	checkLevel(level);
	const z = zForLevel(level);
	const x = count;
	const lower = x === 0 ? 0 : Math.max(0, x * Math.pow(1 - 1 / (9 * x) - z / (3 * Math.sqrt(x)), 3));
	const x1 = x + 1;
	const upper = x1 * Math.pow(1 - 1 / (9 * x1) + z / (3 * Math.sqrt(x1)), 3);
	return { value: x, lower, upper, method: 'byar' };
}

/**
 * Interval for a count as Fingertips / PHEindicatormethods::phe_rate do it: exact Poisson for fewer
 * than 10 events (Byar is inaccurate there), Byar's method from 10 events (within 0.2 % of the exact
 * value at 95 %, APHO/PHE Technical Guide: Confidence Intervals, 2018).
 */
export function byarInterval(count: number, level = 0.95): Interval {
	return count < EXACT_POISSON_BELOW ? exactPoissonInterval(count, level) : byarApproxInterval(count, level);
}

/**
 * Rate with interval: value = numerator / denominator × multiplier, limits = count limits
 * (byarInterval) / denominator × multiplier. The numerator may exceed the denominator (rates are not
 * proportions). multiplier e.g. 1000 for "je 1.000".
 */
export function rateInterval(numerator: number, denominator: number, level = 0.95, multiplier = 1000): Interval {
	checkCount(numerator, 'Zähler');
	checkDenominator(denominator);
	const c = byarInterval(numerator, level);
	const f = multiplier / denominator;
	return { value: numerator * f, lower: c.lower * f, upper: c.upper * f, method: c.method };
}
