import { describe, expect, it } from 'vitest';
import { funnelModel } from './funnel-model';
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
