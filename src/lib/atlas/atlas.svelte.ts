/**
 * State of the atlas page (runes): what is selected, what the engine returned, what the map draws.
 * The page stays a thin composition; the URL is the source of truth for the selection.
 */
import { getEngine, getPrecomputed } from '$lib/data/app-engine';
import type { PrecomputedData } from '$lib/data/precomputed-client';
import { precomputedFits, seriesForArea, valuesAllYears, valuesForYear } from '$lib/data/precomputed';
import type { AreaValue, MonitorEngine, ReferencePoint, SeriesPoint, AreaCollection, VersionBreak } from '$lib/data/engine';
import type { AreaLevel, CrosswalkMethod, Indicator } from '$lib/data/types';
import { isVersioned, levelVersions, newestVersion, versionForYear } from '$lib/data/levels';
import { ancestorsInYear, buildGeography, type Geography } from '$lib/data/geography';
import { choroplethModel, type ChoroplethModel } from './choropleth-model';
import { parseAtlasState, type AtlasState } from './url-state';
import type { PolarityComparison } from '$lib/stats/compare';
import { viewKey } from './url-state';
import { INDEX_INDICATOR_ID } from '$lib/index/as-indicator';
import type { IndexLayer } from '$lib/index/layer';
import { indexChoroplethModel } from '$lib/index/map-model';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import { ownIndicators, withOwn } from '$lib/derived/own-indicators';
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
	/**
	 * Precomputed mode: every level's geometry per boundary version ("" for a level without
	 * versions) from the build's files, and the geography the engine builds from the same files
	 * (ancestry per year) until the engine is there.
	 */
	#preVersions: Record<string, Record<string, AreaCollection>> = {};
	#preGeography: Geography | null = null;
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
	signature = $derived(this.selection ? `${this.rowsKey}|${viewKey(this.selection.view)}${this.rowsLevel && this.rowsLevel !== this.levels[0]?.id ? `|${this.rowsLevel}` : ''}` : '');
	areaName = $derived(this.rows.find((r) => r.area_key === this.selection?.area)?.name ?? this.#areaNames.get(this.selection?.area ?? '') ?? '');
	/** The level shown (the finest unless the URL says otherwise). */
	level = $derived(this.selection?.level ?? this.levels[0]?.id ?? '');

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
			const [{ bundledDescriptorOf }, { currentChoice }] = await Promise.all([import('$lib/data/source-app'), import('$lib/packages/choice.svelte')]);
			const bundledDescriptor = await bundledDescriptorOf(currentChoice().name);
			const levels = bundledDescriptor.sozialraum.levels;
			// The files must model the package's boundary versions as this code reads them; an older
			// build's files (written without versions) never answer for a package that has them.
			if (pre && precomputedFits(pre.index, levels)) {
				this.#defaultIndicator = bundledDescriptor.sozialraum.default_indicator;
				// every version of every level: the map shows the version valid in the year (the engine reads the same files)
				const versions = await Promise.all(
					levels.map(async (l) => Object.fromEntries(await Promise.all(levelVersions(l).map(async (v) => [v.id, await pre.geometry(l.id, isVersioned(l) ? v.id : undefined)] as const))))
				);
				if (versions.every((byVersion) => Object.values(byVersion).every((g) => g !== null))) {
					this.#pre = pre;
					this.#preVersions = Object.fromEntries(levels.map((l, i) => [l.id, versions[i] as Record<string, AreaCollection>]));
					this.indicators = pre.index.indicators;
					this.yearsBy = pre.index.years_by_indicator;
					this.levels = levels;
					this.methods = pre.index.conversion_methods ?? [];
					this.selectable = selectableLevels({ levels, geometry: this.#newestGeometry() });
					// the package's level words now (the layout sets them once the engine is there: later)
					i18n.geography(levels, levels.length > 1 && (this.#newestGeometry()[levels[levels.length - 1].id]?.features.length ?? 0) === 1);
					// as the engine lists them (engine.areas(): every key of every version, the newest
					// version's name); straight from the features, the geography is built only when asked
					const features = levels.flatMap((l) => levelVersions(l).flatMap((v) => this.#preVersions[l.id][v.id].features.map((f) => ({ level: l.id, p: f.properties }))));
					this.#areaNames = new Map(features.map((f) => [String(f.p.key), String(f.p.name)]));
					this.#keysByLevel = new Map(levels.map((l) => [l.id, new Set(features.filter((f) => f.level === l.id).map((f) => String(f.p.key)))]));
					this.#setGeometry(levels[0].id, null);
					this.#position = new Map(pre.index.areas.key.map((k, i) => [k, i]));
					this.status = 'ready';
					engine.then((e) => this.#engineReady(e)).catch(() => {});
					return;
				}
			}
			const e = await engine;
			this.#engine = e;
			this.#defaultIndicator = e.descriptor.sozialraum.default_indicator;
			this.levels = e.levels;
			this.methods = e.conversionMethods();
			this.selectable = selectableLevels(e);
			const [indicators, yearsBy, areas] = await Promise.all([e.indicators(), e.yearsByIndicator(), e.areas()]);
			this.#areaNames = new Map(areas.map((a) => [a.key, a.name]));
			this.#keysByLevel = new Map(e.levels.map((l) => [l.id, new Set(areas.filter((a) => a.level === l.id).map((a) => a.key))]));
			this.#setGeometry(e.baseLevel, null);
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
		const selection = parseAtlasState(params, {
			indicators: this.indicators.map((i) => i.id).filter((id) => (this.yearsBy[id] ?? []).length > 0),
			defaultIndicator: this.#defaultIndicator,
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
		if (!key) return null;
		// precomputed mode: the same ancestry from the same geometry files, before the engine is there
		const geography = this.#engine?.geography ?? this.#geographyFromFiles();
		if (!geography) return null;
		return ancestorsInYear(geography, key, year).find((a) => a.level === level)?.key ?? null;
	}

	/**
	 * The map draws the level shown in the boundary version valid in the year, with the next level
	 * up as thicker borders. A new object only when level or version change (the map is rebuilt then).
	 */
	#setGeometry(level: string, year: number | null) {
		const engine = this.#engine;
		const rank = this.levels.findIndex((l) => l.id === level);
		const up = this.levels[rank + 1];
		// the version from the descriptor (engine.versionFor is the same function), so the engine
		// taking over from the files keeps the key and rebuilds no map
		const versionOf = (l: AreaLevel | undefined) => (year === null || !l || !isVersioned(l) ? null : versionForYear(l, year));
		const version = versionOf(this.levels[rank]);
		const key = `${level}|${version?.id ?? 'newest'}`;
		if (key === this.geometryKey) return;
		const geometryOf = (l: AreaLevel): AreaCollection | undefined => {
			const v = versionOf(l);
			if (engine) return v ? engine.geometryVersions[l.id][v.id] : engine.geometry[l.id];
			return v ? this.#preVersions[l.id]?.[v.id] : this.#newestGeometry()[l.id];
		};
		this.areas = (this.levels[rank] ? geometryOf(this.levels[rank]) : undefined) ?? null;
		this.parents = up ? geometryOf(up) : undefined;
		this.geometryKey = key;
	}

	/** The geography the engine builds, from the same files (precomputed mode), built once. */
	#geographyFromFiles(): Geography | null {
		if (!this.#pre) return null;
		this.#preGeography ??= buildGeography(this.levels, (level, version) => this.#preVersions[level.id][version.id].features.map((f) => f.properties));
		return this.#preGeography;
	}

	/** Every level's newest geometry from the build's files (precomputed mode). */
	#newestGeometry(): Record<string, AreaCollection> {
		const out: Record<string, AreaCollection> = {};
		for (const l of this.levels) {
			const g = this.#preVersions[l.id]?.[newestVersion(l).id];
			if (g) out[l.id] = g;
		}
		return out;
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

	/** What the map shows comes from a precomputed file when the build has one (finest level only). */
	#fromFile(indicator: string, level: string): boolean {
		return !!this.#pre?.has(indicator) && level === this.#pre.index.base_level;
	}

	#values(indicator: string, year: number, level: string): Promise<AreaValue[]> {
		const pre = this.#pre;
		if (pre && this.#fromFile(indicator, level)) return this.#cached(`v|${level}|${indicator}|${year}`, async () => valuesForYear(await pre.atlas(indicator), pre.index.areas, year));
		return this.#cached(`v|${level}|${indicator}|${year}`, async () => (await this.#engineNow()).valuesFor(indicator, year, level));
	}

	#series(area: string, indicator: string, convert: CrosswalkMethod | null): Promise<SeriesPoint[]> {
		const pre = this.#pre;
		const at = this.#position.get(area);
		if (pre && !convert && this.#fromFile(indicator, pre.index.base_level) && at !== undefined) {
			return this.#cached(`s|${area}|${indicator}|${convert}`, async () => seriesForArea(await pre.atlas(indicator), at));
		}
		return this.#cached(`s|${area}|${indicator}|${convert}`, async () => (await this.#engineNow()).seriesFor(area, indicator, { convert }));
	}

	#city(indicator: string): Promise<ReferencePoint[]> {
		const pre = this.#pre;
		if (pre && this.#fromFile(indicator, pre.index.base_level)) return this.#cached(`c|${indicator}`, async () => (await pre.atlas(indicator)).city);
		return this.#cached(`c|${indicator}`, async () => (await this.#engineNow()).referenceSeries(indicator));
	}

	#allYears(indicator: string, level: string): Promise<(number | null)[]> {
		const pre = this.#pre;
		if (pre && this.#fromFile(indicator, level)) return this.#cached(`a|${level}|${indicator}`, async () => valuesAllYears(await pre.atlas(indicator)));
		return this.#cached(`a|${level}|${indicator}`, async () => (await this.#engineNow()).valuesAllYears(indicator, level));
	}

	/** engine.seriesBreaks; for a base area the build's copy while the engine is not there yet. */
	async #breaks(area: string): Promise<VersionBreak[]> {
		if (this.#engine) return this.#engine.seriesBreaks(area);
		const pre = this.#pre;
		if (pre && this.#position.has(area)) return pre.index.breaks?.[area] ?? [];
		return (await this.#engineNow()).seriesBreaks(area);
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
		for (const y of [years[i - 1], years[i + 1]]) if (y !== undefined) this.#values(indicator, y, this.level).catch(() => {});
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
			// the Sozialindex exists on the finest level only
			const base = this.levels[0]?.id ?? '';
			this.#setGeometry(base, sel.year);
			this.rowsLevel = base;
			this.breaks = [];
			this.rows = this.indexLayer.rows;
			this.rowsKey = `${sel.indicator}|${sel.year}`;
			this.series = [];
			this.city = [];
			this.allYears = undefined;
			return;
		}
		// A year change only needs the new year's values: the series, the city reference and all
		// years' values belong to the indicator and come from the cache (the data never change).
		const level = this.level;
		const convert = sel.convert ?? null;
		const asked = performance.now();
		const [rows, series, city, allYears, breaks] = await Promise.all([
			this.#values(sel.indicator, sel.year, level),
			sel.area ? this.#series(sel.area, sel.indicator, convert) : Promise.resolve([]),
			this.#city(sel.indicator),
			sel.view.fixed ? this.#allYears(sel.indicator, level) : Promise.resolve(undefined),
			sel.area ? this.#breaks(sel.area) : Promise.resolve([])
		]);
		if (token !== this.#token) return;
		// How long the answer took (engine round trip or file), for the benchmark (tests/bench/probe.ts).
		performance.measure('atlas:data', { start: asked, detail: `${sel.indicator}|${sel.year}` });
		this.#setGeometry(level, sel.year);
		this.breaks = breaks;
		this.rows = rows;
		this.rowsKey = `${sel.indicator}|${sel.year}`;
		this.rowsLevel = level;
		this.series = series;
		this.city = city;
		this.allYears = allYears;
		this.#prefetchNeighbours(sel.indicator, sel.year);
	}
}
