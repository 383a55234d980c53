/**
 * The offers view lives in the URL (`/angebote/?lebensphase=u3&thema=Familie&suche=kita&angebot=A001`):
 * every filter, the search words and the offer shown in detail. Names match the links the
 * prevention-chain matrix already makes (`lebensphase`, `sozialraum`). Only values this package
 * has are accepted (phases, topics, providers, areas, offer ids); the search text is free but
 * shortened and stripped of control characters, and it is only ever matched and shown as text.
 */
import { buildQuery } from '$lib/permalink';
import { NO_FILTER, type OfferFilter } from './offers';
import { CHAIN_PHASES } from './phases';

export const OFFER_PARAM = { phase: 'lebensphase', topic: 'thema', provider: 'traeger', area: 'sozialraum', query: 'suche', offer: 'angebot', inactive: 'beendete' } as const;

export const MAX_QUERY = 200;

export interface OffersView {
	filter: OfferFilter;
	selected: string | null;
	/** Also list offers that ended or have not started (`beendete=1`). */
	inactive?: boolean;
}

export interface OffersUrlContext {
	areaKeys: ReadonlySet<string>;
	topics: readonly string[];
	providers: readonly string[];
	offerIds: ReadonlySet<string>;
}

export function parseOffersView(params: URLSearchParams, ctx: OffersUrlContext): OffersView {
	const get = (k: string) => params.get(k) ?? '';
	const phase = CHAIN_PHASES.find((p) => p === get(OFFER_PARAM.phase)) ?? '';
	const offer = get(OFFER_PARAM.offer);
	return {
		filter: {
			phase,
			topic: ctx.topics.includes(get(OFFER_PARAM.topic)) ? get(OFFER_PARAM.topic) : NO_FILTER.topic,
			provider: ctx.providers.includes(get(OFFER_PARAM.provider)) ? get(OFFER_PARAM.provider) : NO_FILTER.provider,
			area: ctx.areaKeys.has(get(OFFER_PARAM.area)) ? get(OFFER_PARAM.area) : NO_FILTER.area,
			query: cleanQuery(get(OFFER_PARAM.query))
		},
		selected: ctx.offerIds.has(offer) ? offer : null,
		...(get(OFFER_PARAM.inactive) === '1' ? { inactive: true } : {})
	};
}

/** Search text as typed (spaces kept: the planner may be typing the next word), without control characters, at most MAX_QUERY long. */
export function cleanQuery(text: string): string {
	return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, MAX_QUERY);
}

/** Query string of a view; "" for all offers with none selected. */
export function offersSearch(v: OffersView): string {
	const f = v.filter;
	const pairs: [string, string][] = [];
	if (f.phase) pairs.push([OFFER_PARAM.phase, f.phase]);
	if (f.topic) pairs.push([OFFER_PARAM.topic, f.topic]);
	if (f.provider) pairs.push([OFFER_PARAM.provider, f.provider]);
	if (f.area) pairs.push([OFFER_PARAM.area, f.area]);
	if (f.query) pairs.push([OFFER_PARAM.query, f.query]);
	if (v.selected) pairs.push([OFFER_PARAM.offer, v.selected]);
	if (v.inactive) pairs.push([OFFER_PARAM.inactive, '1']);
	return buildQuery(pairs);
}
