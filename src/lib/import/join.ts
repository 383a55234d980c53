/**
 * Join table records to the areas of the map, and say exactly how well that went: areas matched,
 * table keys without an area (dissolved or mistyped codes), areas without data, duplicate rows,
 * keys that only matched after the key rule, and names: an area is never taken by its name unless
 * the user confirmed that name (`nameMatches`); everything else is a proposal with a confidence,
 * and an area name that occurs in several parents is flagged rather than guessed.
 *
 * With boundary versions each record is joined to the version valid in its year.
 */
import { applyKeyRule, keyMatchForm, type KeyRule } from './keys';
import { nameCandidates, normaliseName } from './names';
import type { TableRecord } from './records';
import { RowSet, type RowPlace } from './row-list';
import { ALWAYS, validIn, type Validity } from './versions';

export interface AreaRef {
	key: string;
	name: string;
	/** Name of the parent area, to tell apart areas of one name ("Kirchweg" in Nordstadt and Weststadt). */
	parentName?: string;
}

/** The areas records are joined to: one boundary version of the finest level (or the only map). */
export interface JoinTarget {
	/** Version id, "" without versions. */
	version: string;
	/** „Gebietsstand 2021“, or the level's name without versions. */
	label: string;
	validity: Validity;
	areas: readonly AreaRef[];
	/** Keys on two features of the map: not matched until the map is mended. */
	ambiguous?: ReadonlySet<string>;
	/** Table key → key in this version (an older area renamed because its key moved on). */
	renames?: ReadonlyMap<string, string>;
}

export interface JoinOptions {
	/** The finest level's key rule, applied to table keys as to the map. */
	keyRule?: KeyRule;
	/** Also propose areas by name for rows whose key has no polygon (default: only rows without key). */
	matchByName?: boolean;
	/** Confirmed name → area key decisions: the only way a row is matched by its name. */
	nameMatches?: Record<string, string>;
}

export interface Candidate {
	key: string;
	name: string;
	confidence: number;
	parentName?: string;
}

export interface UnmatchedGroup {
	key: string;
	name: string;
	/** Version whose map was searched ("" without versions). */
	version: string;
	/** Each source row once per file, sorted: one row feeds a record per year in a wide table. */
	places: RowPlace[];
	candidates: Candidate[];
}

export interface JoinReport {
	areasTotal: number;
	areasMatched: number;
	recordsTotal: number;
	recordsMatched: number;
	unmatchedTable: UnmatchedGroup[];
	/** Rows whose key is on two features of the map: they wait for the map to be mended. */
	waitingForMap: { key: string; places: RowPlace[] }[];
	/** Rows of a year no boundary version covers. */
	withoutVersion: { year: number; places: RowPlace[] }[];
	areasWithoutData: AreaRef[];
	/** Name matches used, each confirmed by the user. */
	byName: { tableName: string; key: string; areaName: string; confidence: number; confirmed: true }[];
	/** Table keys that matched only after the key rule / ignoring case. */
	normalisedKeys: { from: string; to: string }[];
	/** Summary rows ("Stadt insgesamt") left out on purpose. */
	totalRows: { file: string; row: number; name: string }[];
	/** Records per version (only with versions): which version got which years. */
	versions: { version: string; label: string; years: number[]; records: number; matched: number }[];
}

const TOTAL = /^(stadt|gemeinde|kreis)?\s*(insgesamt|gesamt|summe|zusammen|total)\b|\b(insgesamt|gesamt|summe)$/i;

/** Join to one map (no versions). */
export function joinRecords(records: readonly TableRecord[], areas: readonly AreaRef[], options: JoinOptions = {}, ambiguous?: ReadonlySet<string>): { keys: (string | null)[]; report: JoinReport } {
	return joinVersions(records, [{ version: '', label: '', validity: ALWAYS, areas, ambiguous }], options);
}

interface Index {
	target: JoinTarget;
	byKey: Map<string, AreaRef>;
	byName: Map<string, AreaRef[]>;
	areaKeys: Set<string>;
}

function indexOf(target: JoinTarget): Index {
	const byName = new Map<string, AreaRef[]>();
	for (const a of target.areas) byName.set(normaliseName(a.name), [...(byName.get(normaliseName(a.name)) ?? []), a]);
	return { target, byKey: new Map(target.areas.map((a) => [keyMatchForm(a.key), a])), byName, areaKeys: new Set(target.areas.map((a) => a.key)) };
}

export function joinVersions(records: readonly TableRecord[], targets: readonly JoinTarget[], options: JoinOptions = {}): { keys: (string | null)[]; report: JoinReport } {
	const indexes = targets.map(indexOf);
	const rule = options.keyRule ?? { kind: 'keep' };
	const confirmed = options.nameMatches ?? {};
	const allAreas = new Map<string, AreaRef>();
	for (const t of targets) for (const a of t.areas) allAreas.set(a.key, a);
	const report: JoinReport = { areasTotal: allAreas.size, areasMatched: 0, recordsTotal: records.length, recordsMatched: 0, unmatchedTable: [], waitingForMap: [], withoutVersion: [], areasWithoutData: [], byName: [], normalisedKeys: [], totalRows: [], versions: [] };
	const unmatched = new Map<string, { group: UnmatchedGroup; rows: RowSet }>();
	const waiting = new Map<string, RowSet>();
	const noVersion = new Map<number, RowSet>();
	const normalised = new Map<string, string>();
	const named = new Map<string, JoinReport['byName'][number]>();
	const used = new Set<string>();
	const perVersion = new Map<Index, { years: Set<number>; records: number; matched: number }>(indexes.map((ix) => [ix, { years: new Set(), records: 0, matched: 0 }]));
	// one lookup per year, not per record: 10⁶ records have a handful of years
	const versionOfYear = new Map<number, Index | undefined>();
	const keys = records.map((r) => {
		if (!versionOfYear.has(r.year)) versionOfYear.set(r.year, indexes.find((ix) => validIn(ix.target.validity, r.year)));
		const ix = versionOfYear.get(r.year);
		if (!ix) {
			let rows = noVersion.get(r.year);
			if (!rows) noVersion.set(r.year, (rows = new RowSet()));
			rows.add(r.file, r.row);
			return null;
		}
		const stats = perVersion.get(ix)!;
		stats.years.add(r.year);
		stats.records++;
		let area: AreaRef | undefined;
		if (r.key) {
			const k = applyKeyRule(r.key, rule);
			area = ix.byKey.get(keyMatchForm(ix.target.renames?.get(k) ?? k));
			if (area && ix.target.ambiguous?.has(area.key)) {
				let rows = waiting.get(area.key);
				if (!rows) waiting.set(area.key, (rows = new RowSet()));
				rows.add(r.file, r.row);
				return null;
			}
			if (area && area.key !== r.key) normalised.set(r.key, area.key);
		}
		if (!area && r.name && confirmed[r.name] && ix.areaKeys.has(confirmed[r.name])) {
			area = ix.target.areas.find((a) => a.key === confirmed[r.name])!;
			if (!named.has(r.name)) named.set(r.name, { tableName: r.name, key: area.key, areaName: area.name, confidence: nameCandidates(r.name, [area], 1, 0)[0]?.confidence ?? 0, confirmed: true });
		}
		if (!area) {
			if (!r.key && TOTAL.test(r.name.trim())) report.totalRows.push({ file: r.file, row: r.row, name: r.name });
			else {
				const id = `${ix.target.version}\u0000${r.key}\u0000${r.name}`;
				let g = unmatched.get(id);
				if (!g) {
					const propose = r.name && (!r.key || options.matchByName);
					g = { group: { key: r.key, name: r.name, version: ix.target.version, places: [], candidates: propose ? candidatesFor(r.name, ix) : [] }, rows: new RowSet() };
					unmatched.set(id, g);
				}
				g.rows.add(r.file, r.row);
			}
			return null;
		}
		used.add(area.key);
		report.recordsMatched++;
		stats.matched++;
		return area.key;
	});
	report.areasMatched = used.size;
	report.unmatchedTable = [...unmatched.values()].map(({ group, rows }) => ({ ...group, places: rows.places() }));
	report.waitingForMap = [...waiting].map(([key, rows]) => ({ key, places: rows.places() }));
	report.withoutVersion = [...noVersion].sort(([a], [b]) => a - b).map(([year, rows]) => ({ year, places: rows.places() }));
	// an area "without data" is one of a version that got records; old versions' areas are not missing
	const active = indexes.filter((ix) => perVersion.get(ix)!.records > 0);
	const newest = indexes.at(-1);
	const expected = new Map<string, AreaRef>();
	for (const ix of active.length ? active : newest ? [newest] : []) for (const a of ix.target.areas) if (!ix.target.ambiguous?.has(a.key)) expected.set(a.key, a);
	report.areasWithoutData = [...expected.values()].filter((a) => !used.has(a.key)).map((a) => ({ key: a.key, name: a.name }));
	report.byName = [...named.values()];
	report.normalisedKeys = [...normalised].map(([from, to]) => ({ from, to }));
	if (targets.length > 1) report.versions = indexes.map((ix) => ({ version: ix.target.version, label: ix.target.label, years: [...perVersion.get(ix)!.years].sort((a, b) => a - b), records: perVersion.get(ix)!.records, matched: perVersion.get(ix)!.matched }));
	return { keys, report };
}

function candidatesFor(name: string, ix: Index): Candidate[] {
	const list: Candidate[] = nameCandidates(name, ix.target.areas);
	// every area of exactly this name, also beyond the first three: the user must see all of them
	for (const a of ix.byName.get(normaliseName(name)) ?? []) if (!list.some((c) => c.key === a.key)) list.push({ key: a.key, name: a.name, confidence: 1 });
	return list.map((c) => ({ ...c, parentName: ix.target.areas.find((a) => a.key === c.key)?.parentName }));
}
