import { describe, expect, it } from 'vitest';
import { funnelMarks, funnelModel } from './funnel-model';
import { compareArea } from '$lib/stats/compare';

const margin = { top: 10, right: 10, bottom: 30, left: 40 };
const base = { city: 20, kind: 'proportion' as const, multiplier: 100, width: 400, height: 300, margin };
const pt = (key: string, num: number, den: number) => ({ key, name: key, value: (num / den) * 100, denominator: den });

describe('funnelModel', () => {
	it('puts points outside the funnel exactly when their interval excludes the city value', () => {
		const points = [pt('big-high', 300, 1000), pt('small-high', 4, 10), pt('similar', 21, 100), pt('low', 100, 1000)];
		const m = funnelModel({ ...base, points })!;
		const pos = Object.fromEntries(m.dots.map((d) => [d.key, d.position]));
		expect(pos['big-high']).toBe('high_998');
		expect(pos['similar']).toBe('inside');
		expect(pos['low']).toBe('low_998');
		// consistent with compareArea at 95 %
		for (const p of points) {
			const num = (p.value / 100) * p.denominator;
			const c = compareArea({ numerator: num, denominator: p.denominator }, 20, { valueType: 'proportion', multiplier: 100 }).comparison;
			expect(c === 'similar').toBe(pos[p.key] === 'inside');
		}
	});

	it('places larger denominators further right and draws both funnels', () => {
		const m = funnelModel({ ...base, points: [pt('a', 20, 100), pt('b', 200, 1000)] })!;
		expect(m.dots[1].cx).toBeGreaterThan(m.dots[0].cx);
		expect(m.limits.map((l) => l.level)).toEqual([0.95, 0.998]);
		for (const l of m.limits) expect(l.upper.startsWith('M')).toBe(true);
		expect(m.cityY).toBeGreaterThan(m.plot.y0);
		expect(m.cityY).toBeLessThan(m.plot.y1);
		expect(m.xTicks.length).toBeGreaterThan(0);
	});

	it('has no funnel without points with a denominator', () => {
		expect(funnelModel({ ...base, points: [{ key: 'x', name: 'x', value: null, denominator: null }] })).toBeNull();
	});
});

describe('funnelMarks', () => {
	it('draws every point once, as a small circle in the path of its position, outliers last', () => {
		// 1,000 areas around the city value 20 %, every 50th far above, every 101st far below
		const points = Array.from({ length: 1000 }, (_, i) => pt(`a${i}`, i % 50 === 0 ? 60 : i % 101 === 0 ? 2 : 20, 100 + i));
		const m = funnelModel({ ...base, points })!;
		const marks = funnelMarks(m.dots, 2);
		expect(marks.reduce((s, g) => s + g.count, 0)).toBe(1000);
		for (const g of marks) {
			expect(g.count).toBe(m.dots.filter((d) => d.position === g.position).length);
			// one move-to per mark
			expect(g.d.match(/M/g)).toHaveLength(g.count);
		}
		expect(marks[0].position).toBe('inside');
		const order = ['inside', 'high_95', 'low_95', 'high_998', 'low_998'];
		const drawn = marks.map((g) => g.position);
		expect(drawn).toEqual(order.filter((p) => drawn.includes(p as (typeof drawn)[number])));
		expect(drawn).toEqual(expect.arrayContaining(['inside', 'high_998', 'low_998']));
		// the first mark: a circle of radius 2 around the first inside point, to 0.1 px
		const first = m.dots.find((d) => d.position === 'inside')!;
		const [, x, y] = /^M([\d.]+),([\d.]+)a2,2 0 1,0 4,0a2,2 0 1,0 -4,0/.exec(marks[0].d)!;
		expect(Number(x)).toBeCloseTo(first.cx - 2, 1);
		expect(Number(y)).toBeCloseTo(first.cy, 1);
	});

	it('is empty without points', () => {
		expect(funnelMarks([], 2)).toEqual([]);
	});
});
