/**
 * Residents by single year of age (0–26) and in total, per Sozialraum and year. Single ages make
 * every denominator exact (e.g. "under 15" = ages 0–14) while population.csv carries the usual
 * age groups. Birth cohorts move through the ages, so the series are smooth and consistent.
 */
import type { PopulationRow } from '../../src/lib/data/types';
import type { Sozialraum } from './areas';
import { FIRST_YEAR, YEARS } from './config';
import { stream, type Streams } from './random';

export const MAX_AGE = 26;

/** Relative size of birth cohorts (German births rose 2016–2021 and fell after 2022). */
const COHORT: Record<number, number> = {
	2014: 1.02, 2015: 1.04, 2016: 1.08, 2017: 1.08, 2018: 1.08, 2019: 1.07,
	2020: 1.07, 2021: 1.09, 2022: 1.03, 2023: 0.97, 2024: 0.95, 2025: 0.94
};

/** Refugee immigration 2015/16 and 2022 adds residents, mostly in poorer areas. */
const IMMIGRATION: Record<number, number> = { 2015: 0.01, 2016: 0.02, 2017: 0.02, 2018: 0.02, 2019: 0.02, 2020: 0.02, 2021: 0.02, 2022: 0.03, 2023: 0.035, 2024: 0.035, 2025: 0.035 };

export const AGE_GROUP_RANGES: readonly [string, number, number][] = [
	['0_2', 0, 2],
	['3_5', 3, 5],
	['6_9', 6, 9],
	['10_15', 10, 15],
	['16_17', 16, 17],
	['18_26', 18, 26]
];

export interface Population {
	total(key: string, year: number): number;
	persons(key: string, year: number, age: number): number;
	/** Persons aged lo to hi inclusive. */
	ages(key: string, year: number, lo: number, hi: number): number;
	/** Women aged 15 to 44 (denominator of the general fertility rate). */
	women15to44(key: string, year: number): number;
	rows(): PopulationRow[];
}

export function buildPopulation(areas: readonly Sozialraum[], streams: Streams = stream): Population {
	const rng = streams('population');
	const totals = new Map<string, number[]>();
	const byAge = new Map<string, number[][]>();
	const women = new Map<string, number[]>();

	for (const a of areas) {
		const size = a.tinyResidents ?? a.residents ?? Math.round(Math.min(13000, Math.max(2600, Math.exp(rng.normal(Math.log(6300), 0.33)))));
		const growth = rng.normal(0.001, 0.004);
		const refugeeWeight = Math.max(0, 0.5 + 0.5 * a.deprivation);
		const t = YEARS.map((y) => {
			const bump = a.tinyResidents ? 0 : (IMMIGRATION[y] ?? 0) * refugeeWeight;
			return Math.round(size * (1 + growth) ** (y - FIRST_YEAR) * (1 + bump) * (1 + rng.normal(0, 0.003)));
		});
		totals.set(a.key, t);
		// Poorer areas have more children; central areas attract young adults (students, trainees).
		const childShare = Math.min(0.0135, Math.max(0.006, 0.0092 + 0.0022 * a.deprivation));
		const youngShare = 0.0105 + 0.005 * a.centrality;
		const cohortNoise = new Map<number, number>();
		const noiseFor = (birthYear: number) => {
			if (!cohortNoise.has(birthYear)) cohortNoise.set(birthYear, rng.normal(0, 0.05));
			return cohortNoise.get(birthYear)!;
		};
		// Draw cohort noise in a fixed order so the numbers do not depend on lookup order.
		for (let b = FIRST_YEAR - MAX_AGE; b <= YEARS[YEARS.length - 1]; b++) noiseFor(b);
		const ages = YEARS.map((y, yi) =>
			Array.from({ length: MAX_AGE + 1 }, (_, age) => {
				const share = age <= 17 ? childShare : youngShare;
				const cohort = COHORT[y - age] ?? 1;
				const expected = t[yi] * share * cohort * (1 + noiseFor(y - age)) * (1 + rng.normal(0, 0.015));
				// Never 0: every age-based denominator stays defined even in the tiniest area.
				return Math.max(1, Math.round(expected));
			})
		);
		byAge.set(a.key, ages);
		women.set(
			a.key,
			YEARS.map((_, yi) => {
				const young = ages[yi].slice(15).reduce((s, n) => s + n, 0);
				return Math.round(0.49 * young + t[yi] * (0.1 + 0.015 * a.centrality));
			})
		);
	}

	const yi = (year: number) => {
		const i = year - FIRST_YEAR;
		if (i < 0 || i >= YEARS.length) throw new Error(`year out of range: ${year}`);
		return i;
	};
	const persons = (key: string, year: number, age: number) => byAge.get(key)![yi(year)][age];
	const ages = (key: string, year: number, lo: number, hi: number) => {
		let s = 0;
		for (let a = lo; a <= hi; a++) s += persons(key, year, a);
		return s;
	};
	return {
		total: (key, year) => totals.get(key)![yi(year)],
		persons,
		ages,
		women15to44: (key, year) => women.get(key)![yi(year)],
		rows: () =>
			areas.flatMap((a) =>
				YEARS.flatMap((year) => [
					...AGE_GROUP_RANGES.map(([age_group, lo, hi]) => ({ area_key: a.key, year, age_group, persons: ages(a.key, year, lo, hi) })),
					{ area_key: a.key, year, age_group: 'insgesamt', persons: totals.get(a.key)![yi(year)] }
				])
			)
	};
}
