import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	chiSquareQuantile,
	chiSquareSurvival,
	gammaP,
	gammaQ,
	gammaQuantile,
	lnGamma,
	normalCdf,
	normalQuantile,
	zForLevel
} from './distributions';

/**
 * NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.4 "Critical Values of the Chi-Square
 * Distribution", https://www.itl.nist.gov/div898/handbook/eda/section3/eda3674.htm — values printed
 * with 3 decimals. "upper α" = P(X > x) = α in the upper-tail table, "lower" = the lower-tail table
 * column with P(X > x) = 0.975 / 0.999. Index = degrees of freedom − 1.
 * Tolerance 6e-4: half a unit in the third decimal plus NIST's own rounding (e.g. 26.1245 → 26.125).
 */
const NIST_UPPER_0025 = [
	5.024, 7.378, 9.348, 11.143, 12.833, 14.449, 16.013, 17.535, 19.023, 20.483, 21.92, 23.337, 24.736,
	26.119, 27.488, 28.845, 30.191, 31.526, 32.852, 34.17
];
const NIST_UPPER_0001 = [
	10.828, 13.816, 16.266, 18.467, 20.515, 22.458, 24.322, 26.125, 27.877, 29.588, 31.264, 32.91, 34.528,
	36.123, 37.697, 39.252, 40.79, 42.312, 43.82, 45.315
];
const NIST_LOWER_0975 = [
	0.001, 0.051, 0.216, 0.484, 0.831, 1.237, 1.69, 2.18, 2.7, 3.247, 3.816, 4.404, 5.009, 5.629, 6.262,
	6.908, 7.564, 8.231, 8.907, 9.591
];
const NIST_LOWER_0999 = [
	0.0, 0.002, 0.024, 0.091, 0.21, 0.381, 0.598, 0.857, 1.152, 1.479, 1.834, 2.214, 2.617, 3.041, 3.483,
	3.942, 4.416, 4.905, 5.407, 5.921
];
const NIST_TOL = 6e-4;

describe('normalQuantile (AS 241)', () => {
	it('reproduces the NIST critical values of the normal distribution (§1.3.6.7.1: 1.960, 2.576, 3.090)', () => {
		expect(Math.abs(normalQuantile(0.975) - 1.96)).toBeLessThan(5e-4);
		expect(Math.abs(normalQuantile(0.995) - 2.576)).toBeLessThan(5e-4);
		expect(Math.abs(normalQuantile(0.999) - 3.09)).toBeLessThan(5e-4);
	});

	it('gives the two-sided z used by Fingertips for 95 % and 99.8 % (1.95996…, 3.09023…)', () => {
		// Full-precision values (R: qnorm(0.975), qnorm(0.999)); 3.0902² = 9.5495 is the Fingertips
		// trend threshold quoted in PHEindicatormethods::assign_trend_markers.
		expect(zForLevel(0.95)).toBeCloseTo(1.959963984540054, 12);
		expect(zForLevel(0.998)).toBeCloseTo(3.090232306167813, 12);
		expect(zForLevel(0.998) ** 2).toBeCloseTo(9.5495, 3);
	});

	it('is antisymmetric and inverts normalCdf (independent implementation via incomplete gamma)', () => {
		fc.assert(
			fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
				// 1 − p is itself rounded, so antisymmetry is only checked where that rounding is negligible.
				if (p > 1e-6 && p < 1 - 1e-6) expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 8);
				const back = normalCdf(normalQuantile(p));
				expect(Math.abs(back - p)).toBeLessThan(1e-9 * Math.min(p, 1 - p) + 4e-16);
			})
		);
	});

	it('handles the edges', () => {
		expect(normalQuantile(0)).toBe(-Infinity);
		expect(normalQuantile(1)).toBe(Infinity);
		expect(normalQuantile(0.5)).toBe(0);
		expect(Number.isNaN(normalQuantile(1.5))).toBe(true);
	});
});

describe('lnGamma / incomplete gamma', () => {
	it('matches closed forms: Γ(5) = 24, Γ(½) = √π, P(1, x) = 1 − e^(−x)', () => {
		expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
		expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
		for (const x of [0.01, 0.5, 1, 3, 10, 40]) {
			expect(gammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 13);
			expect(gammaQ(1, x)).toBeCloseTo(Math.exp(-x), 13);
		}
	});

	it('P + Q = 1 and P is increasing in x', () => {
		fc.assert(
			fc.property(fc.double({ min: 0.05, max: 500, noNaN: true }), fc.double({ min: 0, max: 800, noNaN: true }), (a, x) => {
				expect(gammaP(a, x) + gammaQ(a, x)).toBeCloseTo(1, 12);
				expect(gammaP(a, x * 1.01 + 1e-9)).toBeGreaterThanOrEqual(gammaP(a, x) - 1e-15);
			})
		);
	});
});

describe('chiSquareQuantile', () => {
	it.each(NIST_UPPER_0025.map((v, i) => [i + 1, v]))('df %i: upper 0.025 critical value %f (NIST)', (df, v) => {
		expect(Math.abs(chiSquareQuantile(0.975, df) - v)).toBeLessThan(NIST_TOL);
	});
	it.each(NIST_UPPER_0001.map((v, i) => [i + 1, v]))('df %i: upper 0.001 critical value %f (NIST)', (df, v) => {
		expect(Math.abs(chiSquareQuantile(0.999, df) - v)).toBeLessThan(NIST_TOL);
	});
	it.each(NIST_LOWER_0975.map((v, i) => [i + 1, v]))('df %i: lower critical value (P(X>x)=0.975) %f (NIST)', (df, v) => {
		expect(Math.abs(chiSquareQuantile(0.025, df) - v)).toBeLessThan(NIST_TOL);
	});
	it.each(NIST_LOWER_0999.map((v, i) => [i + 1, v]))('df %i: lower critical value (P(X>x)=0.999) %f (NIST)', (df, v) => {
		expect(Math.abs(chiSquareQuantile(0.001, df) - v)).toBeLessThan(NIST_TOL);
	});

	it('inverts the CDF for non-integer degrees of freedom (needed for continuous Poisson counts)', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
				fc.double({ min: 0.02, max: 3000, noNaN: true }),
				(p, a) => {
					const x = gammaQuantile(p, a);
					expect(Math.abs(gammaP(a, x) - p)).toBeLessThan(1e-9);
				}
			)
		);
	});

	it('chiSquareSurvival is the p-value of a statistic: P(χ²₁ > 3.841) ≈ 0.05, P(χ²₁ > 10.828) ≈ 0.001', () => {
		expect(chiSquareSurvival(3.841, 1)).toBeCloseTo(0.05, 4);
		expect(chiSquareSurvival(10.828, 1)).toBeCloseTo(0.001, 5);
		expect(chiSquareSurvival(0, 1)).toBe(1);
	});
});
