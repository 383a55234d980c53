import { describe, expect, it } from 'vitest';
import { pickDiverse, strength } from './notable';
import { profileRow } from './rows';
import { areaValue, city, indicator } from './fixtures';

const values = [areaValue('a', 300, 1000), areaValue('b', 190, 1000), areaValue('c', 100, 1000)];
const row = (key: string, over: Parameters<typeof indicator>[0] = {}) =>
	profileRow({ indicator: indicator(over), year: 2025, areaKey: key, values, series: [], city: city(2025, [18.4]) });

describe('strength', () => {
	it('is the gap between interval and city value relative to the city value, 0 when the interval contains it', () => {
		const r = row('a');
		expect(strength(r)).toBeCloseTo((r.interval!.lower - 18.4) / 18.4, 10);
		expect(strength(row('b'))).toBe(0);
		expect(strength(row('c'))).toBeCloseTo((18.4 - row('c').interval!.upper) / 18.4, 10);
	});
});

describe('pickDiverse', () => {
	const r = (id: string, topic: string) => row('a', { id, topic });
	it('takes one row per topic first, then fills up by strength, keeping the order', () => {
		const sorted = [r('a', 'Soziale Lage'), r('b', 'Soziale Lage'), r('c', 'Bildung'), r('d', 'Gesundheit'), r('e', 'Bildung')];
		expect(pickDiverse(sorted, [], 3).map((x) => x.indicator.id)).toEqual(['a', 'c', 'd']);
		// the headline's topic is taken already
		expect(pickDiverse(sorted, ['Soziale Lage'], 2).map((x) => x.indicator.id)).toEqual(['c', 'd']);
		// not enough topics: fill with the strongest remaining
		expect(pickDiverse(sorted.slice(0, 3), ['Soziale Lage'], 3).map((x) => x.indicator.id)).toEqual(['a', 'b', 'c']);
	});
});
