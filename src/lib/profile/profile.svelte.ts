/**
 * State of the district profile page (runes). The URL (`?id=…&jahr=…&indikator=…`) is the source of
 * truth; this class loads what the selection needs and keeps the per-indicator city series and
 * per-year values of all areas cached, so stepping to the previous / next district only asks the
 * engine for that district's own series.
 */
import { getEngine, getPrecomputed } from '$lib/data/app-engine';
import type { PrecomputedData } from '$lib/data/precomputed-client';
import { precomputedPopulation, precomputedProfileRows } from './precomputed-rows';
import type { AreaCollection, AreaInfo, AreaValue, MonitorEngine, ReferencePoint } from '$lib/data/engine';
import { LIFE_PHASES, type Indicator } from '$lib/data/types';
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

	#engine: MonitorEngine | null = null;
	/** The build's precomputed rows (rank and spread of every indicator): no engine needed. */
	#pre: PrecomputedData | null = null;
	/** Next level up (Stadtbezirke), for the locator of a large package. */
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

	baseAreas = $derived(this.areas.filter((a) => a.level === this.baseLevel));
	/** Years in which any indicator has data. */
	years = $derived([...new Set(Object.values(this.yearsBy).flat())].sort((a, b) => a - b));
	area = $derived(this.baseAreas.find((a) => a.key === this.selection?.area) ?? null);
	district = $derived(this.areas.find((a) => a.key === this.area?.parent && a.level !== this.baseLevel) ?? null);
	/**
	 * What the locator map draws: every area, or above LOCATOR_ALL_MAX (a city at block level)
	 * the areas of the selected one's parent and the other parents whole — 20,000 SVG paths would
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
	ready = $derived(this.selection !== null && this.loadedKey === `${this.selection.area}|${this.selection.year}`);
	/** Rows grouped by life phase, in the order of a child's life. */
	phases = $derived(
		LIFE_PHASES.map((phase) => ({ phase, rows: this.rows.filter((r) => r.indicator.life_phase === phase) })).filter((g) => g.rows.length > 0)
	);

	async start() {
		this.status = 'loading';
		try {
			const pre = await getPrecomputed();
			const { bundledDescriptor } = await import('$lib/data/source-app');
			const levels = bundledDescriptor.sozialraum.levels;
			if (pre) {
				const [base, parents] = await Promise.all([pre.geometry(levels[0].id), levels[1] ? pre.geometry(levels[1].id) : null]);
				if (base) {
					const a = pre.index.areas;
					this.#pre = pre;
					this.indicators = pre.index.indicators;
					this.yearsBy = pre.index.years_by_indicator;
					this.baseLevel = pre.index.base_level;
					this.areas = [
						...a.key.map((key, i) => ({ key, name: a.name[i], level: pre.index.base_level, parent: a.parent[i] })),
						...(parents?.features ?? []).map((f) => ({ key: String(f.properties.key), name: String(f.properties.name), level: levels[1].id, parent: String(f.properties.parent ?? '') }))
					];
					this.defaultIndicator = bundledDescriptor.sozialraum.default_indicator;
					this.geometry = base;
					this.parentGeometry = parents;
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
			const parent = engine.descriptor.sozialraum.levels[1];
			this.parentGeometry = parent ? engine.geometry[parent.id] : null;
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
			areaKeys: this.baseAreas.map((a) => a.key),
			indicators: withData,
			defaultIndicator: this.defaultIndicator,
			yearsOf: () => this.years
		});
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
		const engine = this.#engine;
		const sel = this.selection;
		if ((!engine && !this.#pre) || !sel) return;
		const token = ++this.#token;
		const inds = this.indicators.filter((i) => (this.yearsBy[i.id] ?? []).length > 0);
		const area = this.area;
		if (this.#pre && area) {
			const [stats, shard] = await Promise.all([this.#pre.profileStats(), this.#pre.profileShard(sel.area)]);
			if (shard) {
				const shipped = precomputedProfileRows({ indicators: inds.filter((i) => !this.#own.has(i.id)), stats, shard, area, year: sel.year });
				if (token !== this.#token) return;
				this.population = precomputedPopulation(shard, sel.area, sel.year);
				const own = inds.filter((i) => this.#own.has(i.id));
				if (this.#ownPending || own.length === 0 || !engine) {
					this.rows = shipped;
					// still waiting for the engine: show the shipped rows, but not as complete
					if (!this.#ownPending) this.loadedKey = `${sel.area}|${sel.year}`;
					return;
				}
				const added = await this.#engineRows(engine, own, sel);
				if (token !== this.#token) return;
				const byId = new Map([...shipped, ...added].map((r) => [r.indicator.id, r]));
				this.rows = inds.map((i) => byId.get(i.id)!).filter((r) => r !== undefined);
				this.loadedKey = `${sel.area}|${sel.year}`;
				return;
			}
		}
		if (!engine) return;
		const [rows, population] = await Promise.all([this.#engineRows(engine, inds, sel), engine.population(sel.area, sel.year)]);
		if (token !== this.#token) return;
		this.rows = rows;
		this.population = population;
		this.loadedKey = `${sel.area}|${sel.year}`;
	}

	#engineRows(engine: MonitorEngine, inds: readonly Indicator[], sel: ProfileSelection): Promise<ProfileRow[]> {
		return Promise.all(
			inds.map(async (ind) => {
				const [values, series, city] = await Promise.all([
					this.#cached(this.#values, `${ind.id}|${sel.year}`, () => engine.valuesFor(ind.id, sel.year)),
					engine.seriesFor(sel.area, ind.id),
					this.#cached(this.#city, ind.id, () => engine.referenceSeries(ind.id))
				]);
				return profileRow({ indicator: ind, year: sel.year, areaKey: sel.area, values, series, city });
			})
		);
	}
}
