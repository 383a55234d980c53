import { describe, expect, it } from 'vitest';
import { dynamicsIndex, statusDynamicsGrid } from './dynamics';
import { statusIndex } from './status';
import { area, polarity, settings, values } from './fixtures';

const K = ['A', 'B', 'C', 'D'];
const areas = K.map((k) => area(k));
const now = { x: values(K, [10, 20, 30, 40]), y: values(K, [80, 60, 70, 50]) };
// two years earlier: x changed by −4, 0, +5, +10 (percentage points); y did not change at all
const before = { x: values(K, [14, 20, 25, 30]), y: values(K, [80, 60, 70, 50]) };
const s = settings({ x: 1, y: 1 });

describe('dynamics index (hand-computed)', () => {
	const status = statusIndex(areas, now, s, polarity);
	const dyn = dynamicsIndex(status, now, before, s, polarity, 2025);

	it('standardises the oriented changes and cuts at ±1 SD', () => {
		// changes of x: −4, 0, 5, 10 → mean 2.75, squared deviations 45.5625 + 7.5625 + 5.0625 + 52.5625 = 110.75,
		// SD = √(110.75/3) = 6.0759 → z = −1.1110, −0.4526, +0.3703, +1.1932; y: no change → z 0 everywhere.
		// index = (zx + 0)/2, re-standardised = zx again (a z of a scaled z is the same z).
		expect(dyn.areas.map((a) => a.z)).toEqual([expect.closeTo(-1.111, 3), expect.closeTo(-0.4526, 3), expect.closeTo(0.3703, 3), expect.closeTo(1.1932, 3)]);
		// A −1.11 ≤ −1 → positiv (disadvantage fell); B, C stabil; D +1.19 > +1 → negativ
		expect(dyn.areas.map((a) => a.dynamicsClass)).toEqual(['positiv', 'stabil', 'stabil', 'negativ']);
		expect([dyn.fromYear, dyn.toYear]).toEqual([2023, 2025]);
		expect(dyn.areas[3].changes[0].change).toBe(10);
	});

	it('turns the sign of a "higher is better" change', () => {
		const better = { ...before, y: values(K, [70, 60, 70, 50]) }; // A's y rose by 10: good
		const d = dynamicsIndex(status, now, better, s, polarity, 2025);
		expect(d.areas[0].changes[1].change).toBe(-10);
	});

	it('applies the tie rule to the dynamics cut-offs too', () => {
		// changes of x −2, −2, +2, +2 (y unchanged): population SD 2 → z exactly −1, −1, +1, +1
		const b = { x: values(K, [12, 22, 28, 38]), y: now.y };
		const pop = { ...s, sd: 'population' as const };
		const st = statusIndex(areas, now, pop, polarity);
		const lower = dynamicsIndex(st, now, b, { ...pop, cutTie: 'lower' }, polarity, 2025);
		const upper = dynamicsIndex(st, now, b, { ...pop, cutTie: 'upper' }, polarity, 2025);
		expect(lower.areas.map((a) => a.z)).toEqual([-1, -1, 1, 1]);
		expect(lower.areas.map((a) => a.dynamicsClass)).toEqual(['positiv', 'positiv', 'stabil', 'stabil']);
		expect(upper.areas.map((a) => a.dynamicsClass)).toEqual(['stabil', 'stabil', 'negativ', 'negativ']);
	});

	it('places every area with a status class in the 4 × 3 grid', () => {
		// status classes 1, 2, 2, 3 (status.spec) × dynamics positiv, stabil, stabil, negativ
		const g = statusDynamicsGrid(status, dyn);
		expect(g.cells[0][0]).toEqual(['A']);
		expect(g.cells[1][1]).toEqual(['B', 'C']);
		expect(g.cells[2][2]).toEqual(['D']);
		expect(g.withoutDynamics).toEqual([]);
	});

	it('gives no dynamics class without a status class or without the earlier value', () => {
		const keys = [...K, 'E', 'F'];
		const all = [...areas, area('E', 100), area('F')];
		const n2 = { x: values(keys, [10, 20, 30, 40, 50, 60]), y: values(keys, [80, 60, 70, 50, 40, 30]) };
		const b2 = { x: values(keys, [14, 20, 25, 30, 50, null]), y: values(keys, [80, 60, 70, 50, 40, 30]) };
		const st = statusIndex(all, n2, s, polarity);
		const d = dynamicsIndex(st, n2, b2, s, polarity, 2025);
		expect(d.areas[4]).toMatchObject({ dynamicsClass: null, missing: 'status' });
		expect(d.areas[5]).toMatchObject({ dynamicsClass: null, missing: 'values' });
		expect(statusDynamicsGrid(st, d).withoutDynamics).toEqual(['F']);
	});
});
