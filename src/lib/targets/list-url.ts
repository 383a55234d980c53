/**
 * The filters of the target list live in the URL (`/ziele/?lebensphase=u3&gebiet=0603`), so a
 * filtered list can be linked and back/forward restore it. `gebiet` is a Sozialraum or Stadtbezirk
 * key, or "*" for the city's own targets (CITY_FILTER). It is not called `sozialraum`: that name
 * belongs to the "new target" links (`?neu&indikator=…&sozialraum=…`), which prefill the form.
 */
import { LIFE_PHASES, type LifePhase } from '$lib/data/types';
import { buildQuery } from '$lib/permalink';
import { CITY_FILTER } from './scope';

export const LIST_PARAM = { phase: 'lebensphase', area: 'gebiet' } as const;

export interface ListFilter {
	phase: LifePhase | '';
	/** '' = all areas. */
	area: string;
}

export function parseListFilter(params: URLSearchParams, areaKeys: ReadonlySet<string>): ListFilter {
	const phase = LIFE_PHASES.find((p) => p === params.get(LIST_PARAM.phase)) ?? '';
	const a = params.get(LIST_PARAM.area) ?? '';
	return { phase, area: a === CITY_FILTER || areaKeys.has(a) ? a : '' };
}

export function listFilterSearch(f: ListFilter): string {
	const pairs: [string, string][] = [];
	if (f.phase) pairs.push([LIST_PARAM.phase, f.phase]);
	if (f.area) pairs.push([LIST_PARAM.area, f.area]);
	return buildQuery(pairs);
}
