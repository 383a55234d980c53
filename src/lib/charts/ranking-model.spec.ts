import { describe, expect, it } from 'vitest';
import { rankingModel, rankingRows } from './ranking-model';

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

describe('rankingRows', () => {
	const w = { allMax: 60, end: 25 };
	it('keeps every row up to the limit', () => {
		expect(rankingRows(60, -1, w)).toEqual(Array.from({ length: 60 }, (_, i) => i));
	});
	it('keeps the ends and the selected position above it', () => {
		const rows = rankingRows(20_000, 9_000, w);
		expect(rows).toHaveLength(51);
		expect(rows.slice(0, 25)).toEqual(Array.from({ length: 25 }, (_, i) => i));
		expect(rows[25]).toBe(9_000);
		expect(rows.slice(26)).toEqual(Array.from({ length: 25 }, (_, i) => 19_975 + i));
		// selected at an end, or none: not repeated
		expect(rankingRows(20_000, 3, w)).toHaveLength(50);
		expect(rankingRows(20_000, -1, w)).toHaveLength(50);
	});
});

describe('rankingModel with many areas', () => {
	const many = Array.from({ length: 1000 }, (_, i) => item(String(i).padStart(4, '0'), 1000 - i, [999 - i, 1001 - i]));
	const win = { allMax: 60, end: 25, selected: null };

	it('draws the top and bottom 25 with one gap row counting the areas between', () => {
		const m = rankingModel(many, 500, layout, win);
		expect(m.bars).toHaveLength(50);
		expect(m.bars.slice(0, 25).map((b) => b.position)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
		expect(m.bars[25].position).toBe(976);
		expect(m.gaps).toEqual([{ y: 5 + 25 * 10, count: 950 }]);
		// the gap takes one row: the bottom block starts a row later
		expect(m.bars[25].y).toBe(5 + 26 * 10);
		expect(m.height).toBe(5 + 51 * 10 + 20);
		expect(m.ranked).toHaveLength(1000);
	});

	it('uses the same scale as the full ranking, even if the widest interval is not drawn', () => {
		// a small area in the middle of the ranking with a very wide interval sets the axis
		const wide = [...many, item('wide', 500.5, [0, 5000])];
		const cut = rankingModel(wide, 500, layout, win);
		const full = rankingModel(wide, 500, layout);
		expect(cut.bars.map((b) => b.key)).not.toContain('wide');
		expect(cut.ticks.at(-1)!.value).toBe(5000);
		expect(full.bars).toHaveLength(1001);
		expect(full.gaps).toEqual([]);
		const key = cut.bars[30].key;
		const a = cut.bars.find((b) => b.key === key)!;
		const b = full.bars.find((x) => x.key === key)!;
		expect([a.x0, a.x1, a.ci]).toEqual([b.x0, b.x1, b.ci]);
		expect(cut.cityX).toBe(full.cityX);
		expect(cut.ticks).toEqual(full.ticks);
	});

	it('adds the highlighted area in its place between two gaps', () => {
		const m = rankingModel(many, null, layout, { ...win, selected: '0400' });
		expect(m.bars).toHaveLength(51);
		const sel = m.bars[25];
		expect(sel.key).toBe('0400');
		expect(sel.position).toBe(401);
		expect(m.gaps.map((g) => g.count)).toEqual([375, 574]);
		expect(m.bars.filter((b) => b.skippedBefore > 0).map((b) => [b.position, b.skippedBefore])).toEqual([
			[401, 375],
			[976, 574]
		]);
		expect(m.gaps[0].y).toBeLessThan(sel.y);
		expect(m.gaps[1].y).toBeGreaterThan(sel.y);
	});

	it('does not cut at or below the limit, whatever is selected', () => {
		const m = rankingModel(many.slice(0, 60), null, layout, { ...win, selected: '0030' });
		expect(m.bars).toHaveLength(60);
		expect(m.gaps).toEqual([]);
	});
});
