import { describe, expect, it } from 'vitest';
import { spineModel } from './spine-model';

const spread = { min: 10, q25: 15, q75: 25, max: 40 };

describe('spineModel', () => {
	it('centres the city value and fits the whole range and interval', () => {
		const m = spineModel({ value: 30, lower: 27, upper: 33, city: 20, spread, width: 212, height: 20, pad: 6 });
		expect(m.cityX).toBeCloseTo(106, 10);
		// the farthest point (max 40, 20 from the city) sets the half-width, plus 4 %
		expect(m.domain[0]).toBeCloseTo(20 - 20.8, 10);
		expect(m.domain[1]).toBeCloseTo(20 + 20.8, 10);
		expect(m.range!.x0).toBeGreaterThanOrEqual(6);
		expect(m.range!.x1).toBeLessThanOrEqual(206);
		expect(m.pointX!).toBeGreaterThan(m.cityX!);
		expect(m.ci!.x0).toBeLessThan(m.pointX!);
		expect(m.ci!.x1).toBeGreaterThan(m.pointX!);
		expect(m.iqr!.x0).toBeGreaterThan(m.range!.x0);
		expect(m.cy).toBe(10);
	});

	it('keeps low values left whatever the polarity (no flipped axis)', () => {
		const m = spineModel({ value: 12, lower: null, upper: null, city: 20, spread, width: 100, height: 10 });
		expect(m.pointX!).toBeLessThan(m.cityX!);
		expect(m.ci).toBeNull();
	});

	it('draws the range alone for a suppressed value and copes without a city value', () => {
		const m = spineModel({ value: null, lower: null, upper: null, city: null, spread, width: 100, height: 10, pad: 0 });
		expect(m.pointX).toBeNull();
		expect(m.cityX).toBeNull();
		expect(m.domain).toEqual([10, 40]);
		expect(m.range).toEqual({ x0: 0, x1: 100 });
	});

	it('does not divide by zero when everything equals the city value', () => {
		const m = spineModel({ value: 5, lower: 5, upper: 5, city: 5, spread: { min: 5, q25: 5, q75: 5, max: 5 }, width: 100, height: 10, pad: 0 });
		expect(m.cityX).toBeCloseTo(50, 10);
		expect(Number.isFinite(m.range!.x0)).toBe(true);
	});
});
