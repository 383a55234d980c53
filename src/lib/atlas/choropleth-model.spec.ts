import { describe, expect, it } from 'vitest';
import { choroplethModel } from './choropleth-model';
import { DEFAULT_VIEW } from './url-state';
import { COMPARISON_COLORS, NO_DATA_COLOR } from '$lib/map/colors';
import type { AreaValue } from '$lib/data/engine';
import type { Indicator } from '$lib/data/types';

const indicator = {
	id: 'armut', unit: '%', multiplier: 100, value_type: 'proportion', polarity: 'higher_is_worse', decimals: 1
} as Indicator;
const row = (key: string, num: number | null, den: number | null, flag: AreaValue['flag'] = ''): AreaValue => ({
	area_key: key, name: key, parent: '01', numerator: num, denominator: den, flag,
	value: num !== null && den ? (num / den) * 100 : null
});
const rows = [
	row('a', 100, 1000), // 10 %
	row('b', 200, 1000), // 20 %
	row('c', 300, 1000), // 30 %
	row('d', 400, 1000), // 40 %
	row('e', null, null, 'suppressed'),
	row('f', null, null, 'missing')
];
const base = { rows, indicator, cityValue: 25, locale: 'de-DE' as const, categoryLabel: (c: string) => c };

describe('choroplethModel', () => {
	it('classes only published values and counts suppressed and missing areas apart', () => {
		const m = choroplethModel({ ...base, view: { ...DEFAULT_VIEW, k: 2 } });
		expect(m.legend.map((l) => l.count)).toEqual([2, 2]);
		expect(m.suppressed).toBe(1);
		expect(m.missing).toBe(1);
		expect(m.styles.get('e')).toEqual({ color: null, status: 'suppressed' });
		expect(m.styles.get('f')).toEqual({ color: null, status: 'missing' });
		expect(m.styles.get('a')!.color).not.toBe(m.styles.get('d')!.color);
		expect(m.legend[0].label).toBe('10,0 – 25,0\u00a0%'); // no line break between number and unit
	});

	it('with breaks fixed across years, takes the breaks from all years but counts the shown year', () => {
		const m = choroplethModel({ ...base, view: { ...DEFAULT_VIEW, method: 'equalInterval', k: 2, fixed: true }, allYears: [0, 10, 20, 30, 40, 80] });
		expect(m.classification!.breaks).toEqual([40, 80]);
		expect(m.legend.map((l) => l.count)).toEqual([4, 0]);
	});

	it('in comparison mode colours by significance against the city with the polarity', () => {
		// Wilson 95 % for 100/1000: 8.3–12.0 % (< 25: lower → better); 200/1000: 17.6–22.6 % (better);
		// 300/1000: 27.2–32.9 % (worse); 400/1000: 37.0–43.1 % (worse)
		const m = choroplethModel({ ...base, view: { ...DEFAULT_VIEW, mode: 'compare' } });
		expect(m.styles.get('a')!.color).toBe(COMPARISON_COLORS.better);
		expect(m.styles.get('c')!.color).toBe(COMPARISON_COLORS.worse);
		expect(m.legend.map((l) => [l.category, l.count])).toEqual([['better', 2], ['worse', 2]]);
		expect(m.details.get('a')!.interval!.lower).toBeCloseTo(8.28, 1);
		expect(m.styles.get('e')!.status).toBe('suppressed');
	});

	it('calls an area similar when its interval contains the city value', () => {
		const small = [row('x', 6, 25)]; // 24 %, Wilson 95 %: 11.5–43.4 %
		const m = choroplethModel({ ...base, rows: small, view: { ...DEFAULT_VIEW, mode: 'compare' } });
		expect(m.details.get('x')!.comparison).toBe('similar');
		expect(m.styles.get('x')!.color).toBe(COMPARISON_COLORS.similar);
		expect(m.styles.get('x')!.color).not.toBe(NO_DATA_COLOR);
	});

	it('keeps higher / lower for an indicator without a good direction', () => {
		const m = choroplethModel({ ...base, indicator: { ...indicator, polarity: 'neutral' }, view: { ...DEFAULT_VIEW, mode: 'compare' } });
		expect(m.details.get('d')!.comparison).toBe('higher');
		expect(m.styles.get('d')!.color).toBe(COMPARISON_COLORS.higher);
	});
});

describe('choroplethModel details', () => {
	it('gives the value map the same intervals and comparisons as comparison mode, on request', () => {
		const values = choroplethModel({ ...base, view: { ...DEFAULT_VIEW, k: 2 } });
		const compare = choroplethModel({ ...base, view: { ...DEFAULT_VIEW, mode: 'compare' } });
		for (const key of ['a', 'b', 'c', 'd']) expect(values.details.get(key)).toEqual(compare.details.get(key));
		// Wilson 95 % for 300/1000: 27.2–32.9 %, above the city's 25 %: worse where higher is worse
		expect(values.details.get('c')!.comparison).toBe('worse');
		expect(values.details.get('c')!.interval!.lower).toBeCloseTo(27.2, 1);
		// no published value, no detail
		expect(values.details.get('e')).toBeUndefined();
		expect(values.details.get('f')).toBeUndefined();
	});
});
