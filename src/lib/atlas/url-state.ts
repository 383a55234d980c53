/**
 * The atlas view lives in the URL (`?indikator=…&jahr=…&sozialraum=…&klassen=…`), so a copied link
 * reopens the same view, including classes and comparison mode, and back/forward work. Parsing
 * never throws: an unknown indicator, a year without data or an unknown area falls back to a valid
 * choice instead of a broken page.
 */
import type { ClassMethod } from '$lib/stats/classify';
import type { CrosswalkMethod } from '$lib/data/types';
import { geoParams, parseConvert, parseLevel } from '$lib/geo-url';

export type MapMode = 'values' | 'compare';
export type ConfidenceLevel = 0.95 | 0.998;

export interface MapView {
	mode: MapMode;
	method: ClassMethod;
	k: number;
	/** Same breaks for every year (computed over all years), so years can be compared by colour. */
	fixed: boolean;
	level: ConfidenceLevel;
	/** Manual upper class bounds, ascending (method 'manual' only). */
	breaks: number[];
}

export interface AtlasState {
	indicator: string;
	year: number;
	area: string | null;
	view: MapView;
	/** Area level the map shows (`ebene`); null = the finest (packages without levels). */
	level?: string | null;
	/** Convert older boundary versions in the trend by this crosswalk method (`umrechnung`); null = break. */
	convert?: CrosswalkMethod | null;
}

export interface AtlasOptions {
	indicators: string[];
	defaultIndicator: string;
	/** Years with data per indicator, ascending. */
	yearsOf: (indicator: string) => number[];
	areaKeys: Set<string>;
	/** Level ids, finest first (absent: one level). */
	levels?: readonly string[];
	/** Keys of a level (the selected area must be on the level shown). */
	areaKeysOf?: (level: string) => Set<string>;
	/** Crosswalk methods the package offers. */
	methods?: readonly CrosswalkMethod[];
}

export const PARAM = {
	indicator: 'indikator',
	year: 'jahr',
	area: 'sozialraum',
	mode: 'modus',
	method: 'klassen',
	k: 'anzahl',
	fixed: 'fest',
	level: 'niveau',
	breaks: 'grenzen'
} as const;

export const CLASS_METHODS: readonly ClassMethod[] = ['quantile', 'equalInterval', 'naturalBreaks', 'stdDev', 'boxPlot', 'manual'];
export const DEFAULT_VIEW: MapView = { mode: 'values', method: 'quantile', k: 5, fixed: false, level: 0.95, breaks: [] };
const MODE_PARAM: Record<MapMode, string> = { values: 'werte', compare: 'vergleich' };

export function parseAtlasState(params: URLSearchParams, o: AtlasOptions): AtlasState {
	const wanted = params.get(PARAM.indicator);
	const indicator =
		wanted && o.indicators.includes(wanted)
			? wanted
			: o.indicators.includes(o.defaultIndicator)
				? o.defaultIndicator
				: o.indicators[0];
	const years = o.yearsOf(indicator);
	const y = Number(params.get(PARAM.year));
	const year = Number.isInteger(y) && years.includes(y) ? y : years[years.length - 1];
	const levels = o.levels ?? [];
	const level = levels.length > 0 ? parseLevel(params, levels) : null;
	const keys = level && o.areaKeysOf ? o.areaKeysOf(level) : o.areaKeys;
	const a = params.get(PARAM.area);
	const area = a !== null && keys.has(a) ? a : null;
	const state: AtlasState = { indicator, year, area, view: parseView(params) };
	if (level && level !== levels[0]) state.level = level;
	const convert = parseConvert(params, o.methods ?? []);
	if (convert) state.convert = convert;
	return state;
}

function parseView(params: URLSearchParams): MapView {
	const mode = params.get(PARAM.mode) === MODE_PARAM.compare ? 'compare' : 'values';
	const m = params.get(PARAM.method) as ClassMethod | null;
	const breaks = (params.get(PARAM.breaks) ?? '')
		.split('_')
		.filter((s) => s !== '')
		.map(Number)
		.filter(Number.isFinite);
	const sortedBreaks = [...new Set(breaks)].sort((x, y) => x - y);
	let method: ClassMethod = m && CLASS_METHODS.includes(m) ? m : DEFAULT_VIEW.method;
	if (method === 'manual' && sortedBreaks.length === 0) method = DEFAULT_VIEW.method;
	const k = Number(params.get(PARAM.k));
	return {
		mode,
		method,
		k: Number.isInteger(k) && k >= 2 && k <= 9 ? k : DEFAULT_VIEW.k,
		fixed: params.get(PARAM.fixed) === '1',
		level: params.get(PARAM.level) === '99.8' ? 0.998 : 0.95,
		breaks: method === 'manual' ? sortedBreaks : []
	};
}

/** Query string for a state; options at their defaults are left out to keep links short. */
export function atlasSearch(state: AtlasState): string {
	const p = new URLSearchParams();
	p.set(PARAM.indicator, state.indicator);
	p.set(PARAM.year, String(state.year));
	if (state.area) p.set(PARAM.area, state.area);
	const v = state.view;
	if (v.mode !== DEFAULT_VIEW.mode) p.set(PARAM.mode, MODE_PARAM[v.mode]);
	if (v.method !== DEFAULT_VIEW.method) p.set(PARAM.method, v.method);
	if (v.k !== DEFAULT_VIEW.k) p.set(PARAM.k, String(v.k));
	if (v.fixed) p.set(PARAM.fixed, '1');
	if (v.level !== DEFAULT_VIEW.level) p.set(PARAM.level, '99.8');
	if (v.method === 'manual' && v.breaks.length > 0) p.set(PARAM.breaks, v.breaks.join('_'));
	// levels are not needed to write: a level other than the finest is always written
	for (const [k, val] of geoParams(state.level ?? null, [], state.convert ?? null)) p.set(k, val);
	return '?' + p.toString();
}

/**
 * Whether a link names an indicator the catalogue at hand does not know (yet). The build's
 * precomputed files list only the package's own indicators; a planner's own indicators and the
 * Sozialindex layer exist once the engine runs. Until then the atlas waits for the engine instead
 * of drawing the default indicator under such a link (parseAtlasState would fall back to it).
 */
export function namesUnknownIndicator(params: URLSearchParams, known: (id: string) => boolean): boolean {
	const wanted = params.get(PARAM.indicator);
	return !!wanted && !known(wanted);
}

/** The year to keep when the indicator changes: same year if it has data, else the latest. */
export function keepYear(year: number, years: number[]): number {
	return years.includes(year) ? year : years[years.length - 1];
}

/** A compact key of a map view, e.g. "values|quantile|5|0|0.95|" (used to tell when the map has drawn it). */
export function viewKey(v: MapView): string {
	return [v.mode, v.method, v.k, v.fixed ? 1 : 0, v.level, v.breaks.join('_')].join('|');
}
