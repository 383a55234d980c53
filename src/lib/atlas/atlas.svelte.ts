/**
 * State of the atlas page (runes): what is selected, what the engine returned, what the map draws.
 * The page stays a thin composition; the URL is the source of truth for the selection.
 */
import { activePackage, getEngine, getPrecomputed, holdEngine } from '$lib/data/app-engine';
import type { PrecomputedData } from '$lib/data/precomputed-client';
import { precomputedFits, seriesForArea, valuesAllYears, valuesForYear } from '$lib/data/precomputed';
import type { AreaValue, MonitorEngine, ReferencePoint, SeriesPoint, AreaCollection, VersionBreak } from '$lib/data/engine';
import type { AreaLevel, CrosswalkMethod, Indicator } from '$lib/data/types';
import { isVersioned, levelVersions, newestVersion, versionForYear } from '$lib/data/levels';
import { ancestorsInYear, buildGeography, type Geography } from '$lib/data/geography';
import { choroplethModel, type ChoroplethModel } from './choropleth-model';
import { namesUnknownIndicator, parseAtlasState, type AtlasState } from './url-state';
import type { PolarityComparison } from '$lib/stats/compare';
import { viewKey } from './url-state';
import { INDEX_INDICATOR_ID } from '$lib/index/as-indicator';
import type { IndexLayer } from '$lib/index/layer';
import { indexChoroplethModel } from '$lib/index/map-model';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import { ownIndicators, withOwn } from '$lib/derived/own-indicators';
import { selectableLevels } from '$lib/geo/levels-view';
import { afterPaint } from './after-paint';
import { geometryBands } from '$lib/data/geometry-bands';
import type { PackageDescriptor } from '$lib/data/types';
import { mapBands, type MapBand } from '$lib/map/choropleth-style';

export type EngineStatus = 'loading' | 'ready' | 'error';

/**
 * When the first view comes from the build's files, the engine starts after the map's first frame
 * (firstFrameDrawn), as soon as the view asks for something only the engine has, or at the latest
 * this long after the atlas appeared. Not shorter: on the shared 2-core machine under load the
 * first frame came 5 s after the atlas, and an engine started before it slows that frame down.
 */
export const ENGINE_AFTER_ATLAS_MS = 10_000;
/** The longest the engine is held back at all (the files never arriving, an error before the atlas). */
const ENGINE_HOLD_MAX_MS = 20_000;

/** The answers a view is drawn from. */
interface Answers {
	rows: AreaValue[];
	series: SeriesPoint[];
	city: ReferencePoint[];
	allYears: (number | null)[] | undefined;
	/** Breaks of the selected area's series (absent: as known on the main thread now). */
	breaks?: VersionBreak[];
}

export class Atlas {
	status = $state<EngineStatus>('loading');
	error = $state<string>('');
	indicators = $state.raw<Indicator[]>([]);
	yearsBy = $state.raw<Record<string, number[]>>({});
	areas = $state.raw<AreaCollection | null>(null);
	parents = $state.raw<AreaCollection | undefined>(undefined);
	/** Zoom bands of simplified geometry for the map, when the build wrote some for `areas`. */
	bands = $state.raw<MapBand[] | undefined>(undefined);
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
	/** The built-in package's descriptor and file addresses (bands exist only in a build's served layout). */
	#bundled: { descriptor: PackageDescriptor; url: (path: string) => string | null } | null = null;
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
	/**
	 * The link names an indicator the precomputed files do not know (an own indicator, the index
	 * layer): no selection yet, the page shows the map as loading until the engine settles it.
	 */
	waiting = $state(false);
	/** The engine has answered (or failed) in precomputed mode: nothing more will join the catalogue. */
	#engineSettled = false;

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
	 * Start reading what the first view is drawn from (the precomputed index, every level's
	 * geometry and, for the plain address, the default indicator's file), before the page has
	 * hydrated: the chain of small imports and files otherwise starts only at mount. start() then
	 * finds them read or on their way (both caches are the same: precomputed-client.ts).
	 */
	static warmUp(plainAddress: boolean): void {
		getPrecomputed()
			.then((pre) => {
				if (!pre) return;
				return import('$lib/data/source-app').then(async ({ bundledDescriptorOf }) => {
					const { currentChoice } = await import('$lib/packages/choice.svelte');
					const descriptor = await bundledDescriptorOf(currentChoice().name);
					const all = descriptor.sozialraum.levels.flatMap((l) => levelVersions(l).map((v) => pre.geometry(l.id, isVersioned(l) ? v.id : undefined)));
					const first = plainAddress && pre.has(descriptor.sozialraum.default_indicator) ? [pre.atlas(descriptor.sozialraum.default_indicator)] : [];
					await Promise.all([...all, ...first]);
				});
			})
			.catch(() => {});
	}

	/**
	 * Show the atlas as soon as it can be drawn: from the build's precomputed files when there are
	 * some (catalogue, geometry, the indicator's values of every year) while DuckDB-wasm is still
	 * starting; the engine, started at the same time, takes over for what is not precomputed
	 * (the Sozialindex layer, own indicators, indicators without a file, a user's own package).
	 */
	async start() {
		this.status = 'loading';
		this.#releaseEngine();
		this.#releaseEngine = holdEngine(ENGINE_HOLD_MAX_MS);
		const engine = getEngine();
		engine.catch(() => {});
		try {
			const pre = await getPrecomputed();
			const [{ bundledDescriptorOf, bundledFileUrl }, { currentChoice }] = await Promise.all([import('$lib/data/source-app'), import('$lib/packages/choice.svelte')]);
			const bundledDescriptor = await bundledDescriptorOf(currentChoice().name);
			const name = currentChoice().name;
			this.#bundled = { descriptor: bundledDescriptor, url: (path) => bundledFileUrl(name, path) };
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
					const release = this.#releaseEngine;
					setTimeout(() => (release(), this.#firstFrameSeen()), ENGINE_AFTER_ATLAS_MS);
					engine
						.then((e) => this.#engineReady(e))
						.catch(() => {
							// no engine, so no own indicator: a waiting link falls back to the default
							this.#engineSettled = true;
							if (this.#url) this.fromUrl(this.#url);
						});
					return;
				}
			}
			// nothing precomputed answers the first view: the engine at once
			this.#releaseEngine();
			this.#firstFrameSeen();
			const e = await engine;
			this.#engine = e;
			// a user's own package has no bands
			if (activePackage()?.origin !== 'bundled') this.#bundled = null;
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
			this.#releaseEngine();
			this.#firstFrameSeen();
			this.error = (e as Error).message;
			this.status = 'error';
		}
	}

	/** Releases the hold on the engine's start (see start); does nothing the second time. */
	#releaseEngine: () => void = () => {};

	/** The map's first frame with colours is on screen: the engine may start now. */
	firstFrameDrawn() {
		this.#releaseEngine();
		this.#firstFrameSeen();
	}
	#firstFrameSeen: () => void = () => {};
	/** Resolves with firstFrameDrawn, or ENGINE_AFTER_ATLAS_MS after the atlas appeared. */
	#firstFrame = new Promise<void>((resolve) => (this.#firstFrameSeen = resolve));

	/** The page is left: nothing here holds the engine back any more. */
	destroy() {
		this.#releaseEngine();
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
		// A permalink to an own indicator or the index layer waited for them.
		this.#engineSettled = true;
		if (this.#url) this.fromUrl(this.#url, true);
	}

	/** Read the selection from the URL (on load and on back/forward). */
	fromUrl(params: URLSearchParams, force = false) {
		this.#url = params;
		if (this.status !== 'ready' && !this.#engine) return;
		// Never draw the default under a link to an indicator that only the engine can know.
		const known = (id: string) => (this.yearsBy[id] ?? []).length > 0 && this.indicators.some((i) => i.id === id);
		if (this.#pre && !this.#engineSettled && namesUnknownIndicator(params, known)) {
			// only the engine can draw this view: no reason to hold it back
			this.#releaseEngine();
			this.waiting = true;
			this.selection = null;
			return;
		}
		this.waiting = false;
		const selection = this.#parse(params);
		i18n.viewLevel(selection.level ?? null);
		// The URL written after a change painted ahead (paintAhead) names what is already shown:
		// reading it again must not recompute and redraw the same view.
		if (!force && this.selection && JSON.stringify(selection) === JSON.stringify(this.selection)) return;
		// from a local: reading this.selection after writing it would make the caller's effect loop
		this.selection = selection;
	}

	#keysOf: { areas: AreaCollection | null; keys: Set<string> } = { areas: null, keys: new Set() };
	#parse(params: URLSearchParams): AtlasState {
		if (this.#keysOf.areas !== this.areas) this.#keysOf = { areas: this.areas, keys: new Set(this.areas?.features.map((f) => f.properties.key) ?? []) };
		return parseAtlasState(params, {
			indicators: this.indicators.map((i) => i.id).filter((id) => (this.yearsBy[id] ?? []).length > 0),
			defaultIndicator: this.#defaultIndicator,
			yearsOf: (id) => this.yearsBy[id] ?? [],
			areaKeys: this.#keysOf.keys,
			levels: this.levels.map((l) => l.id),
			areaKeysOf: (level) => this.#keysByLevel.get(level) ?? new Set(),
			methods: this.methods
		});
	}

	/**
	 * Show the view a URL names at once, in the task of the input, when everything the map needs
	 * is already on the main thread (the indicator's file read, or the engine's answers cached):
	 * selection, values and the model change together, so the map and its legend are drawn from
	 * the same model in the same frame. The caller writes the URL afterwards (after the paint);
	 * reading it back changes nothing (fromUrl). false: something must be fetched, or the map must
	 * be rebuilt (another level or boundary version, the index layer): go through the URL as before.
	 */
	paintAhead(params: URLSearchParams): boolean {
		if (this.status !== 'ready' || !this.selection) return false;
		const sel = this.#parse(params);
		const level = sel.level ?? this.levels[0]?.id ?? '';
		const rank = this.levels.findIndex((l) => l.id === level);
		if (sel.indicator === INDEX_INDICATOR_ID || level !== this.rowsLevel || rank < 0 || isVersioned(this.levels[rank])) return false;
		const now = this.#answersNow(sel, level);
		if (!now) return false;
		// an answer still on its way for an earlier view must not overwrite this one
		++this.#token;
		this.#url = params;
		this.#ahead = JSON.stringify(sel);
		i18n.viewLevel(sel.level ?? null);
		this.selection = sel;
		this.#show(sel, level, now);
		return true;
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
		const path = version?.path ?? this.levels[rank]?.path ?? null;
		const bundled = this.#bundled;
		const bands = bundled && path && this.areas ? geometryBands(bundled.descriptor, path) : [];
		this.bands = bands.length > 0 && this.areas && path ? mapBands(this.areas, path, bands, bundled!.url) : undefined;
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
	/** The answers of #cache that have arrived, for paintAhead (kept and evicted with them). */
	#done = new Map<string, unknown>();
	#cached<T>(key: string, load: () => Promise<T>): Promise<T> {
		let p = this.#cache.get(key) as Promise<T> | undefined;
		if (p) {
			this.#cache.delete(key);
			this.#cache.set(key, p);
			return p;
		}
		p = load();
		this.#cache.set(key, p);
		const mine = p;
		p.then(
			(v) => {
				if (this.#cache.get(key) === mine) this.#done.set(key, v);
			},
			() => this.#cache.delete(key)
		);
		if (this.#cache.size > 80) {
			const oldest = this.#cache.keys().next().value!;
			this.#cache.delete(oldest);
			this.#done.delete(oldest);
		}
		return p;
	}

	/** An answer already on the main thread: cached, or decoded now from a file already read. */
	#cachedNow<T>(key: string, decode: () => T | undefined): T | undefined {
		if (this.#done.has(key)) {
			this.#cached(key, () => Promise.resolve(this.#done.get(key) as T)); // newest in the LRU
			return this.#done.get(key) as T;
		}
		const v = decode();
		if (v === undefined) return undefined;
		this.#cached(key, () => Promise.resolve(v));
		this.#done.set(key, v);
		return v;
	}

	/** Everything the view needs, if it is all on the main thread (see paintAhead). */
	#answersNow(sel: AtlasState, level: string): Answers | null {
		const pre = this.#pre;
		const convert = sel.convert ?? null;
		const cells = pre && this.#fromFile(sel.indicator, level) ? pre.atlasNow(sel.indicator) : undefined;
		const at = sel.area ? this.#position.get(sel.area) : undefined;
		const rows = this.#cachedNow(`v|${level}|${sel.indicator}|${sel.year}`, () => (cells ? valuesForYear(cells, pre!.index.areas, sel.year) : undefined));
		const series = sel.area
			? this.#cachedNow(`s|${sel.area}|${sel.indicator}|${convert}`, () => (cells && !convert && at !== undefined && level === pre!.index.base_level ? seriesForArea(cells, at) : undefined))
			: [];
		const city = this.#cachedNow(`c|${sel.indicator}`, () => cells?.city);
		const allYears = sel.view.fixed ? this.#cachedNow(`a|${level}|${sel.indicator}`, () => (cells ? valuesAllYears(cells) : undefined)) : undefined;
		if (!rows || !series || !city || (sel.view.fixed && !allYears)) return null;
		return { rows, series, city, allYears };
	}

	/** Set what a view shows (one batch: the map, legend and table are drawn from it together). */
	#show(sel: AtlasState, level: string, a: Answers) {
		this.#setGeometry(level, sel.year);
		this.breaks = a.breaks ?? (sel.area ? this.#breaksNow(sel.area) : []);
		this.rows = a.rows;
		this.rowsKey = `${sel.indicator}|${sel.year}`;
		this.rowsLevel = level;
		this.series = a.series;
		this.city = a.city;
		this.allYears = a.allYears;
		// reading ahead is for the next input, not this one: after the frame that shows this view
		// (on opening after the map's first frame: the files compete with MapLibre's start)
		this.#firstFrame.then(() => afterPaint(() => this.#prefetchNeighbours(sel.indicator, sel.year)));
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

	/** The selected area's breaks without waiting: the engine's, else the build's copy for a base area. */
	#breaksNow(area: string): VersionBreak[] {
		if (this.#engine) return this.#engine.seriesBreaks(area);
		return this.#pre?.index.breaks?.[area] ?? [];
	}

	/** engine.seriesBreaks; for a base area the build's copy while the engine is not there yet. */
	async #breaks(area: string): Promise<VersionBreak[]> {
		if (this.#engine) return this.#engine.seriesBreaks(area);
		const pre = this.#pre;
		if (pre && this.#position.has(area)) return pre.index.breaks?.[area] ?? [];
		return (await this.#engineNow()).seriesBreaks(area);
	}

	#engineNow(): Promise<MonitorEngine> {
		// the view asked for needs the engine (another level, an indicator without a file): start it now
		this.#releaseEngine();
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
	/** The selection paintAhead showed (JSON), which the refresh its change triggers can skip. */
	#ahead: string | null = null;
	async refresh() {
		const sel = this.selection;
		if (!sel || (!this.#engine && !this.#pre)) return;
		// paintAhead has shown this selection already
		const ahead = this.#ahead;
		this.#ahead = null;
		if (ahead !== null && ahead === JSON.stringify(sel)) return;
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
		this.#show(sel, level, { rows, series, city, allYears, breaks });
	}
}
