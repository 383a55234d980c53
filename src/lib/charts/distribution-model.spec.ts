import { describe, expect, it } from 'vitest';
import { distributionModel } from './distribution-model';

const margin = { top: 10, right: 10, bottom: 20, left: 10 };
const v = (key: string, value: number | null) => ({ key, name: key, value });

describe('distributionModel', () => {
	it('bins every published value once and stacks the dots of a bin', () => {
		const values = [v('a', 1), v('b', 1.5), v('c', 1.2), v('d', 9), v('x', null)];
		const m = distributionModel({ values, city: 4, width: 300, height: 120, margin, bins: 10 })!;
		expect(m.dots).toHaveLength(4);
		expect(m.bins.reduce((s, b) => s + b.keys.length, 0)).toBe(4);
		const first = m.bins.find((b) => b.keys.includes('a'))!;
		expect(first.keys).toEqual(['a', 'c', 'b']);
		const dots = m.dots.filter((d) => first.keys.includes(d.key));
		// same column, stacked upwards from the baseline
		expect(new Set(dots.map((d) => d.cx)).size).toBe(1);
		expect(dots[0].cy).toBeCloseTo(m.baseline - m.r, 10);
		expect(dots[1].cy).toBeCloseTo(dots[0].cy - 2 * m.r, 10);
		expect(m.cityX).toBeGreaterThan(dots[0].cx);
	});

	it('keeps the stack inside the plot', () => {
		const values = Array.from({ length: 30 }, (_, i) => v(String(i), 5));
		const m = distributionModel({ values, city: null, width: 300, height: 120, margin })!;
		expect(Math.min(...m.dots.map((d) => d.cy - m.r))).toBeGreaterThanOrEqual(margin.top - 1e-9);
		expect(m.cityX).toBeNull();
	});

	it('is null without values', () => {
		expect(distributionModel({ values: [v('x', null)], city: 1, width: 100, height: 100, margin })).toBeNull();
	});
});
