/**
 * Checks a network before it is stored (form, import): a name, an area of one of the package's
 * levels, member institutions with a type from the documented list (a free label for "sonstige"),
 * meetings on real days. Networks name institutions only: a form of address or a title (Frau,
 * Herr, Dr.) is refused, since a network list may be published.
 */
import { isIsoDate } from '$lib/data/package/csv';
import { looksLikePersonName } from '$lib/data/package/institution';
import { MEMBER_TIERS, MEMBER_TYPE_IDS } from '$lib/data/types';
import type { AreaInfo } from '$lib/data/engine';
import type { MessageKey } from '$lib/i18n/messages';
import type { Params } from '$lib/i18n/translate';
import type { RecordIssue } from '$lib/store/record-store';
import type { NetworkRecord } from './model';

export interface NetworkIssue extends RecordIssue {
	/** `members.3.institution`, `meetings.0.date` for problems inside a list. */
	field: string;
}

export interface NetworkContext {
	areas: readonly AreaInfo[];
	levels: readonly string[];
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
export const TEXT_LIMIT = 300;

export function validateNetwork(n: NetworkRecord, ctx: NetworkContext): NetworkIssue[] {
	const issues: NetworkIssue[] = [];
	const add = (field: string, key: MessageKey, params?: Params) => issues.push({ field, key, params });
	if (!ID.test(n.id)) add('id', 'networks.err.id', { id: n.id });
	if (n.name.trim() === '') add('name', 'networks.err.name');
	if (n.name.length > TEXT_LIMIT) add('name', 'inventory.err.long', { n: TEXT_LIMIT });
	if (!ctx.levels.includes(n.level)) add('level', 'networks.err.level', { level: n.level });
	else if (!ctx.areas.some((a) => a.level === n.level && a.key === n.area_key)) add('area_key', 'networks.err.area', { key: n.area_key });
	if (looksLikePersonName(n.coordinator)) add('coordinator', 'networks.err.person');
	n.members.forEach((m, i) => {
		if (m.institution.trim() === '') add(`members.${i}.institution`, 'networks.err.institution');
		else if (looksLikePersonName(m.institution)) add(`members.${i}.institution`, 'networks.err.person');
		if (!(MEMBER_TIERS as readonly string[]).includes(m.tier)) add(`members.${i}.tier`, 'networks.err.tier');
		if (!(MEMBER_TYPE_IDS as readonly string[]).includes(m.type)) add(`members.${i}.type`, 'networks.err.type');
		else if (m.type === 'sonstige' && m.type_label.trim() === '') add(`members.${i}.type_label`, 'networks.err.typeLabel');
	});
	n.meetings.forEach((m, i) => {
		if (!isIsoDate(m.date)) add(`meetings.${i}.date`, 'networks.err.date');
	});
	return issues;
}
