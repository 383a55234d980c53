/**
 * Counts shared by several indicators, drawn once per area and year: births, children examined at
 * school entry, pupils of grade 4, school leavers, and children in SGB II households by single age.
 * Sharing them keeps related indicators consistent (e.g. SGB II under 3 ≤ SGB II under 15).
 */
import type { Sozialraum } from './areas';
import { FIRST_YEAR, YEARS } from './config';
import type { Population } from './population';
import { logistic, stream, type Streams } from './random';

/** City-wide SGB II movement on the logit scale (refugee families from 2016, Ukraine from 2022). */
const SGB2_YEAR: Record<number, number> = {
	2014: 0, 2015: 0.02, 2016: 0.05, 2017: 0.07, 2018: 0.06, 2019: 0.02,
	2020: 0.04, 2021: 0.01, 2022: 0.02, 2023: 0.03, 2024: 0.02, 2025: 0.0
};
const SGB2_BASE = -1.92;
const SGB2_BETA = 0.82;
const SGB2_MAX_AGE = 24;

/** School entry examination coverage 2021: only part of the cohort was examined. */
export const PARTIAL_YEAR = 2021;
export const MISSING_YEAR = 2020;

/** Deprivation of an area in a given year (its trend applied around the middle of the period). */
export const deprivationIn = (a: Sozialraum, year: number) => a.deprivation + a.trend * (year - 2019.5);

export interface Bases {
	births(key: string, year: number): number;
	schoolEntry(key: string, year: number): number;
	schoolEntryVaccinationCard(key: string, year: number): number;
	grade4(key: string, year: number): number;
	schoolLeavers(key: string, year: number): number;
	/** Persons of ages lo..hi in SGB II households. */
	sgb2(key: string, year: number, lo: number, hi: number): number;
}

function sgb2AgeEffect(age: number): number {
	// Young children are more often poor; young adults less (many live on their own means).
	return age <= 14 ? 0.12 - 0.015 * age : -0.45 - 0.02 * (age - 15);
}

export function buildBases(areas: readonly Sozialraum[], pop: Population, streams: Streams = stream): Bases {
	const table = new Map<string, Record<string, number[]>>();
	const get = (name: string, key: string, year: number) => table.get(key)![name][year - FIRST_YEAR];

	const births = streams('bases/births');
	const seu = streams('bases/school-entry');
	const school = streams('bases/school');
	const sgb2 = streams('bases/sgb2');
	for (const a of areas) {
		const coverage2021 = seu.between(0.35, 0.65);
		const areaEffect = sgb2.normal(0, 0.12);
		const rec: Record<string, number[]> = { births: [], seu: [], seuCard: [], grade4: [], leavers: [] };
		for (let age = 0; age <= SGB2_MAX_AGE; age++) rec[`sgb2_${age}`] = [];
		for (const year of YEARS) {
			rec.births.push(births.poisson(pop.persons(a.key, year, 0) * 1.02));
			const cohort = pop.persons(a.key, year, 5);
			const examined =
				year === MISSING_YEAR ? 0 : seu.binomial(cohort, year === PARTIAL_YEAR ? coverage2021 : 0.97);
			rec.seu.push(examined);
			rec.seuCard.push(seu.binomial(examined, 0.93));
			rec.grade4.push(school.binomial(pop.persons(a.key, year, 10), 0.97));
			rec.leavers.push(school.binomial(pop.persons(a.key, year, 16), 0.95));
			const d = deprivationIn(a, year);
			for (let age = 0; age <= SGB2_MAX_AGE; age++) {
				const p = logistic(SGB2_BASE + SGB2_BETA * d + SGB2_YEAR[year] + sgb2AgeEffect(age) + areaEffect);
				rec[`sgb2_${age}`].push(sgb2.binomial(pop.persons(a.key, year, age), p));
			}
		}
		table.set(a.key, rec);
	}
	return {
		births: (key, year) => get('births', key, year),
		schoolEntry: (key, year) => get('seu', key, year),
		schoolEntryVaccinationCard: (key, year) => get('seuCard', key, year),
		grade4: (key, year) => get('grade4', key, year),
		schoolLeavers: (key, year) => get('leavers', key, year),
		sgb2: (key, year, lo, hi) => {
			let s = 0;
			for (let age = lo; age <= hi; age++) s += get(`sgb2_${age}`, key, year);
			return s;
		}
	};
}
