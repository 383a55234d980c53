/**
 * Reads the build's precomputed answers (format: precomputed.ts) for the package built into the
 * app. Files are fetched on first use and kept, the large per-indicator ones in a small LRU so a
 * long session at 20,000 areas does not hold every indicator. Pages get this through
 * app-engine's getPrecomputed(), which knows whether the built-in package is the one in use.
 */
import type { AtlasSliceFile, ChainFile, PrecomputedIndex, ProfileShardFile, ProfileStatsFile } from './precomputed';
import { PRECOMPUTED_VERSION } from './precomputed';
import type { AreaCollection } from './engine';
import { appPackageSource, bundledDescriptor } from './source-app';

/** Indicators kept decoded (each ≈ 10 MB of JS memory at 20,000 areas × 20 years). */
const ATLAS_KEPT = 8;

export interface PrecomputedData {
	index: PrecomputedIndex;
	/** Indicators with a precomputed file. */
	has(indicatorId: string): boolean;
	atlas(indicatorId: string): Promise<AtlasSliceFile>;
	profileStats(): Promise<ProfileStatsFile>;
	/** The profile file holding this area (null: not a base area of the package). */
	profileShard(areaKey: string): Promise<ProfileShardFile | null>;
	chain(): Promise<ChainFile | null>;
	/** A level's areas (the same file the engine reads), parsed once. */
	geometry(levelId: string): Promise<AreaCollection | null>;
}

export async function bundledPrecomputed(): Promise<PrecomputedData | null> {
	const path = bundledDescriptor.sozialraum.precomputed;
	if (!path) return null;
	const source = appPackageSource();
	const json = async <T>(p: string): Promise<T> => JSON.parse(new TextDecoder().decode(await source.read(p))) as T;
	const index = await json<PrecomputedIndex>(path);
	if (index.version !== PRECOMPUTED_VERSION) return null;
	const position = new Map(index.areas.key.map((k, i) => [k, i]));
	const slices = new Map<string, Promise<AtlasSliceFile>>();
	const shards = new Map<number, Promise<ProfileShardFile>>();
	let stats: Promise<ProfileStatsFile> | null = null;
	let chain: Promise<ChainFile | null> | null = null;
	const geometry = new Map<string, Promise<AreaCollection | null>>();
	const remember = <K, V>(cache: Map<K, Promise<V>>, key: K, load: () => Promise<V>, keep: number) => {
		let p = cache.get(key);
		if (p) cache.delete(key);
		else {
			p = load();
			p.catch(() => cache.delete(key));
		}
		cache.set(key, p);
		while (cache.size > keep) cache.delete(cache.keys().next().value as K);
		return p;
	};
	return {
		index,
		has: (id) => id in index.atlas,
		atlas: (id) => {
			if (!(id in index.atlas)) return Promise.reject(new Error(`${id}: kein vorberechneter Indikator`));
			return remember(slices, id, () => json<AtlasSliceFile>(index.atlas[id]), ATLAS_KEPT);
		},
		profileStats: () => (stats ??= json<ProfileStatsFile>(index.profile.stats)),
		profileShard: async (key) => {
			const i = position.get(key);
			if (i === undefined) return null;
			const s = Math.floor(i / index.profile.shard_size);
			return remember(shards, s, () => json<ProfileShardFile>(index.profile.shards[s]), 4);
		},
		chain: () => (chain ??= index.chain ? json<ChainFile>(index.chain) : Promise.resolve(null)),
		geometry: (levelId) => {
			const level = bundledDescriptor.sozialraum.levels.find((l) => l.id === levelId);
			if (!level) return Promise.resolve(null);
			let p = geometry.get(levelId);
			if (!p) geometry.set(levelId, (p = json<AreaCollection>(level.path)));
			return p;
		}
	};
}
