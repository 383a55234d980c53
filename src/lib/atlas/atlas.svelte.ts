/**
 * State of the atlas page (runes): what is selected, what the engine returned, what the map draws.
 * The page stays a thin composition; the URL is the source of truth for the selection.
 */
import { getEngine, getPrecomputed } from '$lib/data/app-engine';
import type { PrecomputedData } from '$lib/data/precomputed-client';
import { seriesForArea, valuesAllYears, valuesForYear } from '$lib/data/precomputed';
import type { AreaValue, MonitorEngine, ReferencePoint, SeriesPoint, AreaCollection } from '$lib/data/engine';
import type { Indicator } from '$lib/data/types';
import { choroplethModel, type ChoroplethModel } from './choropleth-model';
import { parseAtlasState, type AtlasState } from './url-state';
import type { PolarityComparison } from '$lib/stats/compare';
import { viewKey } from './url-state';
import { INDEX_INDICATOR_ID } from '$lib/index/as-indicator';
import type { IndexLayer } from '$lib/index/layer';
import { indexChoroplethModel } from '$lib/index/map-model';
import { t } from '$lib/i18n/i18n.svelte';
import { ownIndicators, withOwn } from '$lib/derived/own-indicators';

export type EngineStatus = 'loading' | 'ready' | 'error';

export class Atlas {
	status = $state<EngineStatus>('loading');
	error = $state<string>('');
	indicators = $state.raw<Indicator[]>([]);
	yearsBy = $state.raw<Record<string, number[]>>({});
	areas = $state.raw<AreaCollection | null>(null);
	parents = $state.raw<AreaCollection | undefined>(undefined);
	selection = $state<AtlasState | null>(null);
	rows = $state.raw<AreaValue[]>([]);
	/** "indicator|year" the rows belong to (they arrive after the selection changed). */
	rowsKey = $state('');
	series = $state.raw<SeriesPoint[]>([]);
	city = $state.raw<ReferencePoint[]>([]);
	/** Values of all years of the indicator, loaded only when breaks are fixed across years. */
	allYears = $state.raw<(number | null)[] | undefined>(undefined);
	locale = $state<'de-DE' | 'en-GB'>('de-DE');
	categoryLabel = $state<(c: PolarityComparison) => string>((c) => c);

	#engine: MonitorEngine | null = null;
	/** The build's precomputed answers (null: everything from the engine). */
	#pre: PrecomputedData | null = null;
	#position = new Map<string, number>();
	#defaultIndicator = '';
	#readAhead = false;
	/** The last URL read, so a permalink to the index layer can be read again once it exists. */
	#url: URLSearchParams | null = null;
	/** The Sozialindex with the builder's last settings, offered as one more layer (or null). */
	indexLayer = $state<IndexLayer | null>(null);

	indicator = $derived(this.indicators.find((i) => i.id === this.selection?.indicator) ?? null);
	/** The reference of the shown year: pooled city value, or a labelled mean of shares (basis). */
	cityPoint = $derived(this.city.find((p) => p.year === this.selection?.year) ?? null);
	cityValue = $derived(this.cityPoint?.value ?? null);
	/** The index has its own classes (the builder's SD cut-offs), whatever the map options say. */
	effectiveView = $derived(
		this.selection && this.indexLayer && this.selection.indicator === INDEX_INDICATOR_ID
			? { ...this.selection.view, mode: 'values' as const, method: 'manual' as const, fixed: false, breaks: [...this.indexLayer.settings.statusCuts] }
			: this.selection?.view
	);
	model = $derived.by<ChoroplethModel | null>(() => {
		if (!this.indicator || !this.selection || !this.effectiveView) return null;
		if (this.indexLayer && this.selection.indicator === INDEX_INDICATOR_ID) {
			return indexChoroplethModel(this.indexLayer.status, this.indexLayer.settings, t, this.locale);
		}
		try {
			return choroplethModel({
				rows: this.rows,
				indicator: this.indicator,
				view: this.effectiveView,
				cityValue: this.cityValue,
				allYears: this.allYears,
				locale: this.locale,
				categoryLabel: this.categoryLabel
			});
		} catch {
			// e.g. manual breaks that do not fit: fall back to the default classes rather than no map
			return choroplethModel({
				rows: this.rows,
				indicator: this.indicator,
				view: { ...this.selection.view, method: 'quantile', breaks: [] },
				cityValue: this.cityValue,
				locale: this.locale,
				categoryLabel: this.categoryLabel
			});
		}
	});
	/** What the map shows; the map reports it back once drawn. */
	signature = $derived(this.selection ? `${this.rowsKey}|${viewKey(this.selection.view)}` : '');
	areaName = $derived(this.rows.find((r) => r.area_key === this.selection?.area)?.name ?? '');

	/**
	 * Show the atlas as soon as it can be drawn: from the build's precomputed files when there are
	 * some (catalogue, geometry, the indicator's values of every year) while DuckDB-wasm is still
	 * starting; the engine, started at the same time, takes over for what is not precomputed
	 * (the Sozialindex layer, own indicators, indicators without a file, a user's own package).
	 */
	async start() {
		this.status = 'loading';
		const engine = getEngine();
		engine.catch(() => {});
		try {
			const pre = await getPrecomputed();
			if (pre) {
				const { bundledDescriptor } = await import('$lib/data/source-app');
				const levels = bundledDescriptor.sozialraum.levels;
				this.#defaultIndicator = bundledDescriptor.sozialraum.default_indicator;
				const [areas, parents] = await Promise.all([pre.geometry(levels[0].id), levels[1] ? pre.geometry(levels[1].id) : null]);
				if (areas) {
					this.#pre = pre;
					this.indicators = pre.index.indicators;
					this.yearsBy = pre.index.years_by_indicator;
					this.areas = areas;
					this.parents = parents ?? undefined;
					this.#position = new Map(pre.index.areas.key.map((k, i) => [k, i]));
					this.status = 'ready';
					engine.then((e) => this.#engineReady(e)).catch(() => {});
					return;
				}
			}
			const e = await engine;
			this.#defaultIndicator = e.descriptor.sozialraum.default_indicator;
			this.areas = e.geometry[e.baseLevel];
			const parentLevel = e.descriptor.sozialraum.levels[1];
			this.parents = parentLevel ? e.geometry[parentLevel.id] : undefined;
			const [indicators, yearsBy] = await Promise.all([e.indicators(), e.yearsByIndicator()]);
			this.indicators = indicators;
			this.yearsBy = yearsBy;
			await this.#engineReady(e);
			this.status = 'ready';
		} catch (e) {
			this.error = (e as Error).message;
			this.status = 'error';
		}
	}

	/**
	 * The engine is there: add the planner's own indicators when the catalogue came from the
	 * files (they exist only in the engine; #fromFile sends everything about them there), and the
	 * Sozialindex layer (its builder settings live in localStorage).
	 */
	async #engineReady(engine: MonitorEngine) {
		this.#engine = engine;
		const pre = this.#pre;
		if (pre) {
			const own = await ownIndicators(engine, (id) => pre.has(id)).catch(() => null);
			if (own && own.indicators.length > 0) {
				const merged = withOwn(this.indicators, this.yearsBy, own);
				this.indicators = merged.indicators;
				this.yearsBy = merged.yearsBy;
			}
		}
		const layer = await import('$lib/index/layer')
			.then((m) => m.currentIndexLayer(engine, localStorage, t))
			.catch(() => null);
		this.indexLayer = layer;
		if (layer) {
			this.indicators = [...this.indicators.filter((i) => i.id !== INDEX_INDICATOR_ID), layer.indicator];
			this.yearsBy = { ...this.yearsBy, [INDEX_INDICATOR_ID]: [layer.year] };
		}
		// A permalink to the index layer waited for it.
		if (this.#url) this.fromUrl(this.#url);
	}

	/** Read the selection from the URL (on load and on back/forward). */
	fromUrl(params: URLSearchParams) {
		this.#url = params;
		if (this.status !== 'ready' && !this.#engine) return;
		const keys = new Set(this.areas?.features.map((f) => f.properties.key) ?? []);
		this.selection = parseAtlasState(params, {
			indicators: this.indicators.map((i) => i.id).filter((id) => (this.yearsBy[id] ?? []).length > 0),
			defaultIndicator: this.#defaultIndicator,
			yearsOf: (id) => this.yearsBy[id] ?? [],
			areaKeys: keys
		});
	}

	/**
	 * Answers already fetched, newest last (the engine's data never change while the page lives).
	 * Bounded, so a long session at 20,000 areas does not keep every year of every indicator.
	 */
	#cache = new Map<string, Promise<unknown>>();
	#cached<T>(key: string, load: () => Promise<T>): Promise<T> {
		let p = this.#cache.get(key) as Promise<T> | undefined;
		if (p) {
			this.#cache.delete(key);
			this.#cache.set(key, p);
			return p;
		}
		p = load();
		this.#cache.set(key, p);
		p.catch(() => this.#cache.delete(key));
		if (this.#cache.size > 80) this.#cache.delete(this.#cache.keys().next().value!);
		return p;
	}

	/** What the map shows comes from a precomputed file when the build has one for the indicator. */
	#fromFile(indicator: string): boolean {
		return !!this.#pre?.has(indicator);
	}

	#values(indicator: string, year: number): Promise<AreaValue[]> {
		const pre = this.#pre;
		if (pre && this.#fromFile(indicator)) return this.#cached(`v|${indicator}|${year}`, async () => valuesForYear(await pre.atlas(indicator), pre.index.areas, year));
		return this.#cached(`v|${indicator}|${year}`, async () => (await this.#engineNow()).valuesFor(indicator, year));
	}

	#series(area: string, indicator: string): Promise<SeriesPoint[]> {
		const pre = this.#pre;
		const at = this.#position.get(area);
		if (pre && this.#fromFile(indicator) && at !== undefined) return this.#cached(`s|${area}|${indicator}`, async () => seriesForArea(await pre.atlas(indicator), at));
		return this.#cached(`s|${area}|${indicator}`, async () => (await this.#engineNow()).seriesFor(area, indicator));
	}

	#city(indicator: string): Promise<ReferencePoint[]> {
		const pre = this.#pre;
		if (pre && this.#fromFile(indicator)) return this.#cached(`c|${indicator}`, async () => (await pre.atlas(indicator)).city);
		return this.#cached(`c|${indicator}`, async () => (await this.#engineNow()).referenceSeries(indicator));
	}

	#allYears(indicator: string): Promise<(number | null)[]> {
		const pre = this.#pre;
		if (pre && this.#fromFile(indicator)) return this.#cached(`a|${indicator}`, async () => valuesAllYears(await pre.atlas(indicator)));
		return this.#cached(`a|${indicator}`, async () => (await this.#engineNow()).valuesAllYears(indicator));
	}

	#engineNow(): Promise<MonitorEngine> {
		return this.#engine ? Promise.resolve(this.#engine) : getEngine();
	}

	/**
	 * Stepping through the years and the indicator list are the common next moves: have the
	 * neighbouring years' values (and, from files, the neighbouring indicators) ready.
	 */
	#prefetchNeighbours(indicator: string, year: number) {
		const years = this.yearsBy[indicator] ?? [];
		const i = years.indexOf(year);
		for (const y of [years[i - 1], years[i + 1]]) if (y !== undefined) this.#values(indicator, y).catch(() => {});
		const pre = this.#pre;
		if (!pre) return;
		const ids = this.indicators.map((x) => x.id).filter((id) => pre.has(id));
		const k = ids.indexOf(indicator);
		// A small package: every indicator, once; a large one: the neighbours in the list. After
		// the current frame, one file at a time: reading ahead must not delay the map asked for.
		const next = pre.keepsAll ? (this.#readAhead ? [] : ((this.#readAhead = true), ids)) : [ids[k + 1], ids[k - 1]].filter((id) => id !== undefined);
		let chain = new Promise((r) => setTimeout(r, 50));
		for (const id of next) chain = chain.then(() => pre.atlas(id)).catch(() => {});
	}

	/** Fetch what the current selection shows. Stale answers are dropped (fast clicking). */
	#token = 0;
	async refresh() {
		const sel = this.selection;
		if (!sel || (!this.#engine && !this.#pre)) return;
		const token = ++this.#token;
		if (sel.indicator === INDEX_INDICATOR_ID && this.indexLayer) {
			this.rows = this.indexLayer.rows;
			this.rowsKey = `${sel.indicator}|${sel.year}`;
			this.series = [];
			this.city = [];
			this.allYears = undefined;
			return;
		}
		// A year change only needs the new year's values: the series, the city reference and all
		// years' values belong to the indicator and come from the cache (the data never change).
		const asked = performance.now();
		const [rows, series, city, allYears] = await Promise.all([
			this.#values(sel.indicator, sel.year),
			sel.area ? this.#series(sel.area, sel.indicator) : Promise.resolve([]),
			this.#city(sel.indicator),
			sel.view.fixed ? this.#allYears(sel.indicator) : Promise.resolve(undefined)
		]);
		if (token !== this.#token) return;
		// How long the answer took (engine round trip or file), for the benchmark (tests/bench/probe.ts).
		performance.measure('atlas:data', { start: asked, detail: `${sel.indicator}|${sel.year}` });
		this.rows = rows;
		this.rowsKey = `${sel.indicator}|${sel.year}`;
		this.series = series;
		this.city = city;
		this.allYears = allYears;
		this.#prefetchNeighbours(sel.indicator, sel.year);
	}
}
