/**
 * The district profile from the build's precomputed files (src/lib/data/precomputed.ts): the same
 * rows profileRow builds from the engine's answers, with rank and spread taken from the files
 * instead of being computed over all areas in the browser (at 20,000 areas × 100 indicators that
 * would mean loading every observation). engine-served.spec.ts checks both paths agree.
 */
import {
	decodeRank,
	seriesForArea,
	shardCells,
	valuesForYear,
	type ProfileShardFile,
	type ProfileStatsFile
} from '$lib/data/precomputed';
import type { Indicator } from '$lib/data/types';
import type { SeriesPoint } from '$lib/data/engine';
import { profileRow, type ProfileRow } from './rows';

export interface PrecomputedProfileInput {
	/** Indicators with data, in catalogue order (as the page lists them). */
	indicators: readonly Indicator[];
	stats: ProfileStatsFile;
	shard: ProfileShardFile;
	area: { key: string; name: string; parent: string };
	year: number;
}

export function precomputedProfileRows(input: PrecomputedProfileInput): ProfileRow[] {
	const { shard, area, year } = input;
	const a = shard.keys.indexOf(area.key);
	if (a < 0) throw new Error(`${area.key}: not in this profile file`);
	return input.indicators.map((indicator) => {
		const st = input.stats.indicators[indicator.id];
		const cells = st ? shardCells(shard, indicator.id, st.years, a) : null;
		if (!st || !cells) return profileRow({ indicator, year, areaKey: area.key, values: [], series: [], city: st?.city ?? [] });
		const own = valuesForYear(cells, { key: [area.key], name: [area.name], parent: [area.parent] }, year)[0];
		const y = st.years.indexOf(year);
		const spread = y < 0 ? null : st.spread[y];
		const rank = y < 0 ? null : decodeRank(shard.indicators[indicator.id].rank[a][y], spread?.n ?? 0);
		return profileRow({ indicator, year, areaKey: area.key, series: seriesForArea(cells, 0), city: st.city, precomputed: { own, rank, spread } });
	});
}

/**
 * The area's series of every indicator, as engine.seriesFor gives them (own rows and, after a
 * boundary change, older years regrouped exactly): the page's notes on breaks read them.
 */
export function precomputedSeries(input: Omit<PrecomputedProfileInput, 'year'>): SeriesPoint[][] {
	const a = input.shard.keys.indexOf(input.area.key);
	if (a < 0) throw new Error(`${input.area.key}: not in this profile file`);
	return input.indicators.map((indicator) => {
		const st = input.stats.indicators[indicator.id];
		const cells = st ? shardCells(input.shard, indicator.id, st.years, a) : null;
		return cells ? seriesForArea(cells, 0) : [];
	});
}

/** engine.population(area, year) from a profile file. */
export function precomputedPopulation(shard: ProfileShardFile, key: string, year: number): { age_group: string; persons: number }[] {
	return (shard.population[key] ?? []).filter((p) => p[0] === year).map((p) => ({ age_group: p[1], persons: p[2] }));
}
