/**
 * Sozialindex settings in a slide URL, so an index slide draws the index the planner built, from
 * today's data: `/index/?ind=sgb2_u15,alleinerziehend&w=2,1&std=perzentil&min=500&sozialraum=0603`.
 * The parameters are those of the builder page's permalink (the same names and codes, so a slide
 * made from the page's URL and one made here read alike); options at their default are left out.
 * Reading never throws and trusts nothing: unknown indicators are dropped (each weight stays with
 * its own indicator), malformed numbers and unordered cut-offs fall back to the given defaults, so a
 * hand-edited or old link still draws a sensible index. Unknown parameters are ignored.
 */
import type { Polarity } from '$lib/data/types';
import { DEFAULT_DYNAMICS_CUTS, DEFAULT_MIN_POPULATION, DEFAULT_STATUS_CUTS, type IndexIndicatorSetting, type IndexSettings, type Orientation } from '$lib/index/settings';
import type { StandardMethod } from '$lib/index/standardise';

export const INDEX_PARAM = {
	indicators: 'ind',
	weights: 'w',
	orientation: 'dir',
	method: 'std',
	year: 'jahr',
	span: 'dyn',
	minPopulation: 'min',
	statusCuts: 'cuts',
	dynamicsCuts: 'dcuts',
	name: 'name',
	area: 'sozialraum'
} as const;

const METHOD_CODE: Record<StandardMethod, string> = { zscore: 'z', percentile: 'perzentil', minmax: 'minmax' };
/** Direction of a neutral indicator: "schlecht" = a higher value means more need, "gut" = less. */
const ORIENTATION_CODE: Record<Orientation, string> = { higher_is_worse: 'schlecht', higher_is_better: 'gut' };
const DEFAULT_NAME = 'Standard';
const MAX_INDICATORS = 60;

/** Plain decimal notation only ("1.5", "-1"): no exponents, hex or "Infinity" from a link. */
function numberIn(raw: string | null | undefined, min: number, max: number): number | null {
	if (raw === null || raw === undefined || !/^-?\d{1,15}(\.\d{1,20})?$/.test(raw.trim())) return null;
	const x = Number(raw.trim());
	return Number.isFinite(x) && x >= min && x <= max ? x : null;
}

/** "1.5" not "1,5": a URL is not German prose. Rounded so float noise does not leak into links. */
const num = (x: number) => String(Math.round(x * 1e9) / 1e9);
const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The query string (with "?") for settings and an optional selected area. */
export function indexSearch(s: IndexSettings, area: string | null = null): string {
	const parts: [string, string][] = [[INDEX_PARAM.indicators, s.indicators.map((i) => i.id).join(',')]];
	if (s.indicators.some((i) => i.weight !== 1)) parts.push([INDEX_PARAM.weights, s.indicators.map((i) => num(i.weight)).join(',')]);
	const oriented = s.indicators.filter((i) => i.orientation);
	if (oriented.length) parts.push([INDEX_PARAM.orientation, oriented.map((i) => `${i.id}:${ORIENTATION_CODE[i.orientation!]}`).join(',')]);
	if (s.method !== 'zscore') parts.push([INDEX_PARAM.method, METHOD_CODE[s.method]]);
	if (s.year !== null) parts.push([INDEX_PARAM.year, String(s.year)]);
	if (s.dynamicsSpan !== 2) parts.push([INDEX_PARAM.span, String(s.dynamicsSpan)]);
	if (s.minPopulation !== DEFAULT_MIN_POPULATION) parts.push([INDEX_PARAM.minPopulation, num(s.minPopulation)]);
	if (!same(s.statusCuts, DEFAULT_STATUS_CUTS)) parts.push([INDEX_PARAM.statusCuts, s.statusCuts.map(num).join(',')]);
	if (!same(s.dynamicsCuts, DEFAULT_DYNAMICS_CUTS)) parts.push([INDEX_PARAM.dynamicsCuts, s.dynamicsCuts.map(num).join(',')]);
	if (s.name && s.name !== DEFAULT_NAME) parts.push([INDEX_PARAM.name, s.name]);
	if (area) parts.push([INDEX_PARAM.area, area]);
	// "," and ":" may stand in a query as they are: lists stay readable instead of %2C-soup
	const enc = (v: string) => encodeURIComponent(v).replace(/%2C/gi, ',').replace(/%3A/gi, ':');
	return '?' + parts.map(([k, v]) => `${k}=${enc(v)}`).join('&');
}

/** n strictly ascending numbers in [-100, 100] from "a,b,c", or null. */
function cuts(raw: string | null, n: number): number[] | null {
	if (raw === null) return null;
	const xs = raw.split(',').map((p) => numberIn(p, -100, 100));
	if (xs.length !== n || xs.some((x) => x === null)) return null;
	const v = xs as number[];
	return v.every((x, i) => i === 0 || x > v[i - 1]) ? v : null;
}

function orientations(raw: string | null): Map<string, Orientation> {
	const out = new Map<string, Orientation>();
	for (const item of (raw ?? '').split(',')) {
		const [id, code] = item.trim().split(':');
		const o = (Object.keys(ORIENTATION_CODE) as Orientation[]).find((x) => ORIENTATION_CODE[x] === code);
		if (id && o) out.set(id, o);
	}
	return out;
}

export interface IndexQueryContext {
	/** Indicators of the data package (id and polarity). */
	indicators: readonly { id: string; polarity: Polarity }[];
	/** Used for everything the URL does not say (or says wrongly). */
	fallback: IndexSettings;
	/** Base-level area keys, to check the selected area. */
	areaKeys?: readonly string[];
}

export interface IndexQuery {
	settings: IndexSettings;
	selected: string | null;
}

export function parseIndexSearch(params: URLSearchParams, ctx: IndexQueryContext): IndexQuery {
	const f = ctx.fallback;
	const known = new Set(ctx.indicators.map((i) => i.id));
	const ids = (params.get(INDEX_PARAM.indicators) ?? '').split(',').slice(0, MAX_INDICATORS);
	const weights = (params.get(INDEX_PARAM.weights) ?? '').split(',');
	const dir = orientations(params.get(INDEX_PARAM.orientation));
	const chosen: IndexIndicatorSetting[] = [];
	// positions matter: the i-th weight belongs to the i-th id, also when an id before it is unknown
	ids.forEach((raw, i) => {
		const id = raw.trim();
		if (!known.has(id) || chosen.some((c) => c.id === id)) return;
		const o = dir.get(id);
		chosen.push({ id, weight: numberIn(weights[i], 0, 1e6) ?? 1, ...(o ? { orientation: o } : {}) });
	});
	// an index of nothing cannot be drawn: then the default choice
	const indicators = chosen.some((i) => i.weight > 0) ? chosen : f.indicators.map((i) => ({ ...i }));
	const method = (Object.keys(METHOD_CODE) as StandardMethod[]).find((m) => METHOD_CODE[m] === params.get(INDEX_PARAM.method));
	const year = numberIn(params.get(INDEX_PARAM.year), 1000, 9999);
	const span = params.get(INDEX_PARAM.span);
	const name = params.get(INDEX_PARAM.name)?.replace(/[\u0000-\u001f\u007f]/g, '').trim();
	const area = params.get(INDEX_PARAM.area);
	const areaOk = area !== null && /^[\w.-]{1,40}$/.test(area) && (!ctx.areaKeys || ctx.areaKeys.includes(area));
	return {
		settings: {
			name: name ? name.slice(0, 120) : f.name,
			indicators,
			method: method ?? f.method,
			year: year !== null && Number.isInteger(year) ? year : f.year,
			dynamicsSpan: span === '2' || span === '3' ? (Number(span) as 2 | 3) : f.dynamicsSpan,
			minPopulation: numberIn(params.get(INDEX_PARAM.minPopulation), 0, 1e9) ?? f.minPopulation,
			statusCuts: (cuts(params.get(INDEX_PARAM.statusCuts), 3) as IndexSettings['statusCuts'] | null) ?? [...f.statusCuts],
			dynamicsCuts: (cuts(params.get(INDEX_PARAM.dynamicsCuts), 2) as IndexSettings['dynamicsCuts'] | null) ?? [...f.dynamicsCuts]
		},
		selected: areaOk ? area : null
	};
}
