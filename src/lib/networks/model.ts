/**
 * A local network as the app keeps it: one record with its members and meetings, so a change of a
 * member or a new meeting is one change of the network (one undo step, one entry over the package).
 * The package holds the same data in three tables (networks, network_members, network_meetings);
 * fromPackage and file-format.ts translate.
 */
import { isIsoDate } from '$lib/data/package/csv';
import { MEMBER_TIERS, MEMBER_TYPE_IDS, type MemberTier, type MemberType, type Network, type NetworkMeeting, type NetworkMember } from '$lib/data/types';

export interface MemberRecord {
	institution: string;
	tier: MemberTier;
	type: MemberType;
	type_label: string;
}

export interface MeetingRecord {
	date: string;
	topic: string;
}

export interface NetworkRecord {
	id: string;
	name: string;
	level: string;
	area_key: string;
	coordinator: string;
	description: string;
	members: MemberRecord[];
	meetings: MeetingRecord[];
}

export const NETWORK_FIELDS = ['id', 'name', 'level', 'area_key', 'coordinator', 'description', 'members', 'meetings'] as const satisfies readonly (keyof NetworkRecord)[];

/** Fixed field order, members in their order, meetings by date (the order a list shows them). */
export function canonicalNetwork(n: NetworkRecord): NetworkRecord {
	return {
		id: n.id,
		name: n.name,
		level: n.level,
		area_key: n.area_key,
		coordinator: n.coordinator,
		description: n.description,
		members: n.members.map((m) => ({ institution: m.institution, tier: m.tier, type: m.type, type_label: m.type === 'sonstige' ? m.type_label : '' })),
		meetings: [...n.meetings].map((m) => ({ date: m.date, topic: m.topic })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
	};
}

export function networksFromPackage(networks: readonly Network[], members: readonly NetworkMember[], meetings: readonly NetworkMeeting[]): NetworkRecord[] {
	return networks.map((n) =>
		canonicalNetwork({
			id: String(n.id),
			name: String(n.name),
			level: String(n.level),
			area_key: String(n.area_key),
			coordinator: n.coordinator ?? '',
			description: n.description ?? '',
			members: members.filter((m) => m.network_id === n.id).map((m) => ({ institution: m.institution, tier: m.tier, type: m.type, type_label: m.type_label ?? '' })),
			meetings: meetings.filter((m) => m.network_id === n.id).map((m) => ({ date: m.date, topic: m.topic ?? '' }))
		})
	);
}

const isStr = (v: unknown): v is string => typeof v === 'string';

/** A stored network checked field by field; null when damaged. */
export function readNetworkRecord(raw: unknown): NetworkRecord | null {
	const r = raw as Record<string, unknown> | null;
	if (!r || typeof r !== 'object') return null;
	for (const f of ['id', 'name', 'level', 'area_key', 'coordinator', 'description'] as const) if (!isStr(r[f])) return null;
	if (!Array.isArray(r.members) || !Array.isArray(r.meetings)) return null;
	const membersOk = r.members.every((m: Record<string, unknown>) => m && isStr(m.institution) && (MEMBER_TIERS as readonly unknown[]).includes(m.tier) && (MEMBER_TYPE_IDS as readonly unknown[]).includes(m.type) && isStr(m.type_label));
	const meetingsOk = r.meetings.every((m: Record<string, unknown>) => m && isStr(m.date) && isIsoDate(m.date) && isStr(m.topic));
	return membersOk && meetingsOk ? canonicalNetwork(r as unknown as NetworkRecord) : null;
}

export function newNetworkId(taken: ReadonlySet<string>, random: () => number = Math.random): string {
	for (;;) {
		const id = 'NW-' + Math.floor(random() * 36 ** 5).toString(36).toUpperCase().padStart(5, '0');
		if (!taken.has(id)) return id;
	}
}

/** The latest meeting, or null. */
export function lastMeeting(n: Pick<NetworkRecord, 'meetings'>): MeetingRecord | null {
	return n.meetings.length ? n.meetings.reduce((a, b) => (b.date > a.date ? b : a)) : null;
}
