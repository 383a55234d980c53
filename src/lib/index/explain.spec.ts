import { describe, expect, it } from 'vitest';
import { explainArea } from './explain';
import { statusIndex } from './status';
import { area, polarity, settings, values } from './fixtures';

const K = ['A', 'B', 'C', 'D', 'E'];
const s = settings({ x: 1, y: 1 });
// x: E 10, the rest 0 → zx(E) = +1.7889; y (higher is better) 10 everywhere but D → zy(D) = +1.7889
const r = statusIndex(K.map((k) => area(k)), { x: values(K, [0, 0, 0, 0, 10]), y: values(K, [10, 10, 10, 0, 10]) }, s, polarity);

describe('why is an area in its class', () => {
	it('breaks the index into contributions that add up exactly, largest first', () => {
		const e = explainArea(r, s, 'E')!;
		// E: x contributes 0.5 × 1.7889 = 0.8944, y 0.5 × (−0.4472) = −0.2236; sum 0.6708 = index
		expect(e.parts.map((p) => p.id)).toEqual(['x', 'y']);
		expect(e.parts[0].contribution).toBeCloseTo(0.8944, 4);
		expect(e.parts[1].contribution).toBeCloseTo(-0.2236, 4);
		expect(e.total).toBeCloseTo(e.area.index!, 12);
		// class 3 lies between the cut-offs +1 and +1.5 SD; D ties with E for rank 1
		expect([e.area.statusClass, e.lowerCut, e.upperCut, e.rank]).toEqual([3, 1, 1.5, 1]);
	});

	it('has open ends for the outer classes and nothing for unknown areas', () => {
		const one = statusIndex(K.map((k) => area(k)), { x: values(K, [0, 0, 0, 0, 10]) }, settings({ x: 1 }), polarity);
		const e = explainArea(one, settings({ x: 1 }), 'E')!;
		expect([e.area.statusClass, e.lowerCut, e.upperCut]).toEqual([4, 1.5, null]);
		expect(explainArea(one, settings({ x: 1 }), 'Z')).toBeNull();
	});
});
