import { describe, expect, it } from 'vitest';
import { meanReferences, weightGroupsFor, type PopulationCount } from './reference-mean';

const pop = (area_key: string, year: number, age_group: string, persons: number | null): PopulationCount => ({ area_key, year, age_group, persons });

describe('mean reference for shares without numerators (docs/data-package.md, "Reference values")', () => {
	// The example of docs/data-package.md: A has 30 of 100 children in SGB II (30 %), B 10 of 400 (2.5 %).
	// Pooled: 40 / 500 = 8 %. The unweighted mean (30 + 2.5) / 2 = 16.25 % is what the docs warn about.
	const values = [
		{ area_key: 'A', year: 2024, value: 30 },
		{ area_key: 'B', year: 2024, value: 2.5 }
	];

	it('weighted by the denominators it equals the pooled value: Σ(nᵢ/dᵢ)·dᵢ / Σdᵢ = Σnᵢ / Σdᵢ = 8 %', () => {
		const r = meanReferences(values, [pop('A', 2024, 'insgesamt', 100), pop('B', 2024, 'insgesamt', 400)], ['insgesamt']);
		expect(r).toEqual([{ year: 2024, value: 8, basis: 'weighted', weights: 'insgesamt', areas_used: 2 }]);
	});

	it('without population figures: the unweighted mean, 16.25 %, labelled as such', () => {
		expect(meanReferences(values, [], ['insgesamt'])).toEqual([{ year: 2024, value: 16.25, basis: 'mean', weights: null, areas_used: 2 }]);
	});

	it('weights by the indicator’s own age groups when every area has them, else by all residents, else none', () => {
		const p = [pop('A', 2024, '0_2', 300), pop('B', 2024, '0_2', 100), pop('A', 2024, 'insgesamt', 1000), pop('B', 2024, 'insgesamt', 3000)];
		// 0–2-year-olds: (30 × 300 + 2.5 × 100) / 400 = 23.125
		expect(meanReferences(values, p, ['0_2'])[0]).toMatchObject({ value: 23.125, basis: 'weighted', weights: '0_2' });
		// B's 0–2 count withheld: all residents instead, (30 × 1000 + 2.5 × 3000) / 4000 = 9.375
		const withheld = [pop('A', 2024, '0_2', 300), pop('B', 2024, '0_2', null), ...p.slice(2)];
		expect(meanReferences(values, withheld, ['0_2'])[0]).toMatchObject({ value: 9.375, weights: 'insgesamt' });
		// nobody's total known either: unweighted
		expect(meanReferences(values, [pop('A', 2024, 'insgesamt', 1000)], ['0_2'])[0]).toMatchObject({ value: 16.25, basis: 'mean' });
	});

	it('sums several age groups, and takes the population of the latest earlier year (else the first)', () => {
		const p = [pop('A', 2022, '16_17', 10), pop('A', 2022, '18_26', 30), pop('B', 2022, '16_17', 20), pop('B', 2022, '18_26', 20), pop('A', 2030, '16_17', 1), pop('A', 2030, '18_26', 1)];
		// 2024 uses 2022: weights A 40, B 40 → (30 + 2.5) / 2
		expect(meanReferences(values, p, ['16_17', '18_26'])[0]).toMatchObject({ value: 16.25, basis: 'weighted', weights: '16_17|18_26' });
		// 2020 is before every population year: the first (2022) again
		expect(meanReferences([{ area_key: 'A', year: 2020, value: 1 }], p, ['16_17', '18_26'])[0]).toMatchObject({ year: 2020, weights: '16_17|18_26' });
	});

	it('one row per year, in order; all-zero weights fall back to the plain mean', () => {
		const r = meanReferences([...values, { area_key: 'A', year: 2023, value: 10 }], [pop('A', 2024, 'insgesamt', 0), pop('B', 2024, 'insgesamt', 0)], ['insgesamt']);
		expect(r.map((x) => [x.year, x.basis, x.value])).toEqual([[2023, 'mean', 10], [2024, 'mean', 16.25]]);
	});

	it('maps life phases to the age groups of population.csv', () => {
		expect(weightGroupsFor('kontext')).toEqual(['insgesamt']);
		expect(weightGroupsFor('u3')).toEqual(['0_2']);
		expect(weightGroupsFor('16_27')).toEqual(['16_17', '18_26']);
	});
});
