/**
 * Precomputed answers of the engine (written at build time by pipelines/serve/precompute.ts from
 * the served package, read by pages before — or instead of — DuckDB-wasm). Two kinds of files:
 *
 * - per indicator (`pre/atlas-NNN.json`): every base area's observation in every year, exactly as
 *   the engine returns them (disclosure applied), plus the city reference series. The atlas colours
 *   its first map, steps through the years and switches indicators from these without a query.
 * - what needs all indicators at once: per group of areas (`pre/profile-NNN.json`) the same rows
 *   for all indicators with each cell's rank among the areas, the spread of all areas per
 *   indicator-year (`pre/profile-stats.json`), and need per life phase (`pre/chain.json`).
 *
 * With boundary versions (Musterkreis) the areas are every base key of every version; the index
 * says which of them each version lists (valuesFor of a year = the version valid then), the
 * slices keep what seriesFor adds after a change (older years regrouped exactly) and the index
 * the breaks. Conversions by crosswalk weights and coarser levels are not in the files.
 *
 * This module is the format: types, and the decoders that turn a file back into the engine's
 * answer (valuesFor, seriesFor, valuesAllYears). engine-served.spec.ts checks that every decoded
 * answer equals the engine's, for the internal and the public build, Musterkreis included. Pure;
 * no fetch here.
 */
import type { AreaValue, ReferencePoint, SeriesPoint, VersionBreak } from './engine';
import type { AreaLevel, CrosswalkMethod, Indicator, ObservationFlag } from './types';
import { isVersioned, levelVersions, validFrom, validTo } from './levels';
import type { Rank } from '$lib/profile/ranks';
import type { Spread } from '$lib/profile/rows';

export const PRECOMPUTED_VERSION = 1;

/** Areas per profile file: at 100 indicators × 20 years about 1.5 MB of JSON. */
export const PROFILE_SHARD_SIZE = 32;

/** One character per cell. `_`: the area has no row that year (valuesFor: missing; seriesFor: absent). */
const FLAG_CODE: Record<ObservationFlag, string> = { '': '.', suppressed: 's', missing: 'm', provisional: 'p', break: 'b' };
const NO_ROW = '_';
const CODE_FLAG = new Map(Object.entries(FLAG_CODE).map(([flag, code]) => [code, flag as ObservationFlag]));

export function flagCode(flag: ObservationFlag | null | undefined): string {
	return FLAG_CODE[flag ?? ''] ?? '.';
}

export { NO_ROW };

/**
 * Base-level areas in the engine's order (engine.areas(): by key; every key of every boundary
 * version once, with the name and parent of its newest version).
 */
export interface PrecomputedAreas {
	key: string[];
	name: string[];
	parent: string[];
	/**
	 * Only when the base level has boundary versions: which areas a year's rows list (the version
	 * valid in that year, as engine.valuesFor lists them) and their name and parent in it. Absent:
	 * every area in every year.
	 */
	versions?: PrecomputedVersion[];
}

export interface PrecomputedVersion {
	id: string;
	/** Inclusive reporting years (levels.ts YEAR_MIN / YEAR_MAX for open ends). */
	from: number;
	to: number;
	/** Positions in PrecomputedAreas.key, in key order, with the version's name and parent. */
	members: number[];
	name: string[];
	parent: string[];
}

export interface PrecomputedIndex {
	version: number;
	base_level: string;
	areas: PrecomputedAreas;
	indicators: Indicator[];
	years_by_indicator: Record<string, number[]>;
	/** Indicator id → its file. */
	atlas: Record<string, string>;
	profile: { stats: string; shard_size: number; shards: string[] };
	chain: string | null;
	/** engine.conversionMethods() (absent: none). */
	conversion_methods?: CrosswalkMethod[];
	/** engine.seriesBreaks(key) of the base areas that have breaks (absent: none has). */
	breaks?: Record<string, VersionBreak[]>;
}

/**
 * Whether an index answers for a package with these levels: the same base level, and the base
 * level's boundary versions exactly as the index modelled them (an index written without
 * versions must not answer for a package that has them).
 */
export function precomputedFits(index: PrecomputedIndex, levels: readonly AreaLevel[]): boolean {
	const base = levels[0];
	if (!base || index.base_level !== base.id) return false;
	if (!isVersioned(base)) return index.areas.versions === undefined;
	const want = levelVersions(base);
	const have = index.areas.versions ?? [];
	return have.length === want.length && want.every((v, i) => have[i].id === v.id && have[i].from === validFrom(v) && have[i].to === validTo(v));
}

/** Columns of one indicator: `[year][area]` in the order of PrecomputedAreas. */
export interface IndicatorCells {
	/** Every year in which any area has a row (with or without a value). */
	years: number[];
	value: (number | null)[][];
	numerator: (number | null)[][];
	denominator: (number | null)[][];
	/** Per year one flag character per area. */
	flag: string[];
	/**
	 * Points the engine's seriesFor adds to an area's own rows: years before the area existed,
	 * regrouped exactly from older areas (origin 'regrouped'). By area position; absent: none.
	 */
	extra?: Record<string, SeriesPoint[]>;
}

export interface AtlasSliceFile extends IndicatorCells {
	indicator_id: string;
	city: ReferencePoint[];
}

export interface ProfileStatsFile {
	/** Per indicator: spread of all areas and the city reference, aligned with the atlas years. */
	indicators: Record<string, { years: number[]; spread: (Spread | null)[]; city: ReferencePoint[] }>;
}

/** Rows of the areas of one shard, per indicator `[area][year]` (years of ProfileStatsFile). */
export interface ProfileShardFile {
	keys: string[];
	indicators: Record<
		string,
		{
			value: (number | null)[][];
			numerator: (number | null)[][];
			denominator: (number | null)[][];
			flag: string[];
			/** Competition rank among all areas (1 = highest value); 0 = not ranked; negative = tied. */
			rank: number[][];
			/** IndicatorCells.extra by position in `keys`. */
			extra?: Record<string, SeriesPoint[]>;
		}
	>;
	/** engine.population(area, year) for every year: [year, age_group, persons]. */
	population: Record<string, [number, string, number][]>;
}

export interface ChainFile {
	/**
	 * The areas `need` is aligned with when they are not PrecomputedAreas.key: with boundary
	 * versions, the newest version's areas (engine.areasIn(base level), what /kette/ lists).
	 */
	keys?: string[];
	/** Latest year used per need indicator (ChainData.years). */
	years: Record<string, number>;
	/** Need score per phase, aligned with PrecomputedAreas. */
	need: Record<string, { score: (number | null)[]; n: number[] }>;
}

/**
 * engine.valuesFor(indicator, year) from an indicator's cells: the areas of the boundary version
 * valid in the year (none when no version covers it, as the engine answers).
 */
export function valuesForYear(cells: IndicatorCells, areas: PrecomputedAreas, year: number): AreaValue[] {
	const y = cells.years.indexOf(year);
	const row = (key: string, a: number, name: string, parent: string): AreaValue => {
		const code = y < 0 ? NO_ROW : cells.flag[y][a];
		if (code === NO_ROW) return { area_key: key, name, parent, value: null, numerator: null, denominator: null, flag: 'missing' };
		return {
			area_key: key,
			name,
			parent,
			value: cells.value[y][a],
			numerator: cells.numerator[y][a],
			denominator: cells.denominator[y][a],
			flag: CODE_FLAG.get(code) ?? ''
		};
	};
	if (!areas.versions) return areas.key.map((key, a) => row(key, a, areas.name[a], areas.parent[a]));
	const v = areas.versions.find((x) => year >= x.from && year <= x.to);
	return v ? v.members.map((a, i) => row(areas.key[a], a, v.name[i], v.parent[i])) : [];
}

/** engine.seriesFor(area, indicator): the area's rows, by year. */
export function seriesForArea(cells: IndicatorCells, areaIndex: number): SeriesPoint[] {
	const out: SeriesPoint[] = [];
	cells.years.forEach((year, y) => {
		const code = cells.flag[y][areaIndex];
		if (code === NO_ROW) return;
		out.push({ year, value: cells.value[y][areaIndex], numerator: cells.numerator[y][areaIndex], denominator: cells.denominator[y][areaIndex], flag: CODE_FLAG.get(code) ?? '' });
	});
	const extra = cells.extra?.[areaIndex];
	if (!extra?.length) return out;
	// as the engine merges them: own rows win, then by year
	const have = new Set(out.map((p) => p.year));
	return [...out, ...extra.filter((p) => !have.has(p.year))].sort((a, b) => a.year - b.year);
}

/** engine.valuesAllYears(indicator): the published value of every row (order not defined). */
export function valuesAllYears(cells: IndicatorCells): (number | null)[] {
	const out: (number | null)[] = [];
	cells.years.forEach((_, y) => {
		for (let a = 0; a < cells.flag[y].length; a++) if (cells.flag[y][a] !== NO_ROW) out.push(cells.value[y][a]);
	});
	return out;
}

/** One area's cells of one indicator from a profile shard, in the shape of an atlas slice with one area. */
export function shardCells(shard: ProfileShardFile, indicatorId: string, years: number[], areaIndex: number): IndicatorCells | null {
	const c = shard.indicators[indicatorId];
	if (!c) return null;
	return {
		years,
		value: years.map((_, y) => [c.value[areaIndex][y]]),
		numerator: years.map((_, y) => [c.numerator[areaIndex][y]]),
		denominator: years.map((_, y) => [c.denominator[areaIndex][y]]),
		flag: years.map((_, y) => c.flag[areaIndex][y]),
		...(c.extra?.[areaIndex] ? { extra: { 0: c.extra[areaIndex] } } : {})
	};
}

/** Decode a stored rank (see ProfileShardFile.rank) with its "of" (the spread's n). */
export function decodeRank(stored: number, of: number): Rank | null {
	if (!stored) return null;
	return { rank: Math.abs(stored), of, tied: stored < 0 };
}

export function encodeRank(rank: Rank | null | undefined): number {
	if (!rank) return 0;
	return rank.tied ? -rank.rank : rank.rank;
}

export function profileShardPath(index: number): string {
	return `pre/profile-${String(index).padStart(3, '0')}.json`;
}

export function atlasSlicePath(index: number): string {
	return `pre/atlas-${String(index).padStart(3, '0')}.json`;
}
