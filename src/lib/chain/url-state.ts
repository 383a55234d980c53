/**
 * The prevention-chain view lives in the URL (`/kette/?lebensphase=3_6&methode=sd&mass=plaetze&sortierung=luecken`):
 * the life phase in focus (small maps, table, matrix highlight), the class method, the coverage
 * measure and the matrix order. Defaults are left out; unknown values fall back to them, so any
 * link opens a working page. `lebensphase` is the name the offer links already use.
 */
import { buildQuery } from '$lib/permalink';
import type { LevelMethod } from './categories';
import type { CoverageMeasure } from './matrix';
import { CHAIN_PHASES, type ChainPhase } from './phases';

export type MatrixSort = 'key' | 'gaps' | 'name';

export interface ChainView {
	focus: ChainPhase;
	method: LevelMethod;
	measure: CoverageMeasure;
	sort: MatrixSort;
}

export const DEFAULT_CHAIN_VIEW: Readonly<ChainView> = { focus: 'u3', method: 'tercile', measure: 'offers', sort: 'key' };

export const CHAIN_PARAM = { focus: 'lebensphase', method: 'methode', measure: 'mass', sort: 'sortierung' } as const;

const METHOD: Readonly<Record<LevelMethod, string>> = { tercile: 'terzile', sd: 'sd' };
const MEASURE: Readonly<Record<CoverageMeasure, string>> = { offers: 'angebote', places: 'plaetze' };
const SORT: Readonly<Record<MatrixSort, string>> = { key: 'schluessel', gaps: 'luecken', name: 'name' };

/** The key of `codes` whose code is `value`, else `fallback`. */
function decode<K extends string>(codes: Readonly<Record<K, string>>, value: string | null, fallback: K): K {
	return (Object.keys(codes) as K[]).find((k) => codes[k] === value) ?? fallback;
}

export function parseChainView(params: URLSearchParams): ChainView {
	const p = params.get(CHAIN_PARAM.focus);
	return {
		focus: CHAIN_PHASES.find((x) => x === p) ?? DEFAULT_CHAIN_VIEW.focus,
		method: decode(METHOD, params.get(CHAIN_PARAM.method), DEFAULT_CHAIN_VIEW.method),
		measure: decode(MEASURE, params.get(CHAIN_PARAM.measure), DEFAULT_CHAIN_VIEW.measure),
		sort: decode(SORT, params.get(CHAIN_PARAM.sort), DEFAULT_CHAIN_VIEW.sort)
	};
}

/** Query string of a view; "" when everything is at its default. */
export function chainSearch(v: ChainView): string {
	const pairs: [string, string][] = [];
	if (v.focus !== DEFAULT_CHAIN_VIEW.focus) pairs.push([CHAIN_PARAM.focus, v.focus]);
	if (v.method !== DEFAULT_CHAIN_VIEW.method) pairs.push([CHAIN_PARAM.method, METHOD[v.method]]);
	if (v.measure !== DEFAULT_CHAIN_VIEW.measure) pairs.push([CHAIN_PARAM.measure, MEASURE[v.measure]]);
	if (v.sort !== DEFAULT_CHAIN_VIEW.sort) pairs.push([CHAIN_PARAM.sort, SORT[v.sort]]);
	return buildQuery(pairs);
}
