import { describe, expect, it } from 'vitest';
import { pooledSeries, seriesBreaks } from './breaks';
import type { SeriesPoint } from './types';

const pct = { value_type: 'proportion' as const, multiplier: 100 };
const YEARS = Array.from({ length: 12 }, (_, i) => 2014 + i);

/** Deterministic small wobble, so the series are not perfectly smooth. */
const wobble = (i: number, j: number) => Math.sin(i * 7.3 + j * 3.1) * 0.004;

/** n areas of 2,000 children with a slow trend; `shift` adds a jump from `from` on to `affected` areas. */
function areas(n: number, shift = 0, from = 2022, affected = n): Map<string, SeriesPoint[]> {
	const out = new Map<string, SeriesPoint[]>();
	for (let j = 0; j < n; j++) {
		out.set(String(j), YEARS.map((year, i) => {
			const p = 0.1 + 0.01 * j + 0.002 * i + wobble(i, j) + (year >= from && j < affected ? shift : 0);
			const numerator = Math.round(p * 2000);
			return { year, value: (numerator / 2000) * 100, numerator, denominator: 2000, flag: '' as const };
		}));
	}
	return out;
}

describe('pooledSeries', () => {
	it('sums numerators and denominators (never the mean of the shares)', () => {
		const m = new Map<string, SeriesPoint[]>([
			['a', [{ year: 2020, value: 30, numerator: 30, denominator: 100, flag: '' }]],
			['b', [{ year: 2020, value: 2.5, numerator: 10, denominator: 400, flag: '' }]]
		]);
		// docs/data-package.md: 40 / 500 = 8 %, not 16.25 %
		expect(pooledSeries(m, pct)).toEqual([{ year: 2020, value: 8, numerator: 40, denominator: 500 }]);
	});
});

describe('seriesBreaks', () => {
	it('finds a year in which every area jumps by 4 points at once', () => {
		const found = seriesBreaks(areas(20, 0.04), pct);
		expect(found.map((b) => b.year)).toEqual([2022]);
		expect(found[0].jumped).toBe(20);
		expect(found[0].after - found[0].before).toBeGreaterThan(3.5);
	});

	it('does not call one area\'s jump, or a quarter of the areas jumping, a break of the indicator', () => {
		expect(seriesBreaks(areas(20, 0.04, 2022, 1), pct)).toEqual([]);
		expect(seriesBreaks(areas(20, 0.04, 2022, 5), pct)).toEqual([]);
	});

	it('finds nothing in series without a jump', () => {
		expect(seriesBreaks(areas(20), pct)).toEqual([]);
	});
});
