import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { categoryOf, levels } from './categories';

describe('levels and categories', () => {
	it('terciles: a third of the areas each', () => {
		// 1…9: type-7 percentiles at ⅓ → 1 + 8/3 = 3.667, at ⅔ → 1 + 16/3 = 6.333 → 1–3 low, 4–6 mid, 7–9 high
		const l = levels([1, 2, 3, 4, 5, 6, 7, 8, 9, null], 'tercile');
		expect(l).toEqual(['low', 'low', 'low', 'mid', 'mid', 'mid', 'high', 'high', 'high', null]);
	});

	it('SD bands at ±0.5 SD', () => {
		// 0, 0, 10, 20, 20: mean 10, SD √(400/4) = 10 → cuts 5 and 15 → low, low, mid, high, high
		expect(levels([0, 0, 10, 20, 20], 'sd')).toEqual(['low', 'low', 'mid', 'high', 'high']);
	});

	it('all equal values are medium, none low or high', () => {
		expect(levels([3, 3, null], 'tercile')).toEqual(['mid', 'mid', null]);
		expect(levels([3, 3], 'sd')).toEqual(['mid', 'mid']);
	});

	it('a gap is exactly high need with low coverage', () => {
		expect(categoryOf('high', 'low')).toBe('gap');
		expect(categoryOf('high', 'mid')).toBe('attention');
		expect(categoryOf('mid', 'low')).toBe('attention');
		expect(categoryOf('high', 'high')).toBe('covered');
		expect(categoryOf('low', 'low')).toBe('other');
		expect(categoryOf(null, 'low')).toBe('nodata');
	});

	it('every present value gets a level, and levels keep the order of the values', () => {
		const order = { low: 0, mid: 1, high: 2 };
		fc.assert(
			fc.property(fc.array(fc.option(fc.double({ min: -100, max: 100, noNaN: true }), { nil: null }), { maxLength: 50 }), fc.constantFrom('tercile' as const, 'sd' as const), (xs, m) => {
				const l = levels(xs, m);
				xs.forEach((x, i) => expect(l[i] === null).toBe(x === null));
				xs.forEach((x, i) => xs.forEach((y, j) => {
					if (x !== null && y !== null && x < y) expect(order[l[i]!]).toBeLessThanOrEqual(order[l[j]!]);
				}));
			})
		);
	});
});
