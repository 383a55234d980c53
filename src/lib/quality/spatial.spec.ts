import { describe, expect, it } from 'vitest';
import { neighbourOutliers, type AreaNumbers } from './spatial';
import type { Neighbours } from './adjacency';

/** A 4 × 4 grid of areas "rc" with rook neighbours. */
function gridNeighbours(n = 4): Neighbours {
	const nb: Neighbours = new Map();
	for (let r = 0; r < n; r++) {
		for (let c = 0; c < n; c++) {
			const list: string[] = [];
			for (const [dr, dc] of [[-1, 0], [1, 0], [0, -1], [0, 1]]) {
				const rr = r + dr, cc = c + dc;
				if (rr >= 0 && rr < n && cc >= 0 && cc < n) list.push(`${rr}${cc}`);
			}
			nb.set(`${r}${c}`, list);
		}
	}
	return nb;
}

const plain = { value_type: 'proportion' as const, multiplier: 100 };
/** A smooth west–east gradient: value = 10 + 2 · column (+ a small deterministic wobble). */
function gradient(): Map<string, AreaNumbers> {
	const m = new Map<string, AreaNumbers>();
	for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) m.set(`${r}${c}`, { value: 10 + 2 * c + ((r * 3 + c) % 3) * 0.1, numerator: null, denominator: null });
	return m;
}

describe('neighbourOutliers', () => {
	it('finds the area that breaks a smooth gradient, with its neighbours\' median as expected value', () => {
		const v = gradient();
		v.set('12', { value: 40, numerator: null, denominator: null });
		const found = neighbourOutliers(v, gridNeighbours(), plain);
		expect(found.map((o) => o.area)).toEqual(['12']);
		// neighbours of 12: 02 (14.2), 22 (14.2), 11 (12.1), 13 (16.0) → median (14.2 + 14.2) / 2 = 14.2
		expect(found[0].expected).toBeCloseTo(14.2, 10);
		expect(found[0].neighbours).toBe(4);
	});

	it('leaves a smooth gradient alone: being higher than the west is not being an outlier', () => {
		expect(neighbourOutliers(gradient(), gridNeighbours(), plain)).toEqual([]);
	});

	it('does not call a tiny area with a chance value an outlier', () => {
		const v = gradient();
		// 1 of 4 children = 25 %: far from ≈ 14 %, but the sampling error of 1/4 is ≈ 19 points
		v.set('12', { value: 25, numerator: 1, denominator: 4 });
		expect(neighbourOutliers(v, gridNeighbours(), plain)).toEqual([]);
	});

	it('skips areas with fewer than two neighbours that have a value', () => {
		const v = new Map<string, AreaNumbers>([['00', { value: 99, numerator: null, denominator: null }], ['01', { value: 10, numerator: null, denominator: null }]]);
		expect(neighbourOutliers(v, gridNeighbours(), plain)).toEqual([]);
	});
});
