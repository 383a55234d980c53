import { describe, expect, it } from 'vitest';
import { distributionModel, histogramModel } from './distribution-model';

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

describe('histogramModel', () => {
	// 2,000 areas: value i mod 100 (20 areas per value), plus two without a value
	const many = [...Array.from({ length: 2000 }, (_, i) => v(`k${i}`, i % 100)), v('x', null), v('y', null)];

	it('uses the bins of the dot histogram, as bars as high as their count', () => {
		const input = { values: many, city: 42, width: 620, height: 200, margin, bins: 10 };
		const h = histogramModel({ ...input, selected: null })!;
		const d = distributionModel(input)!;
		expect(h.n).toBe(2000);
		expect(h.bars.map((b) => [b.x0, b.x1, b.count])).toEqual(d.bins.map((b) => [b.x0, b.x1, b.keys.length]));
		expect(h.bars.reduce((s, b) => s + b.count, 0)).toBe(2000);
		// equal counts, equal heights; the tallest bar reaches no higher than the plot's top
		const tall = Math.min(...h.bars.map((b) => b.y));
		expect(tall).toBeGreaterThanOrEqual(margin.top);
		for (const b of h.bars) expect(b.y).toBeLessThanOrEqual(h.baseline);
		expect(h.yTicks[0]).toEqual({ value: 0, y: h.baseline });
		expect(h.cityX).toBeCloseTo(d.cityX!, 9);
		expect(h.marker).toBeNull();
	});

	it('marks the highlighted area at its value', () => {
		const h = histogramModel({ values: many, city: null, width: 620, height: 200, margin, bins: 10, selected: 'k1057' })!;
		expect(h.marker).toMatchObject({ key: 'k1057', value: 57 });
		const bar = h.bars.find((b) => b.x0 <= 57 && 57 < b.x1)!;
		expect(h.marker!.x).toBeGreaterThanOrEqual(bar.px0);
		expect(h.marker!.x).toBeLessThanOrEqual(bar.px1);
		// a selected area without a value has no marker
		expect(histogramModel({ values: many, city: null, width: 620, height: 200, margin, selected: 'x' })!.marker).toBeNull();
	});

	it('is null without values', () => {
		expect(histogramModel({ values: [v('x', null)], city: 1, width: 100, height: 100, margin, selected: null })).toBeNull();
	});
});
