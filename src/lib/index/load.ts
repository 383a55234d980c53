/**
 * Fetching what the index needs from the engine (no SQL here: engine methods and data/chain-queries),
 * and one call that computes the index for given settings, for the builder and for the lead's
 * atlas / profile wiring.
 */
import type { MonitorEngine } from '$lib/data/engine';
import type { Indicator } from '$lib/data/types';
import { populationForYear, populationYearFor, populationYears } from '$lib/data/chain-queries';
import { dynamicsIndex, type DynamicsResult } from './dynamics';
import type { IndexSettings } from './settings';
import { statusIndex, type AreaValues, type IndexArea, type StatusResult } from './status';

/** Values of one indicator and year per area key (suppressed and missing values as null). */
export type ValueCache = Map<string, AreaValues>;

export async function valuesOf(engine: MonitorEngine, cache: ValueCache, id: string, year: number): Promise<AreaValues> {
	const k = `${id}|${year}`;
	let v = cache.get(k);
	if (!v) {
		const rows = await engine.valuesFor(id, year);
		v = new Map(rows.map((r) => [r.area_key, r.value]));
		cache.set(k, v);
	}
	return v;
}

/** The latest year in which every chosen indicator has values (null if they share none). */
export function latestCommonYear(ids: readonly string[], yearsBy: Readonly<Record<string, number[]>>): number | null {
	if (ids.length === 0) return null;
	const sets = ids.map((id) => new Set(yearsBy[id] ?? []));
	const common = [...sets[0]].filter((y) => sets.every((s) => s.has(y))).sort((a, b) => a - b);
	return common.length ? common[common.length - 1] : null;
}

/** Base-level areas with residents ("insgesamt") of the population year nearest the data year. */
export async function indexAreas(engine: MonitorEngine, year: number): Promise<IndexArea[]> {
	// the areas of the boundary version valid in the data year (not those of older versions too)
	const areas = await engine.areasIn(engine.baseLevel, year);
	const popYear = populationYearFor(await populationYears(engine), year);
	const pop = popYear === null ? [] : await populationForYear(engine, popYear);
	const total = new Map(pop.filter((p) => p.age_group === 'insgesamt').map((p) => [p.area_key, p.persons]));
	// Unknown or withheld residents: null, and the population minimum then excludes the area.
	return areas.map((a) => ({ key: a.key, name: a.name, parent: a.parent, population: total.get(a.key) ?? null }));
}

export interface IndexRun {
	year: number;
	status: StatusResult;
	dynamics: DynamicsResult | null;
}

/** Compute status and dynamics for settings; null when the chosen indicators share no year. */
export async function runIndex(
	engine: MonitorEngine,
	settings: IndexSettings,
	ctx: { indicators: Indicator[]; yearsBy: Record<string, number[]>; cache?: ValueCache; areas?: IndexArea[] }
): Promise<IndexRun | null> {
	const cache = ctx.cache ?? new Map();
	const ids = settings.indicators.filter((i) => i.weight > 0).map((i) => i.id);
	const year = settings.year ?? latestCommonYear(ids, ctx.yearsBy);
	if (year === null) return null;
	const polarity = (id: string) => ctx.indicators.find((i) => i.id === id)?.polarity;
	const areas = ctx.areas ?? (await indexAreas(engine, year));
	const now: Record<string, AreaValues> = {};
	const before: Record<string, AreaValues> = {};
	const from = year - settings.dynamicsSpan;
	await engine.prepare(ids); // one batch of observation parts, not one per indicator
	for (const id of ids) {
		now[id] = await valuesOf(engine, cache, id, year);
		if ((ctx.yearsBy[id] ?? []).includes(from)) before[id] = await valuesOf(engine, cache, id, from);
	}
	const status = statusIndex(areas, now, settings, polarity);
	const hasBefore = ids.every((id) => before[id]);
	const dynamics = hasBefore ? dynamicsIndex(status, now, before, settings, polarity, year) : null;
	return { year, status, dynamics };
}
