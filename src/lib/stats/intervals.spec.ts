import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	byarApproxInterval,
	byarInterval,
	exactPoissonInterval,
	rateInterval,
	wilsonInterval
} from './intervals';
import {
	PHE_FUNNEL_RATE_BASELINE,
	PHE_FUNNEL_RATE_ROWS,
	PHE_FUNNEL_RATE_YEARS,
	pheLambdaTolerance
} from './fixtures/phe-funnel-rates';

describe('wilsonInterval', () => {
	/**
	 * Newcombe RG. "Two-sided confidence intervals for the single proportion: comparison of seven
	 * methods." Statistics in Medicine 17 (1998) 857–872, table of illustrative 95 % intervals,
	 * method 3 (score interval without continuity correction), printed with 4 decimals → tolerance 5e-5.
	 */
	it.each([
		[81, 263, 0.2553, 0.3662],
		[15, 148, 0.0624, 0.1605],
		[0, 20, 0.0, 0.1611],
		[1, 29, 0.0061, 0.1718]
	])('Newcombe 1998: %i/%i → %f to %f', (x, n, lo, hi) => {
		const w = wilsonInterval(x, n, 0.95, 1);
		expect(Math.abs(w.lower - lo)).toBeLessThan(5e-5);
		expect(Math.abs(w.upper - hi)).toBeLessThan(5e-5);
		expect(w.method).toBe('wilson');
	});

	it('uses the multiplier (default 100 = per cent) for value and limits', () => {
		const w = wilsonInterval(81, 263);
		expect(w.value).toBeCloseTo((81 / 263) * 100, 12);
		expect(w.lower).toBeCloseTo(wilsonInterval(81, 263, 0.95, 1).lower * 100, 12);
	});

	it('rejects invalid input with German messages', () => {
		expect(() => wilsonInterval(12, 10)).toThrow('Der Zähler (12) ist größer als der Nenner (10).');
		expect(() => wilsonInterval(-1, 10)).toThrow('Der Zähler (-1) darf nicht negativ sein.');
		expect(() => wilsonInterval(1, 0)).toThrow('Der Nenner (0) muss größer als 0 sein.');
		expect(() => wilsonInterval(1, 10, 1)).toThrow('Das Konfidenzniveau (1) muss zwischen 0 und 1 liegen');
		expect(() => wilsonInterval(1, 10, 95)).toThrow('Konfidenzniveau');
		expect(() => wilsonInterval(Number.NaN, 10)).toThrow('keine gültige Zahl');
	});

	it('properties: inside [0, multiplier], contains the estimate, 99.8 % ⊇ 95 %, mirror symmetry', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 100000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
				const x = Math.round(f * n);
				const w95 = wilsonInterval(x, n, 0.95, 1);
				const w998 = wilsonInterval(x, n, 0.998, 1);
				expect(w95.lower).toBeGreaterThanOrEqual(0);
				expect(w95.upper).toBeLessThanOrEqual(1);
				expect(w95.lower).toBeLessThanOrEqual(w95.value + 1e-12);
				expect(w95.upper).toBeGreaterThanOrEqual(w95.value - 1e-12);
				expect(w998.lower).toBeLessThanOrEqual(w95.lower + 1e-12);
				expect(w998.upper).toBeGreaterThanOrEqual(w95.upper - 1e-12);
				const mirror = wilsonInterval(n - x, n, 0.95, 1);
				expect(mirror.lower).toBeCloseTo(1 - w95.upper, 10);
			})
		);
	});
});

describe('exactPoissonInterval', () => {
	it('matches closed forms for 0 and 1 events (hand-derived: P(X=0|λ) = e^(−λ))', () => {
		// x = 0: upper solves e^(−λ) = α/2 → λ = −ln(α/2): 3.688879 (95 %), 6.907755 (99.8 %).
		expect(exactPoissonInterval(0, 0.95).upper).toBeCloseTo(-Math.log(0.025), 10);
		expect(exactPoissonInterval(0, 0.998).upper).toBeCloseTo(-Math.log(0.001), 10);
		expect(exactPoissonInterval(0).lower).toBe(0);
		// x = 1: lower solves P(X ≥ 1|λ) = 1 − e^(−λ) = α/2 → λ = −ln(1 − α/2) = 0.025318.
		expect(exactPoissonInterval(1, 0.95).lower).toBeCloseTo(-Math.log(0.975), 10);
		// x = 1: upper solves e^(−λ)(1 + λ) = α/2.
		const u = exactPoissonInterval(1, 0.95).upper;
		expect(Math.exp(-u) * (1 + u)).toBeCloseTo(0.025, 12);
	});

	/**
	 * PHEindicatormethods rate funnels (fixtures/phe-funnel-rates.ts): for e events the tabulated
	 * population N (= 3 × population_1_year) is where e sits on the limit, i.e. N × baseline equals the
	 * exact Poisson limit of e: lower-limit column ↔ upper exact limit, upper-limit column ↔ lower exact
	 * limit. PHE finds these by bisection (step 1e-7 on v = μ/(μ + e + 1)); tolerance pheLambdaTolerance.
	 */
	it('reproduces the exact Poisson limits behind the PHEindicatormethods rate funnel table (e = 1…1360, 95 % and 99.8 %)', () => {
		const rate = PHE_FUNNEL_RATE_BASELINE / 100000;
		const mu = (pop1y: number) => pop1y * PHE_FUNNEL_RATE_YEARS * rate;
		const check = (ours: number, pop1y: number, e: number) =>
			expect(Math.abs(ours - mu(pop1y))).toBeLessThan(pheLambdaTolerance(mu(pop1y), e));
		for (const r of PHE_FUNNEL_RATE_ROWS) {
			const e95 = exactPoissonInterval(r.events, 0.95);
			const e998 = exactPoissonInterval(r.events, 0.998);
			check(e95.upper, r.lower95.population1y, r.events);
			check(e95.lower, r.upper95.population1y, r.events);
			check(e998.upper, r.lower998.population1y, r.events);
			check(e998.lower, r.upper998.population1y, r.events);
		}
	});
});

describe('Byar', () => {
	it('worked example, 65 events at 95 % (computed by hand; no published value found)', () => {
		// z = 1.959964; lower = 65·(1 − 1/585 − z/(3·√65))³ = 65·(1 − 0.0017094 − 0.0810343)³
		//   = 65·0.9172563³ = 65·0.7717413 = 50.1632
		// upper = 66·(1 − 1/594 + z/(3·√66))³ = 66·(1 − 0.0016835 + 0.0804183)³ = 66·1.0787348³ = 82.8491
		const b = byarApproxInterval(65, 0.95);
		expect(b.lower).toBeCloseTo(50.1632, 3);
		expect(b.upper).toBeCloseTo(82.8491, 3);
	});

	it('is within 0.2 % of the exact limits for 10 or more events at 95 % (APHO/PHE Technical Guide: Confidence Intervals, 2018)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 10, max: 200000 }), (x) => {
				const b = byarApproxInterval(x, 0.95);
				const e = exactPoissonInterval(x, 0.95);
				expect(Math.abs(b.lower / e.lower - 1)).toBeLessThan(0.002);
				expect(Math.abs(b.upper / e.upper - 1)).toBeLessThan(0.002);
			})
		);
	});

	it('byarInterval uses the exact method below 10 events and Byar from 10 (PHEindicatormethods::phe_rate)', () => {
		expect(byarInterval(9).method).toBe('exact_poisson');
		expect(byarInterval(9)).toEqual(exactPoissonInterval(9));
		expect(byarInterval(10).method).toBe('byar');
		expect(byarInterval(10)).toEqual(byarApproxInterval(10));
		expect(() => byarInterval(-2)).toThrow('Die Anzahl (-2) darf nicht negativ sein.');
	});
});

describe('rateInterval', () => {
	it('scales the count interval by multiplier / denominator; rates may exceed 1', () => {
		const r = rateInterval(65, 5000, 0.95, 1000);
		const c = byarInterval(65, 0.95);
		expect(r.value).toBeCloseTo(13, 12);
		expect(r.lower).toBeCloseTo((c.lower / 5000) * 1000, 12);
		expect(r.upper).toBeCloseTo((c.upper / 5000) * 1000, 12);
		expect(rateInterval(150, 100, 0.95, 1).value).toBe(1.5);
		expect(() => rateInterval(5, 0)).toThrow('Der Nenner (0) muss größer als 0 sein.');
	});

	it('properties: lower ≤ value ≤ upper and 99.8 % ⊇ 95 %', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 50000 }), fc.integer({ min: 1, max: 10000000 }), (x, n) => {
				const a = rateInterval(x, n, 0.95, 1000);
				const b = rateInterval(x, n, 0.998, 1000);
				expect(a.lower).toBeLessThanOrEqual(a.value);
				expect(a.upper).toBeGreaterThanOrEqual(a.value);
				expect(b.lower).toBeLessThanOrEqual(a.lower + 1e-12);
				expect(b.upper).toBeGreaterThanOrEqual(a.upper - 1e-12);
			})
		);
	});
});
