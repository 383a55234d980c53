/**
 * Sampling error: how far a published value may lie from the value it "should" have by chance
 * alone, given its area's size. The checks use it as the smallest spread that matters, so a small
 * Sozialraum whose share moves from 10 % to 20 % because 2 children instead of 1 were counted is
 * not called an outlier, while the same move in an area of 3,000 children is.
 *
 * The error is taken under the null hypothesis that the value equals the expected one (the median
 * of its window, of its neighbours …), as in a score test: an observed 0 events where 5 were
 * expected is judged by the spread of "5 expected" (√5), not of "0 observed" (which would be 0).
 * - proportion: multiplier · √(p₀(1 − p₀)/n), p₀ = expected / multiplier kept within
 *   [½/n, 1 − ½/n] (so 0 % and 100 % still have an error);
 * - rate: multiplier · √max(λ₀, ½) / n, λ₀ = expected / multiplier · n the expected count (Poisson:
 *   the variance of a count equals its mean);
 * - count: √max(expected, ½).
 * Without a denominator (rates, proportions) the error is unknown: 0, no floor.
 */
import type { IndicatorScale } from './types';

export function nullStandardError(expected: number, denominator: number | null, scale: IndicatorScale): number {
	if (!Number.isFinite(expected)) return 0;
	if (scale.value_type === 'count') return Math.sqrt(Math.max(expected, 0.5));
	if (denominator === null || !(denominator > 0)) return 0;
	const n = denominator;
	if (scale.value_type === 'proportion') {
		const p = Math.min(Math.max(expected / scale.multiplier, 0.5 / n), 1 - 0.5 / n);
		return scale.multiplier * Math.sqrt((p * (1 - p)) / n);
	}
	const count = (expected / scale.multiplier) * n;
	return (scale.multiplier * Math.sqrt(Math.max(count, 0.5))) / n;
}

/**
 * Enough cases for a z-score to mean anything: the normal approximation the checks rely on needs
 * at least 5 expected cases on each side (n·p ≥ 5 and n·(1 − p) ≥ 5 for a share, λ ≥ 5 for a
 * count or rate; the textbook rule, e.g. Agresti & Franklin, "Statistics", ch. 8). Below that a
 * single case more or less moves the value a lot and the exact distribution is far from normal,
 * so 3 teenage births where 0.6 were expected is not flagged as an outlier. Values without a
 * denominator cannot be judged this way and pass.
 */
export const MIN_EXPECTED_CASES = 5;

export function enoughCases(expected: number, denominator: number | null, scale: IndicatorScale, min = MIN_EXPECTED_CASES): boolean {
	// Without the numbers (a package with values only) the number of cases is unknown: the rule
	// cannot apply, and only the spread of the data decides.
	if (!Number.isFinite(expected)) return true;
	if (scale.value_type === 'count') return expected >= min;
	if (denominator === null) return true;
	if (!(denominator > 0)) return false;
	const cases = (expected / scale.multiplier) * denominator;
	return cases >= min && (scale.value_type !== 'proportion' || denominator - cases >= min);
}
