/**
 * Everything the matrix needs, fetched from the engine once (engine methods and
 * data/chain-queries; no SQL here). Need indicators use their latest year each, population its
 * latest year: the matrix is about the current situation. With the build's precomputed need
 * (pre/chain.json) the need indicators' values are not loaded at all — at 20,000 areas × dozens of
 * need indicators that load is what kept the page from being interactive; population is small and
 * still comes from the engine. The offers are not loaded here: the page takes them from the
 * inventory (the package's offers with this browser's changes, those valid today), so an edited
 * inventory counts at once.
 */
import type { MonitorEngine } from '$lib/data/engine';
import type { ChainFile, PrecomputedAreas } from '$lib/data/precomputed';
import type { Indicator } from '$lib/data/types';
import { populationForYear, populationYears, type PopulationCell } from '$lib/data/chain-queries';
import type { AreaValues } from '$lib/index/status';
import { needIndicators, type NeedScore } from './need';
import { CHAIN_PHASES, type ChainPhase } from './phases';

export interface ChainData {
	areas: { key: string; name: string; parent: string }[];
	indicators: Indicator[];
	/** Latest year used per need indicator. */
	years: Record<string, number>;
	/** Latest values per need indicator; empty when `need` came precomputed. */
	values: Record<string, AreaValues>;
	/** Need per phase from the build (else the page computes it from `values`). */
	need?: Map<ChainPhase, Map<string, NeedScore>>;
	population: PopulationCell[];
	populationYear: number | null;
}

/** The build's need per phase, and the base areas it is aligned with (PrecomputedIndex.areas). */
export interface PrecomputedChain {
	areas: PrecomputedAreas;
	file: ChainFile;
}

/** ChainFile's columns as needByPhase's maps. */
export function needFromFile(file: ChainFile, keys: readonly string[]): Map<ChainPhase, Map<string, NeedScore>> {
	return new Map(
		CHAIN_PHASES.map((phase) => {
			const col = file.need[phase];
			return [phase, new Map(keys.map((k, a) => [k, { score: col?.score[a] ?? null, n: col?.n[a] ?? 0 }]))];
		})
	);
}

export async function loadChainData(engine: MonitorEngine, pre?: PrecomputedChain | null): Promise<ChainData> {
	const [indicators, yearsBy, allAreas, popYears] = await Promise.all([
		engine.indicators(),
		engine.yearsByIndicator(),
		// the areas of the newest boundary version: older ones (a merged Gemeinde's Ortsteile) have no current values
		engine.areasIn(engine.baseLevel),
		populationYears(engine)
	]);
	const areas = allAreas.map((a) => ({ key: a.key, name: a.name, parent: a.parent }));
	const populationYear = popYears.length ? popYears[popYears.length - 1] : null;
	const population = populationYear === null ? [] : await populationForYear(engine, populationYear);
	// The file is aligned with the build's area order (with boundary versions: its own list of the
	// newest version's areas); only trust it if that is the engine's.
	const keys = pre ? (pre.file.keys ?? pre.areas.key) : [];
	if (pre && keys.length === areas.length && keys.every((k, i) => k === areas[i].key)) {
		return { areas, indicators, years: { ...pre.file.years }, values: {}, need: needFromFile(pre.file, keys), population, populationYear };
	}
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
	return { areas, indicators, years, values, population, populationYear };
}
