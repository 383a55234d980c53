/**
 * Queries for the prevention-chain views (offers coverage, composite index): population by area
 * and age group. Like queries.ts, values from outside are `?` parameters, never spliced.
 */
import type { MonitorEngine } from './engine';

export interface PopulationCell {
	area_key: string;
	age_group: string;
	/** null = withheld (disclosure control in a published package): unknown, never 0. */
	persons: number | null;
}

const POPULATION_YEARS = `SELECT DISTINCT year FROM population ORDER BY year`;

/**
 * All age groups of every base-level area in one year (one query instead of one per area). A
 * semi-join, not a join: with boundary versions an area that is in several versions has one
 * `areas` row per version, and a join counted its children once per version.
 */
const POPULATION_FOR_YEAR = `
SELECT p.area_key AS area_key, p.age_group AS age_group, p.persons AS persons
FROM population p
WHERE p.year = ? AND p.area_key IN (SELECT key FROM areas WHERE level = ?)
ORDER BY p.area_key, p.age_group`;

/** Years with population data, ascending; empty when the package has no population table. */
export async function populationYears(engine: MonitorEngine): Promise<number[]> {
	try {
		await engine.prepareTables(['population']);
		const rows = await engine.query<{ year: number }>(POPULATION_YEARS);
		return rows.map((r) => Number(r.year));
	} catch {
		return [];
	}
}

export async function populationForYear(engine: MonitorEngine, year: number): Promise<PopulationCell[]> {
	try {
		await engine.prepareTables(['population']);
		const rows = await engine.query<{ area_key: string; age_group: string; persons: number | null }>(POPULATION_FOR_YEAR, [year, engine.baseLevel]);
		return rows.map((r) => ({ area_key: String(r.area_key), age_group: String(r.age_group), persons: r.persons === null ? null : Number(r.persons) }));
	} catch {
		return [];
	}
}

/** The population year to use for a data year: the same year, else the latest earlier one, else the first. */
export function populationYearFor(years: readonly number[], year: number): number | null {
	if (years.length === 0) return null;
	const earlier = years.filter((y) => y <= year);
	return earlier.length ? earlier[earlier.length - 1] : years[0];
}

/** Population of some base areas in every year (the build step's profile files), as engine.population orders it. */
const POPULATION_OF_AREAS = `
SELECT area_key, year, age_group, persons FROM population
WHERE list_contains(?::VARCHAR[], area_key)
ORDER BY area_key, year, age_group`;

export async function populationOfAreas(engine: MonitorEngine, keys: readonly string[]): Promise<{ area_key: string; year: number; age_group: string; persons: number }[]> {
	await engine.prepareTables(['population']);
	return engine.query(POPULATION_OF_AREAS, [JSON.stringify(keys)]);
}
