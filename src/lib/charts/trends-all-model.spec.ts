import { describe, expect, it } from 'vitest';
import { CITY_ID, nearestArea, separateLabels, stepArea, trendsAllModel } from './trends-all-model';

const layout = { width: 400, height: 200, margin: { top: 10, right: 10, bottom: 20, left: 40 } };
const areas = [
	{ key: 'a', name: 'A', points: [{ year: 2020, value: 10 }, { year: 2021, value: 12 }] },
	{ key: 'b', name: 'B', points: [{ year: 2020, value: 30 }, { year: 2021, value: null }] }
];
const city = [{ year: 2020, value: 20 }, { year: 2021, value: 21 }];

describe('trendsAllModel', () => {
	it('draws every area and the city on shared scales', () => {
		const m = trendsAllModel(areas, city, layout);
		expect(m.paths.map((p) => p.id)).toEqual(['a', 'b', CITY_ID]);
		expect(m.y.domain()[0]).toBe(0);
	});

	it('finds the line nearest to the pointer at the nearest year', () => {
		const m = trendsAllModel(areas, city, layout);
		expect(nearestArea(m, areas, m.x(2020) + 3, m.y(29))).toBe('b');
		expect(nearestArea(m, areas, m.x(2020), m.y(11))).toBe('a');
		// b has no value in 2021, a is far away: nothing within reach
		expect(nearestArea(m, areas, m.x(2021), m.y(30), 10)).toBeNull();
	});

	it('steps through the areas with wrap-around', () => {
		expect(stepArea(['a', 'b', 'c'], null, 1)).toBe('a');
		expect(stepArea(['a', 'b', 'c'], null, -1)).toBe('c');
		expect(stepArea(['a', 'b', 'c'], 'c', 1)).toBe('a');
		expect(stepArea(['a', 'b', 'c'], 'a', -1)).toBe('c');
		expect(stepArea([], 'a', 1)).toBeNull();
	});
});

describe('separateLabels', () => {
	it('leaves distant labels alone and pushes close ones apart, keeping their order', () => {
		expect(separateLabels(10, 50)).toEqual([10, 50]);
		expect(separateLabels(100, 104, 14)).toEqual([95, 109]);
		expect(separateLabels(104, 100, 14)).toEqual([109, 95]);
	});
});
