/**
 * A console result as chart data: bars (label → value, in result order, at most BAR_MAX) or lines
 * (one series per label, year → value, at most LINE_MAX series). Cells that are not numbers
 * (NULL, "•" for a small count) give no bar and leave a gap in a line, never a 0.
 * d3 computes the geometry: lines through charts/trend-model.ts, bars through barModel here.
 */
import { scaleBand, scaleLinear } from 'd3';
import type { QueryResult } from '$lib/data/connector';
import type { TrendSeries } from '$lib/charts/trend-model';
import type { ResultShape } from './result-shape';

export const BAR_MAX = 40;
export const LINE_MAX = 12;

export interface Bar {
	label: string;
	value: number | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function barData(result: QueryResult, shape: ResultShape, valueColumn: number): { bars: Bar[]; cut: number } {
	const label = shape.labelColumn ?? shape.areaColumn;
	const bars = result.rows.map((r) => ({ label: label === null ? '' : String(r[label] ?? '–'), value: num(r[valueColumn]) }));
	return { bars: bars.slice(0, BAR_MAX), cut: Math.max(0, bars.length - BAR_MAX) };
}

export function lineData(result: QueryResult, shape: ResultShape, valueColumn: number): { series: TrendSeries[]; cut: number } {
	const year = shape.yearColumn!;
	const label = shape.labelColumn;
	const by = new Map<string, TrendSeries>();
	for (const r of result.rows) {
		const y = num(r[year]);
		if (y === null) continue;
		const id = label === null ? '' : String(r[label] ?? '–');
		let s = by.get(id);
		if (!s) by.set(id, (s = { id, points: [] }));
		// the first row of a year counts (a query may return several)
		if (!s.points.some((p) => p.year === y)) s.points.push({ year: y, value: num(r[valueColumn]) });
	}
	const series = [...by.values()];
	return { series: series.slice(0, LINE_MAX), cut: Math.max(0, series.length - LINE_MAX) };
}

export interface BarLayout {
	width: number;
	rowHeight: number;
	labelWidth: number;
	valueWidth: number;
}

export interface BarModel {
	height: number;
	zero: number;
	ticks: { value: number; x: number }[];
	rows: (Bar & { y: number; x0: number; x1: number })[];
}

/** Horizontal bars from zero (negative values to the left), one band per row. */
export function barModel(bars: readonly Bar[], layout: BarLayout): BarModel {
	const values = bars.map((b) => b.value).filter((v): v is number => v !== null);
	const lo = Math.min(0, ...values);
	const hi = Math.max(0, ...values);
	const x = scaleLinear()
		.domain([lo, hi > lo ? hi : lo + 1])
		.nice()
		.range([layout.labelWidth, layout.width - layout.valueWidth]);
	const height = bars.length * layout.rowHeight + 24;
	const y = scaleBand<number>()
		.domain(bars.map((_, i) => i))
		.range([0, bars.length * layout.rowHeight])
		.padding(0.2);
	return {
		height,
		zero: x(0),
		ticks: x.ticks(5).map((value) => ({ value, x: x(value) })),
		rows: bars.map((b, i) => ({
			...b,
			y: y(i) ?? 0,
			x0: b.value === null ? x(0) : Math.min(x(0), x(b.value)),
			x1: b.value === null ? x(0) : Math.max(x(0), x(b.value))
		}))
	};
}
