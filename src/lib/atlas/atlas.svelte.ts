/**
 * State of the atlas page (runes): what is selected, what the engine returned, what the map draws.
 * The page stays a thin composition; the URL is the source of truth for the selection.
 */
import { getEngine } from '$lib/data/app-engine';
import type { AreaValue, MonitorEngine, ReferencePoint, SeriesPoint, AreaCollection, VersionBreak } from '$lib/data/engine';
import type { AreaLevel, CrosswalkMethod, Indicator } from '$lib/data/types';
import { choroplethModel, type ChoroplethModel } from './choropleth-model';
import { parseAtlasState, type AtlasState } from './url-state';
import type { PolarityComparison } from '$lib/stats/compare';
import { viewKey } from './url-state';
import { INDEX_INDICATOR_ID } from '$lib/index/as-indicator';
import type { IndexLayer } from '$lib/index/layer';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import { selectableLevels } from '$lib/geo/levels-view';

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
	/** Level the rows belong to (set with them). */
	rowsLevel = $state('');
	series = $state.raw<SeriesPoint[]>([]);
	city = $state.raw<ReferencePoint[]>([]);
	/** Values of all years of the indicator, loaded only when breaks are fixed across years. */
	allYears = $state.raw<(number | null)[] | undefined>(undefined);
	locale = $state<'de-DE' | 'en-GB'>('de-DE');
	/** The package's levels, finest first, and the crosswalk methods it offers. */
	levels = $state.raw<AreaLevel[]>([]);
	methods = $state.raw<CrosswalkMethod[]>([]);
	/** Levels a view may switch to: all but a top level that is one area (the territory itself). */
	selectable = $state.raw<string[]>([]);
	/** Version changes that interrupt the selected area's series. */
	breaks = $state.raw<VersionBreak[]>([]);
	/** Geometry per "level|version" the map draws: the version valid in the year shown. */
	geometryKey = $state('');
	categoryLabel = $state<(c: PolarityComparison) => string>((c) => c);

	#engine: MonitorEngine | null = null;
	#areaNames = new Map<string, string>();
	#keysByLevel = new Map<string, Set<string>>();
	/** The Sozialindex with the builder's last settings, offered as one more layer (or null). */
	indexLayer = $state<IndexLayer | null>(null);

	indicator = $derived(this.indicators.find((i) => i.id === this.selection?.indicator) ?? null);
	cityValue = $derived(this.city.find((p) => p.year === this.selection?.year)?.value ?? null);
	/** The index has its own classes (the builder's SD cut-offs), whatever the map options say. */
	effectiveView = $derived(
		this.selection && this.indexLayer && this.selection.indicator === INDEX_INDICATOR_ID
			? { ...this.selection.view, mode: 'values' as const, method: 'manual' as const, fixed: false, breaks: [...this.indexLayer.settings.statusCuts] }
			: this.selection?.view
	);
	model = $derived.by<ChoroplethModel | null>(() => {
		if (!this.indicator || !this.selection || !this.effectiveView) return null;
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
	signature = $derived(this.selection ? `${this.rowsKey}|${viewKey(this.selection.view)}${this.rowsLevel && this.rowsLevel !== this.levels[0]?.id ? `|${this.rowsLevel}` : ''}` : '');
	areaName = $derived(this.rows.find((r) => r.area_key === this.selection?.area)?.name ?? this.#areaNames.get(this.selection?.area ?? '') ?? '');
	/** The level shown (the finest unless the URL says otherwise). */
	level = $derived(this.selection?.level ?? this.levels[0]?.id ?? '');

	async start() {
		this.status = 'loading';
		try {
			const engine = await getEngine();
			this.#engine = engine;
			const [indicators, yearsBy] = await Promise.all([engine.indicators(), engine.yearsByIndicator()]);
			const layer = await import('$lib/index/layer')
				.then((m) => m.currentIndexLayer(engine, localStorage, t))
				.catch(() => null);
			this.indexLayer = layer;
			this.indicators = layer ? [...indicators, layer.indicator] : indicators;
			this.yearsBy = layer ? { ...yearsBy, [INDEX_INDICATOR_ID]: [layer.year] } : yearsBy;
			this.levels = engine.levels;
			this.methods = engine.conversionMethods();
			this.selectable = selectableLevels(engine);
			const areas = await engine.areas();
			this.#areaNames = new Map(areas.map((a) => [a.key, a.name]));
			this.#keysByLevel = new Map(engine.levels.map((l) => [l.id, new Set(areas.filter((a) => a.level === l.id).map((a) => a.key))]));
			this.#setGeometry(engine, engine.baseLevel, null);
			this.status = 'ready';
		} catch (e) {
			this.error = (e as Error).message;
			this.status = 'error';
		}
	}

	/** Read the selection from the URL (on load and on back/forward). */
	fromUrl(params: URLSearchParams) {
		if (!this.#engine) return;
		const keys = new Set(this.areas?.features.map((f) => f.properties.key) ?? []);
		const selection = parseAtlasState(params, {
			indicators: this.indicators.map((i) => i.id).filter((id) => (this.yearsBy[id] ?? []).length > 0),
			defaultIndicator: this.#engine.descriptor.sozialraum.default_indicator,
			yearsOf: (id) => this.yearsBy[id] ?? [],
			areaKeys: keys,
			levels: this.levels.map((l) => l.id),
			areaKeysOf: (level) => this.#keysByLevel.get(level) ?? new Set(),
			methods: this.methods
		});
		// from a local: reading this.selection after writing it would make the caller's effect loop
		this.selection = selection;
		i18n.viewLevel(selection.level ?? null);
	}

	/** The area on another level that contains `key` in a year (its ancestor), or null. */
	areaOnLevel(key: string | null, level: string, year: number): string | null {
		if (!key || !this.#engine) return null;
		return this.#engine.ancestorsOf(key, year).find((a) => a.level === level)?.key ?? null;
	}

	/**
	 * The map draws the level shown in the boundary version valid in the year, with the next level
	 * up as thicker borders. A new object only when level or version change (the map is rebuilt then).
	 */
	#setGeometry(engine: MonitorEngine, level: string, year: number | null) {
		const version = year === null ? null : engine.versionFor(level, year);
		const rank = engine.levels.findIndex((l) => l.id === level);
		const up = engine.levels[rank + 1];
		const key = `${level}|${version?.id ?? 'newest'}`;
		if (key === this.geometryKey) return;
		this.areas = year === null ? engine.geometry[level] : engine.geometryFor(level, year);
		this.parents = up ? (year === null ? engine.geometry[up.id] : engine.geometryFor(up.id, year)) : undefined;
		this.geometryKey = key;
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

	#values(engine: MonitorEngine, indicator: string, year: number, level = this.level): Promise<AreaValue[]> {
		return this.#cached(`v|${level}|${indicator}|${year}`, () => engine.valuesFor(indicator, year, level));
	}

	/** Stepping through the years is the common next move: have the neighbours ready. */
	#prefetchNeighbours(engine: MonitorEngine, indicator: string, year: number) {
		const years = this.yearsBy[indicator] ?? [];
		const i = years.indexOf(year);
		for (const y of [years[i - 1], years[i + 1]]) if (y !== undefined) this.#values(engine, indicator, y, this.level).catch(() => {});
	}

	/** Fetch what the current selection shows. Stale answers are dropped (fast clicking). */
	#token = 0;
	async refresh() {
		const engine = this.#engine;
		const sel = this.selection;
		if (!engine || !sel) return;
		const token = ++this.#token;
		if (sel.indicator === INDEX_INDICATOR_ID && this.indexLayer) {
			// the Sozialindex exists on the finest level only
			this.#setGeometry(engine, engine.baseLevel, sel.year);
			this.rowsLevel = engine.baseLevel;
			this.breaks = [];
			this.rows = this.indexLayer.rows;
			this.rowsKey = `${sel.indicator}|${sel.year}`;
			this.series = [];
			this.city = [];
			this.allYears = undefined;
			return;
		}
		// A year change only needs the new year's values: the series, the city reference and all
		// years' values belong to the indicator and come from the cache (the engine's data never change).
		const level = this.level;
		const convert = sel.convert ?? null;
		const [rows, series, city, allYears] = await Promise.all([
			this.#values(engine, sel.indicator, sel.year, level),
			sel.area ? this.#cached(`s|${sel.area}|${sel.indicator}|${convert}`, () => engine.seriesFor(sel.area!, sel.indicator, { convert })) : Promise.resolve([]),
			this.#cached(`c|${sel.indicator}`, () => engine.referenceSeries(sel.indicator)),
			sel.view.fixed ? this.#cached(`a|${level}|${sel.indicator}`, () => engine.valuesAllYears(sel.indicator, level)) : Promise.resolve(undefined)
		]);
		if (token !== this.#token) return;
		this.#setGeometry(engine, level, sel.year);
		this.breaks = sel.area ? engine.seriesBreaks(sel.area) : [];
		this.rows = rows;
		this.rowsKey = `${sel.indicator}|${sel.year}`;
		this.rowsLevel = level;
		this.series = series;
		this.city = city;
		this.allYears = allYears;
		this.#prefetchNeighbours(engine, sel.indicator, sel.year);
	}
}
