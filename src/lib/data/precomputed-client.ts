/**
 * Reads the build's precomputed answers (format: precomputed.ts) for the package built into the
 * app. Files are fetched on first use and kept, the large per-indicator ones in a small LRU so a
 * long session at 20,000 areas does not hold every indicator. Pages get this through
 * app-engine's getPrecomputed(), which knows whether the built-in package is the one in use.
 */
import type { AtlasSliceFile, ChainFile, PrecomputedIndex, ProfileShardFile, ProfileStatsFile } from './precomputed';
import { PRECOMPUTED_VERSION } from './precomputed';
import type { AreaCollection } from './engine';
import { appPackageSource } from './source-app';
import { STORED_QUALITY_PATH, type StoredQuality } from '$lib/quality/stored';
import { currentChoice } from '$lib/packages/choice.svelte';

/** Indicators kept decoded (each ≈ 10 MB of JS memory at 20,000 areas × 20 years). */
const ATLAS_KEPT = 8;
/**
 * Up to this many cells (areas × years × indicators) every indicator is kept and read ahead: a
 * city's whole catalogue is a few MB, and then no indicator change waits for the network.
 */
export const KEEP_ALL_CELLS = 1_000_000;

export interface PrecomputedData {
	index: PrecomputedIndex;
	/** Indicators with a precomputed file. */
	has(indicatorId: string): boolean;
	/** True when every indicator's file fits in memory (see KEEP_ALL_CELLS): read them all ahead. */
	keepsAll: boolean;
	atlas(indicatorId: string): Promise<AtlasSliceFile>;
	/** The indicator's file if it is already read and still kept (no waiting: the atlas paints from it in the input's task). */
	atlasNow(indicatorId: string): AtlasSliceFile | undefined;
	profileStats(): Promise<ProfileStatsFile>;
	/** The profile file holding this area (null: not a base area of the package). */
	profileShard(areaKey: string): Promise<ProfileShardFile | null>;
	chain(): Promise<ChainFile | null>;
	/** A level's areas (the same file the engine reads), parsed once: its newest version, or the version named. */
	geometry(levelId: string, versionId?: string): Promise<AreaCollection | null>;
	/** The build's data-quality report (pipelines/serve/precompute-quality.ts); null when the build has none or it cannot be read. */
	quality(): Promise<StoredQuality | null>;
}

export async function bundledPrecomputed(): Promise<PrecomputedData | null> {
	// the bundled package this browser chose (switching packages reloads the page)
	const source = await appPackageSource(currentChoice().name);
	const descriptor = source.descriptor;
	const path = descriptor.sozialraum.precomputed;
	if (!path) return null;
	const json = async <T>(p: string): Promise<T> => JSON.parse(new TextDecoder().decode(await source.read(p))) as T;
	const index = await json<PrecomputedIndex>(path);
	if (index.version !== PRECOMPUTED_VERSION) return null;
	const position = new Map(index.areas.key.map((k, i) => [k, i]));
	const cells = index.areas.key.length * Object.values(index.years_by_indicator).reduce((n, ys) => n + Math.max(ys.length, 1), 0);
	const kept = cells <= KEEP_ALL_CELLS ? Math.max(ATLAS_KEPT, Object.keys(index.atlas).length) : ATLAS_KEPT;
	const slices = new Map<string, Promise<AtlasSliceFile>>();
	/** The files of `slices` that have arrived (kept and evicted with them). */
	const read = new Map<string, AtlasSliceFile>();
	const shards = new Map<number, Promise<ProfileShardFile>>();
	let stats: Promise<ProfileStatsFile> | null = null;
	let chain: Promise<ChainFile | null> | null = null;
	const geometry = new Map<string, Promise<AreaCollection | null>>();
	const remember = <K, V>(cache: Map<K, Promise<V>>, key: K, load: () => Promise<V>, keep: number, evicted?: (key: K) => void) => {
		let p = cache.get(key);
		if (p) cache.delete(key);
		else {
			p = load();
			p.catch(() => cache.delete(key));
		}
		cache.set(key, p);
		while (cache.size > keep) {
			const oldest = cache.keys().next().value as K;
			cache.delete(oldest);
			evicted?.(oldest);
		}
		return p;
	};
	return {
		index,
		has: (id) => id in index.atlas,
		keepsAll: kept >= Object.keys(index.atlas).length,
		atlas: (id) => {
			if (!(id in index.atlas)) return Promise.reject(new Error(`${id}: kein vorberechneter Indikator`));
			const load = () =>
				json<AtlasSliceFile>(index.atlas[id]).then((file) => {
					if (slices.has(id)) read.set(id, file);
					return file;
				});
			return remember(slices, id, load, kept, (gone) => read.delete(gone));
		},
		atlasNow: (id) => read.get(id),
		profileStats: () => (stats ??= json<ProfileStatsFile>(index.profile.stats)),
		profileShard: async (key) => {
			const i = position.get(key);
			if (i === undefined) return null;
			const s = Math.floor(i / index.profile.shard_size);
			return remember(shards, s, () => json<ProfileShardFile>(index.profile.shards[s]), 4);
		},
		chain: () => (chain ??= index.chain ? json<ChainFile>(index.chain) : Promise.resolve(null)),
		geometry: (levelId, versionId) => {
			const level = descriptor.sozialraum.levels.find((l) => l.id === levelId);
			const path = versionId === undefined ? level?.path : level?.versions?.find((v) => v.id === versionId)?.path;
			if (!path) return Promise.resolve(null);
			let p = geometry.get(path);
			if (!p) geometry.set(path, (p = json<AreaCollection>(path)));
			return p;
		},
		// not kept: the page holds it while it is open
		quality: () => json<StoredQuality>(STORED_QUALITY_PATH).catch(() => null)
	};
}
