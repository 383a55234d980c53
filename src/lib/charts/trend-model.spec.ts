import { describe, expect, it } from 'vitest';
import { trendModel } from './trend-model';

const layout = { width: 400, height: 200, margin: { top: 10, right: 10, bottom: 20, left: 40 } };

describe('trendModel', () => {
	it('maps years to the x range and starts the y axis at zero', () => {
		const m = trendModel([{ id: 'a', points: [{ year: 2014, value: 10 }, { year: 2024, value: 20 }] }], layout);
		expect(m.x(2014)).toBe(40);
		expect(m.x(2024)).toBe(390);
		expect(m.y.domain()[0]).toBe(0);
		expect(m.y(0)).toBe(180);
		expect(m.xTicks.every(Number.isInteger)).toBe(true);
	});

	it('leaves a gap where a year has no value instead of bridging it', () => {
		const m = trendModel(
			[{ id: 'a', points: [{ year: 2020, value: 5 }, { year: 2021, value: null }, { year: 2022, value: 6 }, { year: 2023, value: 7 }] }],
			layout
		);
		// two separate sub-paths: "M…" appears twice
		expect(m.paths[0].d.match(/M/g)).toHaveLength(2);
		expect(m.paths[0].dots.map((d) => d.year)).toEqual([2020, 2022, 2023]);
	});
});
