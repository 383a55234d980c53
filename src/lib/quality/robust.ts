/**
 * Robust location and scale for the data-quality checks: the median and the scaled median absolute
 * deviation (MAD). Unlike mean and standard deviation, one wrong value cannot move them far, so the
 * wrong value stands out against the others instead of hiding itself (breakdown point 50 %).
 *
 *   MAD = 1.4826 · median(|xᵢ − median(x)|)
 *
 * The constant 1.4826 = 1 / Φ⁻¹(3/4) makes the MAD a consistent estimator of the standard deviation
 * for normal data, as R's `stats::mad` (default `constant = 1.4826`) and Rousseeuw & Croux (1993,
 * "Alternatives to the median absolute deviation", JASA 88, 1273–1283) define it.
 *
 * The robust ("modified") z-score of Iglewicz & Hoaglin (1993, "How to Detect and Handle Outliers",
 * ASQC Basic References in Quality Control 16) is (x − median) / MAD; they recommend |z| > 3.5 as the
 * outlier label, which the checks use.
 */
import { median as ssMedian, medianAbsoluteDeviation } from 'simple-statistics';

/** 1 / Φ⁻¹(0.75), as R's mad(). */
export const MAD_CONSTANT = 1.4826;

/** Iglewicz & Hoaglin's cut-off for the modified z-score. */
export const OUTLIER_Z = 3.5;

/** Median of the finite values; null when there are none. */
export function median(values: readonly number[]): number | null {
	const v = values.filter(Number.isFinite);
	return v.length ? ssMedian(v) : null;
}

/** Scaled MAD of the finite values; null when there are none. */
export function mad(values: readonly number[], constant = MAD_CONSTANT): number | null {
	const v = values.filter(Number.isFinite);
	return v.length ? constant * medianAbsoluteDeviation(v) : null;
}

/**
 * Robust z-score of x against a sample's median and MAD, with a floor for the scale: a sample
 * whose values are (nearly) all equal has a MAD of 0, and every tiny difference would become an
 * "infinite" outlier. The floor is the size of a difference that does not matter (e.g. the sampling
 * error of the value), so the score says "how many meaningful spreads away".
 */
export function robustZ(x: number, centre: number, scale: number, floor = 0): number {
	const s = Math.max(scale, floor);
	if (!(s > 0)) return x === centre ? 0 : Math.sign(x - centre) * Infinity;
	return (x - centre) / s;
}

/**
 * The outlier rule of every check: a deviation from the expected value counts when it is beyond
 * both `threshold` robust spreads (the variation the data show) and `chanceZ` sampling errors (the
 * variation chance alone would cause in an area of this size). The report runs thousands of these
 * tests, so `chanceZ` is set for the whole report (Bonferroni, report.ts), not per test. The score
 * shown is the deviation in units of the larger of the two scales.
 */
export function outlierScore(deviation: number, spread: number, se: number, threshold = OUTLIER_Z, chanceZ = OUTLIER_Z): { z: number; outlier: boolean } {
	const d = Math.abs(deviation);
	const z = robustZ(deviation, 0, spread, se);
	return { z, outlier: d > threshold * spread && d > chanceZ * se };
}
