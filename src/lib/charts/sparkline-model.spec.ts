import { describe, expect, it } from 'vitest';
import { sparklineModel } from './sparkline-model';

describe('sparklineModel', () => {
	it('fits both series into the box and marks the last published point', () => {
		const m = sparklineModel(
			[
				{ year: 2021, value: 10 },
				{ year: 2022, value: 20 },
				{ year: 2023, value: null }
			],
			[
				{ year: 2021, value: 15 },
				{ year: 2023, value: 15 }
			],
			{ width: 100, height: 20, pad: 0 }
		);
		expect(m.last).toEqual({ cx: 50, cy: 0, year: 2022, value: 20 });
		expect(m.first).toEqual({ year: 2021, value: 10 });
		expect(m.area).toBe('M0,20L50,0');
		expect(m.city).toBe('M0,10L100,10');
	});

	it('leaves a gap instead of bridging a suppressed year', () => {
		const m = sparklineModel(
			[
				{ year: 1, value: 1 },
				{ year: 2, value: null },
				{ year: 3, value: 3 },
				{ year: 4, value: 2 }
			],
			[],
			{ width: 30, height: 10, pad: 0 }
		);
		expect(m.area.match(/M/g)).toHaveLength(2);
	});

	it('is empty without any value and copes with a flat series', () => {
		expect(sparklineModel([{ year: 1, value: null }], [], { width: 10, height: 10 }).last).toBeNull();
		const flat = sparklineModel([{ year: 1, value: 5 }, { year: 2, value: 5 }], [], { width: 10, height: 10, pad: 0 });
		expect(flat.area).toBe('M0,5L10,5');
	});
});
