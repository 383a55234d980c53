import { describe, expect, it } from 'vitest';
import { populationSums, referenceSums, type AreaLink } from './levels';
import type { QualityObservation } from './types';

const AREAS: AreaLink[] = [
	{ key: '0101', parent: '01', level_rank: 0 },
	{ key: '0102', parent: '01', level_rank: 0 },
	{ key: '0201', parent: '02', level_rank: 0 },
	{ key: '01', parent: '00', level_rank: 1 },
	{ key: '02', parent: '00', level_rank: 1 },
	{ key: '00', parent: '', level_rank: 2 }
];
const cell = (area_key: string, numerator: number | null, denominator: number | null, flag: QualityObservation['flag'] = ''): QualityObservation => ({
	area_key, indicator_id: 'armut', year: 2023, numerator, denominator, flag, value: numerator === null ? null : (numerator / denominator!) * 100
});
const CELLS = [cell('0101', 200, 1000), cell('0102', 50, 500), cell('0201', 400, 1000)];

describe('referenceSums', () => {
	it('accepts totals that are the sums of their parts (Bezirk and territory)', () => {
		const totals = [
			{ area_key: '01', indicator_id: 'armut', year: 2023, numerator: 250, denominator: 1500 },
			{ area_key: '', indicator_id: 'armut', year: 2023, numerator: 650, denominator: 2500 }
		];
		expect(referenceSums(totals, CELLS, AREAS)).toEqual([]);
	});

	it('reports a total that differs from the sum of its parts, naming the coarser area', () => {
		const f = referenceSums([{ area_key: '01', indicator_id: 'armut', year: 2023, numerator: 260, denominator: 1500 }], CELLS, AREAS);
		expect(f).toEqual([{ check: 'level_sum', severity: 'warning', indicator_id: 'armut', years: [2023], areas: [], level_area: '01', detail: { value: 260, expected: 250, parts: 2, numerator: 1 } }]);
	});

	it('skips a total with a withheld part: there the difference is what disclosure control hides', () => {
		const cells = [cell('0101', 200, 1000), cell('0102', null, null, 'suppressed'), cell('0201', 400, 1000)];
		expect(referenceSums([{ area_key: '01', indicator_id: 'armut', year: 2023, numerator: 252, denominator: 1010 }], cells, AREAS)).toEqual([]);
	});
});

describe('populationSums', () => {
	it('compares a Bezirk row with the sum of its Sozialräume, per age group', () => {
		const rows = [
			{ area_key: '0101', year: 2023, age_group: '0_2', persons: 100 },
			{ area_key: '0102', year: 2023, age_group: '0_2', persons: 50 },
			{ area_key: '01', year: 2023, age_group: '0_2', persons: 150 },
			{ area_key: '0101', year: 2023, age_group: '3_5', persons: 90 },
			{ area_key: '0102', year: 2023, age_group: '3_5', persons: 40 },
			{ area_key: '01', year: 2023, age_group: '3_5', persons: 141 }
		];
		expect(populationSums(rows, AREAS)).toEqual([{ check: 'level_sum', severity: 'warning', indicator_id: '', years: [2023], areas: [], level_area: '01', detail: { value: 141, expected: 130, parts: 2, population: 1 } }]);
	});
});
