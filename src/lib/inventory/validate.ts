/**
 * Checks an offer before it is stored (form, edit, import). Each problem names the field it belongs
 * to and a message key, so the form shows it next to the input and the import names file, row and
 * column; the texts (German first) live in the inventory catalogue.
 */
import { isIsoDate, OFFER_LIFE_PHASES } from '$lib/data/package/csv';
import type { RecordIssue } from '$lib/store/record-store';
import type { MessageKey } from '$lib/i18n/messages';
import type { Params } from '$lib/i18n/translate';
import { OFFER_ID_PATTERN, type OfferRecord } from './offer-record';

export interface OfferIssue extends RecordIssue {
	field: keyof OfferRecord;
}

export interface OfferContext {
	/** Keys of the finest level: offers are located in one of them. */
	areaKeys: ReadonlySet<string>;
}

export const TEXT_LIMIT = 300;
export const DESCRIPTION_LIMIT = 2000;

export function validateOffer(o: OfferRecord, ctx: OfferContext): OfferIssue[] {
	const issues: OfferIssue[] = [];
	const add = (field: keyof OfferRecord, key: MessageKey, params?: Params) => issues.push({ field, key, params });
	if (!OFFER_ID_PATTERN.test(o.id)) add('id', 'inventory.err.id', { id: o.id });
	if (o.name.trim() === '') add('name', 'inventory.err.name');
	for (const f of ['name', 'provider', 'category', 'address'] as const) if (o[f].length > TEXT_LIMIT) add(f, 'inventory.err.long', { n: TEXT_LIMIT });
	if (o.description.length > DESCRIPTION_LIMIT) add('description', 'inventory.err.long', { n: DESCRIPTION_LIMIT });
	if (o.life_phases.length === 0) add('life_phases', 'inventory.err.phases');
	else if (o.life_phases.some((p) => !(OFFER_LIFE_PHASES as readonly string[]).includes(p))) add('life_phases', 'inventory.err.phases');
	if (o.topics.some((x) => x.trim() === '' || x.includes('|'))) add('topics', 'inventory.err.topics');
	if (!ctx.areaKeys.has(o.area_key)) add('area_key', 'inventory.err.area', { key: o.area_key });
	if (!Number.isFinite(o.lon) || !Number.isFinite(o.lat) || o.lon < -180 || o.lon > 180 || o.lat < -90 || o.lat > 90) add('lon', 'inventory.err.location');
	if (o.places !== null && (!Number.isInteger(o.places) || o.places < 0)) add('places', 'inventory.err.places');
	for (const f of ['valid_from', 'valid_to'] as const) {
		const v = o[f];
		if (v !== null && !isIsoDate(v)) add(f, 'inventory.err.date');
	}
	if (o.valid_from && o.valid_to && isIsoDate(o.valid_from) && isIsoDate(o.valid_to) && o.valid_to < o.valid_from) add('valid_to', 'inventory.err.dateOrder');
	return issues;
}
