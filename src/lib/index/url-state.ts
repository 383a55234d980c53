/**
 * The Sozialindex view lives in the URL, so a copied link reproduces exactly the same index:
 * `/index/?ind=sgb2_u15,alg2&w=2,1&std=perzentil&sd=stichprobe&grenze=oben&jahr=2024&dyn=3&min=500&cuts=-1,1,2&sozialraum=0603`.
 * Indicators are listed in their order (weights line up with them by position); options at their
 * default are left out to keep links short. Parsing never throws and trusts nothing: unknown
 * indicators, malformed numbers, unordered cut-offs or a year the chosen indicators lack are
 * dropped in favour of the defaults, the name is stripped of control characters and shortened.
 * Without any settings parameter the URL says nothing about the index (a plain `/index/` link):
 * the caller then keeps what this browser used last.
 */
import type { Indicator } from '$lib/data/types';
import { buildQuery, formatParam, parseNumber, splitList } from '$lib/permalink';
import { DEFAULT_CUT_TIE, DEFAULT_DYNAMICS_CUTS, DEFAULT_MIN_POPULATION, DEFAULT_SD, DEFAULT_STATUS_CUTS, defaultSettings, type IndexIndicatorSetting, type IndexSettings, type Orientation } from './settings';
import type { SdKind, StandardMethod } from './standardise';
import type { CutTie } from './combine';

export const INDEX_PARAM = {
	indicators: 'ind',
	weights: 'w',
	orientation: 'dir',
	method: 'std',
	sd: 'sd',
	cutTie: 'grenze',
	year: 'jahr',
	span: 'dyn',
	minPopulation: 'min',
	statusCuts: 'cuts',
	dynamicsCuts: 'dcuts',
	name: 'name',
	/** Same name as in the atlas and offer links, so the header navigation carries the area on. */
	area: 'sozialraum'
} as const;

const SETTINGS_KEYS: readonly string[] = Object.entries(INDEX_PARAM)
	.filter(([k]) => k !== 'area')
	.map(([, v]) => v);

export const METHOD_CODE: Readonly<Record<StandardMethod, string>> = { zscore: 'z', percentile: 'perzentil', minmax: 'minmax' };
/** Standard deviation: "grundgesamtheit" (divisor n, the default) or "stichprobe" (n − 1). */
export const SD_CODE: Readonly<Record<SdKind, string>> = { population: 'grundgesamtheit', sample: 'stichprobe' };
/** A value exactly on a cut-off goes "unten" (to the lower class, the default) or "oben". */
export const CUT_TIE_CODE: Readonly<Record<CutTie, string>> = { lower: 'unten', upper: 'oben' };
/** Direction of a neutral indicator: "schlecht" = a higher value means more need, "gut" = less. */
export const ORIENTATION_CODE: Readonly<Record<Orientation, string>> = { higher_is_worse: 'schlecht', higher_is_better: 'gut' };

/** Generous bounds: anything a planner might type, nothing that breaks the arithmetic. */
const MAX_WEIGHT = 1e6;
const MAX_POPULATION = 1e9;
const MAX_CUT = 100;
const MAX_NAME = 120;

export interface IndexUrlContext {
	indicators: readonly Indicator[];
	/** Years with data per indicator (indicators without any cannot be chosen). */
	yearsBy: Readonly<Record<string, readonly number[]>>;
	areaKeys: ReadonlySet<string>;
}

/** Does the URL carry index settings at all? */
export function hasIndexSettings(params: URLSearchParams): boolean {
	return SETTINGS_KEYS.some((k) => params.has(k));
}

/** Settings from the URL; every missing or unusable parameter takes its default. */
export function parseIndexSettings(params: URLSearchParams, ctx: IndexUrlContext): IndexSettings {
	const defaults = defaultSettings(ctx.indicators);
	const usable = new Set(ctx.indicators.filter((i) => (ctx.yearsBy[i.id] ?? []).length > 0).map((i) => i.id));
	const orientation = parseOrientation(params.get(INDEX_PARAM.orientation));
	const withOrientation = (i: IndexIndicatorSetting): IndexIndicatorSetting => {
		const o = orientation.get(i.id);
		return o ? { id: i.id, weight: i.weight, orientation: o } : { id: i.id, weight: i.weight };
	};

	// Only indicators with data can be computed: the fallback too, so parsing stays idempotent.
	const fallback = defaults.indicators.filter((i) => usable.has(i.id));
	const indicators = parseIndicators(params, usable, fallback).map(withOrientation);
	const method = (Object.keys(METHOD_CODE) as StandardMethod[]).find((m) => METHOD_CODE[m] === params.get(INDEX_PARAM.method)) ?? defaults.method;
	const sd = (Object.keys(SD_CODE) as SdKind[]).find((k) => SD_CODE[k] === params.get(INDEX_PARAM.sd)) ?? DEFAULT_SD;
	const cutTie = (Object.keys(CUT_TIE_CODE) as CutTie[]).find((k) => CUT_TIE_CODE[k] === params.get(INDEX_PARAM.cutTie)) ?? DEFAULT_CUT_TIE;
	const y = parseNumber(params.get(INDEX_PARAM.year), 1000, 9999);
	return {
		name: parseName(params.get(INDEX_PARAM.name)) ?? defaults.name,
		indicators,
		method,
		sd,
		cutTie,
		year: y !== null && commonYears(indicators, ctx.yearsBy).includes(y) ? y : null,
		dynamicsSpan: params.get(INDEX_PARAM.span) === '3' ? 3 : 2,
		minPopulation: parseNumber(params.get(INDEX_PARAM.minPopulation), 0, MAX_POPULATION) ?? DEFAULT_MIN_POPULATION,
		statusCuts: (parseCuts(params.get(INDEX_PARAM.statusCuts), 3) ?? [...DEFAULT_STATUS_CUTS]) as IndexSettings['statusCuts'],
		dynamicsCuts: (parseCuts(params.get(INDEX_PARAM.dynamicsCuts), 2) ?? [...DEFAULT_DYNAMICS_CUTS]) as IndexSettings['dynamicsCuts']
	};
}

/** The selected area, if the URL names one of this package's areas. */
export function parseIndexArea(params: URLSearchParams, ctx: IndexUrlContext): string | null {
	const a = params.get(INDEX_PARAM.area);
	return a !== null && ctx.areaKeys.has(a) ? a : null;
}

/** Query string of a view. The indicator list is always written: it marks the link as an index view. */
export function indexSearch(s: IndexSettings, area: string | null): string {
	const pairs: [string, string][] = [[INDEX_PARAM.indicators, s.indicators.map((i) => i.id).join(',')]];
	if (s.indicators.some((i) => i.weight !== 1)) pairs.push([INDEX_PARAM.weights, s.indicators.map((i) => formatParam(i.weight)).join(',')]);
	const oriented = s.indicators.filter((i) => i.orientation);
	if (oriented.length) pairs.push([INDEX_PARAM.orientation, oriented.map((i) => `${i.id}:${ORIENTATION_CODE[i.orientation!]}`).join(',')]);
	if (s.method !== 'zscore') pairs.push([INDEX_PARAM.method, METHOD_CODE[s.method]]);
	if (s.sd !== DEFAULT_SD) pairs.push([INDEX_PARAM.sd, SD_CODE[s.sd]]);
	if (s.cutTie !== DEFAULT_CUT_TIE) pairs.push([INDEX_PARAM.cutTie, CUT_TIE_CODE[s.cutTie]]);
	if (s.year !== null) pairs.push([INDEX_PARAM.year, String(s.year)]);
	if (s.dynamicsSpan !== 2) pairs.push([INDEX_PARAM.span, String(s.dynamicsSpan)]);
	if (s.minPopulation !== DEFAULT_MIN_POPULATION) pairs.push([INDEX_PARAM.minPopulation, formatParam(s.minPopulation)]);
	if (!sameNumbers(s.statusCuts, DEFAULT_STATUS_CUTS)) pairs.push([INDEX_PARAM.statusCuts, s.statusCuts.map(formatParam).join(',')]);
	if (!sameNumbers(s.dynamicsCuts, DEFAULT_DYNAMICS_CUTS)) pairs.push([INDEX_PARAM.dynamicsCuts, s.dynamicsCuts.map(formatParam).join(',')]);
	if (s.name !== defaultSettings([]).name) pairs.push([INDEX_PARAM.name, s.name]);
	if (area) pairs.push([INDEX_PARAM.area, area]);
	return buildQuery(pairs);
}

/** Years every indicator with a positive weight has, ascending (the builder's year menu). */
export function commonYears(indicators: readonly IndexIndicatorSetting[], yearsBy: Readonly<Record<string, readonly number[]>>): number[] {
	const ids = indicators.filter((i) => i.weight > 0).map((i) => i.id);
	if (!ids.length) return [];
	const sets = ids.map((id) => new Set(yearsBy[id] ?? []));
	return [...sets[0]].filter((y) => sets.every((s) => s.has(y))).sort((a, b) => a - b);
}

/**
 * The indicator list. "ind=" (present but empty) is a deliberate empty index and stays empty; a
 * list of which nothing is usable falls back to the default choice. Weights line up with the
 * listed ids by position, so an unknown id in the middle does not shift the others' weights.
 */
function parseIndicators(params: URLSearchParams, usable: ReadonlySet<string>, defaults: readonly IndexIndicatorSetting[]): IndexIndicatorSetting[] {
	const raw = params.get(INDEX_PARAM.indicators);
	if (raw === null) return defaults.map((i) => ({ ...i }));
	if (raw.trim() === '') return [];
	const ids = raw.split(',').map((s) => s.trim());
	const weights = (params.get(INDEX_PARAM.weights) ?? '').split(',');
	const out: IndexIndicatorSetting[] = [];
	ids.forEach((id, k) => {
		if (!usable.has(id) || out.some((i) => i.id === id)) return;
		out.push({ id, weight: parseNumber(weights[k], 0, MAX_WEIGHT) ?? 1 });
	});
	return out.length ? out : defaults.map((i) => ({ ...i }));
}

function parseOrientation(value: string | null): Map<string, Orientation> {
	const out = new Map<string, Orientation>();
	for (const item of splitList(value)) {
		const [id, code] = item.split(':');
		const o = (Object.keys(ORIENTATION_CODE) as Orientation[]).find((x) => ORIENTATION_CODE[x] === code);
		if (id && o) out.set(id, o);
	}
	return out;
}

function parseCuts(value: string | null, n: number): number[] | null {
	const xs = splitList(value).map((s) => parseNumber(s, -MAX_CUT, MAX_CUT));
	if (xs.length !== n || xs.some((x) => x === null)) return null;
	const cuts = xs as number[];
	return cuts.every((c, k) => k === 0 || c > cuts[k - 1]) ? cuts : null;
}

function parseName(value: string | null): string | null {
	// Shown as text only (Svelte escapes it); control characters would still garble file names.
	const name = (value ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim().slice(0, MAX_NAME).trim();
	return name === '' ? null : name;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}
