/**
 * The monitoring engine: loads a data package into DuckDB and answers the questions the pages ask.
 * It is the only module that knows SQL exists; pages get typed rows.
 */
import { csvFormat } from 'd3';
import type { Connector } from './connector';
import type { FeatureCollection, Geometry } from 'geojson';
import type {
	AreaProperties,
	DisclosureSettings,
	Indicator,
	ObservationFlag,
	Offer,
	PackageDescriptor,
	Target
} from './types';
import { TABLES, REFERENCES_TABLE, createTableSql, NORMALISE_SQL } from './schema';
import * as Q from './queries';
import { buildSuppressionTables } from './suppression';

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
	numerator: number;
	denominator: number | null;
	areas_used: number;
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

	private constructor(db: Connector, descriptor: PackageDescriptor, geometry: Record<string, AreaCollection>) {
		this.#db = db;
		this.#publishedReferences = descriptor.resources.some((r) => r.name === REFERENCES_TABLE.resource);
		this.descriptor = descriptor;
		this.geometry = geometry;
	}

	/** Load every table of the package; throws EngineError with a German message naming the file. */
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
		const optional = descriptor.resources.some((r) => r.name === REFERENCES_TABLE.resource) ? [REFERENCES_TABLE] : [];
		for (const spec of [...TABLES, ...optional]) {
			const resource = descriptor.resources.find((r) => r.name === spec.resource);
			if (!resource) throw new EngineError(`datapackage.json: Die Ressource „${spec.resource}“ fehlt.`);
			const fileName = `pkg_${spec.table}.csv`;
			await db.registerFile(fileName, await source.read(resource.path));
			try {
				await db.query(createTableSql(spec, fileName));
			} catch (e) {
				throw new EngineError(`${resource.path}: Die Tabelle konnte nicht gelesen werden. ${(e as Error).message}`);
			} finally {
				await db.dropFile(fileName);
			}
		}
		for (const sql of NORMALISE_SQL) await db.query(sql);
		await buildSuppressionTables(db, descriptor.sozialraum.disclosure);
		return new MonitorEngine(db, descriptor, geometry);
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
		const rows = await this.#db.query<{ year: number }>(Q.YEARS_FOR_INDICATOR, [indicatorId]);
		return rows.map((r) => r.year);
	}

	/** Years with at least one value, per indicator (one query for the whole catalogue). */
	async yearsByIndicator(): Promise<Record<string, number[]>> {
		const rows = await this.#db.query<{ indicator_id: string; years: unknown }>(Q.YEARS_BY_INDICATOR);
		return Object.fromEntries(rows.map((r) => [r.indicator_id, Array.from(r.years as ArrayLike<number>, Number)]));
	}

	async areas(): Promise<AreaInfo[]> {
		return this.#db.query<AreaInfo & Record<string, unknown>>(Q.AREAS);
	}

	/** Every base-level area with its (suppression-checked) value; areas without data come back as 'missing'. */
	async valuesFor(indicatorId: string, year: number): Promise<AreaValue[]> {
		return this.#db.query<AreaValue & Record<string, unknown>>(Q.VALUES_FOR_YEAR, [
			indicatorId,
			year,
			this.baseLevel
		]);
	}

	/** Published values of all areas and years (suppressed cells as null). */
	async valuesAllYears(indicatorId: string): Promise<(number | null)[]> {
		const rows = await this.#db.query<{ value: number | null }>(Q.VALUES_ALL_YEARS, [indicatorId]);
		return rows.map((r) => r.value);
	}

	async seriesFor(areaKey: string, indicatorId: string): Promise<SeriesPoint[]> {
		return this.#db.query<SeriesPoint & Record<string, unknown>>(Q.SERIES_FOR_AREA, [
			areaKey,
			indicatorId
		]);
	}

	/** City reference per year (parentKey '') or that of one parent area, e.g. a Stadtbezirk. */
	async referenceSeries(indicatorId: string, parentKey = ''): Promise<ReferencePoint[]> {
		if (this.#publishedReferences) {
			return this.#db.query<ReferencePoint & Record<string, unknown>>(Q.PUBLISHED_REFERENCE_SERIES, [parentKey, indicatorId]);
		}
		return this.#db.query<ReferencePoint & Record<string, unknown>>(Q.REFERENCE_SERIES, [
			indicatorId,
			parentKey,
			parentKey,
			parentKey,
			indicatorId
		]);
	}

	/** One series summed over several base areas (e.g. a target for two Sozialräume), suppressed like a cell. */
	async aggregateSeries(indicatorId: string, areaKeys: string[]): Promise<SeriesPoint[]> {
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

	async population(areaKey: string, year: number): Promise<{ age_group: string; persons: number }[]> {
		return this.#db.query(Q.POPULATION_FOR_AREA, [areaKey, year]);
	}

	/** The aggregate's small-number checks each need (minNumerator, minDenominator). */
	#suppressionParams(): number[] {
		const { minNumerator, minDenominator } = this.disclosure;
		return [minNumerator, minDenominator, minNumerator, minDenominator, minNumerator, minDenominator, minNumerator, minDenominator];
	}
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
