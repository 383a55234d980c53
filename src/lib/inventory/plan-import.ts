/**
 * What an import would do to the inventory, before anything is written: rows that are new, rows
 * identical to an offer already there, rows whose id names an existing offer with other content
 * (a conflict), and rows without a matching id that look like an offer already there — same name
 * and address, or same name within 50 m — or like an earlier row of the same file (a possible
 * duplicate). Conflicts and duplicates are the planner's to decide, one by one; without a decision
 * nothing is written.
 */
import { normaliseName } from '$lib/import/names';
import { canonicalOffer, type OfferRecord } from './offer-record';
import type { ReadResult, ReadRow } from './read-offers';

export type ImportChoice = 'new' | 'update' | 'skip';

export interface Match {
	row: ReadRow;
	existing: OfferRecord;
	/** Why they match: same id, or name with address / location. */
	reason: 'id' | 'address' | 'location';
	/** The match is an earlier row of the same file, not an offer in the inventory. */
	inFile: boolean;
}

export interface OfferImportPlan {
	file: string;
	fresh: ReadRow[];
	identical: ReadRow[];
	/** Same id as an offer in the inventory, other content. */
	conflicts: Match[];
	/** No id match, but the same offer by name and address or location. */
	duplicates: Match[];
}

export interface OfferImportResult {
	added: number;
	updated: number;
	skipped: number;
	unchanged: number;
}

/** Metres between two lon/lat points (equirectangular: exact enough within a city). */
export function metres(a: Pick<OfferRecord, 'lon' | 'lat'>, b: Pick<OfferRecord, 'lon' | 'lat'>): number {
	const k = Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
	return Math.hypot((a.lon - b.lon) * 111_320 * k, (a.lat - b.lat) * 110_540);
}

export const NEAR_METRES = 50;

/** Whether two offers are the same place and name (`null`: not the same). */
export function sameOffer(a: OfferRecord, b: OfferRecord): 'address' | 'location' | null {
	if (normaliseName(a.name) !== normaliseName(b.name)) return null;
	if (a.address && b.address && normaliseName(a.address) === normaliseName(b.address)) return 'address';
	return metres(a, b) <= NEAR_METRES ? 'location' : null;
}

const json = (o: OfferRecord) => JSON.stringify(canonicalOffer(o));

export function planOfferImport(read: ReadResult, current: readonly OfferRecord[]): OfferImportPlan {
	const byId = new Map(current.map((o) => [o.id, o]));
	const plan: OfferImportPlan = { file: read.file, fresh: [], identical: [], conflicts: [], duplicates: [] };
	const seen: ReadRow[] = [];
	for (const row of read.rows) {
		const mine = row.hasId ? byId.get(row.record.id) : undefined;
		if (mine) {
			if (json(mine) === json(row.record)) plan.identical.push(row);
			else plan.conflicts.push({ row, existing: mine, reason: 'id', inFile: false });
		} else {
			const inStore = current.map((o) => ({ o, why: sameOffer(o, row.record) })).find((x) => x.why);
			const inFile = inStore ? undefined : seen.map((s) => ({ o: s.record, why: sameOffer(s.record, row.record) })).find((x) => x.why);
			const hit = inStore ?? inFile;
			if (hit) plan.duplicates.push({ row, existing: hit.o, reason: hit.why!, inFile: !inStore });
			else plan.fresh.push(row);
		}
		seen.push(row);
	}
	return plan;
}

/** The key a choice is filed under: the row number in the file. */
export const choiceKey = (m: Match) => String(m.row.row);

/** Fields the file leaves empty keep the inventory's value when an offer is updated from a list. */
function merge(existing: OfferRecord, incoming: OfferRecord): OfferRecord {
	const out = { ...incoming, id: existing.id };
	for (const f of ['provider', 'category', 'address', 'description'] as const) if (incoming[f] === '') out[f] = existing[f];
	if (incoming.topics.length === 0) out.topics = [...existing.topics];
	if (incoming.places === null) out.places = existing.places;
	if (incoming.valid_from === null) out.valid_from = existing.valid_from;
	if (incoming.valid_to === null) out.valid_to = existing.valid_to;
	return canonicalOffer(out);
}

/**
 * The records to write for a plan and one choice per conflict and duplicate. An offer that comes
 * without an id, or as "new" besides an existing one, gets a new id. Throws when a choice is
 * missing: nothing is overwritten or doubled by default.
 */
export function resolveOfferImport(
	plan: OfferImportPlan,
	choices: Readonly<Record<string, ImportChoice>>,
	newId: (taken: ReadonlySet<string>) => string,
	taken: Set<string>
): { put: OfferRecord[]; result: OfferImportResult; missing: Match[] } {
	const result: OfferImportResult = { added: 0, updated: 0, skipped: 0, unchanged: plan.identical.length };
	const missing = [...plan.conflicts, ...plan.duplicates].filter((m) => !choices[choiceKey(m)] || (m.inFile && choices[choiceKey(m)] === 'update'));
	if (missing.length) return { put: [], result, missing };
	const put: OfferRecord[] = [];
	const add = (r: OfferRecord) => {
		const id = r.id && !taken.has(r.id) ? r.id : newId(taken);
		taken.add(id);
		put.push(canonicalOffer({ ...r, id }));
		result.added++;
	};
	const decided = new Map<number, ImportChoice>([...plan.conflicts, ...plan.duplicates].map((m) => [m.row.row, choices[choiceKey(m)]]));
	const matches = new Map([...plan.conflicts, ...plan.duplicates].map((m) => [m.row.row, m]));
	const rows = [...plan.fresh, ...plan.conflicts.map((m) => m.row), ...plan.duplicates.map((m) => m.row)].sort((a, b) => a.row - b.row);
	for (const row of rows) {
		const m = matches.get(row.row);
		const choice = decided.get(row.row);
		if (!m) add(row.record);
		else if (choice === 'skip') result.skipped++;
		else if (choice === 'new') add({ ...row.record, id: '' });
		else {
			put.push(m.reason === 'id' ? canonicalOffer(row.record) : merge(m.existing, row.record));
			result.updated++;
		}
	}
	return { put, result, missing: [] };
}
