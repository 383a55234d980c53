/**
 * State of the district profile page (runes). The URL (`?id=…&jahr=…&indikator=…`) is the source of
 * truth; this class loads what the selection needs and keeps the per-indicator city series and
 * per-year values of all areas cached, so stepping to the previous / next district only asks the
 * engine for that district's own series.
 */
import { untrack } from 'svelte';
import { getEngine, getPrecomputed } from '$lib/data/app-engine';
import type { PrecomputedData } from '$lib/data/precomputed-client';
import { precomputedPopulation, precomputedProfileRows, precomputedSeries } from './precomputed-rows';
import { precomputedFits } from '$lib/data/precomputed';
import { ancestorsInYear, buildGeography, geoAreas, listedAreas, type Geography } from '$lib/data/geography';
import type { AreaCollection, AreaInfo, AreaValue, MonitorEngine, ReferencePoint, SeriesPoint, VersionBreak } from '$lib/data/engine';
import { LIFE_PHASES, type AreaLevel, type CrosswalkMethod, type Indicator } from '$lib/data/types';
import { isVersioned, levelVersions, newestVersion } from '$lib/data/levels';
import { selectableLevels } from '$lib/geo/levels-view';
import { parseConvert } from '$lib/geo-url';
import { i18n } from '$lib/i18n/i18n.svelte';
import { keyFacts } from './facts';
import { neighbours, parseProfileParams, type ProfileSelection } from './links';
import { profileRow, type ProfileRow } from './rows';
import { mayHaveOwnIndicators, ownIndicators, withOwn } from '$lib/derived/own-indicators';

export type Status = 'loading' | 'ready' | 'error';

/** Up to this many areas the locator map draws all of them. */
const LOCATOR_ALL_MAX = 2000;

export class ProfileState {
	status = $state<Status>('loading');
	error = $state('');
	indicators = $state.raw<Indicator[]>([]);
	yearsBy = $state.raw<Record<string, number[]>>({});
	areas = $state.raw<AreaInfo[]>([]);
	geometry = $state.raw<AreaCollection | null>(null);
	baseLevel = $state('');
	defaultIndicator = $state('');
	selection = $state<ProfileSelection | null>(null);
	rows = $state.raw<ProfileRow[]>([]);
	population = $state.raw<{ age_group: string; persons: number }[]>([]);
	/** "area|year" the rows belong to; differs from the selection while loading. */
	loadedKey = $state('');
	/** The package's levels (finest first), those a profile may be of, and the crosswalk methods. */
	levels = $state.raw<AreaLevel[]>([]);
	selectable = $state.raw<string[]>([]);
	methods = $state.raw<CrosswalkMethod[]>([]);
	/** Older boundary versions converted by this method (`umrechnung`); null = the series breaks. */
	convert = $state<CrosswalkMethod | null>(null);
	/** Version changes that interrupt the area's series, and every loaded series point (for the notes). */
	breaks = $state.raw<VersionBreak[]>([]);
	points = $state.raw<SeriesPoint[]>([]);
	/** Each indicator's loaded series (with converted / regrouped points), for the CSV's notes. */
	seriesBy = $state.raw<Map<string, SeriesPoint[]>>(new Map());

	#engine: MonitorEngine | null = null;
	/** The build's precomputed rows (rank and spread of every indicator): no engine needed. */
	#pre: PrecomputedData | null = null;
	/** Every level's geometry of the newest boundary version (the engine's, or the build's files). */
	#geometries: Record<string, AreaCollection> = {};
	/** Precomputed mode: the geography the engine builds from the same files (ancestry per year). */
	#geography: (() => Geography) | null = null;
	/** Next level up from the shown one (Stadtbezirke), for the locator of a large package. */
	parentGeometry = $state.raw<AreaCollection | null>(null);
	#values = new Map<string, AreaValue[]>();
	#city = new Map<string, ReferencePoint[]>();
	#token = 0;
	/**
	 * Own indicators beside the files: their ids (rows from the engine), and whether the engine
	 * that will tell which there are is still starting (the page is not "ready" before).
	 */
	#own = new Set<string>();
	#ownPending = false;
	#url: URLSearchParams | null = null;

	/** Areas a profile can be of: today's areas of every selectable level, finest first. */
	profileAreas = $derived(
		this.selectable.flatMap((l) => this.areas.filter((a) => a.level === l && a.valid_to === undefined))
	);
	/** The selected area's level: keys are unique across levels, so the key names it. */
	level = $derived(this.areas.find((a) => a.key === this.selection?.area)?.level ?? this.baseLevel);
	/** The areas of the shown level (locator map, previous / next). */
	baseAreas = $derived(this.profileAreas.filter((a) => a.level === this.level));
	/** Years in which any indicator has data. */
	years = $derived([...new Set(Object.values(this.yearsBy).flat())].sort((a, b) => a - b));
	area = $derived(this.baseAreas.find((a) => a.key === this.selection?.area) ?? null);
	district = $derived(this.areas.find((a) => a.key === this.area?.parent && a.level !== this.level) ?? null);
	/**
	 * What the locator map draws: every area, or above LOCATOR_ALL_MAX (a city at block level)
	 * the areas of the selected one's parent and the other parents (next level up) whole — 20,000 SVG paths would
	 * cost seconds for a map 420 px wide.
	 */
	locatorGeometry = $derived.by<AreaCollection | null>(() => {
		if (!this.geometry || this.geometry.features.length <= LOCATOR_ALL_MAX || !this.parentGeometry || !this.area) return this.geometry;
		const parent = this.area.parent;
		return {
			type: 'FeatureCollection',
			features: [...this.parentGeometry.features.filter((f) => f.properties.key !== parent), ...this.geometry.features.filter((f) => f.properties.parent === parent)]
		};
	});
	facts = $derived(this.population.length > 0 ? keyFacts(this.population) : null);
	around = $derived(this.selection ? neighbours(this.baseAreas.map((a) => a.key), this.selection.area) : { prev: null, next: null });
	ready = $derived(this.selection !== null && this.loadedKey === `${this.selection.area}|${this.selection.year}|${this.convert}`);
	/** Rows grouped by life phase, in the order of a child's life. */
	phases = $derived(
		LIFE_PHASES.map((phase) => ({ phase, rows: this.rows.filter((r) => r.indicator.life_phase === phase) })).filter((g) => g.rows.length > 0)
	);

	async start() {
		this.status = 'loading';
		try {
			const pre = await getPrecomputed();
			const [{ bundledDescriptorOf }, { currentChoice }] = await Promise.all([import('$lib/data/source-app'), import('$lib/packages/choice.svelte')]);
			const bundledDescriptor = await bundledDescriptorOf(currentChoice().name);
			const levels = bundledDescriptor.sozialraum.levels;
			// The files must model the package's boundary versions as this code reads them; an older
			// build's files (written without versions) never answer for a package that has them.
			if (pre && precomputedFits(pre.index, levels)) {
				// every version of every level, as the engine reads them (areas and ancestry per year)
				const versions = await Promise.all(
					levels.map(async (l) => Object.fromEntries(await Promise.all(levelVersions(l).map(async (v) => [v.id, await pre.geometry(l.id, isVersioned(l) ? v.id : undefined)] as const))))
				);
				const geometries = levels.map((l, i) => versions[i][newestVersion(l).id] ?? null);
				const base = geometries[0];
				if (base && versions.every((byVersion) => Object.values(byVersion).every((g) => g !== null))) {
					this.#pre = pre;
					this.#geometries = Object.fromEntries(levels.flatMap((l, i) => (geometries[i] ? [[l.id, geometries[i]!]] : [])));
					const lookup = (level: AreaLevel, version: { id: string }) => (versions[levels.indexOf(level)][version.id] as AreaCollection).features.map((f) => f.properties);
					// the ancestry only when a level switch asks (a 20,000-area package: not on the first view)
					let built: Geography | undefined;
					this.#geography = () => (built ??= buildGeography(levels, lookup));
					this.indicators = pre.index.indicators;
					this.yearsBy = pre.index.years_by_indicator;
					this.baseLevel = pre.index.base_level;
					// as engine.areas() lists them: every key of every version, older ones with valid_to
					this.areas = listedAreas({ areas: geoAreas(levels, lookup) });
					this.defaultIndicator = bundledDescriptor.sozialraum.default_indicator;
					this.geometry = base;
					this.levels = levels;
					this.selectable = selectableLevels({ levels, geometry: this.#geometries });
					// the package's level words now (the layout sets them once the engine is there, if ever)
					i18n.geography(levels, levels.length > 1 && (this.#geometries[levels[levels.length - 1].id]?.features.length ?? 0) === 1);
					this.methods = pre.index.conversion_methods ?? [];
					// DuckDB starts only when own indicators can exist (they are not in the files).
					if (await mayHaveOwnIndicators(bundledDescriptor)) this.#addOwn(pre);
					this.status = 'ready';
					return;
				}
			}
			const engine = await getEngine();
			const [indicators, yearsBy, areas] = await Promise.all([engine.indicators(), engine.yearsByIndicator(), engine.areas()]);
			this.#engine = engine;
			this.indicators = indicators;
			this.yearsBy = yearsBy;
			this.areas = areas;
			this.baseLevel = engine.baseLevel;
			this.defaultIndicator = engine.descriptor.sozialraum.default_indicator;
			this.geometry = engine.geometry[engine.baseLevel];
			this.#geometries = engine.geometry;
			this.levels = engine.levels;
			this.selectable = selectableLevels(engine);
			this.methods = engine.conversionMethods();
			this.status = 'ready';
		} catch (e) {
			this.error = (e as Error).message;
			this.status = 'error';
		}
	}

	/**
	 * Shipped indicators keep the files' rows (shown at once); own ones get rows from the engine,
	 * computed like every engine-served row (rank, spread, interval), added once it is there.
	 */
	#addOwn(pre: PrecomputedData) {
		this.#ownPending = true;
		const done = () => {
			this.#ownPending = false;
			// a permalink to an own indicator waited for it; the rows are completed either way
			if (this.#url) this.fromUrl(this.#url);
			void this.refresh();
		};
		getEngine()
			.then(async (engine) => {
				const own = await ownIndicators(engine, (id) => pre.has(id));
				this.#engine = engine;
				this.#own = new Set(own.indicators.map((i) => i.id));
				if (own.indicators.length > 0) {
					const merged = withOwn(this.indicators, this.yearsBy, own);
					this.indicators = merged.indicators;
					this.yearsBy = merged.yearsBy;
				}
			})
			// no engine: the shipped rows are still right, only the own ones are missing
			.catch(() => undefined)
			.then(done);
	}

	fromUrl(params: URLSearchParams) {
		this.#url = params;
		if (this.status !== 'ready') return;
		const withData = this.indicators.map((i) => i.id).filter((id) => (this.yearsBy[id] ?? []).length > 0);
		this.selection = parseProfileParams(params, {
			areaKeys: this.profileAreas.map((a) => a.key),
			indicators: withData,
			defaultIndicator: this.defaultIndicator,
			yearsOf: () => this.years
		});
		this.convert = parseConvert(params, this.methods);
		// untracked: reading the selection just written would make the caller's effect loop
		untrack(() => {
			const level = this.level;
			this.geometry = this.#geometries[level] ?? this.geometry;
			const up = this.levels[this.levels.findIndex((l) => l.id === level) + 1];
			this.parentGeometry = up ? (this.#geometries[up.id] ?? null) : null;
			i18n.viewLevel(level === this.baseLevel ? null : level);
		});
	}

	/**
	 * The area to show on another level: the ancestor when going up, the first area inside the
	 * current one when going down (else the level's first area).
	 */
	areaOnLevel(level: string): string | null {
		const sel = this.selection;
		if (!sel) return null;
		const engine = this.#engine;
		// Without the engine (precomputed files) the same ancestry from the same geometry files.
		const geography = engine?.geography ?? this.#geography?.();
		const ancestors = (key: string): { key: string; level: string }[] => (geography ? ancestorsInYear(geography, key, sel.year) : []);
		const up = ancestors(sel.area).find((a) => a.level === level);
		if (up) return up.key;
		const inLevel = this.profileAreas.filter((a) => a.level === level);
		const inside = inLevel.find((a) => ancestors(a.key).some((x) => x.key === sel.area));
		return (inside ?? inLevel[0])?.key ?? null;
	}

	async #cached<T>(cache: Map<string, T>, key: string, load: () => Promise<T>): Promise<T> {
		const hit = cache.get(key);
		if (hit) return hit;
		const v = await load();
		cache.set(key, v);
		return v;
	}

	/** Load every indicator of the selected area and year; stale answers (fast clicking) are dropped. */
	async refresh() {
		const sel = this.selection;
		if ((!this.#engine && !this.#pre) || !sel) return;
		const token = ++this.#token;
		const level = this.level;
		const convert = this.convert;
		const inds = this.indicators.filter((i) => (this.yearsBy[i.id] ?? []).length > 0);
		const area = this.area;
		// The build's files hold the finest level's areas only, and no conversion by crosswalk
		// weights (`umrechnung=`: estimates the engine computes on request); those ask the engine.
		if (this.#pre && area && level === this.baseLevel && !convert) {
			const [stats, shard] = await Promise.all([this.#pre.profileStats(), this.#pre.profileShard(sel.area)]);
			if (shard) {
				const shippedInds = inds.filter((i) => !this.#own.has(i.id));
				const shipped = precomputedProfileRows({ indicators: shippedInds, stats, shard, area, year: sel.year });
				if (token !== this.#token) return;
				const perIndicator = precomputedSeries({ indicators: shippedInds, stats, shard, area });
				const shippedPoints = perIndicator.flat();
				this.points = shippedPoints;
				// each indicator's series, for the CSV's notes (breaks; the files hold no conversion)
				this.seriesBy = new Map(shippedInds.map((ind, k) => [ind.id, perIndicator[k]]));
				this.breaks = this.#pre.index.breaks?.[sel.area] ?? [];
				this.population = precomputedPopulation(shard, sel.area, sel.year);
				const own = inds.filter((i) => this.#own.has(i.id));
				const engine = this.#engine;
				if (this.#ownPending || own.length === 0 || !engine) {
					this.rows = shipped;
					// still waiting for the engine: show the shipped rows, but not as complete
					if (!this.#ownPending) this.loadedKey = `${sel.area}|${sel.year}|${convert}`;
					return;
				}
				const added = await this.#engineRows(engine, own, sel, level, convert);
				if (token !== this.#token) return;
				const byId = new Map([...shipped, ...added.map((r) => r.row)].map((r) => [r.indicator.id, r]));
				this.rows = inds.map((i) => byId.get(i.id)!).filter((r) => r !== undefined);
				this.points = [...shippedPoints, ...added.flatMap((r) => r.series)];
				this.seriesBy = new Map([...this.seriesBy, ...added.map((r) => [r.row.indicator.id, r.series] as const)]);
				this.loadedKey = `${sel.area}|${sel.year}|${convert}`;
				return;
			}
		}
		const engine = (this.#engine ??= await getEngine());
		if (token !== this.#token) return;
		const [rows, population] = await Promise.all([this.#engineRows(engine, inds, sel, level, convert), engine.population(sel.area, sel.year)]);
		if (token !== this.#token) return;
		this.rows = rows.map((r) => r.row);
		this.points = rows.flatMap((r) => r.series);
		this.seriesBy = new Map(rows.map((r) => [r.row.indicator.id, r.series]));
		this.breaks = engine.seriesBreaks(sel.area);
		this.population = population;
		this.loadedKey = `${sel.area}|${sel.year}|${convert}`;
	}

	#engineRows(engine: MonitorEngine, inds: readonly Indicator[], sel: ProfileSelection, level: string, convert: CrosswalkMethod | null) {
		return Promise.all(
			inds.map(async (ind) => {
				const [values, series, city] = await Promise.all([
					this.#cached(this.#values, `${level}|${ind.id}|${sel.year}`, () => engine.valuesFor(ind.id, sel.year, level)),
					engine.seriesFor(sel.area, ind.id, { convert }),
					this.#cached(this.#city, ind.id, () => engine.referenceSeries(ind.id))
				]);
				// trend words use one boundary version only: converted years are estimates
				const own = series.filter((p) => p.origin !== 'converted');
				return { row: profileRow({ indicator: ind, year: sel.year, areaKey: sel.area, values, series: own, city }), series };
			})
		);
	}
}
