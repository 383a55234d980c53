/**
 * From simulation units to the areas of each boundary version: numerators, denominators and
 * residents are summed over an area's units in every year, with the version valid in that year.
 * Values follow from the sums (pool, never average), so they stay consistent with the validator.
 */
import type { Observation, PopulationRow } from '../../../src/lib/data/types';
import { compareText, round } from '../format';
import type { IndicatorDef } from '../indicator-model';
import { AGE_GROUP_RANGES, type Population } from '../population';
import { YEARS } from '../config';
import { versionIn, type KreisAreas, type VersionArea } from './areas';

const add = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);

export function aggregateObservations(unitRows: readonly Observation[], defs: readonly IndicatorDef[], areas: KreisAreas): Observation[] {
	const multiplier = new Map(defs.map((d) => [d.id, d.multiplier]));
	const byCell = new Map<string, Observation>();
	for (const o of unitRows) byCell.set(`${o.indicator_id}\u0000${o.area_key}\u0000${o.year}`, o);
	const out: Observation[] = [];
	for (const def of defs) {
		for (const year of YEARS) {
			for (const area of versionIn(areas, year).ortsteile) {
				const parts = area.units.map((u) => byCell.get(`${def.id}\u0000${u}\u0000${year}`)!);
				const flag = parts[0].flag;
				const numerator = parts.map((p) => p.numerator).reduce(add);
				const denominator = parts.map((p) => p.denominator).reduce(add);
				const value = numerator !== null && denominator !== null && denominator > 0 ? round((numerator / denominator) * multiplier.get(def.id)!, 6) : null;
				out.push({ area_key: area.key, indicator_id: def.id, year, value, numerator, denominator, flag });
			}
		}
	}
	return out.sort((x, y) => compareText(x.indicator_id, y.indicator_id) || compareText(x.area_key, y.area_key) || x.year - y.year);
}

/** The units' population summed onto the areas of one version (what offers and targets need). */
export function versionPopulation(pop: Population, areas: readonly VersionArea[]): Omit<Population, 'rows'> {
	const members = new Map(areas.map((a) => [a.key, a.units]));
	const over = (key: string, f: (unit: string) => number) => members.get(key)!.reduce((s, u) => s + f(u), 0);
	return {
		total: (key, year) => over(key, (u) => pop.total(u, year)),
		persons: (key, year, age) => over(key, (u) => pop.persons(u, year, age)),
		ages: (key, year, lo, hi) => over(key, (u) => pop.ages(u, year, lo, hi)),
		women15to44: (key, year) => over(key, (u) => pop.women15to44(u, year))
	};
}

/** population.csv: every Ortsteil of the version valid in each year, by age group and in total. */
export function populationRows(pop: Population, areas: KreisAreas): PopulationRow[] {
	const rows: PopulationRow[] = [];
	for (const year of YEARS) {
		const version = versionIn(areas, year);
		const summed = versionPopulation(pop, version.ortsteile);
		for (const a of version.ortsteile) {
			for (const [age_group, lo, hi] of AGE_GROUP_RANGES) rows.push({ area_key: a.key, year, age_group, persons: summed.ages(a.key, year, lo, hi) });
			rows.push({ area_key: a.key, year, age_group: 'insgesamt', persons: summed.total(a.key, year) });
		}
	}
	return rows.sort((x, y) => compareText(x.area_key, y.area_key) || x.year - y.year);
}
