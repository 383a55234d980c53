import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { funnelCurve, funnelPosition, proportionFunnelLimits, rateFunnelLimits } from './funnel';
import { compareToReference } from './compare';
import { exactPoissonInterval, wilsonInterval } from './intervals';
import { PHE_FUNNEL_PROP_BASELINE, PHE_FUNNEL_PROP_ROWS } from './fixtures/phe-funnel-proportions';
import {
	PHE_FUNNEL_RATE_BASELINE,
	PHE_FUNNEL_RATE_ROWS,
	PHE_FUNNEL_RATE_YEARS,
	pheLambdaTolerance
} from './fixtures/phe-funnel-rates';

describe('proportionFunnelLimits', () => {
	/**
	 * PHEindicatormethods::phe_funnels reference table (fixtures/phe-funnel-proportions.ts), 100
	 * denominators from 1 to 110,000, baseline 80.642448 %. Printed with 6 decimals, baseline with 6
	 * decimals → absolute tolerance 2e-6 percentage points.
	 */
	it('reproduces all 100 rows of the PHEindicatormethods funnel table (95 % and 99.8 %)', () => {
		const p0 = PHE_FUNNEL_PROP_BASELINE / 100;
		for (const r of PHE_FUNNEL_PROP_ROWS) {
			const a = proportionFunnelLimits(r.population, p0, 0.95, 100);
			const b = proportionFunnelLimits(r.population, p0, 0.998, 100);
			expect(Math.abs(a.lower - r.lower95)).toBeLessThan(2e-6);
			expect(Math.abs(a.upper - r.upper95)).toBeLessThan(2e-6);
			expect(Math.abs(b.lower - r.lower998)).toBeLessThan(2e-6);
			expect(Math.abs(b.upper - r.upper998)).toBeLessThan(2e-6);
		}
	});

	it('is consistent with the Wilson comparison: outside the funnel ⇔ the Wilson interval excludes the target', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 5000 }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				fc.double({ min: 0.01, max: 0.99, noNaN: true }),
				fc.constantFrom(0.95, 0.998),
				(n, f, p0, level) => {
					const x = Math.round(f * n);
					const lim = proportionFunnelLimits(n, p0, level, 1);
					const p = x / n;
					// skip the measure-zero boundary where rounding decides
					if (Math.abs(p - lim.lower) < 1e-9 || Math.abs(p - lim.upper) < 1e-9) return;
					const outside = p < lim.lower || p > lim.upper;
					const cmp = compareToReference(wilsonInterval(x, n, level, 1), p0);
					expect(outside).toBe(cmp !== 'similar');
				}
			)
		);
	});

	it('narrows as the denominator grows and stays in [0, multiplier]', () => {
		fc.assert(
			fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (n, p0) => {
				const a = proportionFunnelLimits(n, p0);
				const b = proportionFunnelLimits(n * 2, p0);
				expect(a.lower).toBeGreaterThanOrEqual(0);
				expect(a.upper).toBeLessThanOrEqual(100);
				expect(b.upper - b.lower).toBeLessThanOrEqual(a.upper - a.lower + 1e-9);
			})
		);
	});

	it('rejects invalid input', () => {
		expect(() => proportionFunnelLimits(0, 0.5)).toThrow('Nenner');
		expect(() => proportionFunnelLimits(10, 1.5)).toThrow('Zielanteil');
	});
});

describe('rateFunnelLimits', () => {
	/**
	 * PHEindicatormethods::calculate_funnel_limits rate table (fixtures/phe-funnel-rates.ts): at the
	 * tabulated population N = 3 × population_1_year, e events lie on the limit, so our limit at N must
	 * equal the tabulated rate e/N per 100,000. Tolerance: PHE's uncertainty in μ (pheLambdaTolerance)
	 * carried to the count through the slope of the exact limit in e, divided by N.
	 */
	it('reproduces the PHEindicatormethods rate funnel table (95 % and 99.8 %, e = 1…1360)', () => {
		const target = PHE_FUNNEL_RATE_BASELINE / 100000;
		const check = (side: 'lower' | 'upper', level: number, pop1y: number, limit: number, e: number) => {
			const n = pop1y * PHE_FUNNEL_RATE_YEARS;
			const ours = rateFunnelLimits(n, target, level, 100000)[side];
			// lower funnel limit: upper exact limit U(e) = μ; upper funnel limit: lower exact limit L(e) = μ
			const limitOf = (x: number) => {
				const iv = exactPoissonInterval(x, level);
				return side === 'lower' ? iv.upper : iv.lower;
			};
			const dMuDe = (limitOf(e + 1e-4) - limitOf(e - 1e-4)) / 2e-4;
			const tol = ((pheLambdaTolerance(n * target, e) / dMuDe) / n) * 100000 + 1e-9 * limit;
			expect(Math.abs(ours - limit)).toBeLessThan(tol);
		};
		for (const r of PHE_FUNNEL_RATE_ROWS) {
			check('lower', 0.95, r.lower95.population1y, r.lower95.limit, r.events);
			check('upper', 0.95, r.upper95.population1y, r.upper95.limit, r.events);
			check('lower', 0.998, r.lower998.population1y, r.lower998.limit, r.events);
			check('upper', 0.998, r.upper998.population1y, r.upper998.limit, r.events);
		}
	});

	it('is consistent with the exact Poisson comparison for integer counts', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 400 }),
				fc.integer({ min: 100, max: 1000000 }),
				fc.double({ min: 1e-4, max: 0.05, noNaN: true }),
				fc.constantFrom(0.95, 0.998),
				(e, n, target, level) => {
					const lim = rateFunnelLimits(n, target, level, 1);
					const r = e / n;
					if (Math.abs(r - lim.lower) < 1e-9 * (r + 1e-12) || Math.abs(r - lim.upper) < 1e-9 * (r + 1e-12)) return;
					const outside = r < lim.lower || r > lim.upper;
					const iv = exactPoissonInterval(e, level);
					const cmp = compareToReference({ lower: iv.lower, upper: iv.upper }, target * n);
					expect(outside).toBe(cmp !== 'similar');
				}
			)
		);
	});

	it('lower limit is 0 while no count can be significantly low (μ ≤ −ln(α/2))', () => {
		// μ = 3 < −ln(0.025) = 3.689: even 0 events are not significantly low at 95 %.
		expect(rateFunnelLimits(1000, 0.003, 0.95, 1000).lower).toBe(0);
		expect(rateFunnelLimits(1000, 0.004, 0.95, 1000).lower).toBeGreaterThan(0);
		expect(rateFunnelLimits(1000, 0, 0.95, 1000)).toEqual({ lower: 0, upper: 0 });
	});
});

describe('funnelPosition / funnelCurve', () => {
	it('classifies against both limit pairs', () => {
		const l95 = { lower: 40, upper: 60 };
		const l998 = { lower: 30, upper: 70 };
		expect(funnelPosition(50, l95, l998)).toBe('inside');
		expect(funnelPosition(65, l95, l998)).toBe('high_95');
		expect(funnelPosition(75, l95, l998)).toBe('high_998');
		expect(funnelPosition(35, l95, l998)).toBe('low_95');
		expect(funnelPosition(20, l95, l998)).toBe('low_998');
		expect(funnelPosition(60, l95, l998)).toBe('inside');
	});

	it('produces log-spaced denominators with limits per level', () => {
		const curve = funnelCurve('proportion', 0.2, 10, 100000, { points: 5 });
		expect(curve.map((p) => Math.round(p.denominator))).toEqual([10, 100, 1000, 10000, 100000]);
		expect(curve[0].limits).toHaveLength(2);
		expect(curve[4].limits[0]).toEqual(proportionFunnelLimits(100000, 0.2, 0.95, 100));
		expect(funnelCurve('rate', 0.01, 100, 1000, { points: 3 })[2].limits[1]).toEqual(
			rateFunnelLimits(1000, 0.01, 0.998, 1000)
		);
	});
});
