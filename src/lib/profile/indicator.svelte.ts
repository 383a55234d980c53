/**
 * State of the indicator page (runes): one indicator, all areas of one level, all years. The values
 * of every year are loaded once per indicator and level (one query per year, cheaper than one series
 * query per area) and give the shown year's ranking, map and table as well as every area's trend.
 * The URL (`?id=…&jahr=…&sozialraum=…&ebene=…&umrechnung=…`) is the source of truth for the selection.
 *
 * Any level is computed by the engine from the finest level's cells (with disclosure control); the
 * map draws the level's boundary version valid in the year shown. Across a boundary change the
 * series of today's areas continue where they are exact regroupings, and are converted by the
 * crosswalk on request (`umrechnung`), as in the atlas.
 */
import { getEngine } from '$lib/data/app-engine';
import type { AreaCollection, AreaInfo, AreaValue, MonitorEngine, ReferencePoint, SeriesPoint, VersionBreak } from '$lib/data/engine';
import type { AreaLevel, CrosswalkMethod, Indicator } from '$lib/data/types';
import { isVersioned, newestVersion, versionForYear } from '$lib/data/levels';
import { choroplethModel } from '$lib/atlas/choropleth-model';
import { DEFAULT_VIEW } from '$lib/atlas/url-state';
import { selectableLevels } from '$lib/geo/levels-view';
import type { PolarityComparison } from '$lib/stats/compare';
import { indicatorRows, seriesAcrossVersions, seriesByArea, type OlderYearRows } from './indicator-rows';
import { parseIndicatorParams, type IndicatorSelection } from './links';
import type { Status } from './profile.svelte';

/** What the loaded values belong to: indicator, level and conversion. */
const loadKey = (indicator: string, level: string, convert: CrosswalkMethod | null) => `${indicator}|${level}|${convert ?? ''}`;

export class IndicatorPageState {
	status = $state<Status>('loading');
	error = $state('');
	indicators = $state.raw<Indicator[]>([]);
	yearsBy = $state.raw<Record<string, number[]>>({});
	areas = $state.raw<AreaInfo[]>([]);
	baseLevel = $state('');
	/** The package's levels (finest first), those the page may switch to, and the crosswalk methods. */
	levels = $state.raw<AreaLevel[]>([]);
	selectable = $state.raw<string[]>([]);
	methods = $state.raw<CrosswalkMethod[]>([]);
	selection = $state<IndicatorSelection | null>(null);
	perYear = $state.raw<{ year: number; rows: AreaValue[] }[]>([]);
	/** Earlier years on today's areas (regrouped or converted), for the series; empty without versions. */
	olderYears = $state.raw<OlderYearRows[]>([]);
	/** Boundary changes that interrupt each area's series (only in packages with versions). */
	breaksBy = $state.raw<Map<string, VersionBreak[]>>(new Map());
	city = $state.raw<ReferencePoint[]>([]);
	/** indicator|level|conversion the loaded values belong to. */
	loadedKey = $state('');
	locale = $state<'de-DE' | 'en-GB'>('de-DE');
	categoryLabel = $state<(c: PolarityComparison) => string>((c) => c);

	#engine: MonitorEngine | null = null;
	#token = 0;

	indicator = $derived(this.indicators.find((i) => i.id === this.selection?.indicator) ?? null);
	years = $derived(this.selection ? (this.yearsBy[this.selection.indicator] ?? []) : []);
	/** The level shown: the finest unless the URL names another. */
	level = $derived(this.selection?.level ?? this.baseLevel);
	convert = $derived<CrosswalkMethod | null>(this.selection?.convert ?? null);
	ready = $derived(this.selection !== null && this.loadedKey === loadKey(this.selection.indicator, this.level, this.convert));
	/**
	 * The selected year alone: highlighting another area replaces the selection object, and whatever
	 * reads only the year (the rows: a trend test per area, thousands at block level) must not rerun.
	 */
	year = $derived(this.selection?.year ?? null);
	/** The level's boundary version valid in the year shown (the same object while it stays the same). */
	geometry = $derived.by<AreaCollection | null>(() => {
		const engine = this.#engine;
		if (this.status !== 'ready' || !engine || !this.level) return null;
		const level = engine.level(this.level);
		return level && isVersioned(level) && this.year !== null ? engine.geometryFor(level.id, this.year) : (engine.geometry[this.level] ?? null);
	});
	/** "level|version" of the geometry: another one is another map (rebuilt, not recoloured). */
	geometryKey = $derived.by(() => {
		const level = this.levels.find((l) => l.id === this.level);
		return `${this.level}|${level && this.year !== null && isVersioned(level) ? versionForYear(level, this.year).id : ''}`;
	});
	/** The version's label when the level has several ("Gebietsstand 2014"), else null. */
	version = $derived.by(() => {
		const level = this.levels.find((l) => l.id === this.level);
		return level && this.year !== null && isVersioned(level) ? versionForYear(level, this.year) : null;
	});
	values = $derived(this.perYear.find((p) => p.year === this.year)?.rows ?? []);
	cityPoint = $derived(this.city.find((p) => p.year === this.year) ?? null);
	/** Every area's own values (what trend tests use: one boundary version, no estimates). */
	ownSeries = $derived(seriesByArea(this.perYear));
	/** What the trend chart draws: own values plus regrouped (and, on request, converted) earlier years. */
	series = $derived(
		this.olderYears.length === 0
			? this.ownSeries
			: seriesAcrossVersions(this.ownSeries, this.olderYears, {
					convert: this.convert !== null,
					today: new Set(this.areas.filter((a) => a.level === this.level && a.valid_to === undefined).map((a) => a.key))
				})
	);
	/** Every break of the areas drawn, for the conversion offer. */
	breaks = $derived([...this.breaksBy.values()].flat());
	districtNames = $derived(new Map(this.areas.filter((a) => a.level !== this.level).map((a) => [a.key, a.name])));
	rows = $derived(
		this.indicator && this.year !== null && this.ready
			? indicatorRows({
					indicator: this.indicator,
					year: this.year,
					values: this.values,
					// trend words from converted years would test estimates: regrouped counts are exact
					series: this.olderYears.length === 0 ? this.ownSeries : withoutConverted(this.series),
					city: this.cityPoint?.value ?? null,
					districtNames: this.districtNames
				})
			: []
	);
	/** The atlas' default view (quantiles, 5 classes): the same colours a planner saw in the atlas. */
	model = $derived(
		this.indicator && this.ready
			? choroplethModel({
					rows: this.values,
					indicator: this.indicator,
					view: DEFAULT_VIEW,
					cityValue: this.cityPoint?.value ?? null,
					locale: this.locale,
					categoryLabel: this.categoryLabel
				})
			: null
	);
	areaName = $derived(this.areas.find((a) => a.key === this.selection?.area)?.name ?? '');

	async start() {
		this.status = 'loading';
		try {
			const engine = await getEngine();
			const [indicators, yearsBy, areas] = await Promise.all([engine.indicators(), engine.yearsByIndicator(), engine.areas()]);
			this.#engine = engine;
			this.indicators = indicators;
			this.yearsBy = yearsBy;
			this.areas = areas;
			this.baseLevel = engine.baseLevel;
			this.levels = engine.levels;
			this.selectable = selectableLevels(engine);
			this.methods = engine.conversionMethods();
			this.status = 'ready';
		} catch (e) {
			this.error = (e as Error).message;
			this.status = 'error';
		}
	}

	fromUrl(params: URLSearchParams) {
		const engine = this.#engine;
		if (this.status !== 'ready' || !engine) return;
		const selection = parseIndicatorParams(params, {
			areaKeys: this.areas.filter((a) => a.level === this.baseLevel).map((a) => a.key),
			indicators: this.indicators.map((i) => i.id).filter((id) => (this.yearsBy[id] ?? []).length > 0),
			defaultIndicator: engine.descriptor.sozialraum.default_indicator,
			yearsOf: (id) => this.yearsBy[id ?? ''] ?? [],
			levels: this.selectable,
			areaKeysOf: (level) => this.areas.filter((a) => a.level === level).map((a) => a.key),
			methods: this.methods
		});
		this.selection = selection;
	}

	/** The area on another level that contains `key` in a year (its ancestor), or null. */
	areaOnLevel(key: string | null, level: string, year: number): string | null {
		if (!key || !this.#engine) return null;
		return this.#engine.ancestorsOf(key, year).find((a) => a.level === level)?.key ?? null;
	}

	/** Load all years of the selected indicator on the level shown (when indicator, level or conversion change). */
	async refresh() {
		const engine = this.#engine;
		const sel = this.selection;
		if (!engine || !sel) return;
		const id = sel.indicator;
		const level = this.level;
		const convert = this.convert;
		const key = loadKey(id, level, convert);
		if (key === this.loadedKey) return;
		const token = ++this.#token;
		const years = this.yearsBy[id] ?? [];
		// Years of an older boundary version: today's areas get them from the crosswalk. The first
		// method regroups exactly where it can; estimates are kept only when asked for (series-notes).
		const method = convert ?? this.methods[0] ?? null;
		const older = method ? years.filter((y) => this.levels.some((l) => isVersioned(l) && versionForYear(l, y).id !== newestVersion(l).id)) : [];
		const [perYear, olderYears, city] = await Promise.all([
			Promise.all(years.map(async (year) => ({ year, rows: await engine.valuesFor(id, year, level) }))),
			Promise.all(older.map(async (year) => ({ year, rows: await engine.convertedValuesFor(id, year, level, method!) }))),
			engine.referenceSeries(id)
		]);
		if (token !== this.#token) return;
		this.perYear = perYear;
		this.olderYears = olderYears;
		// seriesBreaks looks each key up in the geography: only a package with versions has any
		const versioned = this.levels.some(isVersioned);
		const keys = new Set(perYear.flatMap((p) => p.rows.map((r) => r.area_key)));
		this.breaksBy = versioned ? new Map([...keys].map((k) => [k, engine.seriesBreaks(k)])) : new Map();
		this.city = city;
		this.loadedKey = key;
	}
}

function withoutConverted(series: ReadonlyMap<string, readonly SeriesPoint[]>): Map<string, SeriesPoint[]> {
	return new Map([...series].map(([k, points]) => [k, points.filter((p) => p.origin !== 'converted')]));
}
