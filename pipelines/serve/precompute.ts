/**
 * Precomputed answers for the served layout (after pipelines/serve/prepare.ts, in the same build):
 *
 *   npx tsx pipelines/serve/precompute.ts <servedDir>
 *
 * Pages that need every indicator at once (the Sozialraum profile: rank and spread of every
 * indicator; /kette/: need per life phase) cannot afford to load 40 million observations into the
 * browser's engine, and the atlas should not wait for the engine to show its first map. So the
 * build asks the engine — the same DuckDB-wasm engine and queries the browser runs, on the same
 * served package, so disclosure control is exactly the page's — and writes the answers
 * (format: src/lib/data/precomputed.ts):
 *
 * - `pre/atlas-NNN.json`: per indicator, every base area's row in every year and the city series;
 * - `pre/profile-NNN.json`: per 32 areas, their rows of all indicators with each cell's rank, and
 *   their population; `pre/profile-stats.json`: spread of all areas per indicator-year;
 * - `pre/chain.json`: need per life phase (latest year of each need indicator);
 * - `pre/index.json`: the areas, the catalogue and the file list; the descriptor points to it.
 *
 * Boundary versions (docs/levels-and-versions.md; Musterkreis): the areas are every base key of
 * every version, and the index says which of them each version lists with which name and parent,
 * so a year's rows are the areas of the version valid then, as engine.valuesFor gives them. What
 * engine.seriesFor adds to a changed area's own rows without being asked (older years regrouped
 * exactly from the old areas) is stored beside the cells, its breaks ("Gebietsstand geändert") in
 * the index; need per phase is on the newest version's areas, as /kette/ lists them. Conversions
 * by crosswalk weights (`umrechnung=`) and every level above the base one stay with the engine.
 *
 * Rank, spread and need come from the very functions the pages use (profile/ranks, profile/rows,
 * chain/need). One indicator at a time is loaded and released again, so memory stays bounded at
 * 20,000 areas × 100 indicators × 20 years.
 */
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createNodeConnector } from '../../src/lib/data/connector-node';
import { MonitorEngine, type SeriesPoint, type VersionBreak } from '../../src/lib/data/engine';
import { populationOfAreas } from '../../src/lib/data/chain-queries';
import { packageSourceFromDir } from '../../src/lib/data/source-node';
import {
	NO_ROW,
	PRECOMPUTED_VERSION,
	PROFILE_SHARD_SIZE,
	atlasSlicePath,
	encodeRank,
	flagCode,
	profileShardPath,
	valuesForYear,
	type AtlasSliceFile,
	type ChainFile,
	type IndicatorCells,
	type PrecomputedAreas,
	type PrecomputedIndex,
	type PrecomputedVersion,
	type ProfileStatsFile
} from '../../src/lib/data/precomputed';
import type { PackageDescriptor } from '../../src/lib/data/types';
import { isVersioned, levelVersions, validFrom, validTo } from '../../src/lib/data/levels';
import type { Geography } from '../../src/lib/data/geography';
import { ranks } from '../../src/lib/profile/ranks';
import { spreadOf } from '../../src/lib/profile/rows';
import { needByPhase, needIndicators } from '../../src/lib/chain/need';
import { CHAIN_PHASES } from '../../src/lib/chain/phases';

export const INDEX_PATH = 'pre/index.json';

export interface PrecomputeReport {
	indicators: number;
	areas: number;
	shards: number;
	bytes: number;
	seconds: number;
}

/** An indicator's cells from the engine's series of all areas (rows ordered by area, year). */
export function cellsFromSeries(rows: readonly (SeriesPoint & { area_key: string })[], areas: PrecomputedAreas): IndicatorCells {
	const years = [...new Set(rows.map((r) => Number(r.year)))].sort((a, b) => a - b);
	const yi = new Map(years.map((y, i) => [y, i]));
	const ai = new Map(areas.key.map((k, i) => [k, i]));
	const n = areas.key.length;
	const grid = () => years.map(() => new Array<number | null>(n).fill(null));
	const cells: IndicatorCells = { years, value: grid(), numerator: grid(), denominator: grid(), flag: [] };
	const flags = years.map(() => new Array<string>(n).fill(NO_ROW));
	for (const r of rows) {
		const a = ai.get(r.area_key);
		const y = yi.get(Number(r.year));
		if (a === undefined || y === undefined) continue;
		cells.value[y][a] = r.value;
		cells.numerator[y][a] = r.numerator;
		cells.denominator[y][a] = r.denominator;
		flags[y][a] = flagCode(r.flag);
	}
	cells.flag = flags.map((f) => f.join(''));
	return cells;
}

/**
 * The base level's boundary versions as the files model them (undefined for a level without
 * versions): per version its areas in key order (VALUES_FOR_YEAR's order) with their name and
 * parent in that version.
 */
export function precomputedVersions(geography: Geography, areas: Pick<PrecomputedAreas, 'key'>): PrecomputedVersion[] | undefined {
	const base = geography.levels[0];
	if (!base || !isVersioned(base)) return undefined;
	const position = new Map(areas.key.map((k, i) => [k, i]));
	return levelVersions(base).map((v) => {
		const rows = geography.areas.filter((a) => a.level === base.id && a.version === v.id).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
		return { id: v.id, from: validFrom(v), to: validTo(v), members: rows.map((a) => position.get(a.key)!), name: rows.map((a) => a.name), parent: rows.map((a) => a.parent) };
	});
}

/** Base keys that some boundary version does not list: only their series can break or be regrouped. */
export function changedKeys(versions: readonly PrecomputedVersion[] | undefined, areas: Pick<PrecomputedAreas, 'key'>): string[] {
	if (!versions) return [];
	const listed = versions.map((v) => new Set(v.members));
	return areas.key.filter((_, a) => listed.some((m) => !m.has(a)));
}

/** The extra points of the areas from … to, re-keyed by position in the shard. */
function shardExtra(extra: IndicatorCells['extra'], from: number, to: number): { extra?: Record<string, SeriesPoint[]> } {
	if (!extra) return {};
	const out: Record<string, SeriesPoint[]> = {};
	for (let a = from; a < to; a++) if (extra[a]) out[a - from] = extra[a];
	return Object.keys(out).length ? { extra: out } : {};
}

export async function precomputeServed(dirArg: string, log: (s: string) => void = () => {}): Promise<PrecomputeReport> {
	const t0 = performance.now();
	const dir = resolve(dirArg);
	const descriptorPath = join(dir, 'datapackage.json');
	const descriptor = JSON.parse(await readFile(descriptorPath, 'utf8')) as PackageDescriptor;
	if (!descriptor.sozialraum.observation_parts) throw new Error(`„${dirArg}“ ist nicht für die Auslieferung aufbereitet (pipelines/serve/prepare.ts zuerst).`);
	const db = await createNodeConnector();
	let bytes = 0;
	const write = async (path: string, text: string) => {
		bytes += Buffer.byteLength(text);
		await writeFile(join(dir, path), text);
	};
	try {
		const { precomputed: _old, ...sozialraum } = descriptor.sozialraum;
		const engine = await MonitorEngine.load(db, await packageSourceFromDir(dir));
		const base = (await engine.areas()).filter((a) => a.level === engine.baseLevel);
		const areas: PrecomputedAreas = { key: base.map((a) => a.key), name: base.map((a) => a.name), parent: base.map((a) => a.parent) };
		const versions = precomputedVersions(engine.geography, areas);
		if (versions) areas.versions = versions;
		const position = new Map(areas.key.map((k, i) => [k, i]));
		const changed = changedKeys(versions, areas);
		const breaks: Record<string, VersionBreak[]> = {};
		for (const key of changed) {
			const b = engine.seriesBreaks(key);
			if (b.length) breaks[key] = b;
		}
		// /kette/ lists the newest version's areas (loadChainData: engine.areasIn)
		const chainKeys = versions ? (await engine.areasIn(engine.baseLevel)).map((a) => a.key) : areas.key;
		const [indicators, yearsBy] = await Promise.all([engine.indicators(), engine.yearsByIndicator()]);
		await rm(join(dir, 'pre'), { recursive: true, force: true });
		await mkdir(join(dir, 'pre', '.shards'), { recursive: true });

		const shardCount = Math.ceil(areas.key.length / PROFILE_SHARD_SIZE);
		const shardTmp = (s: number) => join(dir, 'pre', '.shards', `${s}.part`);
		const stats: ProfileStatsFile = { indicators: {} };
		const atlas: Record<string, string> = {};
		const needIds = new Set(CHAIN_PHASES.flatMap((p) => needIndicators(indicators, p)).map((i) => i.id));
		const chainValues: Record<string, Map<string, number | null>> = {};
		const chainYears: Record<string, number> = {};
		const order = descriptor.sozialraum.observation_parts.map((p) => p.indicator_id);
		const known = new Set(indicators.map((i) => i.id));
		for (const [i, id] of order.filter((x) => known.has(x)).entries()) {
			const [rows, city] = await Promise.all([engine.seriesAll(id), engine.referenceSeries(id)]);
			const cells = cellsFromSeries(rows, areas);
			// what seriesFor adds to a changed area's own rows (exact regroupings of older years)
			const extra: Record<string, SeriesPoint[]> = {};
			for (const key of changed) {
				const added = (await engine.seriesFor(key, id)).filter((p) => p.origin !== undefined);
				if (added.length) extra[position.get(key)!] = added;
			}
			if (Object.keys(extra).length) cells.extra = extra;
			await engine.release([id]);
			const slice: AtlasSliceFile = { indicator_id: id, ...cells, city };
			atlas[id] = atlasSlicePath(i);
			await write(atlas[id], JSON.stringify(slice));

			// Rank and spread of every year, from the rows the profile would get (valuesFor: with
			// boundary versions, the areas of the year's version; the others are not ranked then).
			const rank: number[][] = areas.key.map(() => new Array<number>(cells.years.length).fill(0));
			const spread = cells.years.map((year, y) => {
				const values = valuesForYear(cells, areas, year);
				const r = ranks(values.map((v) => ({ key: v.area_key, value: v.value })));
				for (const v of values) rank[position.get(v.area_key)!][y] = encodeRank(r.get(v.area_key));
				return spreadOf(values.map((v) => v.value));
			});
			stats.indicators[id] = { years: cells.years, spread, city };
			for (let s = 0; s < shardCount; s++) {
				const from = s * PROFILE_SHARD_SIZE;
				const to = Math.min(from + PROFILE_SHARD_SIZE, areas.key.length);
				const per = <T>(grid: T[][]) => areas.key.slice(from, to).map((_, k) => grid.map((row) => row[from + k]));
				const entry = {
					value: per(cells.value),
					numerator: per(cells.numerator),
					denominator: per(cells.denominator),
					flag: areas.key.slice(from, to).map((_, k) => cells.flag.map((f) => f[from + k]).join('')),
					rank: rank.slice(from, to),
					...shardExtra(cells.extra, from, to)
				};
				await appendFile(shardTmp(s), `${JSON.stringify(id)}:${JSON.stringify(entry)}\n`);
			}
			const ys = yearsBy[id] ?? [];
			if (needIds.has(id) && ys.length) {
				chainYears[id] = ys[ys.length - 1];
				chainValues[id] = new Map(valuesForYear(cells, areas, chainYears[id]).map((v) => [v.area_key, v.value]));
			}
			if ((i + 1) % 10 === 0) log(`  ${i + 1}/${order.length} Indikatoren (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
		}

		const shards: string[] = [];
		for (let s = 0; s < shardCount; s++) {
			const keys = areas.key.slice(s * PROFILE_SHARD_SIZE, (s + 1) * PROFILE_SHARD_SIZE);
			const population: Record<string, [number, string, number][]> = Object.fromEntries(keys.map((k) => [k, []]));
			for (const p of await populationOfAreas(engine, keys)) population[p.area_key]?.push([Number(p.year), p.age_group, p.persons]);
			const lines = (await readFile(shardTmp(s), 'utf8').catch(() => '')).split('\n').filter(Boolean);
			shards.push(profileShardPath(s));
			await write(shards[s], `{"keys":${JSON.stringify(keys)},"indicators":{${lines.join(',')}},"population":${JSON.stringify(population)}}`);
		}
		await rm(join(dir, 'pre', '.shards'), { recursive: true, force: true });
		await write('pre/profile-stats.json', JSON.stringify(stats));

		const need = needByPhase(indicators, chainValues, chainKeys);
		const chain: ChainFile = {
			...(versions ? { keys: chainKeys } : {}),
			years: chainYears,
			need: Object.fromEntries([...need].map(([phase, m]) => [phase, { score: chainKeys.map((k) => m.get(k)?.score ?? null), n: chainKeys.map((k) => m.get(k)?.n ?? 0) }]))
		};
		await write('pre/chain.json', JSON.stringify(chain));

		const index: PrecomputedIndex = {
			version: PRECOMPUTED_VERSION,
			base_level: engine.baseLevel,
			areas,
			indicators,
			years_by_indicator: yearsBy,
			atlas,
			profile: { stats: 'pre/profile-stats.json', shard_size: PROFILE_SHARD_SIZE, shards },
			chain: 'pre/chain.json',
			...(engine.conversionMethods().length ? { conversion_methods: engine.conversionMethods() } : {}),
			...(Object.keys(breaks).length ? { breaks } : {})
		};
		await write(INDEX_PATH, JSON.stringify(index));
		await writeFile(descriptorPath, JSON.stringify({ ...descriptor, sozialraum: { ...sozialraum, precomputed: INDEX_PATH } }, null, '\t') + '\n');
		return { indicators: order.length, areas: areas.key.length, shards: shardCount, bytes, seconds: (performance.now() - t0) / 1000 };
	} finally {
		await db.close();
	}
}

// realpath: the benchmark runs this through a symlinked folder, import.meta.url is the real path.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
	const [dir] = process.argv.slice(2);
	if (!dir) {
		console.error('Aufruf: npx tsx pipelines/serve/precompute.ts <Auslieferungsordner>');
		process.exit(2);
	}
	precomputeServed(dir, (s) => console.log(s)).then(
		(r) => console.log(`Vorberechnet: ${r.indicators} Indikatoren, ${r.areas} Gebiete in ${r.shards} Profildateien, ${(r.bytes / 1e6).toFixed(1)} MB (${r.seconds.toFixed(1)} s).`),
		(e) => {
			console.error((e as Error).message);
			process.exit(1);
		}
	);
}
