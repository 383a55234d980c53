/**
 * The monitoring engine: loads a data package into DuckDB and answers the questions the pages ask.
 * It is the only module that knows SQL exists; pages get typed rows.
 */
import { csvFormat, csvParseRows } from 'd3';
import type { Connector } from './connector';
import type { FeatureCollection, Geometry } from 'geojson';
import type {
	AreaLevel,
	AreaProperties,
	AreaVersion,
	CrosswalkMethod,
	CrosswalkRow,
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
import { TABLES, INVENTORY_TABLES, REFERENCES_TABLE, CROSSWALK_TABLE, createTableByHeaderSql, createTableSql, missingColumns, NORMALISE_SQL, referencesSpec, type TableSpec } from './schema';
import { PART_TABLE, SUPPRESSED_TOTALS_TABLE } from './served';
import * as Q from './queries';
import * as L from './level-queries';
import { buildSuppressionTables } from './suppression';
import { ancestorsInYear, buildGeography, type Geography } from './geography';
import { conversionMethods, conversionPlans, convertPoint, type CellNumbers, type ConversionPlan, type TotalNumbers } from './conversion';
import { levelVersions, versionForYear } from './levels';
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
	/**
	 * Set on points that do not come from the area's own cells: `regrouped` = summed exactly from
	 * the finest areas of an older boundary version, `converted` = shared out by crosswalk weights
	 * (an estimate). Absent = the area's own value.
	 */
	origin?: 'regrouped' | 'converted';
	/** Converted points: share (0–1) of the converted counts that came from areas that were split. */
	split_share?: number;
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
	/** Only for an area of an older boundary version that no longer exists: its last valid year. */
	valid_to?: number;
}

/** A change of boundary version that interrupts an area's series ("Gebietsstand geändert"). */
export interface VersionBreak {
	/** First year of the new version; the break lies between year − 1 and year. */
	year: number;
	/** Version labels before and after (German, English). */
	before_de: string;
	before_en: string;
	after_de: string;
	after_en: string;
	/** The older years can be converted onto this area through the crosswalk (on request). */
	convertible: boolean;
}

export interface SeriesOptions {
	/** Convert years of older boundary versions onto this area by this crosswalk method. */
	convert?: CrosswalkMethod | null;
}

export class EngineError extends Error {}

export class MonitorEngine {
	readonly descriptor: PackageDescriptor;
	/** Geometry per level id: the level's newest boundary version. */
	readonly geometry: Record<string, AreaCollection>;
	/** Geometry per level id and version id ("" for a level without versions). */
	readonly geometryVersions: Record<string, Record<string, AreaCollection>>;
	/** Areas of every level and version, epochs, ancestors (geography.ts). */
	readonly geography: Geography;
	#db: Connector;
	/** The package carries its own published totals (a public copy): use them as references. */
	#publishedReferences: boolean;

	/** Loads observation parts on demand (served layout); null when everything is loaded. */
	#parts: PartLoader | null;

	/** Tables read on first use (served layout), by table name. */
	#lazyTables: Map<string, () => Promise<void>>;

	/** crosswalk.csv rows (empty without a crosswalk). */
	#crosswalk: CrosswalkRow[] = [];
	#plans = new Map<string, ConversionPlan[]>();

	/** The derived (own) indicators: defined at run time, then ordinary rows of every table (derived.ts). */
	readonly derived: DerivedIndicators;

	private constructor(
		db: Connector,
		descriptor: PackageDescriptor,
		geometryVersions: Record<string, Record<string, AreaCollection>>,
		geography: Geography,
		parts: PartLoader | null,
		lazyTables: Map<string, () => Promise<void>>
	) {
		this.#db = db;
		this.#parts = parts;
		this.#lazyTables = lazyTables;
		this.#publishedReferences = descriptor.resources.some((r) => r.name === REFERENCES_TABLE.resource);
		this.descriptor = descriptor;
		this.geometryVersions = geometryVersions;
		this.geography = geography;
		this.geometry = Object.fromEntries(
			descriptor.sozialraum.levels.map((l) => [l.id, geometryVersions[l.id][levelVersions(l).find((v) => v.path === l.path)?.id ?? levelVersions(l).at(-1)!.id]])
		);
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
		const geometry: Record<string, Record<string, AreaCollection>> = {};
		for (const level of descriptor.sozialraum.levels) {
			geometry[level.id] = {};
			for (const version of levelVersions(level)) {
				const bytes = await source.read(version.path);
				try {
					geometry[level.id][version.id] = JSON.parse(new TextDecoder().decode(bytes)) as AreaCollection;
				} catch (e) {
					throw new EngineError(`${version.path}: Die Datei ist kein gültiges GeoJSON (${(e as Error).message}).`);
				}
			}
		}
		const geography = buildGeography(descriptor.sozialraum.levels, (level, version) => geometry[level.id][version.id].features.map((f) => f.properties));
		await insertGeography(db, geography);
		const parts = descriptor.sozialraum.observation_parts;
		const refs = descriptor.resources.find((r) => r.name === REFERENCES_TABLE.resource);
		const optional = [...(refs ? [referencesSpec(refs)] : []), ...(descriptor.resources.some((r) => r.name === CROSSWALK_TABLE.resource) ? [CROSSWALK_TABLE] : [])];
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
			await buildSuppressionTables(db, descriptor.sozialraum.disclosure, geography);
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
		const engine = new MonitorEngine(db, descriptor, geometry, geography, parts ? new PartLoader(db, source, parts) : null, lazyTables);
		if (optional.includes(CROSSWALK_TABLE)) {
			engine.#crosswalk = (await db.query<CrosswalkRow & Record<string, unknown>>(`SELECT * FROM crosswalk`)).map((r) => ({ ...r, weight: Number(r.weight) }));
		}
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

	/** The package's levels, finest first. */
	get levels(): AreaLevel[] {
		return this.descriptor.sozialraum.levels;
	}

	level(id: string): AreaLevel | undefined {
		return this.levels.find((l) => l.id === id);
	}

	/** The level an area key belongs to (keys are unique across levels; '' = the territory). */
	levelOf(key: string): AreaLevel | undefined {
		const a = this.geography.areas.find((x) => x.key === key);
		return a ? this.level(a.level) : undefined;
	}

	/**
	 * The areas an area lies in, in a reporting year (its boundary version then), nearest first:
	 * e.g. an Ortsteil → its Gemeinde → the Kreis. The territory '' is left out. Works for an area
	 * of any level; the finest area itself is not included.
	 */
	ancestorsOf(key: string, year: number): AreaInfo[] {
		return ancestorsInYear(this.geography, key, year);
	}

	/** The boundary version of a level valid in a reporting year. */
	versionFor(levelId: string, year: number): AreaVersion {
		return versionForYear(this.level(levelId)!, year);
	}

	/** The geometry of a level as it was in a reporting year (the version valid then). */
	geometryFor(levelId: string, year: number): AreaCollection {
		return this.geometryVersions[levelId][this.versionFor(levelId, year).id];
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

	/**
	 * Every area of every level once, finest level first, with the name and parent of its newest
	 * version. Areas of an older version that no longer exist carry `valid_to`.
	 */
	async areas(): Promise<AreaInfo[]> {
		const rows = await this.#db.query<AreaInfo & Record<string, unknown>>(Q.AREAS);
		return rows.map(({ valid_to, ...a }) => (valid_to === null || valid_to === undefined ? a : { ...a, valid_to: Number(valid_to) }));
	}

	/** The areas of a level in the boundary version valid in a year (default: the newest). */
	async areasIn(levelId: string, year?: number): Promise<AreaInfo[]> {
		const y = year ?? this.#newestYear(levelId);
		return this.#db.query<AreaInfo & Record<string, unknown>>(Q.AREAS_IN_YEAR, [levelId, y]);
	}

	/** A year inside the newest version of a level. */
	#newestYear(levelId: string): number {
		const versions = levelVersions(this.level(levelId)!);
		const v = versions.at(-1)!;
		return v.valid_from ?? v.valid_to ?? 9999;
	}

	/**
	 * Every area of a level (default: the finest) valid in that year with its value: the cell on
	 * the finest level, the pooled value of its finest areas above it. Suppression-checked;
	 * areas without data come back as 'missing'.
	 */
	async valuesFor(indicatorId: string, year: number, levelId: string = this.baseLevel): Promise<AreaValue[]> {
		await this.#ensure(indicatorId);
		if (levelId === this.baseLevel) {
			return this.#db.query<AreaValue & Record<string, unknown>>(Q.VALUES_FOR_YEAR, [indicatorId, year, levelId, year]);
		}
		const sql = this.#publishedReferences ? L.LEVEL_VALUES_PUBLISHED : L.LEVEL_VALUES;
		return this.#db.query<AreaValue & Record<string, unknown>>(sql, [indicatorId, year, levelId, indicatorId, year, levelId, year]);
	}

	/** Published values of all areas of a level and years (suppressed cells as null). */
	async valuesAllYears(indicatorId: string, levelId: string = this.baseLevel): Promise<(number | null)[]> {
		await this.#ensure(indicatorId);
		let rows: { value: number | null }[];
		if (levelId === this.baseLevel) rows = await this.#db.query<{ value: number | null }>(Q.VALUES_ALL_YEARS, [indicatorId]);
		else if (this.#publishedReferences) rows = await this.#db.query<{ value: number | null }>(L.LEVEL_VALUES_ALL_YEARS_PUBLISHED, [indicatorId, levelId]);
		else rows = await this.#db.query<{ value: number | null }>(L.LEVEL_VALUES_ALL_YEARS, [indicatorId, levelId, indicatorId]);
		return rows.map((r) => r.value);
	}

	/**
	 * The series of one area of any level: its own cells on the finest level, its pooled values
	 * above (the same numbers as its reference series, as points with flags).
	 */
	async seriesFor(areaKey: string, indicatorId: string, options: SeriesOptions = {}): Promise<SeriesPoint[]> {
		await this.#ensure(indicatorId);
		const level = this.levelOf(areaKey);
		const own =
			!level || level.id === this.baseLevel
				? await this.#db.query<SeriesPoint & Record<string, unknown>>(Q.SERIES_FOR_AREA, [areaKey, indicatorId])
				: await this.#pooledSeries(indicatorId, areaKey);
		if (!level || this.#crosswalk.length === 0) return own;
		const extra = await this.#olderYears(indicatorId, areaKey, options.convert ?? null);
		if (extra.length === 0) return own;
		const have = new Set(own.map((p) => p.year));
		return [...own, ...extra.filter((p) => !have.has(p.year))].sort((a, b) => a.year - b.year);
	}

	/** Crosswalk methods the package offers for converting older boundary versions. */
	conversionMethods(): CrosswalkMethod[] {
		return conversionMethods(this.geography, this.#crosswalk);
	}

	#plansFor(method: CrosswalkMethod): ConversionPlan[] {
		let p = this.#plans.get(method);
		if (!p) this.#plans.set(method, (p = conversionPlans(this.geography, this.#crosswalk, method)));
		return p;
	}

	/** Whether an area's key exists in the version of its level valid in a year. */
	#exists(key: string, year: number): boolean {
		return this.geography.areas.some((a) => a.key === key && year >= a.valid_from && year <= a.valid_to);
	}

	/**
	 * Points of the years in which an area did not exist yet, from an older boundary version:
	 * exact regroupings always (the default method's weights, all 1), estimates only when `convert`
	 * names a method. Protected as conversion.ts explains.
	 */
	async #olderYears(indicatorId: string, key: string, convert: CrosswalkMethod | null): Promise<SeriesPoint[]> {
		const methods = this.conversionMethods();
		const method = convert && methods.includes(convert) ? convert : methods[0];
		if (!method) return [];
		const plans = this.#plansFor(method).filter((p) => p.weights.get(key)?.size);
		if (plans.length === 0) return [];
		const years = (await this.years(indicatorId)).filter((y) => !this.#exists(key, y) && plans.some((p) => y >= p.from && y <= p.to));
		if (years.length === 0) return [];
		const points = await this.#convert(indicatorId, [key], years, plans);
		return points.get(key)!.filter((p) => convert || p.origin === 'regrouped');
	}

	/** Converted points of several targets in several old years (one pair of queries). */
	async #convert(indicatorId: string, targets: string[], years: number[], plans: ConversionPlan[]): Promise<Map<string, SeriesPoint[]>> {
		const list = JSON.stringify(years);
		const [cellRows, totalRows, [indicator]] = await Promise.all([
			this.#db.query<{ area_key: string; year: number; numerator: number | null; denominator: number | null; withheld: boolean }>(L.CELLS_FOR_YEARS, [indicatorId, list]),
			this.#db.query<{ area_key: string; year: number; numerator: number | null; denominator: number | null; withheld: boolean }>(
				this.#publishedReferences ? L.TOTALS_FOR_YEARS_PUBLISHED : L.TOTALS_FOR_YEARS,
				[indicatorId, list]
			),
			this.#db.query<{ value_type: string; multiplier: number }>(`SELECT value_type, multiplier FROM indicators WHERE id = ?`, [indicatorId])
		]);
		const byYear = <T extends { year: number; area_key: string }>(rows: T[]) => {
			const m = new Map<number, Map<string, T>>();
			for (const r of rows) {
				const y = Number(r.year);
				if (!m.has(y)) m.set(y, new Map());
				m.get(y)!.set(String(r.area_key ?? ''), r);
			}
			return m;
		};
		const cells = byYear(cellRows);
		const totals = byYear(totalRows);
		const isCount = indicator?.value_type === 'count';
		const { minNumerator, minDenominator } = this.disclosure;
		const out = new Map<string, SeriesPoint[]>(targets.map((t) => [t, []]));
		for (const year of years) {
			const plan = plans.find((p) => year >= p.from && year <= p.to);
			if (!plan) continue;
			for (const t of targets) {
				const c = convertPoint(plan, t, year, this.geography, (cells.get(year) ?? new Map()) as Map<string, CellNumbers>, (totals.get(year) ?? new Map()) as Map<string, TotalNumbers>, { isCount, minNumerator, minDenominator });
				if (!c || c.empty) continue;
				const value = c.suppressed || c.numerator === null ? null : isCount ? c.numerator : c.denominator ? (c.numerator / c.denominator) * indicator.multiplier : null;
				out.get(t)!.push({
					year,
					value,
					numerator: c.suppressed ? null : c.numerator,
					denominator: c.suppressed ? null : c.denominator,
					flag: c.suppressed ? 'suppressed' : value === null ? 'missing' : '',
					origin: c.origin,
					...(c.origin === 'converted' ? { split_share: c.split_share } : {})
				});
			}
		}
		return out;
	}

	/**
	 * Values of every area of a level's NEWEST version in a year of an older version, regrouped or
	 * converted by the crosswalk method (for a map "on today's boundaries"); the year's own areas
	 * when the year already uses the newest version.
	 */
	async convertedValuesFor(indicatorId: string, year: number, levelId: string, method: CrosswalkMethod): Promise<(AreaValue & Pick<SeriesPoint, 'origin' | 'split_share'>)[]> {
		await this.#ensure(indicatorId);
		const newest = await this.areasIn(levelId);
		const plans = this.#plansFor(method).filter((p) => year >= p.from && year <= p.to);
		const keys = newest.filter((a) => !this.#exists(a.key, year)).map((a) => a.key);
		if (plans.length === 0 || keys.length === 0) return this.valuesFor(indicatorId, year, levelId);
		const own = new Map((await this.valuesFor(indicatorId, year, levelId)).map((r) => [r.area_key, r]));
		const converted = await this.#convert(indicatorId, keys, [year], plans);
		return newest.map((a) => {
			const mine = own.get(a.key);
			if (mine) return mine;
			const p = converted.get(a.key)?.[0];
			if (!p) return { area_key: a.key, name: a.name, parent: a.parent, value: null, numerator: null, denominator: null, flag: 'missing' as ObservationFlag };
			return { area_key: a.key, name: a.name, parent: a.parent, value: p.value, numerator: p.numerator, denominator: p.denominator, flag: p.flag, origin: p.origin, ...(p.split_share !== undefined ? { split_share: p.split_share } : {}) };
		});
	}

	/**
	 * Version changes that interrupt an area's series: the area exists on one side of the change
	 * only, and its older years are not an exact regrouping (those continue by default).
	 */
	seriesBreaks(key: string): VersionBreak[] {
		const level = this.levelOf(key);
		if (!level) return [];
		const methods = this.conversionMethods();
		const regroup = methods[0] ? this.#plansFor(methods[0]) : [];
		const breaks: VersionBreak[] = [];
		const epochs = this.geography.epochs;
		for (let i = 1; i < epochs.length; i++) {
			const year = epochs[i].from;
			const before = this.#exists(key, year - 1);
			const after = this.#exists(key, year);
			if (before === after) continue;
			// a change only where the level has areas on both sides (not at the start of the first version)
			const levelIn = (y: number) => this.geography.areas.some((a) => a.level === level.id && y >= a.valid_from && y <= a.valid_to);
			if (!levelIn(year - 1) || !levelIn(year)) continue;
			// a new area whose older years are an exact union of old areas continues (regrouped)
			const plan = regroup.find((p) => year - 1 >= p.from && year - 1 <= p.to);
			const weights = plan?.weights.get(key);
			const exact = !!weights && weights.size > 0 && [...weights.values()].every((w) => w === 1);
			if (after && exact) continue;
			const vBefore = versionForYear(level, year - 1);
			const vAfter = versionForYear(level, year);
			const fin = this.levels[0];
			// the level itself may have one version while its finest areas changed
			const label = (v: AreaVersion, y: number, lang: 'de' | 'en') =>
				(lang === 'de' ? v.label_de : v.label_en) || (lang === 'de' ? versionForYear(fin, y).label_de : versionForYear(fin, y).label_en) || String(y);
			breaks.push({
				year,
				before_de: label(vBefore, year - 1, 'de'),
				before_en: label(vBefore, year - 1, 'en'),
				after_de: label(vAfter, year, 'de'),
				after_en: label(vAfter, year, 'en'),
				convertible: after && methods.length > 0 && !!this.#plansFor(methods[0]).find((p) => year - 1 >= p.from && year - 1 <= p.to)?.weights.get(key)?.size
			});
		}
		return breaks;
	}

	/** A coarser area's (or the territory's) reference series as series points with flags. */
	async #pooledSeries(indicatorId: string, key: string): Promise<SeriesPoint[]> {
		const [ref, years] = await Promise.all([
			this.referenceSeries(indicatorId, key),
			this.#db.query<{ year: number }>(Q.ANCESTOR_YEARS, [indicatorId, key])
		]);
		const byYear = new Map(ref.map((r) => [r.year, r]));
		const all = [...new Set([...ref.map((r) => r.year), ...years.map((y) => Number(y.year))])].sort((a, b) => a - b);
		return all.map((year) => {
			const r = byYear.get(year);
			if (r && r.value !== null) return { year, value: r.value, numerator: r.numerator, denominator: r.denominator, flag: '' as ObservationFlag };
			// rows inside but no published total: withheld (a public copy lists only safe totals)
			const withheld = !r ? true : r.numerator === null;
			return { year, value: null, numerator: null, denominator: null, flag: (withheld ? 'suppressed' : 'missing') as ObservationFlag };
		});
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
	 * Reference per year of the whole territory (key '') or of any area above the finest level
	 * (a Stadtbezirk, a Gemeinde, the Kreis), pooled from the finest areas inside it that year, and
	 * for years without any numerator a labelled mean of those areas' values (basis).
	 */
	async referenceSeries(indicatorId: string, parentKey = ''): Promise<ReferencePoint[]> {
		await this.#ensure(indicatorId);
		if (this.#publishedReferences) {
			const rows = await this.#db.query<ReferencePoint & Record<string, unknown>>(Q.PUBLISHED_REFERENCE_SERIES, [parentKey, indicatorId]);
			return rows.map((r) => ({ ...r, basis: (r.basis as ReferenceBasis | null) ?? 'pooled', weights: r.weights ?? null }));
		}
		const pooled = await this.#db.query<Omit<ReferencePoint, 'basis' | 'weights'> & Record<string, unknown>>(Q.REFERENCE_SERIES, [indicatorId, parentKey, parentKey, indicatorId]);
		return withMeanFallback(this, indicatorId, parentKey, pooled.map((r) => ({ ...r, basis: 'pooled' as const, weights: null })));
	}

	/**
	 * One series summed over several areas of any level (a target's scope: two Sozialräume, three
	 * Gemeinden). Finest areas add their cells, coarser ones their totals. Protected like a total:
	 * withheld in a year when one member is withheld (the sum minus the published members would
	 * give it away) or when the sum itself is a small number.
	 */
	async aggregateSeries(indicatorId: string, areaKeys: string[]): Promise<SeriesPoint[]> {
		await this.#ensure(indicatorId);
		if (areaKeys.length === 0) return [];
		const keys = [...new Set(areaKeys)];
		const finest = keys.filter((k) => (this.levelOf(k)?.id ?? this.baseLevel) === this.baseLevel);
		const coarse = keys.filter((k) => !finest.includes(k));
		const [cells, totals, [indicator]] = await Promise.all([
			finest.length ? this.#db.query<{ year: number; numerator: number | null; denominator: number | null; areas_used: number; withheld: boolean }>(Q.AGGREGATE_CELLS, [indicatorId, JSON.stringify(finest)]) : Promise.resolve([]),
			Promise.all(coarse.map((k) => this.#pooledSeries(indicatorId, k))),
			this.#db.query<{ value_type: string; multiplier: number }>(`SELECT value_type, multiplier FROM indicators WHERE id = ?`, [indicatorId])
		]);
		const years = new Map<number, { num: number | null; den: number | null; withheld: boolean; any: boolean }>();
		const add = (year: number, num: number | null, den: number | null, withheld: boolean) => {
			const y = years.get(year) ?? { num: null, den: null, withheld: false, any: false };
			if (num !== null) {
				y.num = (y.num ?? 0) + num;
				y.any = true;
			}
			if (den !== null) y.den = (y.den ?? 0) + den;
			y.withheld ||= withheld;
			years.set(year, y);
		};
		for (const c of cells) add(Number(c.year), c.numerator, c.denominator, !!c.withheld);
		for (const series of totals) for (const p of series) add(p.year, p.numerator, p.denominator, p.flag === 'suppressed');
		const { minNumerator, minDenominator } = this.disclosure;
		const isCount = indicator?.value_type === 'count';
		return [...years.entries()]
			.sort((a, b) => a[0] - b[0])
			.map(([year, y]): SeriesPoint => {
				if (!y.any) return { year, value: null, numerator: null, denominator: null, flag: y.withheld ? 'suppressed' : 'missing' };
				const small = (y.num! > 0 && y.num! < minNumerator) || (y.den !== null && y.den < minDenominator);
				if (y.withheld || small) return { year, value: null, numerator: null, denominator: null, flag: 'suppressed' };
				const value = isCount ? y.num : y.den ? (y.num! / y.den) * indicator.multiplier : null;
				return { year, value, numerator: y.num, denominator: y.den, flag: value === null ? 'missing' : '' };
			});
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
		return this.#db.query(Q.POPULATION_FOR_AREA, [areaKey, year, areaKey, year, areaKey, year]);
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
 * The area tables come from the GeoJSON properties (geography.ts): `areas` holds every area of
 * every level and boundary version with its validity, `area_ancestors` every finest area's
 * ancestors per period. They go in as CSV text, not through Arrow's builders: those compile code
 * with `Function()`, which the app's Content-Security-Policy forbids.
 */
async function insertGeography(db: Connector, geo: Geography) {
	await loadCsvTable(db, 'areas', geo.areas, { key: 'VARCHAR', name: 'VARCHAR', level: 'VARCHAR', parent: 'VARCHAR', level_rank: 'INTEGER', version: 'VARCHAR', valid_from: 'INTEGER', valid_to: 'INTEGER' });
	await db.query(`UPDATE areas SET parent = '' WHERE parent IS NULL`);
	await db.query(`UPDATE areas SET version = '' WHERE version IS NULL`);
	await loadCsvTable(db, 'area_ancestors', geo.ancestors, { key: 'VARCHAR', ancestor: 'VARCHAR', ancestor_level: 'VARCHAR', depth: 'INTEGER', valid_from: 'INTEGER', valid_to: 'INTEGER' });
	await db.query(`UPDATE area_ancestors SET ancestor = '' WHERE ancestor IS NULL`);
	await db.query(`UPDATE area_ancestors SET ancestor_level = '' WHERE ancestor_level IS NULL`);
}

async function loadCsvTable(db: Connector, table: string, rows: readonly object[], columns: Record<string, 'VARCHAR' | 'INTEGER' | 'DOUBLE'>) {
	const file = `pkg_${table}.csv`;
	const names = Object.keys(columns);
	await db.registerFile(file, new TextEncoder().encode(csvFormat(rows as Record<string, unknown>[], names)));
	const cols = Object.entries(columns).map(([n, t]) => `'${n}': '${t}'`).join(', ');
	try {
		// table and column names are ours (this module), never data
		await db.query(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_csv('${file}', header = true, delim = ',',
			quote = '"', escape = '"', auto_detect = false, strict_mode = true, columns = {${cols}})`);
	} finally {
		await db.dropFile(file);
	}
}
