/**
 * State of the indicator page (runes): one indicator, all areas, all years. The values of every year
 * are loaded once per indicator (one query per year, cheaper than one series query per area) and
 * give the shown year's ranking, map and table as well as every area's trend. The URL
 * (`?id=…&jahr=…&sozialraum=…`) is the source of truth for the selection.
 */
import { getEngine } from '$lib/data/app-engine';
import type { AreaCollection, AreaInfo, AreaValue, MonitorEngine, ReferencePoint } from '$lib/data/engine';
import type { Indicator } from '$lib/data/types';
import { choroplethModel } from '$lib/atlas/choropleth-model';
import { DEFAULT_VIEW } from '$lib/atlas/url-state';
import type { PolarityComparison } from '$lib/stats/compare';
import { indicatorRows, seriesByArea } from './indicator-rows';
import { parseIndicatorParams, type IndicatorSelection } from './links';
import type { Status } from './profile.svelte';

export class IndicatorPageState {
	status = $state<Status>('loading');
	error = $state('');
	indicators = $state.raw<Indicator[]>([]);
	yearsBy = $state.raw<Record<string, number[]>>({});
	areas = $state.raw<AreaInfo[]>([]);
	geometry = $state.raw<AreaCollection | null>(null);
	baseLevel = $state('');
	selection = $state<IndicatorSelection | null>(null);
	perYear = $state.raw<{ year: number; rows: AreaValue[] }[]>([]);
	city = $state.raw<ReferencePoint[]>([]);
	/** Indicator the loaded values belong to. */
	loadedId = $state('');
	locale = $state<'de-DE' | 'en-GB'>('de-DE');
	categoryLabel = $state<(c: PolarityComparison) => string>((c) => c);

	#engine: MonitorEngine | null = null;
	#token = 0;

	indicator = $derived(this.indicators.find((i) => i.id === this.selection?.indicator) ?? null);
	years = $derived(this.selection ? (this.yearsBy[this.selection.indicator] ?? []) : []);
	ready = $derived(this.selection !== null && this.loadedId === this.selection.indicator);
	/**
	 * The selected year alone: highlighting another area replaces the selection object, and whatever
	 * reads only the year (the rows: a trend test per area, thousands at block level) must not rerun.
	 */
	year = $derived(this.selection?.year ?? null);
	values = $derived(this.perYear.find((p) => p.year === this.year)?.rows ?? []);
	cityPoint = $derived(this.city.find((p) => p.year === this.year) ?? null);
	series = $derived(seriesByArea(this.perYear));
	districtNames = $derived(new Map(this.areas.filter((a) => a.level !== this.baseLevel).map((a) => [a.key, a.name])));
	rows = $derived(
		this.indicator && this.year !== null && this.ready
			? indicatorRows({
					indicator: this.indicator,
					year: this.year,
					values: this.values,
					series: this.series,
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
			this.geometry = engine.geometry[engine.baseLevel];
			this.status = 'ready';
		} catch (e) {
			this.error = (e as Error).message;
			this.status = 'error';
		}
	}

	fromUrl(params: URLSearchParams) {
		const engine = this.#engine;
		if (this.status !== 'ready' || !engine) return;
		this.selection = parseIndicatorParams(params, {
			areaKeys: this.areas.filter((a) => a.level === this.baseLevel).map((a) => a.key),
			indicators: this.indicators.map((i) => i.id).filter((id) => (this.yearsBy[id] ?? []).length > 0),
			defaultIndicator: engine.descriptor.sozialraum.default_indicator,
			yearsOf: (id) => this.yearsBy[id ?? ''] ?? []
		});
	}

	/** Load all years of the selected indicator (only when the indicator changes). */
	async refresh() {
		const engine = this.#engine;
		const id = this.selection?.indicator;
		if (!engine || !id || id === this.loadedId) return;
		const token = ++this.#token;
		const years = this.yearsBy[id] ?? [];
		const [perYear, city] = await Promise.all([
			Promise.all(years.map(async (year) => ({ year, rows: await engine.valuesFor(id, year) }))),
			engine.referenceSeries(id)
		]);
		if (token !== this.#token) return;
		this.perYear = perYear;
		this.city = city;
		this.loadedId = id;
	}
}
