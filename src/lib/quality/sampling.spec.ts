import { describe, expect, it } from 'vitest';
import { enoughCases, nullStandardError } from './sampling';

const pct = { value_type: 'proportion' as const, multiplier: 100 };
const perThousand = { value_type: 'rate' as const, multiplier: 1000 };

describe('nullStandardError', () => {
	it('is the binomial error of the expected share: 20 % of 1,000 → 100·√(0.2·0.8/1000) ≈ 1.2649', () => {
		expect(nullStandardError(20, 1000, pct)).toBeCloseTo(1.2649, 4);
	});

	it('stays above zero when 0 % is expected (an empty area is not infinitely precise)', () => {
		// p₀ = ½/10 → 100·√(0.05·0.95/10) ≈ 6.89
		expect(nullStandardError(0, 10, pct)).toBeCloseTo(6.892, 3);
	});

	it('shrinks with the square root of the size: 4× the children, half the error', () => {
		expect(nullStandardError(10, 4000, pct) / nullStandardError(10, 1000, pct)).toBeCloseTo(0.5, 10);
	});

	it('is the Poisson error of the expected count for a rate: 5 per 1,000 of 5,000 → 25 events → 1000·5/5000 = 1', () => {
		expect(nullStandardError(5, 5000, perThousand)).toBe(1);
	});

	it('judges an observed 0 by the expected count, not by the 0', () => {
		// 5.4 per 1,000 of 1,000 children: 5.4 events expected, error √5.4 ≈ 2.32 per 1,000
		expect(nullStandardError(5.4, 1000, perThousand)).toBeCloseTo(Math.sqrt(5.4), 10);
	});

	it('is √expected for a count, and 0 when a rate has no denominator', () => {
		expect(nullStandardError(16, null, { value_type: 'count', multiplier: 1 })).toBe(4);
		expect(nullStandardError(5, null, pct)).toBe(0);
		expect(nullStandardError(5, 0, perThousand)).toBe(0);
	});
});

describe('enoughCases', () => {
	it('asks for 5 expected cases on each side of a share', () => {
		expect(enoughCases(2.5, 200, pct)).toBe(true); // 5 of 200
		expect(enoughCases(2.5, 100, pct)).toBe(false); // 2.5 of 100
		expect(enoughCases(98, 100, pct)).toBe(false); // only 2 expected without
	});

	it('asks for 5 expected events of a rate or count', () => {
		expect(enoughCases(5, 1000, perThousand)).toBe(true);
		expect(enoughCases(4.9, 1000, perThousand)).toBe(false);
		expect(enoughCases(5, null, { value_type: 'count', multiplier: 1 })).toBe(true);
		// unknown numbers: the rule cannot apply
		expect(enoughCases(5, null, pct)).toBe(true);
		expect(enoughCases(NaN, 100, pct)).toBe(true);
		expect(enoughCases(5, 0, pct)).toBe(false);
	});
});
