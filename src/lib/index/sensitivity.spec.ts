import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classChanges, instability, weightPerturbations } from './sensitivity';
import { statusIndex } from './status';
import { area, polarity, settings, values } from './fixtures';
import type { IndexSettings } from './settings';

const K = ['A', 'B', 'C', 'D', 'E'];
const areas = K.map((k) => area(k));
// x (higher is worse): E stands out, 0, 0, 0, 0, 10 → z −0.4472 ×4, +1.7889 (status.spec)
// y (higher is better): D lags, 10, 10, 10, 0, 10 → oriented −10, −10, −10, 0, −10 → D z +1.7889, others −0.4472
const data = { x: values(K, [0, 0, 0, 0, 10]), y: values(K, [10, 10, 10, 0, 10]) };
const run = (s: IndexSettings) => statusIndex(areas, data, s, polarity);

describe('sensitivity (hand-computed)', () => {
	it('equal weights put D and E in class 3', () => {
		// index A–C −0.4472, D and E (1.7889 − 0.4472)/2 = 0.6708; SD √((3 × 0.2 + 2 × 0.45)/4) = 0.61237
		// → D, E z = 0.6708/0.61237 = 1.0954: 1 < 1.0954 ≤ 1.5 → class 3; A–C z −0.7303 → class 2
		expect(run(settings({ x: 1, y: 1 })).areas.map((a) => a.statusClass)).toEqual([2, 2, 2, 3, 3]);
	});

	it('lists the areas that change class against the previous settings', () => {
		// y weight 0: only x counts, E z 1.7889 → 4, D −0.4472 → 2
		const changes = classChanges(run(settings({ x: 1, y: 1 })), run(settings({ x: 1, y: 0 })));
		expect(changes).toEqual([
			{ key: 'D', name: 'Gebiet D', from: 3, to: 2 },
			{ key: 'E', name: 'Gebiet E', from: 3, to: 4 }
		]);
	});

	it('perturbs one weight at a time by ±50 %', () => {
		// x × 1.5: shares 0.6 / 0.4 → D 0.6 × (−0.4472) + 0.4 × 1.7889 = 0.4472, E 0.8944; index SD √(1.6/4) = 0.63246
		// → D z 0.7071 (class 2, was 3), E z 1.4142 (class 3, unchanged).
		// x × 0.5: shares ⅓ / ⅔ → D −0.14907 + 1.19257 = 1.0435, E 0.59628 − 0.29814 = 0.29814;
		// index SD √((0.6 + 1.0889 + 0.0889)/4) = 0.66667 → D z 1.5652 (class 4), E z 0.4472 (class 2).
		// The y perturbations mirror these with D and E swapped.
		const p = weightPerturbations(settings({ x: 1, y: 1 }), run);
		const find = (id: string, factor: number) => p.find((q) => q.id === id && q.factor === factor)!.changes.map((c) => `${c.key}:${c.from}→${c.to}`);
		expect(find('x', 1.5)).toEqual(['D:3→2']);
		expect(find('x', 0.5)).toEqual(['D:3→4', 'E:3→2']);
		expect(find('y', 1.5)).toEqual(['E:3→2']);
		expect(find('y', 0.5)).toEqual(['D:3→2', 'E:3→4']);
		expect(instability(p)).toEqual(new Map([['D', 3], ['E', 3]]));
	});

	it('reports areas entering or leaving the index as a change', () => {
		const small = [...areas.slice(0, 4), area('E', 200)];
		const before = statusIndex(small, data, settings({ x: 1, y: 1 }, { minPopulation: 0 }), polarity);
		const after = statusIndex(small, data, settings({ x: 1, y: 1 }), polarity);
		expect(classChanges(before, after).find((c) => c.key === 'E')).toMatchObject({ from: 3, to: null });
	});
});

describe('sensitivity (properties)', () => {
	it('identical settings never change a class', () => {
		fc.assert(
			fc.property(fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 5, maxLength: 5 }), fc.double({ min: 0.1, max: 5, noNaN: true }), (xs, w) => {
				const d = { x: values(K, xs), y: data.y };
				const r = (s: IndexSettings) => statusIndex(areas, d, s, polarity);
				expect(classChanges(r(settings({ x: w, y: 1 })), r(settings({ x: w, y: 1 })))).toEqual([]);
			})
		);
	});
});
