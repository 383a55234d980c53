import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareArea, compareToReference, intervalFor, pooledValue, withPolarity } from './compare';
import { wilsonInterval } from './intervals';
import type { Polarity } from '../data/types';

describe('compareToReference (Fingertips benchmark rule)', () => {
	it('higher when the lower limit is above, lower when the upper limit is below, otherwise similar', () => {
		expect(compareToReference({ lower: 12, upper: 15 }, 10)).toBe('higher');
		expect(compareToReference({ lower: 5, upper: 8 }, 10)).toBe('lower');
		expect(compareToReference({ lower: 8, upper: 12 }, 10)).toBe('similar');
		// a reference on the limit is inside the interval
		expect(compareToReference({ lower: 10, upper: 12 }, 10)).toBe('similar');
		expect(compareToReference({ lower: 8, upper: 10 }, 10)).toBe('similar');
	});

	it('not_comparable when the interval or the reference is missing', () => {
		expect(compareToReference(null, 10)).toBe('not_comparable');
		expect(compareToReference({ lower: null, upper: 3 }, 10)).toBe('not_comparable');
		expect(compareToReference({ lower: 1, upper: 3 }, null)).toBe('not_comparable');
		expect(compareToReference({ lower: 1, upper: 3 }, Number.NaN)).toBe('not_comparable');
	});

	it('worked example (hand-computed): 81/263 = 30,8 % (Wilson 95 % 25,5–36,6 %, Newcombe 1998) vs city 40 % → lower, vs 30 % → similar', () => {
		const w = wilsonInterval(81, 263);
		expect(compareToReference(w, 40)).toBe('lower');
		expect(compareToReference(w, 30)).toBe('similar');
		expect(compareToReference(w, 20)).toBe('higher');
	});
});

describe('withPolarity', () => {
	it.each<[Parameters<typeof withPolarity>[0], Polarity, string]>([
		['higher', 'higher_is_better', 'better'],
		['lower', 'higher_is_better', 'worse'],
		['higher', 'higher_is_worse', 'worse'],
		['lower', 'higher_is_worse', 'better'],
		['higher', 'neutral', 'higher'],
		['lower', 'neutral', 'lower'],
		['similar', 'higher_is_worse', 'similar'],
		['not_comparable', 'higher_is_better', 'not_comparable']
	])('%s with %s → %s', (r, p, expected) => {
		expect(withPolarity(r, p)).toBe(expected);
	});
});

describe('compareArea / intervalFor', () => {
	it('uses Wilson for proportions, Byar/exact for rates and counts, and the 99.8 % level when asked', () => {
		expect(intervalFor({ numerator: 81, denominator: 263 }, 'proportion', 100)?.method).toBe('wilson');
		expect(intervalFor({ numerator: 81, denominator: 263 }, 'rate', 1000)?.method).toBe('byar');
		expect(intervalFor({ numerator: 5, denominator: 263 }, 'rate', 1000)?.method).toBe('exact_poisson');
		expect(intervalFor({ numerator: 5, denominator: null }, 'count', 1)?.method).toBe('exact_poisson');
		expect(intervalFor({ numerator: null, denominator: 10 }, 'proportion', 100)).toBeNull();
		// 81/263 at 99.8 %, by hand: z² = 9.5495, 2x + z² = 171.5495, z·√(z² + 4x(1 − x/n)) = 3.0902·√233.762
		// = 47.247, 2(n + z²) = 545.099 → 22,80 % to 40,14 %, so 37 % is similar (but lower at 95 %).
		const r = compareArea({ numerator: 81, denominator: 263 }, 37, {
			valueType: 'proportion', multiplier: 100, level: 0.998, polarity: 'higher_is_worse'
		});
		expect(r.comparison).toBe('similar');
		const r95 = compareArea({ numerator: 81, denominator: 263 }, 37, {
			valueType: 'proportion', multiplier: 100, level: 0.95, polarity: 'higher_is_worse'
		});
		expect(r95.comparison).toBe('lower');
		expect(r95.withPolarity).toBe('better');
		expect(compareArea({ numerator: null, denominator: 5 }, 3, { valueType: 'rate', multiplier: 1000 }).comparison).toBe(
			'not_comparable'
		);
	});

	it('gives a share above 100 % (numerator > denominator, a data error) no interval: not comparable, no crash', () => {
		expect(intervalFor({ numerator: 104, denominator: 100 }, 'proportion', 100)).toBeNull();
		expect(compareArea({ numerator: 104, denominator: 100 }, 90, { valueType: 'proportion', multiplier: 100 }).comparison).toBe('not_comparable');
		// the same counts as a rate are fine: events may outnumber persons
		expect(intervalFor({ numerator: 104, denominator: 100 }, 'rate', 1000)?.method).toBe('byar');
	});

	it('property: a 99.8 % difference is always also a 95 % difference', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 20000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (n, f, ref) => {
				const obs = { numerator: Math.round(f * n), denominator: n };
				const a = compareArea(obs, ref, { valueType: 'proportion', multiplier: 100, level: 0.998 }).comparison;
				const b = compareArea(obs, ref, { valueType: 'proportion', multiplier: 100, level: 0.95 }).comparison;
				if (a !== 'similar') expect(b).toBe(a);
			})
		);
	});
});

describe('pooledValue', () => {
	it('sums numerators and denominators (never the mean of the rates)', () => {
		// (10 + 90) / (100 + 900) = 10 %, while the mean of 10 % and 10 % … and of 1/10 and 90/900 differs in general
		expect(pooledValue([{ numerator: 10, denominator: 100 }, { numerator: 90, denominator: 900 }], 100)).toBeCloseTo(10, 12);
		expect(pooledValue([{ numerator: 1, denominator: 2 }, { numerator: 1, denominator: 98 }], 100)).toBeCloseTo(2, 12);
		expect(pooledValue([{ numerator: null, denominator: 2 }], 100)).toBeNull();
		expect(pooledValue([], 100)).toBeNull();
	});
});
