import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mean, minMax, percentileRanks, standardDeviation, zScores } from './standardise';

describe('standard deviation: population (n) and sample (n − 1), against published reference values', () => {
	it('population SD = numpy.std (default ddof=0): np.std([[1, 2], [3, 4]]) = 1.1180339887498949', () => {
		// numpy reference, numpy.std "Examples": https://numpy.org/doc/stable/reference/generated/numpy.std.html
		expect(standardDeviation([1, 2, 3, 4], 'population')).toBeCloseTo(1.1180339887498949, 14);
	});

	it('sample SD = R sd ("Like var this uses denominator n − 1"): sd(1:3) = 1, sd(c(1,2,3,4)) = 1.2909944487358056', () => {
		// R documentation ?sd, Details; values as printed by R 4.x
		expect(standardDeviation([1, 2, 3], 'sample')).toBe(1);
		expect(standardDeviation([1, 2, 3, 4], 'sample')).toBeCloseTo(1.2909944487358056, 14);
	});

	it('the two differ by √((n − 1)/n): sd(1:3) × √(2/3) = 0.8164966 (R-help, "Standard Deviation in R", 2014)', () => {
		expect(standardDeviation([1, 2, 3], 'population')).toBeCloseTo(0.8164966, 7);
	});

	it('is 0 where undefined: one value (sample), no value (both)', () => {
		expect(standardDeviation([7], 'sample')).toBe(0);
		expect(standardDeviation([7], 'population')).toBe(0);
		expect(standardDeviation([], 'population')).toBe(0);
	});
});

describe('standardisation (hand-computed)', () => {
	it('z-scores with the sample SD', () => {
		// 10, 20, 30, 40: mean 25, squared deviations 225 + 25 + 25 + 225 = 500, SD = √(500/3) = 12.9099
		// z = −15/12.9099 = −1.1619, −5/12.9099 = −0.3873, +0.3873, +1.1619
		const z = zScores([10, 20, 30, 40], 'sample') as number[];
		expect(z[0]).toBeCloseTo(-1.1619, 4);
		expect(z[1]).toBeCloseTo(-0.3873, 4);
		expect(z[3]).toBeCloseTo(1.1619, 4);
	});

	it('z-scores with the population SD', () => {
		// same values, SD = √(500/4) = 11.1803 (= 10 × numpy's 1.1180…): z = −15/11.1803 = −1.3416, −0.4472, +0.4472, +1.3416
		// (scipy.stats.zscore([10, 20, 30, 40]) with its default ddof=0 gives the same)
		const z = zScores([10, 20, 30, 40], 'population') as number[];
		expect(z.map((v) => Number(v.toFixed(4)))).toEqual([-1.3416, -0.4472, 0.4472, 1.3416]);
	});

	it('keeps nulls out of mean and SD and null in the result', () => {
		// 10, 30 (null ignored): mean 20, SD = √((100 + 100)/1) = 14.142, z = ∓0.7071
		const z = zScores([10, null, 30], 'sample');
		expect(z[1]).toBeNull();
		expect(z[0]).toBeCloseTo(-0.7071, 4);
		// population SD √(200/2) = 10: z = ∓1 exactly
		expect(zScores([10, null, 30], 'population')).toEqual([-1, null, 1]);
	});

	it('scores 0 when all values are equal', () => {
		expect(zScores([5, 5, 5], 'sample')).toEqual([0, 0, 0]);
		expect(zScores([5, 5, 5], 'population')).toEqual([0, 0, 0]);
	});

	it('percentile ranks with mean ranks for ties', () => {
		// 3, 1, 3, 7: sorted 1, 3, 3, 7; ranks 1, 2.5 (tie of 2 and 3), 4 → (r − 1)/(n − 1) = 0, 0.5, 0.5, 1
		expect(percentileRanks([3, 1, 3, 7])).toEqual([0.5, 0, 0.5, 1]);
		expect(percentileRanks([4])).toEqual([0.5]);
	});

	it('min-max to [0, 1]', () => {
		// 0, 1, 2, 10: range 10 → 0, 0.1, 0.2, 1
		expect(minMax([0, 1, 2, 10])).toEqual([0, 0.1, 0.2, 1]);
		expect(minMax([3, 3])).toEqual([0.5, 0.5]);
	});
});

describe('standardisation (properties)', () => {
	const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 60 });

	it('z-scores have mean 0 and SD 1 of their own kind (unless all values are equal)', () => {
		fc.assert(
			fc.property(values, fc.constantFrom('population' as const, 'sample' as const), (xs, kind) => {
				const z = zScores(xs, kind) as number[];
				expect(Math.abs(mean(z))).toBeLessThan(1e-9);
				if (standardDeviation(xs, kind) > 1e-9 * Math.max(1, ...xs.map(Math.abs))) expect(standardDeviation(z, kind)).toBeCloseTo(1, 6);
			})
		);
	});

	it('percentile ranks and min-max stay in [0, 1] and keep the order', () => {
		fc.assert(
			fc.property(values, (xs) => {
				for (const f of [percentileRanks, minMax]) {
					const s = f(xs) as number[];
					for (let i = 0; i < xs.length; i++) {
						expect(s[i]).toBeGreaterThanOrEqual(0);
						expect(s[i]).toBeLessThanOrEqual(1);
						for (let j = 0; j < xs.length; j++) if (xs[i] < xs[j]) expect(s[i]).toBeLessThanOrEqual(s[j]);
					}
				}
			})
		);
	});
});
