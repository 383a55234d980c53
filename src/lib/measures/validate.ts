/**
 * Checks a measure before it is stored (form, import): a name, a responsible body, at least one
 * Feinziel that exists (in the package or drafted here), offers that exist in the inventory, real
 * dates in order, a status from the list.
 */
import { isIsoDate } from '$lib/data/package/csv';
import { MEASURE_STATUSES } from '$lib/data/types';
import type { MessageKey } from '$lib/i18n/messages';
import type { Params } from '$lib/i18n/translate';
import type { RecordIssue } from '$lib/store/record-store';
import type { MeasureRecord } from './model';

export interface MeasureIssue extends RecordIssue {
	field: keyof MeasureRecord;
}

export interface MeasureContext {
	targetIds(): ReadonlySet<string>;
	offerIds(): ReadonlySet<string>;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

export function validateMeasure(m: MeasureRecord, ctx: MeasureContext): MeasureIssue[] {
	const issues: MeasureIssue[] = [];
	const add = (field: keyof MeasureRecord, key: MessageKey, params?: Params) => issues.push({ field, key, params });
	if (!ID.test(m.id)) add('id', 'measures.err.id', { id: m.id });
	if (m.name.trim() === '') add('name', 'measures.err.name');
	if (m.target_ids.length === 0) add('target_ids', 'measures.err.targets');
	const targets = ctx.targetIds();
	const unknownTarget = m.target_ids.find((id) => !targets.has(id));
	if (unknownTarget !== undefined) add('target_ids', 'measures.err.target', { id: unknownTarget });
	const offers = ctx.offerIds();
	const unknownOffer = m.offer_ids.find((id) => !offers.has(id));
	if (unknownOffer !== undefined) add('offer_ids', 'measures.err.offer', { id: unknownOffer });
	if (m.responsible.trim() === '') add('responsible', 'measures.err.responsible');
	if (m.start !== null && !isIsoDate(m.start)) add('start', 'inventory.err.date');
	if (m.end !== null && !isIsoDate(m.end)) add('end', 'inventory.err.date');
	if (m.start && m.end && m.end < m.start) add('end', 'measures.err.order');
	if (!(MEASURE_STATUSES as readonly string[]).includes(m.status)) add('status', 'measures.err.status');
	return issues;
}
