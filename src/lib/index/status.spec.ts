import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { statusIndex } from './status';
import { mean } from './standardise';
import { area, polarity, settings, values } from './fixtures';

const K = ['A', 'B', 'C', 'D'];
const areas = K.map((k) => area(k));
// x (higher is worse): 10, 20, 30, 40 → z = −1.1619, −0.3873, +0.3873, +1.1619 (see standardise.spec)
// y (higher is better): 80, 60, 70, 50 → oriented −80, −60, −70, −50: mean −65, deviations −15, +5, −5, +15
//   → z = −1.1619, +0.3873, −0.3873, +1.1619
const data = { x: values(K, [10, 20, 30, 40]), y: values(K, [80, 60, 70, 50]) };

describe('status index (hand-computed)', () => {
	it('equal weights: mean of oriented z-scores, re-standardised, SD-band classes', () => {
		const r = statusIndex(areas, data, settings({ x: 1, y: 1 }), polarity);
		// index = (zx + zy)/2: A (−1.1619 − 1.1619)/2 = −1.1619, B 0, C 0, D +1.1619
		expect(r.areas.map((a) => a.index)).toEqual([expect.closeTo(-1.1619, 4), expect.closeTo(0, 9), expect.closeTo(0, 9), expect.closeTo(1.1619, 4)]);
		// index mean 0, SD = √((1.35 + 0 + 0 + 1.35)/3) = √0.9 = 0.94868 → z = ±1.1619/0.94868 = ±1.2247
		expect(r.sd).toBeCloseTo(0.94868, 5);
		expect(r.areas[3].z).toBeCloseTo(1.2247, 4);
		// cuts −1 / +1 / +1.5: A z −1.22 ≤ −1 → 1 (hoch); B, C 0 → 2 (mittel); D 1 < 1.22 ≤ 1.5 → 3 (niedrig)
		expect(r.areas.map((a) => a.statusClass)).toEqual([1, 2, 2, 3]);
		expect(r.used).toEqual([
			{ id: 'x', share: 0.5, orientation: 'higher_is_worse' },
			{ id: 'y', share: 0.5, orientation: 'higher_is_better' }
		]);
	});

	it('weights 3 : 1 and the contribution of each indicator', () => {
		const r = statusIndex(areas, data, settings({ x: 3, y: 1 }), polarity);
		// shares 0.75 / 0.25. B: 0.75 × (−0.3873) + 0.25 × 0.3873 = −0.19365; D: 0.75 × 1.1619 + 0.25 × 1.1619 = 1.1619
		expect(r.areas[1].index).toBeCloseTo(-0.19365, 4);
		const d = r.areas[3].components;
		expect(d[0].contribution).toBeCloseTo(0.87142, 4); // 0.75 × 1.1619
		expect(d[1].contribution).toBeCloseTo(0.29047, 4); // 0.25 × 1.1619
		// index SD = √((1.35 + 0.0375 + 0.0375 + 1.35)/3) = 0.96177 → D z = 1.1619/0.96177 = 1.2081
		expect(r.areas[3].z).toBeCloseTo(1.2081, 4);
		expect(r.areas.map((a) => a.statusClass)).toEqual([1, 2, 2, 3]);
	});

	it('an outlier alone reaches class 4 (sehr niedrig)', () => {
		const keys = ['A', 'B', 'C', 'D', 'E'];
		// 0, 0, 0, 0, 10: mean 2, SD = √((4 × 4 + 64)/4) = √20 = 4.4721 → E z = 8/4.4721 = 1.7889 > 1.5
		const r = statusIndex(keys.map((k) => area(k)), { x: values(keys, [0, 0, 0, 0, 10]) }, settings({ x: 1 }), polarity);
		expect(r.areas[4].z).toBeCloseTo(1.7889, 4);
		expect(r.areas.map((a) => a.statusClass)).toEqual([2, 2, 2, 2, 4]);
	});

	it('percentile ranks: 0, ⅓, ⅔, 1 per indicator', () => {
		// x ranks A 0, B ⅓, C ⅔, D 1; oriented y (−80, −60, −70, −50) ranks A 0, B ⅔, C ⅓, D 1
		// index A 0, B 0.5, C 0.5, D 1 → mean 0.5, SD √(0.5/3) = 0.40825 → A z −1.2247, D +1.2247
		const r = statusIndex(areas, data, settings({ x: 1, y: 1 }, { method: 'percentile' }), polarity);
		expect(r.areas.map((a) => a.index)).toEqual([0, 0.5, 0.5, 1]);
		expect(r.areas.map((a) => a.statusClass)).toEqual([1, 2, 2, 3]);
	});

	it('excludes small areas and areas with a missing value, and they do not move the others', () => {
		const keys = [...K, 'E', 'F'];
		const withExtra = {
			x: values(keys, [10, 20, 30, 40, 999, 50]),
			y: values(keys, [80, 60, 70, 50, 0, null])
		};
		const all = [...areas, area('E', 250), area('F', 5000)];
		const r = statusIndex(all, withExtra, settings({ x: 1, y: 1 }), polarity);
		expect(r.areas[4].exclusion).toEqual({ reason: 'population', population: 250 });
		expect(r.areas[5].exclusion).toEqual({ reason: 'missing', indicators: ['y'] });
		expect(r.areas[4].statusClass).toBeNull();
		expect(r.areas[5].statusClass).toBeNull();
		const base = statusIndex(areas, data, settings({ x: 1, y: 1 }), polarity);
		expect(r.areas.slice(0, 4).map((a) => a.z)).toEqual(base.areas.map((a) => a.z));
		expect(r.included).toBe(4);
	});

	it('population SD (the default, as the published indices) moves an area near a band edge into the next class', () => {
		const keys = ['A', 'B', 'C', 'D', 'E'];
		const five = keys.map((k) => area(k));
		// 0, 0, 0, 2, 3: mean 1, squared deviations 1 + 1 + 1 + 1 + 4 = 8.
		// population SD √(8/5) = 1.2649 (numpy.std) → E z = 2/1.2649 = 1.5811 > 1.5 → class 4 (sehr niedrig)
		// sample SD √(8/4) = 1.4142 (R sd)      → E z = 2/1.4142 = 1.4142 ≤ 1.5 → class 3 (niedrig)
		const x = { x: values(keys, [0, 0, 0, 2, 3]) };
		const pop = statusIndex(five, x, settings({ x: 1 }, { sd: 'population' }), polarity);
		const smp = statusIndex(five, x, settings({ x: 1 }, { sd: 'sample' }), polarity);
		expect(pop.areas[4].z).toBeCloseTo(1.5811, 4);
		expect(smp.areas[4].z).toBeCloseTo(1.4142, 4);
		expect(pop.areas.map((a) => a.statusClass)).toEqual([2, 2, 2, 2, 4]);
		expect(smp.areas.map((a) => a.statusClass)).toEqual([2, 2, 2, 2, 3]);
	});

	it('a value exactly on a cut-off goes to the lower class, or to the upper one when chosen', () => {
		// −1, −1, 1, 1: mean 0, population SD √(4/4) = 1 → z = −1, −1, +1, +1: exactly on the cut-offs −1 and +1
		const x = { x: values(K, [-1, -1, 1, 1]) };
		const lower = statusIndex(areas, x, settings({ x: 1 }, { sd: 'population', cutTie: 'lower' }), polarity);
		const upper = statusIndex(areas, x, settings({ x: 1 }, { sd: 'population', cutTie: 'upper' }), polarity);
		expect(lower.areas.map((a) => a.z)).toEqual([-1, -1, 1, 1]);
		// lower: class 1 "bis −1", class 2 "über −1 bis +1"; upper: class 2 "ab −1 bis unter +1", class 3 "ab +1"
		expect(lower.areas.map((a) => a.statusClass)).toEqual([1, 1, 2, 2]);
		expect(upper.areas.map((a) => a.statusClass)).toEqual([2, 2, 3, 3]);
	});

	it('applies no population minimum when no area has a population figure; applies it when some have', () => {
		const none = statusIndex(K.map((k) => area(k, null)), data, settings({ x: 1, y: 1 }), polarity);
		expect(none.populationMinimum).toBe('noPopulation');
		expect(none.included).toBe(4);
		expect(none.areas.every((a) => a.exclusion === null)).toBe(true);
		// one area with a figure: the others' unknown figures (e.g. withheld) count as too small
		const some = statusIndex([area('A', 5000), ...K.slice(1).map((k) => area(k, null))], data, settings({ x: 1, y: 1 }), polarity);
		expect(some.populationMinimum).toBe('applied');
		expect(some.areas.map((a) => a.exclusion?.reason ?? null)).toEqual([null, 'population', 'population', 'population']);
		expect(statusIndex(areas, data, settings({ x: 1, y: 1 }, { minPopulation: 0 }), polarity).populationMinimum).toBe('off');
	});

	it('leaves a neutral indicator out unless the planner orients it', () => {
		const n = values(K, [1, 2, 3, 4]);
		const skipped = statusIndex(areas, { ...data, n }, settings({ x: 1, n: 1 }), polarity);
		expect(skipped.skipped).toEqual(['n']);
		expect(skipped.used.map((u) => u.id)).toEqual(['x']);
		const s = settings({ x: 1 });
		s.indicators.push({ id: 'n', weight: 1, orientation: 'higher_is_better' });
		const oriented = statusIndex(areas, { ...data, n }, s, polarity);
		expect(oriented.used.map((u) => [u.id, u.orientation])).toEqual([['x', 'higher_is_worse'], ['n', 'higher_is_better']]);
		// x and −n cancel exactly: every index is 0
		expect(oriented.areas.every((a) => Math.abs(a.index!) < 1e-12)).toBe(true);
	});
});

describe('status index (properties)', () => {
	const input = fc
		.integer({ min: 2, max: 25 })
		.chain((n) =>
			fc.record({
				pops: fc.array(fc.option(fc.integer({ min: 0, max: 20000 }), { nil: null, freq: 8 }), { minLength: n, maxLength: n }),
				x: fc.array(fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null, freq: 8 }), { minLength: n, maxLength: n }),
				y: fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: n, maxLength: n }),
				wx: fc.double({ min: 0.1, max: 10, noNaN: true }),
				wy: fc.double({ min: 0, max: 10, noNaN: true }),
				method: fc.constantFrom('zscore' as const, 'percentile' as const, 'minmax' as const),
				min: fc.integer({ min: 0, max: 5000 })
			})
		);

	it('classes cover every included area, excluded areas never get a class, contributions add up', () => {
		fc.assert(
			fc.property(input, (d) => {
				const keys = d.x.map((_, i) => `k${i}`);
				const r = statusIndex(
					keys.map((k, i) => area(k, d.pops[i])),
					{ x: values(keys, d.x), y: values(keys, d.y) },
					settings({ x: d.wx, y: d.wy }, { method: d.method, minPopulation: d.min }),
					polarity
				);
				for (const [i, a] of r.areas.entries()) {
					if (a.exclusion) expect(a.statusClass).toBeNull();
					else expect([1, 2, 3, 4]).toContain(a.statusClass);
					// without any population figure the minimum does not apply (issue #14)
					if (d.min > 0 && d.pops.some((p) => p !== null) && (d.pops[i] === null || d.pops[i]! < d.min)) expect(a.exclusion?.reason).toBe('population');
					if (a.index !== null) expect(a.components.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(a.index, 9);
				}
				const z = r.areas.filter((a) => a.z !== null).map((a) => a.z as number);
				expect(z.length).toBe(r.included);
				if (z.length) expect(Math.abs(mean(z))).toBeLessThan(1e-6);
			})
		);
	});

	it('scaling all weights by the same factor changes nothing', () => {
		fc.assert(
			fc.property(input, fc.double({ min: 0.01, max: 100, noNaN: true }), (d, k) => {
				const keys = d.x.map((_, i) => `k${i}`);
				const run = (f: number) =>
					statusIndex(keys.map((key, i) => area(key, d.pops[i])), { x: values(keys, d.x), y: values(keys, d.y) }, settings({ x: d.wx * f, y: d.wy * f }, { method: d.method }), polarity);
				expect(run(k).areas.map((a) => a.statusClass)).toEqual(run(1).areas.map((a) => a.statusClass));
			})
		);
	});
});
