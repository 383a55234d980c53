/**
 * Sozialindex settings in a slide URL (`/index/?ind=sgb2_u15,alleinerziehend&w=2,1&std=z&min=300`),
 * so an index slide draws the index the planner built, from today's data. Compact and readable
 * (commas stay commas). Reading never throws and never trusts the URL: unknown indicators are
 * dropped, bad numbers fall back to the given defaults, so a hand-edited or old link still draws a
 * sensible index. The builder page may carry more parameters than these; unknown ones are ignored.
 */
import type { Polarity } from '$lib/data/types';
import type { IndexIndicatorSetting, IndexSettings, Orientation } from '$lib/index/settings';
import type { StandardMethod } from '$lib/index/standardise';

export const INDEX_PARAM = {
	indicators: 'ind',
	weights: 'w',
	orientation: 'o',
	method: 'std',
	year: 'jahr',
	minPopulation: 'min',
	span: 'dyn',
	statusCuts: 'cuts',
	dynamicsCuts: 'dcuts',
	selected: 'sel',
	name: 'name'
} as const;

const METHOD_CODE: Record<StandardMethod, string> = { zscore: 'z', percentile: 'p', minmax: 'mm' };
const METHOD_OF: Record<string, StandardMethod> = {
	z: 'zscore',
	zscore: 'zscore',
	p: 'percentile',
	percentile: 'percentile',
	mm: 'minmax',
	minmax: 'minmax'
};
const ORIENTATION_CODE: Record<Orientation, string> = { higher_is_worse: 'w', higher_is_better: 'b' };
const MAX_INDICATORS = 60;

/** "1.5" not "1,5": a URL is not German prose. Rounded so float noise does not leak into links. */
const num = (x: number) => String(Math.round(x * 1e6) / 1e6);

/** The query string (with "?") for settings and an optional selected area. */
export function indexSearch(s: IndexSettings, selected: string | null = null): string {
	const parts: [string, string][] = [
		[INDEX_PARAM.indicators, s.indicators.map((i) => i.id).join(',')],
		[INDEX_PARAM.weights, s.indicators.map((i) => num(i.weight)).join(',')]
	];
	if (s.indicators.some((i) => i.orientation)) parts.push([INDEX_PARAM.orientation, s.indicators.map((i) => (i.orientation ? ORIENTATION_CODE[i.orientation] : '')).join(',')]);
	parts.push([INDEX_PARAM.method, METHOD_CODE[s.method]]);
	if (s.year !== null) parts.push([INDEX_PARAM.year, String(s.year)]);
	parts.push(
		[INDEX_PARAM.minPopulation, num(s.minPopulation)],
		[INDEX_PARAM.span, String(s.dynamicsSpan)],
		[INDEX_PARAM.statusCuts, s.statusCuts.map(num).join(',')],
		[INDEX_PARAM.dynamicsCuts, s.dynamicsCuts.map(num).join(',')]
	);
	if (s.name) parts.push([INDEX_PARAM.name, s.name]);
	if (selected) parts.push([INDEX_PARAM.selected, selected]);
	return '?' + parts.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/gi, ',')}`).join('&');
}

/** A finite number in [min, max], or null. */
function numberIn(raw: string | undefined | null, min: number, max: number): number | null {
	if (raw === undefined || raw === null || raw.trim() === '') return null;
	const x = Number(raw.trim());
	return Number.isFinite(x) && x >= min && x <= max ? x : null;
}

/** n strictly ascending numbers in [-10, 10] from "a,b,c", or null. */
function cuts(raw: string | null, n: number): number[] | null {
	if (raw === null) return null;
	const xs = raw.split(',').map((p) => numberIn(p, -10, 10));
	if (xs.length !== n || xs.some((x) => x === null)) return null;
	const v = xs as number[];
	return v.every((x, i) => i === 0 || x > v[i - 1]) ? v : null;
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
	const orient = (params.get(INDEX_PARAM.orientation) ?? '').split(',');
	const seen = new Set<string>();
	const chosen: IndexIndicatorSetting[] = [];
	// positions matter: the i-th weight belongs to the i-th id, also when an id before it is unknown
	ids.forEach((raw, i) => {
		const id = raw.trim();
		if (!known.has(id) || seen.has(id)) return;
		seen.add(id);
		const o = orient[i]?.trim();
		const orientation: Orientation | undefined = o === 'b' ? 'higher_is_better' : o === 'w' ? 'higher_is_worse' : undefined;
		chosen.push({ id, weight: numberIn(weights[i], 0, 1000) ?? 1, ...(orientation ? { orientation } : {}) });
	});
	const indicators = chosen.some((i) => i.weight > 0) ? chosen : f.indicators.map((i) => ({ ...i }));
	const year = numberIn(params.get(INDEX_PARAM.year), 1900, 2200);
	const min = numberIn(params.get(INDEX_PARAM.minPopulation), 0, 10_000_000);
	const span = Number(params.get(INDEX_PARAM.span));
	const name = params.get(INDEX_PARAM.name)?.trim();
	const sel = params.get(INDEX_PARAM.selected);
	const selectedOk = sel !== null && /^[\w.-]{1,40}$/.test(sel) && (!ctx.areaKeys || ctx.areaKeys.includes(sel));
	return {
		settings: {
			name: name ? name.slice(0, 120) : f.name,
			indicators,
			method: METHOD_OF[params.get(INDEX_PARAM.method) ?? ''] ?? f.method,
			year: year !== null && Number.isInteger(year) ? year : f.year,
			dynamicsSpan: span === 2 || span === 3 ? span : f.dynamicsSpan,
			minPopulation: min ?? f.minPopulation,
			statusCuts: (cuts(params.get(INDEX_PARAM.statusCuts), 3) as IndexSettings['statusCuts'] | null) ?? [...f.statusCuts],
			dynamicsCuts: (cuts(params.get(INDEX_PARAM.dynamicsCuts), 2) as IndexSettings['dynamicsCuts'] | null) ?? [...f.dynamicsCuts]
		},
		selected: selectedOk ? sel : null
	};
}
