import { describe, expect, it } from 'vitest';
import { rankingModel } from './ranking-model';

const layout = { width: 500, rowHeight: 10, labelWidth: 100, valueWidth: 0, top: 5, bottom: 20 };
const item = (key: string, value: number | null, ci: [number, number] | null = null) => ({
	key,
	name: `Gebiet ${key}`,
	value,
	lower: ci?.[0] ?? null,
	upper: ci?.[1] ?? null,
	comparison: 'similar' as const
});

describe('rankingModel', () => {
	it('orders bars by value, highest first, from zero', () => {
		const m = rankingModel([item('a', 10), item('b', 30, [25, 35]), item('c', 20)], 18, layout);
		expect(m.bars.map((b) => b.key)).toEqual(['b', 'c', 'a']);
		expect(m.bars.map((b) => b.y)).toEqual([5, 15, 25]);
		expect(m.bars[0].x0).toBe(100);
		// domain 0..35 (the largest upper limit, already nice) over 100..500
		expect(m.bars[0].x1).toBeCloseTo(100 + (30 / 35) * 400, 10);
		expect(m.bars[0].ci!.x0).toBeCloseTo(100 + (25 / 35) * 400, 10);
		expect(m.bars[0].ci!.x1).toBeCloseTo(500, 10);
		expect(m.cityX).toBeCloseTo(100 + (18 / 35) * 400, 10);
		expect(m.height).toBe(5 + 30 + 20);
	});

	it('gives areas without a value no bar but names them', () => {
		const m = rankingModel([item('a', 10), item('x', null)], null, layout);
		expect(m.bars.map((b) => b.key)).toEqual(['a']);
		expect(m.excluded.map((b) => b.key)).toEqual(['x']);
		expect(m.cityX).toBeNull();
	});

	it('breaks ties by name so the order is stable', () => {
		const m = rankingModel([item('b', 5), item('a', 5)], null, layout);
		expect(m.bars.map((b) => b.key)).toEqual(['a', 'b']);
	});
});
