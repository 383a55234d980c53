import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile } from './student-t';

describe('Student-t quantiles', () => {
	// Published critical values, NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.2
	// "Critical Values of the Student's t Distribution" (3 decimals), upper-tail probability 0.025 / 0.005 / 0.05.
	const table: [number, number, number][] = [
		[0.975, 1, 12.706], [0.975, 2, 4.303], [0.975, 3, 3.182], [0.975, 4, 2.776], [0.975, 5, 2.571],
		[0.975, 6, 2.447], [0.975, 8, 2.306], [0.975, 10, 2.228], [0.975, 20, 2.086], [0.975, 30, 2.042],
		[0.975, 100, 1.984], [0.995, 3, 5.841], [0.995, 10, 3.169], [0.95, 5, 2.015], [0.95, 12, 1.782]
	];
	it.each(table)('t_%s(%s) = %s', (p, df, expected) => {
		expect(studentTQuantile(p, df)).toBeCloseTo(expected, 3);
	});

	it('matches the closed forms for 1 and 2 df to machine precision', () => {
		// ν = 1 is the Cauchy distribution: t_p = tan(π(p − ½)).
		expect(studentTQuantile(0.975, 1)).toBeCloseTo(Math.tan(Math.PI * 0.475), 9);
		// ν = 2: t_p = a·√(2/(1 − a²)), a = 2p − 1; p = 0.975 → 0.95·√(2/0.0975) = 4.302653.
		expect(studentTQuantile(0.975, 2)).toBeCloseTo(0.95 * Math.sqrt(2 / (1 - 0.95 ** 2)), 10);
	});

	it('is symmetric and inverts the CDF', () => {
		expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 12);
		for (const df of [1, 2, 3, 9, 40]) expect(studentTCdf(studentTQuantile(0.9, df), df)).toBeCloseTo(0.9, 12);
		expect(studentTQuantile(0.5, 3)).toBe(0);
	});

	it('approaches the normal quantile for many df', () => {
		expect(studentTQuantile(0.975, 2000)).toBeCloseTo(1.961, 3);
	});

	it('rejects non-integer degrees of freedom', () => {
		expect(() => studentTQuantile(0.975, 2.5)).toThrow(/ganze Zahl/);
	});
});
