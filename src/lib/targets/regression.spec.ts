import { describe, expect, it } from 'vitest';
import { fitLine, predictNew } from './regression';

describe('weighted straight-line fit and prediction interval', () => {
	it('reproduces an unweighted example worked by hand', () => {
		// x = 1..5, y = 2, 4, 5, 4, 5:  x̄ = 3, ȳ = 4, Sxx = 10,
		// Sxy = (−2)(−2) + (−1)(0) + 0 + (1)(0) + (2)(1) = 6  →  β₁ = 0.6, β₀ = 4 − 0.6·3 = 2.2.
		// Fitted 2.8, 3.4, 4.0, 4.6, 5.2; residuals −0.8, 0.6, 1.0, −0.6, −0.2; SSE = 2.4; s² = 2.4/3 = 0.8.
		// At x₀ = 8: ŷ = 2.2 + 4.8 = 7.0; Var = 0.8·(1 + 1/5 + (8 − 3)²/10) = 0.8·3.7 = 2.96, se = 1.720465;
		// t₀.₉₇₅(3) = 3.182446 → half width 3.182446·1.720465 = 5.475288 → PI [1.524712, 12.475288].
		const fit = fitLine([2, 4, 5, 4, 5].map((y, i) => ({ x: i + 1, y, w: 1 })))!;
		expect(fit.slope).toBeCloseTo(0.6, 12);
		expect(fit.intercept).toBeCloseTo(2.2, 12);
		expect(fit.s2).toBeCloseTo(0.8, 12);
		const p = predictNew(fit, 8, 1);
		expect(p.value).toBeCloseTo(7, 12);
		expect(p.se).toBeCloseTo(Math.sqrt(2.96), 12);
		expect(p.lower).toBeCloseTo(1.524712, 5);
		expect(p.upper).toBeCloseTo(12.475288, 5);
	});

	it('reproduces a weighted example worked by hand', () => {
		// x = 0, 1, 2; y = 0, 2, 1; w = 1, 2, 1:  W = 4, x̄ = (0 + 2 + 2)/4 = 1, ȳ = (0 + 4 + 1)/4 = 1.25,
		// Sxx = 1·1 + 0 + 1·1 = 2, Sxy = (−1)(−1.25) + 0 + (1)(−0.25) = 1  →  β₁ = 0.5, β₀ = 0.75.
		// Residuals −0.75, 0.75, −0.75; Σw·r² = 0.5625·(1 + 2 + 1) = 2.25; s² = 2.25/1.
		// At x₀ = 3, w₀ = 1: ŷ = 2.25; Var = 2.25·(1 + 1/4 + 4/2) = 7.3125; t₀.₉₇₅(1) = 12.706205.
		const fit = fitLine([
			{ x: 0, y: 0, w: 1 },
			{ x: 1, y: 2, w: 2 },
			{ x: 2, y: 1, w: 1 }
		])!;
		expect(fit.slope).toBeCloseTo(0.5, 12);
		expect(fit.intercept).toBeCloseTo(0.75, 12);
		expect(fit.s2).toBeCloseTo(2.25, 12);
		const p = predictNew(fit, 3, 1);
		expect(p.value).toBeCloseTo(2.25, 12);
		expect(p.se).toBeCloseTo(Math.sqrt(7.3125), 12);
		expect(p.upper - p.value).toBeCloseTo(12.706205 * Math.sqrt(7.3125), 4);
	});

	it('gives the same interval whatever the scale of the weights', () => {
		const pts = [3, 5, 4, 7, 8, 8].map((y, i) => ({ x: 2019 + i, y, w: 1 + (i % 3) }));
		const a = predictNew(fitLine(pts)!, 2030, 2);
		const b = predictNew(fitLine(pts.map((p) => ({ ...p, w: p.w * 250 })))!, 2030, 500);
		expect(b.lower).toBeCloseTo(a.lower, 9);
		expect(b.upper).toBeCloseTo(a.upper, 9);
	});

	it('refuses fewer than 3 points and constant x', () => {
		expect(fitLine([{ x: 1, y: 1, w: 1 }, { x: 2, y: 2, w: 1 }])).toBeNull();
		expect(fitLine([1, 2, 3].map((y) => ({ x: 5, y, w: 1 })))).toBeNull();
	});
});
