import { describe, expect, it } from 'vitest';
import { barData, barModel, lineData, BAR_MAX } from './chart-data';
import type { QueryResult } from '$lib/data/connector';

const shape = { areaColumn: 0, valueColumns: [2], yearColumn: null, labelColumn: 1, flagColumn: null };

describe('barData / barModel', () => {
	it('makes one bar per row in result order, none for NULL or "•", and cuts after BAR_MAX', () => {
		const rows = Array.from({ length: 45 }, (_, i) => [`k${i}`, `Gebiet ${i}`, i === 1 ? '•' : i === 2 ? null : i]);
		const r: QueryResult = { columns: [{ name: 'k', kind: 'text' }, { name: 'n', kind: 'text' }, { name: 'v', kind: 'number' }], rows, more: false };
		const { bars, cut } = barData(r, shape, 2);
		expect(bars).toHaveLength(BAR_MAX);
		expect(cut).toBe(5);
		expect(bars.slice(0, 3)).toEqual([{ label: 'Gebiet 0', value: 0 }, { label: 'Gebiet 1', value: null }, { label: 'Gebiet 2', value: null }]);
	});

	it('starts bars at zero, negative ones to the left', () => {
		const m = barModel([{ label: 'a', value: 10 }, { label: 'b', value: -5 }, { label: 'c', value: null }], { width: 500, rowHeight: 20, labelWidth: 100, valueWidth: 50 });
		const [a, b, c] = m.rows;
		expect(a.x0).toBeCloseTo(m.zero, 10);
		expect(b.x1).toBeCloseTo(m.zero, 10);
		expect(a.x1 - a.x0).toBeCloseTo(2 * (b.x1 - b.x0), 10);
		expect(c.x1 - c.x0).toBe(0);
	});
});

describe('lineData', () => {
	it('makes one series per label with one point per year, gaps where there is no number', () => {
		const r: QueryResult = {
			columns: [{ name: 'area_name', kind: 'text' }, { name: 'year', kind: 'number' }, { name: 'value', kind: 'number' }],
			rows: [['A', 2020, 1], ['A', 2021, null], ['B', 2020, 3], ['A', 2021, 9]],
			more: false
		};
		const { series } = lineData(r, { areaColumn: null, valueColumns: [2], yearColumn: 1, labelColumn: 0, flagColumn: null }, 2);
		expect(series).toEqual([
			{ id: 'A', points: [{ year: 2020, value: 1 }, { year: 2021, value: null }] },
			{ id: 'B', points: [{ year: 2020, value: 3 }] }
		]);
	});
});
