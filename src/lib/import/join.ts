/**
 * Join table records to the areas of the map, and say exactly how well that went: areas matched,
 * table keys without an area (dissolved or mistyped codes), areas without data, duplicate rows,
 * keys that only matched after padding zeros, and names matched instead of keys — with a confidence,
 * where only "equal after normalisation" is taken without the user's confirmation.
 */
import { keyMatchForm, padKey } from './keys';
import { nameCandidates, normaliseName, type NameCandidate } from './names';
import type { TableRecord } from './records';
import { RowSet, type RowPlace } from './row-list';

export interface AreaRef {
	key: string;
	name: string;
}

export interface JoinOptions {
	/** Pad digit-only table keys to this width before comparing (0 = off). */
	keyWidth?: number;
	/** Match by name where a row has no key (or its key is unknown). */
	matchByName?: boolean;
	/** Confirmed name → area key decisions for names that did not match exactly. */
	nameMatches?: Record<string, string>;
}

export interface UnmatchedGroup {
	key: string;
	name: string;
	/** Each source row once per file, sorted: one row feeds a record per year in a wide table. */
	places: RowPlace[];
	candidates: NameCandidate[];
}

export interface JoinReport {
	areasTotal: number;
	areasMatched: number;
	recordsTotal: number;
	recordsMatched: number;
	unmatchedTable: UnmatchedGroup[];
	areasWithoutData: AreaRef[];
	/** Name matches used: exact after normalisation, or confirmed by the user. */
	byName: { tableName: string; key: string; areaName: string; confidence: number; confirmed: boolean }[];
	/** Table keys that matched only after adding leading zeros / ignoring case. */
	normalisedKeys: { from: string; to: string }[];
	/** Summary rows ("Stadt insgesamt") left out on purpose. */
	totalRows: { file: string; row: number; name: string }[];
}

const TOTAL = /^(stadt|gemeinde|kreis)?\s*(insgesamt|gesamt|summe|zusammen|total)\b|\b(insgesamt|gesamt|summe)$/i;

/** Resolve each record to an area key (or null) and build the report. */
export function joinRecords(records: readonly TableRecord[], areas: readonly AreaRef[], options: JoinOptions = {}): { keys: (string | null)[]; report: JoinReport } {
	const byKey = new Map(areas.map((a) => [keyMatchForm(a.key), a]));
	const byName = new Map<string, AreaRef | null>();
	for (const a of areas) {
		const n = normaliseName(a.name);
		byName.set(n, byName.has(n) ? null : a); // two areas with one name: never match by it
	}
	const confirmed = options.nameMatches ?? {};
	const areaKeys = new Set(areas.map((a) => a.key));
	const report: JoinReport = { areasTotal: areas.length, areasMatched: 0, recordsTotal: records.length, recordsMatched: 0, unmatchedTable: [], areasWithoutData: [], byName: [], normalisedKeys: [], totalRows: [] };
	const unmatched = new Map<string, { group: UnmatchedGroup; rows: RowSet }>();
	const normalised = new Map<string, string>();
	const named = new Map<string, JoinReport['byName'][number]>();
	const used = new Set<string>();
	const keys = records.map((r) => {
		let area: AreaRef | undefined | null;
		if (r.key) {
			area = byKey.get(keyMatchForm(padKey(r.key, options.keyWidth ?? 0)));
			if (area && area.key !== r.key) normalised.set(r.key, area.key);
		}
		if (!area && r.name && (options.matchByName || !r.key)) {
			const exact = byName.get(normaliseName(r.name));
			if (exact) {
				area = exact;
				if (!named.has(r.name)) named.set(r.name, { tableName: r.name, key: exact.key, areaName: exact.name, confidence: 1, confirmed: false });
			} else if (confirmed[r.name] && areaKeys.has(confirmed[r.name])) {
				area = areas.find((a) => a.key === confirmed[r.name]);
				if (area && !named.has(r.name)) named.set(r.name, { tableName: r.name, key: area.key, areaName: area.name, confidence: nameCandidates(r.name, [area], 1, 0)[0]?.confidence ?? 0, confirmed: true });
			}
		}
		if (!area) {
			if (!r.key && TOTAL.test(r.name.trim())) report.totalRows.push({ file: r.file, row: r.row, name: r.name });
			else {
				const id = `${r.key}\u0000${r.name}`;
				let g = unmatched.get(id);
				if (!g) {
					g = { group: { key: r.key, name: r.name, places: [], candidates: r.name ? nameCandidates(r.name, areas) : [] }, rows: new RowSet() };
					unmatched.set(id, g);
				}
				g.rows.add(r.file, r.row);
			}
			return null;
		}
		used.add(area.key);
		report.recordsMatched++;
		return area.key;
	});
	report.areasMatched = used.size;
	report.unmatchedTable = [...unmatched.values()].map(({ group, rows }) => ({ ...group, places: rows.places() }));
	report.areasWithoutData = areas.filter((a) => !used.has(a.key)).map((a) => ({ key: a.key, name: a.name }));
	report.byName = [...named.values()];
	report.normalisedKeys = [...normalised].map(([from, to]) => ({ from, to }));
	return { keys, report };
}
