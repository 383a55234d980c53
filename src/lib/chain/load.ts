/**
 * Everything the matrix needs, fetched from the engine once (engine methods and
 * data/chain-queries; no SQL here). Need indicators use their latest year each, population its
 * latest year: the matrix is about the current situation.
 */
import type { MonitorEngine } from '$lib/data/engine';
import type { Indicator, Offer } from '$lib/data/types';
import { populationForYear, populationYears, type PopulationCell } from '$lib/data/chain-queries';
import type { AreaValues } from '$lib/index/status';
import { needIndicators } from './need';
import { CHAIN_PHASES } from './phases';

export interface ChainData {
	areas: { key: string; name: string; parent: string }[];
	indicators: Indicator[];
	/** Latest year used per need indicator. */
	years: Record<string, number>;
	values: Record<string, AreaValues>;
	offers: Offer[];
	population: PopulationCell[];
	populationYear: number | null;
}

export async function loadChainData(engine: MonitorEngine): Promise<ChainData> {
	const [indicators, yearsBy, allAreas, offers, popYears] = await Promise.all([
		engine.indicators(),
		engine.yearsByIndicator(),
		// the areas of the newest boundary version: older ones (a merged Gemeinde's Ortsteile) have no current values
		engine.areasIn(engine.baseLevel),
		engine.offers().catch(() => [] as Offer[]),
		populationYears(engine)
	]);
	const areas = allAreas.map((a) => ({ key: a.key, name: a.name, parent: a.parent }));
	const years: Record<string, number> = {};
	const values: Record<string, AreaValues> = {};
	const needed = CHAIN_PHASES.flatMap((p) => needIndicators(indicators, p));
	await engine.prepare(needed.map((i) => i.id)); // one batch instead of one load per indicator
	for (const ind of needed) {
		const ys = yearsBy[ind.id] ?? [];
		if (!ys.length) continue;
		years[ind.id] = ys[ys.length - 1];
		const rows = await engine.valuesFor(ind.id, years[ind.id]);
		values[ind.id] = new Map(rows.map((r) => [r.area_key, r.value]));
	}
	const populationYear = popYears.length ? popYears[popYears.length - 1] : null;
	const population = populationYear === null ? [] : await populationForYear(engine, populationYear);
	return { areas, indicators, years, values, offers, population, populationYear };
}
