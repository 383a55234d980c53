import { describe, expect, it } from 'vitest';
import { mad, median, outlierScore, robustZ } from './robust';

describe('median and MAD', () => {
	it('match R: mad(c(1:9)) = 2.9652 (example in ?mad), median 5', () => {
		const x = [1, 2, 3, 4, 5, 6, 7, 8, 9];
		expect(median(x)).toBe(5);
		expect(mad(x)).toBeCloseTo(2.9652, 4);
	});

	it('match R: mad(c(1, 2, 3, 4, 100)) = 1.4826 and mad(..., constant = 1) = 1 (one wild value barely moves it)', () => {
		// |x − 3| = 2 1 0 1 97 → median 1
		expect(mad([1, 2, 3, 4, 100])).toBeCloseTo(1.4826, 4);
		expect(mad([1, 2, 3, 4, 100], 1)).toBe(1);
	});

	it('ignore non-finite values and say null for an empty sample', () => {
		expect(median([NaN, 2, 4])).toBe(3);
		expect(median([])).toBeNull();
		expect(mad([NaN])).toBeNull();
	});
});

describe('robustZ', () => {
	it('is (x − median) / MAD, with the floor when the spread is smaller', () => {
		expect(robustZ(10, 4, 2)).toBe(3);
		expect(robustZ(10, 4, 0.1, 2)).toBe(3);
	});

	it('is 0 for the centre itself and ±Infinity when there is no spread at all', () => {
		expect(robustZ(4, 4, 0)).toBe(0);
		expect(robustZ(5, 4, 0)).toBe(Infinity);
		expect(robustZ(3, 4, 0)).toBe(-Infinity);
	});
});

describe('outlierScore', () => {
	it('needs both: beyond 3.5 spreads of the data and beyond the chance threshold of sampling errors', () => {
		expect(outlierScore(10, 2, 1, 3.5, 4.6).outlier).toBe(true); // 5 spreads, 10 errors
		expect(outlierScore(10, 2, 2.5, 3.5, 4.6).outlier).toBe(false); // only 4 errors: chance in a small area
		expect(outlierScore(10, 3, 1, 3.5, 4.6).outlier).toBe(false); // only 3.3 spreads: usual variation
		expect(outlierScore(-10, 2, 1, 3.5, 4.6)).toEqual({ z: -5, outlier: true });
	});
});
