/**
 * An offer as the inventory keeps it: the package's Offer with every field present (the optional
 * columns of offers.csv filled with their empty values), so a package offer and one recorded in the
 * browser have one shape, compare field by field and export into the package format unchanged.
 */
import { OFFER_LIFE_PHASES, isIsoDate } from '$lib/data/package/csv';
import type { LifePhase, Offer } from '$lib/data/types';

export interface OfferRecord {
	id: string;
	name: string;
	provider: string;
	category: string;
	life_phases: LifePhase[];
	topics: string[];
	area_key: string;
	lon: number;
	lat: number;
	places: number | null;
	address: string;
	description: string;
	/** ISO dates, inclusive; null = open. */
	valid_from: string | null;
	valid_to: string | null;
}

/** Field order of a record: the column order of offers.csv. */
export const OFFER_FIELDS = [
	'id', 'name', 'provider', 'life_phases', 'topics', 'area_key', 'lon', 'lat', 'places', 'description',
	'category', 'address', 'valid_from', 'valid_to'
] as const satisfies readonly (keyof OfferRecord)[];

export function fromPackageOffer(o: Offer): OfferRecord {
	return canonicalOffer({
		id: String(o.id),
		name: String(o.name),
		provider: o.provider ?? '',
		category: o.category ?? '',
		life_phases: [...(o.life_phases ?? [])],
		topics: [...(o.topics ?? [])],
		area_key: String(o.area_key),
		lon: Number(o.lon),
		lat: Number(o.lat),
		places: o.places === null || o.places === undefined ? null : Number(o.places),
		address: o.address ?? '',
		description: o.description ?? '',
		valid_from: o.valid_from || null,
		valid_to: o.valid_to || null
	});
}

/** A copy with fields in a fixed order, coordinates at 5 decimals (≈ 1 m, as the package stores them). */
export function canonicalOffer(o: OfferRecord): OfferRecord {
	const out = {} as Record<string, unknown>;
	for (const f of OFFER_FIELDS) {
		const v = o[f];
		out[f] = Array.isArray(v) ? [...v] : f === 'lon' || f === 'lat' ? Math.round((v as number) * 1e5) / 1e5 : v;
	}
	return out as unknown as OfferRecord;
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const isDateOrNull = (v: unknown) => v === null || (isStr(v) && isIsoDate(v));

/** A stored record checked field by field; null when damaged (the store then skips it). */
export function readOfferRecord(raw: unknown): OfferRecord | null {
	const r = raw as Record<string, unknown> | null;
	if (!r || typeof r !== 'object') return null;
	for (const f of ['id', 'name', 'provider', 'category', 'area_key', 'address', 'description'] as const) if (!isStr(r[f])) return null;
	if (!Array.isArray(r.life_phases) || !r.life_phases.every((p) => (OFFER_LIFE_PHASES as readonly unknown[]).includes(p))) return null;
	if (!Array.isArray(r.topics) || !r.topics.every(isStr)) return null;
	if (typeof r.lon !== 'number' || typeof r.lat !== 'number' || !Number.isFinite(r.lon) || !Number.isFinite(r.lat)) return null;
	if (r.places !== null && (typeof r.places !== 'number' || !Number.isInteger(r.places))) return null;
	if (!isDateOrNull(r.valid_from) || !isDateOrNull(r.valid_to)) return null;
	return canonicalOffer(r as unknown as OfferRecord);
}

/** New offers get "L-" ids (lokal): they never clash with package ids like "A001". */
export function newOfferId(taken: ReadonlySet<string>, random: () => number = Math.random): string {
	for (;;) {
		const id = 'L-' + Math.floor(random() * 36 ** 6).toString(36).toUpperCase().padStart(6, '0');
		if (!taken.has(id)) return id;
	}
}

export const OFFER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

/** Whether the offer exists on a day (ISO date): not ended before it, not starting after it. */
export function validOn(o: Pick<OfferRecord, 'valid_from' | 'valid_to'>, day: string): boolean {
	return (o.valid_from === null || o.valid_from <= day) && (o.valid_to === null || day <= o.valid_to);
}

/** Today as an ISO date in the browser's time zone (a planner's "today", not UTC's). */
export function today(now = new Date()): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The record as the package's Offer type (for the matrix, the map and the engine's consumers). */
export function toOffer(o: OfferRecord): Offer {
	return { ...o, life_phases: [...o.life_phases], topics: [...o.topics] };
}
