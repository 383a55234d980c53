import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mean, minMax, percentileRanks, sampleSd, zScores } from './standardise';

describe('standardisation (hand-computed)', () => {
	it('z-scores with the sample SD', () => {
		// 10, 20, 30, 40: mean 25, squared deviations 225 + 25 + 25 + 225 = 500, SD = √(500/3) = 12.9099
		// z = −15/12.9099 = −1.1619, −5/12.9099 = −0.3873, +0.3873, +1.1619
		const z = zScores([10, 20, 30, 40]) as number[];
		expect(z[0]).toBeCloseTo(-1.1619, 4);
		expect(z[1]).toBeCloseTo(-0.3873, 4);
		expect(z[3]).toBeCloseTo(1.1619, 4);
	});

	it('keeps nulls out of mean and SD and null in the result', () => {
		// 10, 30 (null ignored): mean 20, SD = √((100 + 100)/1) = 14.142, z = ∓0.7071
		const z = zScores([10, null, 30]);
		expect(z[1]).toBeNull();
		expect(z[0]).toBeCloseTo(-0.7071, 4);
	});

	it('scores 0 when all values are equal', () => {
		expect(zScores([5, 5, 5])).toEqual([0, 0, 0]);
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

	it('z-scores have mean 0 and SD 1 (unless all values are equal)', () => {
		fc.assert(
			fc.property(values, (xs) => {
				const z = zScores(xs) as number[];
				expect(Math.abs(mean(z))).toBeLessThan(1e-9);
				if (sampleSd(xs) > 1e-9 * Math.max(1, ...xs.map(Math.abs))) expect(sampleSd(z)).toBeCloseTo(1, 6);
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
