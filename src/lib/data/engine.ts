/**
 * The monitoring engine: loads a data package into DuckDB and answers the questions the pages ask.
 * It is the only module that knows SQL exists; pages get typed rows.
 */
import { csvFormat, csvParseRows } from 'd3';
import type { Connector } from './connector';
import type { FeatureCollection, Geometry } from 'geojson';
import type {
	AreaProperties,
	DisclosureSettings,
	Indicator,
	Measure,
	Network,
	NetworkMeeting,
	NetworkMember,
	ObservationFlag,
	ObservationPart,
	Offer,
	PackageDescriptor,
	Target
} from './types';
import { TABLES, INVENTORY_TABLES, REFERENCES_TABLE, createTableByHeaderSql, createTableSql, missingColumns, NORMALISE_SQL, referencesSpec, type TableSpec } from './schema';
import { PART_TABLE, SUPPRESSED_TOTALS_TABLE } from './served';
import * as Q from './queries';
import { buildSuppressionTables } from './suppression';
import { withMeanFallback } from './reference-fallback';
import type { ReferenceBasis } from '$lib/stats/reference-mean';
import { DERIVED_SCHEMA_SQL, DerivedIndicators } from './derived';

export type AreaCollection = FeatureCollection<Geometry, AreaProperties>;

/** Where a package's files come from (fetch in the browser, the file system in Node). */
export interface PackageSource {
	descriptor: PackageDescriptor;
	read(path: string): Promise<Uint8Array>;
}

export interface AreaValue {
	area_key: string;
	name: string;
	parent: string;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	flag: ObservationFlag;
}

export interface SeriesPoint {
	year: number;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	flag: ObservationFlag;
}

export interface ReferencePoint {
	year: number;
	value: number | null;
	/** Pooled sums; null for a mean of shares (no numerators to sum). */
	numerator: number | null;
	denominator: number | null;
	/** Areas that went in (null when a public package did not record it). */
	areas_used: number | null;
	/** Pooled sums (the city value proper), or a (population-weighted) mean of the areas' values. */
	basis: ReferenceBasis;
	/** Age groups of a weighted mean ("insgesamt", "0_2", …); null otherwise. */
	weights: string | null;
}

export interface AreaInfo {
	key: string;
	name: string;
	level: string;
	parent: string;
}

export class EngineError extends Error {}

export class MonitorEngine {
	readonly descriptor: PackageDescriptor;
	readonly geometry: Record<string, AreaCollection>;
	#db: Connector;
	/** The package carries its own published totals (a public copy): use them as references. */
	#publishedReferences: boolean;

	/** Loads observation parts on demand (served layout); null when everything is loaded. */
	#parts: PartLoader | null;

	/** Tables read on first use (served layout), by table name. */
	#lazyTables: Map<string, () => Promise<void>>;

	/** The derived (own) indicators: defined at run time, then ordinary rows of every table (derived.ts). */
	readonly derived: DerivedIndicators;

	private constructor(
		db: Connector,
		descriptor: PackageDescriptor,
		geometry: Record<string, AreaCollection>,
		parts: PartLoader | null,
		lazyTables: Map<string, () => Promise<void>>
	) {
		this.#db = db;
		this.#parts = parts;
		this.#lazyTables = lazyTables;
		this.#publishedReferences = descriptor.resources.some((r) => r.name === REFERENCES_TABLE.resource);
		this.descriptor = descriptor;
		this.geometry = geometry;
		this.derived = new DerivedIndicators({
			db,
			disclosure: descriptor.sozialraum.disclosure,
			baseLevel: descriptor.sozialraum.levels[0].id,
			levels: descriptor.sozialraum.levels.map((l) => ({ id: l.id, label_de: l.label_de })),
			published: this.#publishedReferences,
			prepare: (ids) => this.prepare(ids),
			preparePopulation: () => this.prepareTables(['population']),
			yearsByIndicator: () => this.#packageYearsByIndicator()
		});
	}

	/**
	 * Load the package; throws EngineError with a German message naming the file. A package in the
	 * served layout (observation_parts) loads only the small tables now and each indicator's
	 * observations on first use; otherwise every table is read and disclosure control runs here.
	 */
	static async load(db: Connector, source: PackageSource): Promise<MonitorEngine> {
		const { descriptor } = source;
		const geometry: Record<string, AreaCollection> = {};
		for (const level of descriptor.sozialraum.levels) {
			const bytes = await source.read(level.path);
			try {
				geometry[level.id] = JSON.parse(new TextDecoder().decode(bytes)) as AreaCollection;
			} catch (e) {
				throw new EngineError(`${level.path}: Die Datei ist kein gültiges GeoJSON (${(e as Error).message}).`);
			}
		}
		await insertAreas(db, descriptor, geometry);
		const parts = descriptor.sozialraum.observation_parts;
		const refs = descriptor.resources.find((r) => r.name === REFERENCES_TABLE.resource);
		const optional = refs ? [referencesSpec(refs)] : [];
		// Served layout: besides the observations, the big tables only some pages need (population:
		// 58 MB at 20,000 areas) are read on first use too.
		const lazy = parts ? TABLES.filter((t) => LAZY_TABLES.includes(t.table)) : [];
		const tables = parts ? [...TABLES.filter((t) => t.table !== 'observations' && !lazy.includes(t)), SUPPRESSED_TOTALS_TABLE] : TABLES;
		for (const spec of [...tables, ...optional, ...lazy]) {
			if (!descriptor.resources.some((r) => r.name === spec.resource)) throw new EngineError(`datapackage.json: Die Ressource „${spec.resource}“ fehlt.`);
		}
		for (const spec of [...tables, ...optional]) {
			const resource = descriptor.resources.find((r) => r.name === spec.resource)!;
			await readTable(db, spec, resource.path, await source.read(resource.path));
			for (const sql of NORMALISE_SQL[spec.table] ?? []) await db.query(sql);
		}
		// The Bestandsaufnahme tables are optional: absent ones exist empty, so queries need no case.
		for (const spec of INVENTORY_TABLES) {
			const resource = descriptor.resources.find((r) => r.name === spec.resource);
			if (resource) await readTable(db, spec, resource.path, await source.read(resource.path));
			else await db.query(emptyTableSql(spec));
			for (const sql of NORMALISE_SQL[spec.table] ?? []) await db.query(sql);
		}
		if (parts) {
			await db.query(emptyTableSql(TABLES.find((t) => t.table === 'observations')!));
			await db.query(`CREATE OR REPLACE TABLE suppressed_cells (area_key VARCHAR, indicator_id VARCHAR, year INTEGER, reason VARCHAR)`);
			await db.query(`UPDATE suppressed_totals SET area_key = '' WHERE area_key IS NULL`);
		} else {
			await buildSuppressionTables(db, descriptor.sozialraum.disclosure);
		}
		for (const sql of DERIVED_SCHEMA_SQL) await db.query(sql);
		const lazyTables = new Map(
			lazy.map((spec) => {
				const path = descriptor.resources.find((r) => r.name === spec.resource)!.path;
				return [spec.table, once(async () => {
					await readTable(db, spec, path, await source.read(path));
					for (const sql of NORMALISE_SQL[spec.table] ?? []) await db.query(sql);
				})];
			})
		);
		const engine = new MonitorEngine(db, descriptor, geometry, parts ? new PartLoader(db, source, parts) : null, lazyTables);
		await engine.derived.readPackageFile(source);
		return engine;
	}

	get disclosure(): DisclosureSettings {
		return this.descriptor.sozialraum.disclosure;
	}

	/** The level indicators are observed on (the finest). */
	get baseLevel(): string {
		return this.descriptor.sozialraum.levels[0].id;
	}

	async indicators(): Promise<Indicator[]> {
		return this.#db.query<Indicator & Record<string, unknown>>(Q.INDICATORS);
	}

	async years(indicatorId: string): Promise<number[]> {
		const derived = this.derived.years(indicatorId);
		if (derived) return derived;
		if (this.#parts) return this.#parts.years(indicatorId);
		const rows = await this.#db.query<{ year: number }>(Q.YEARS_FOR_INDICATOR, [indicatorId]);
		return rows.map((r) => r.year);
	}

	/** Years with at least one value, per indicator (one query for the whole catalogue). */
	async yearsByIndicator(): Promise<Record<string, number[]>> {
		return { ...(await this.#packageYearsByIndicator()), ...this.derived.yearsByIndicator() };
	}

	async #packageYearsByIndicator(): Promise<Record<string, number[]>> {
		if (this.#parts) return this.#parts.yearsByIndicator();
		const rows = await this.#db.query<{ indicator_id: string; years: unknown }>(Q.YEARS_BY_INDICATOR);
		const derived = new Set(this.derived.ids());
		return Object.fromEntries(rows.filter((r) => !derived.has(r.indicator_id)).map((r) => [r.indicator_id, Array.from(r.years as ArrayLike<number>, Number)]));
	}

	async areas(): Promise<AreaInfo[]> {
		return this.#db.query<AreaInfo & Record<string, unknown>>(Q.AREAS);
	}

	/** Every base-level area with its (suppression-checked) value; areas without data come back as 'missing'. */
	async valuesFor(indicatorId: string, year: number): Promise<AreaValue[]> {
		await this.#ensure(indicatorId);
		return this.#db.query<AreaValue & Record<string, unknown>>(Q.VALUES_FOR_YEAR, [
			indicatorId,
			year,
			this.baseLevel
		]);
	}

	/** Published values of all areas and years (suppressed cells as null). */
	async valuesAllYears(indicatorId: string): Promise<(number | null)[]> {
		await this.#ensure(indicatorId);
		const rows = await this.#db.query<{ value: number | null }>(Q.VALUES_ALL_YEARS, [indicatorId]);
		return rows.map((r) => r.value);
	}

	async seriesFor(areaKey: string, indicatorId: string): Promise<SeriesPoint[]> {
		await this.#ensure(indicatorId);
		return this.#db.query<SeriesPoint & Record<string, unknown>>(Q.SERIES_FOR_AREA, [
			areaKey,
			indicatorId
		]);
	}

	/**
	 * The series of every base-level area for one indicator, as seriesFor gives them one by one
	 * (the build step's precompute; a page asks seriesFor).
	 */
	async seriesAll(indicatorId: string): Promise<(SeriesPoint & { area_key: string })[]> {
		await this.#ensure(indicatorId);
		return this.#db.query<SeriesPoint & { area_key: string } & Record<string, unknown>>(Q.SERIES_ALL_AREAS, [this.baseLevel, indicatorId]);
	}

	/**
	 * City reference per year (parentKey '') or that of one parent area, e.g. a Stadtbezirk: pooled
	 * sums, and for years without any numerator a labelled mean of the areas' values (basis).
	 */
	async referenceSeries(indicatorId: string, parentKey = ''): Promise<ReferencePoint[]> {
		await this.#ensure(indicatorId);
		if (this.#publishedReferences) {
			const rows = await this.#db.query<ReferencePoint & Record<string, unknown>>(Q.PUBLISHED_REFERENCE_SERIES, [parentKey, indicatorId]);
			return rows.map((r) => ({ ...r, basis: (r.basis as ReferenceBasis | null) ?? 'pooled', weights: r.weights ?? null }));
		}
		const pooled = await this.#db.query<Omit<ReferencePoint, 'basis' | 'weights'> & Record<string, unknown>>(Q.REFERENCE_SERIES, [
			indicatorId,
			parentKey,
			parentKey,
			parentKey,
			indicatorId
		]);
		return withMeanFallback(this, indicatorId, parentKey, pooled.map((r) => ({ ...r, basis: 'pooled' as const, weights: null })));
	}

	/** One series summed over several base areas (e.g. a target for two Sozialräume), suppressed like a cell. */
	async aggregateSeries(indicatorId: string, areaKeys: string[]): Promise<SeriesPoint[]> {
		await this.#ensure(indicatorId);
		return this.#db.query<SeriesPoint & Record<string, unknown>>(Q.AGGREGATE_SERIES, [
			indicatorId,
			JSON.stringify(areaKeys),
			...this.#suppressionParams()
		]);
	}

	/**
	 * Raw access for query modules inside src/lib/data (they hold their own SQL, with `?` params).
	 * Pages and components never call this.
	 */
	query<T extends Record<string, unknown>>(sql: string, params?: (string | number | boolean | null)[]): Promise<T[]> {
		return this.#db.query<T>(sql, params);
	}

	async offers(): Promise<Offer[]> {
		await this.prepareTables(['offers']);
		const rows = await this.#db.query(Q.OFFERS);
		return rows.map((r) => ({
			...(r as unknown as Offer),
			life_phases: splitList(r.life_phases) as Offer['life_phases'],
			topics: splitList(r.topics)
		}));
	}

	async targets(): Promise<Target[]> {
		const rows = await this.#db.query(Q.TARGETS);
		return rows.map((r) => ({ ...(r as unknown as Target), scope_keys: splitList(r.scope_keys) }));
	}

	/** Local networks of the package (empty when it has none). */
	async networks(): Promise<Network[]> {
		return this.#db.query<Network & Record<string, unknown>>(Q.NETWORKS);
	}

	async networkMembers(): Promise<NetworkMember[]> {
		return this.#db.query<NetworkMember & Record<string, unknown>>(Q.NETWORK_MEMBERS);
	}

	async networkMeetings(): Promise<NetworkMeeting[]> {
		return this.#db.query<NetworkMeeting & Record<string, unknown>>(Q.NETWORK_MEETINGS);
	}

	/** Measures (Maßnahmen) tied to the package's Feinziele. */
	async measures(): Promise<Measure[]> {
		const rows = await this.#db.query(Q.MEASURES);
		return rows.map((r) => ({ ...(r as unknown as Measure), target_ids: splitList(r.target_ids), offer_ids: splitList(r.offer_ids) }));
	}

	async population(areaKey: string, year: number): Promise<{ age_group: string; persons: number }[]> {
		await this.prepareTables(['population']);
		return this.#db.query(Q.POPULATION_FOR_AREA, [areaKey, year]);
	}

	/**
	 * Make these indicators' observations queryable (served layout: fetch and ingest their parts;
	 * otherwise a no-op). Pages that will need many indicators call it once with all of them, so
	 * the files are fetched in parallel and ingested in one statement.
	 */
	async prepare(indicatorIds: string[]): Promise<void> {
		if (this.#parts) await this.#parts.ensure(indicatorIds);
	}

	/**
	 * Forget these indicators' observations (served layout; otherwise a no-op), so memory stays
	 * bounded when a long run walks through every indicator. Asked for again, a part is reloaded.
	 */
	async release(indicatorIds: string[]): Promise<void> {
		if (this.#parts) await this.#parts.release(indicatorIds);
	}

	/** Make these tables queryable (served layout reads population and offers on first use). */
	async prepareTables(tables: ('population' | 'offers')[]): Promise<void> {
		await Promise.all(tables.map((t) => this.#lazyTables.get(t)?.()));
	}

	async #ensure(indicatorId: string): Promise<void> {
		if (this.#parts) await this.#parts.ensure([indicatorId]);
	}

	/** The aggregate's small-number checks each need (minNumerator, minDenominator). */
	#suppressionParams(): number[] {
		const { minNumerator, minDenominator } = this.disclosure;
		return [minNumerator, minDenominator, minNumerator, minDenominator, minNumerator, minDenominator, minNumerator, minDenominator];
	}
}

/** Read one CSV resource into its table (explicit types, strict). */
async function readTable(db: Connector, spec: TableSpec, path: string, bytes: Uint8Array): Promise<void> {
	const fileName = `pkg_${spec.table}.csv`;
	let sql: string;
	if (spec.optional) {
		const header = csvHeader(bytes);
		const missing = missingColumns(spec, header);
		if (missing.length) throw new EngineError(`${path}: Pflichtspalte fehlt: ${missing.map((c) => `„${c}“`).join(', ')}.`);
		sql = createTableByHeaderSql(spec, fileName, header);
	} else sql = createTableSql(spec, fileName);
	await db.registerFile(fileName, bytes);
	try {
		await db.query(sql);
	} catch (e) {
		throw new EngineError(`${path}: Die Tabelle konnte nicht gelesen werden. ${(e as Error).message}`);
	} finally {
		await db.dropFile(fileName);
	}
}

/** Column names of a CSV file's first line (BOM tolerated). */
function csvHeader(bytes: Uint8Array): string[] {
	const head = new TextDecoder().decode(bytes.subarray(0, 65536)).replace(/^\ufeff/, '');
	const end = head.search(/\r?\n/);
	return csvParseRows(end < 0 ? head : head.slice(0, end))[0] ?? [];
}

/**
 * Observation parts of the served layout, each fetched and ingested once. Ingest is serialised
 * (one DuckDB connection), fetches run in parallel; a part that fails can be asked for again.
 */
class PartLoader {
	#db: Connector;
	#source: PackageSource;
	#byId: Map<string, ObservationPart>;
	#loading = new Map<string, Promise<void>>();
	#queue: Promise<unknown> = Promise.resolve();
	#batch = 0;

	constructor(db: Connector, source: PackageSource, parts: ObservationPart[]) {
		this.#db = db;
		this.#source = source;
		this.#byId = new Map(parts.map((p) => [p.indicator_id, p]));
	}

	years(indicatorId: string): number[] {
		return [...(this.#byId.get(indicatorId)?.years ?? [])];
	}

	yearsByIndicator(): Record<string, number[]> {
		return Object.fromEntries([...this.#byId.values()].filter((p) => p.years.length > 0).map((p) => [p.indicator_id, [...p.years]]));
	}

	/**
	 * Requests made in the same turn (a page asking for 30 indicators in one Promise.all) are
	 * gathered into one batch: parallel fetches, one read_csv over all files.
	 */
	ensure(ids: string[]): Promise<void> {
		const wanted = [...new Set(ids)].filter((id) => this.#byId.has(id));
		for (const id of wanted) {
			if (this.#loading.has(id)) continue;
			if (this.#pending.size === 0) queueMicrotask(() => this.#flush());
			let resolve!: () => void, reject!: (e: unknown) => void;
			const p = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
			p.catch(() => this.#loading.delete(id)); // a failed part can be asked for again
			this.#loading.set(id, p);
			this.#pending.set(id, { resolve, reject });
		}
		return Promise.all(wanted.map((id) => this.#loading.get(id))).then(() => {});
	}

	#pending = new Map<string, { resolve: () => void; reject: (e: unknown) => void }>();

	/** Drop loaded parts (after any ingest still queued). */
	release(ids: string[]): Promise<void> {
		const loaded = [...new Set(ids)].filter((id) => this.#loading.has(id) && !this.#pending.has(id));
		if (loaded.length === 0) return Promise.resolve();
		for (const id of loaded) this.#loading.delete(id);
		const list = JSON.stringify(loaded);
		const run = this.#queue.catch(() => {}).then(async () => {
			await this.#db.query(`DELETE FROM observations WHERE list_contains(?::VARCHAR[], indicator_id)`, [list]);
			await this.#db.query(`DELETE FROM suppressed_cells WHERE list_contains(?::VARCHAR[], indicator_id)`, [list]);
		});
		this.#queue = run;
		return run;
	}

	#flush() {
		const batch = [...this.#pending];
		this.#pending.clear();
		const parts = batch.map(([id]) => this.#byId.get(id)!);
		const fetched = Promise.all(parts.map((p) => this.#source.read(p.path)));
		this.#queue = this.#queue
			.catch(() => {})
			.then(async () => this.#ingest(parts, await fetched))
			.then(
				() => batch.forEach(([, d]) => d.resolve()),
				(e) => batch.forEach(([, d]) => d.reject(e))
			);
	}

	async #ingest(parts: ObservationPart[], files: Uint8Array[]): Promise<void> {
		const names = parts.map((_, i) => `pkg_part_${this.#batch}_${i}.csv`);
		this.#batch++;
		try {
			for (let i = 0; i < parts.length; i++) await this.#db.registerFile(names[i], files[i]);
			const cols = Object.entries(PART_TABLE.columns).map(([n, t]) => `'${n}': '${t}'`).join(', ');
			// File names are ours; only they are spliced into the SQL.
			const list = names.map((n) => `'${n}'`).join(', ');
			try {
				await this.#db.query(`CREATE OR REPLACE TEMP TABLE ${PART_TABLE.table} AS SELECT * FROM read_csv([${list}], header = true,
					delim = ',', quote = '"', escape = '"', columns = {${cols}}, auto_detect = false, strict_mode = true)`);
			} catch (e) {
				throw new EngineError(`${parts.map((p) => p.path).join(', ')}: Die Beobachtungen konnten nicht gelesen werden. ${(e as Error).message}`);
			}
			await this.#db.query(`INSERT INTO observations SELECT area_key, indicator_id, year, value, numerator, denominator, COALESCE(flag, '')
				FROM ${PART_TABLE.table}`);
			await this.#db.query(`INSERT INTO suppressed_cells SELECT area_key, indicator_id, year, withheld
				FROM ${PART_TABLE.table} WHERE withheld IS NOT NULL AND withheld <> ''`);
			await this.#db.query(`DROP TABLE ${PART_TABLE.table}`);
		} finally {
			for (const n of names) await this.#db.dropFile(n).catch(() => {});
		}
	}
}

/** Tables the served layout reads on first use. */
const LAZY_TABLES = ['population', 'offers'];

/** A loader that runs once; after a failure the next call tries again. */
function once(load: () => Promise<void>): () => Promise<void> {
	let p: Promise<void> | null = null;
	return () => {
		if (!p) {
			p = load();
			p.catch(() => (p = null));
		}
		return p;
	};
}

/** CREATE TABLE with the spec's columns and no rows. */
function emptyTableSql(spec: TableSpec): string {
	const cols = Object.entries(spec.columns).map(([n, t]) => `"${n}" ${t}`).join(', ');
	return `CREATE OR REPLACE TABLE ${spec.table} (${cols})`;
}

function splitList(v: unknown): string[] {
	return typeof v === 'string' && v !== '' ? v.split('|') : [];
}

/**
 * The area table comes from the GeoJSON properties. It goes in as CSV text, not through Arrow's
 * builders: those compile code with `Function()`, which the app's Content-Security-Policy forbids.
 */
async function insertAreas(db: Connector, descriptor: PackageDescriptor, geometry: Record<string, AreaCollection>) {
	const rows = descriptor.sozialraum.levels.flatMap((lvl, rank) =>
		geometry[lvl.id].features.map((f) => ({
			key: String(f.properties.key),
			name: String(f.properties.name),
			level: lvl.id,
			parent: String(f.properties.parent ?? ''),
			level_rank: rank
		}))
	);
	const file = 'pkg_areas.csv';
	await db.registerFile(file, new TextEncoder().encode(csvFormat(rows, ['key', 'name', 'level', 'parent', 'level_rank'])));
	try {
		await db.query(`CREATE OR REPLACE TABLE areas AS SELECT * FROM read_csv('${file}', header = true, delim = ',',
			quote = '"', escape = '"', auto_detect = false, strict_mode = true,
			columns = {'key': 'VARCHAR', 'name': 'VARCHAR', 'level': 'VARCHAR', 'parent': 'VARCHAR', 'level_rank': 'INTEGER'})`);
		await db.query(`UPDATE areas SET parent = '' WHERE parent IS NULL`);
	} finally {
		await db.dropFile(file);
	}
}
