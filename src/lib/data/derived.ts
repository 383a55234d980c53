/**
 * Derived (own) indicators inside the engine ($lib/derived has the model, formula and validator).
 * A definition becomes ORDINARY rows of the engine's tables, so every query, page and export sees
 * it without special cases:
 *
 * - `indicators`: one row, `derived = true` (the column is added at load; false for the package's);
 * - `observations`: one row per area of the finest level and year in which every part exists,
 *   numerator = Σ coefficient × part, denominator likewise, value = numerator / denominator ×
 *   multiplier (count: the numerator);
 * - `suppressed_cells`, `suppressed_totals`: its disclosure decisions; a public package's
 *   `references_published`: its totals;
 * - `derived_indicators`: the definition (id, formula, origin, the record as JSON).
 *
 * Disclosure control, so that a derived indicator never reveals a withheld cell (A − B with B
 * withheld and A published would otherwise give B back):
 * 1. a cell is withheld when any of its parts is withheld there (an observation in
 *    suppressed_cells or flagged 'suppressed'; in a public package a population count left empty);
 * 2. a total (Stadtbezirk, city) is withheld when the same total of any part indicator is, and
 *    above every area where a withheld part has a number but another part is missing (the derived
 *    total then leaves out a withheld number that the part's total contains);
 * 3. then primary (small numbers) and secondary suppression as for every indicator
 *    (stats/disclosure.ts), with 1 and 2 as given.
 * After 1 and 2, every number the derived indicator publishes is one that its parts publish as
 * well (cells: only where all parts are published; totals: only where all part totals are), so
 * nothing new can be learnt from it; 3 protects its own small numbers.
 *
 * Totals are the sums over the areas in which every part exists (withheld parts included, as for
 * every indicator). In a public copy the withheld numbers are not in the engine; there a total
 * is computed from the parts' published totals minus the parts of the areas that are not in the
 * derived total, which gives the same number, or is withheld when that needs a withheld number.
 * Areas whose residents' count is withheld in a public copy are left out of derived totals.
 *
 * The SQL of this feature lives here; values from the user are `?` parameters.
 */
import { csvFormat } from 'd3';
import type { Connector } from './connector';
import type { DisclosureSettings, Indicator } from './types';
import { loadKeyTable } from './suppression';
import { computeSuppression, hierarchyFromAreas, isPrimarySensitive, type DisclosureCell } from '$lib/stats/disclosure';
import { canonical, partsOf, refKey, toIndicator, type Computation, type DerivedRecord } from '$lib/derived/model';
import { hasErrors, validateDerived, type DerivedCatalogue, type DerivedIssue } from '$lib/derived/validate';
import { decodeFile, RESOURCE_NAME } from '$lib/derived/file-format';

/** An indicator row as the validator and the form see it (package and derived ones, marked). */
export type CatalogueIndicator = Indicator & { derived: boolean };
/** The catalogue with whole indicator rows (the form needs labels and sources, not only what validation needs). */
export type PackageCatalogue = Omit<DerivedCatalogue, 'indicators'> & { indicators: CatalogueIndicator[] };

/** What the engine lends this module (its connection and lazy loading). */
export interface DerivedHost {
	db: Connector;
	disclosure: DisclosureSettings;
	baseLevel: string;
	levels: readonly { id: string; label_de: string }[];
	/** A public copy (pipelines/publish): withheld numbers are not in the engine, totals are published. */
	published: boolean;
	prepare(indicatorIds: string[]): Promise<void>;
	preparePopulation(): Promise<void>;
	yearsByIndicator(): Promise<Record<string, number[]>>;
}

export type DerivedOrigin = 'package' | 'local';

/** What a definition gives with the data, before or after it was stored. */
export interface DerivedSummary {
	cells: number;
	areas: number;
	years: number[];
	/** Latest year with a city value, and that value (null when withheld). */
	latestYear: number | null;
	cityValue: number | null;
	withheld: { inherited: number; primary: number; secondary: number };
}

export interface DerivedCheck {
	issues: DerivedIssue[];
	computation: Computation | null;
	indicator: Indicator | null;
	summary: DerivedSummary | null;
}

export class DerivedError extends Error {
	constructor(readonly issues: DerivedIssue[]) {
		super(issues.find((i) => i.severity === 'error')?.key ?? 'derived.err');
	}
}

/** Statements run once at package load (before any derived indicator exists). */
export const DERIVED_SCHEMA_SQL = [
	`ALTER TABLE indicators ADD COLUMN IF NOT EXISTS derived BOOLEAN DEFAULT false`,
	`UPDATE indicators SET derived = false WHERE derived IS NULL`,
	`CREATE OR REPLACE TABLE derived_indicators (id VARCHAR, label_de VARCHAR, formula VARCHAR, value_type VARCHAR,
		multiplier DOUBLE, numerator VARCHAR, denominator VARCHAR, origin VARCHAR, record VARCHAR)`
];

const STAGE = 'derived_stage';

interface StageRow {
	area_key: string;
	parent: string;
	year: number;
	numerator: number | null;
	denominator: number | null;
	/** Every part has a number here. */
	complete: boolean;
	/** Every part has a number or is withheld here: the derived cell exists (maybe withheld). */
	present: boolean;
	/** The cell is part of the derived totals (present, and no residents' count withheld). */
	in_total: boolean;
	withheld: boolean;
	/** A withheld part whose number the engine has (internal package). */
	withheld_known: boolean;
}

interface TrueTotal {
	area_key: string;
	year: number;
	numerator: number | null;
	denominator: number | null;
	known: boolean;
}

interface Computed {
	record: DerivedRecord;
	computation: Computation;
	indicator: Indicator;
	issues: DerivedIssue[];
	cells: { area_key: string; year: number; reason: string }[];
	totals: { area_key: string; year: number; numerator: number | null; denominator: number | null; suppressed: boolean; reason: string }[];
	summary: DerivedSummary;
}

interface Entry {
	record: DerivedRecord;
	origin: DerivedOrigin;
	indicator: Indicator;
	years: number[];
}

export class DerivedIndicators {
	#host: DerivedHost;
	#entries = new Map<string, Entry>();
	#queue: Promise<unknown> = Promise.resolve();

	constructor(host: DerivedHost) {
		this.#host = host;
	}

	/** Derived indicators the package ships for adoption (its `derived` resource, derived.json). */
	packageRecords: DerivedRecord[] = [];
	/** German message when that file could not be read (the package still loads). */
	packageProblem = '';

	/** Read the package's derived.json, if it has one; the app decides what to define (it may be overlaid). */
	async readPackageFile(source: { descriptor: { resources: { name: string; path: string }[] }; read(path: string): Promise<Uint8Array> }): Promise<void> {
		const res = source.descriptor.resources.find((r) => r.name === RESOURCE_NAME);
		if (!res) return;
		try {
			this.packageRecords = decodeFile(res.path, new TextDecoder().decode(await source.read(res.path)));
		} catch (e) {
			this.packageProblem = (e as Error).message;
		}
	}

	has(id: string): boolean {
		return this.#entries.has(id);
	}

	/** Defined ids in order of definition. */
	ids(): string[] {
		return [...this.#entries.keys()];
	}

	record(id: string): DerivedRecord | undefined {
		return this.#entries.get(id)?.record;
	}

	origin(id: string): DerivedOrigin | undefined {
		return this.#entries.get(id)?.origin;
	}

	years(id: string): number[] | null {
		const e = this.#entries.get(id);
		return e ? [...e.years] : null;
	}

	yearsByIndicator(): Record<string, number[]> {
		return Object.fromEntries([...this.#entries].filter(([, e]) => e.years.length > 0).map(([id, e]) => [id, [...e.years]]));
	}

	/** What the validator needs to know about the package (indicators with all their fields). */
	async catalogue(): Promise<PackageCatalogue> {
		const h = this.#host;
		await h.preparePopulation();
		const [indicators, ageGroups, popYears, years] = await Promise.all([
			h.db.query(`SELECT * FROM indicators ORDER BY rowid`) as Promise<unknown> as Promise<CatalogueIndicator[]>,
			h.db.query<{ age_group: string }>(`SELECT DISTINCT age_group FROM population WHERE age_group IS NOT NULL ORDER BY age_group`),
			h.db.query<{ year: number }>(`SELECT DISTINCT year FROM population WHERE persons IS NOT NULL ORDER BY year`),
			h.yearsByIndicator()
		]);
		return {
			indicators,
			derivedIds: new Set(indicators.filter((i) => i.derived).map((i) => i.id)),
			ageGroups: sortAgeGroups(ageGroups.map((r) => r.age_group)),
			years,
			populationYears: popYears.map((r) => r.year),
			levels: h.levels
		};
	}

	/** Validate and compute without changing anything (the form's preview). */
	check(record: DerivedRecord): Promise<DerivedCheck> {
		return this.#serial(async () => {
			const c = await this.#compute(canonical(record), false);
			return 'summary' in c ? checkOf(c) : { issues: c.issues, computation: null, indicator: null, summary: null };
		});
	}

	/**
	 * Define (or redefine) an indicator. Throws DerivedError with the issues when it has errors;
	 * then nothing changed. Afterwards it is part of every query of the engine.
	 */
	define(record: DerivedRecord, origin: DerivedOrigin = 'local'): Promise<DerivedCheck> {
		return this.#serial(async () => {
			const c = await this.#compute(canonical(record), true);
			if (!('summary' in c)) throw new DerivedError(c.issues);
			try {
				await this.#write(c, origin);
			} finally {
				await dropStage(this.#host.db);
			}
			return checkOf(c);
		});
	}

	remove(id: string): Promise<void> {
		return this.#serial(async () => {
			if (!this.#entries.has(id)) return;
			await this.#transaction(() => this.#delete(id));
			this.#entries.delete(id);
		});
	}

	/**
	 * Make the engine hold exactly these definitions: define what is new or changed, remove what is
	 * gone. A definition that fails (e.g. a newer package lacks a part) is reported, not thrown.
	 */
	async sync(records: readonly { record: DerivedRecord; origin: DerivedOrigin }[]): Promise<Map<string, DerivedIssue[]>> {
		const failed = new Map<string, DerivedIssue[]>();
		const wanted = new Set(records.map((r) => r.record.id));
		for (const id of this.ids()) if (!wanted.has(id)) await this.remove(id);
		for (const { record, origin } of records) {
			const now = this.#entries.get(record.id);
			if (now && JSON.stringify(now.record) === JSON.stringify(canonical(record)) && now.origin === origin) continue;
			try {
				await this.define(record, origin);
			} catch (e) {
				if (now) await this.remove(record.id);
				failed.set(record.id, e instanceof DerivedError ? e.issues : [{ severity: 'error', field: 'formula', key: 'derived.data.failed', params: { message: (e as Error).message } }]);
			}
		}
		return failed;
	}

	#serial<T>(fn: () => Promise<T>): Promise<T> {
		const run = this.#queue.then(fn);
		this.#queue = run.catch(() => undefined);
		return run;
	}

	/** Validate, fill the stage table and decide disclosure; the stage stays for #write when `keep`. */
	async #compute(record: DerivedRecord, keep: boolean): Promise<Computed | { issues: DerivedIssue[] }> {
		const h = this.#host;
		const cat = await this.catalogue();
		// the record may be redefining itself: its own old rows are no part
		const own = { ...cat, indicators: cat.indicators.filter((i) => i.id !== record.id) };
		const v = validateDerived(record, own);
		if (hasErrors(v.issues) || !v.computation) return { issues: v.issues };
		const c = v.computation;
		const parts = partsOf(c);
		const indicatorIds = [...new Set(parts.flatMap((p) => (p.ref.kind === 'indicator' ? [p.ref.indicator] : [])))];
		await h.prepare(indicatorIds);
		const sources = indicatorIds.map((id) => cat.indicators.find((i) => i.id === id)?.source ?? '');
		if (parts.some((p) => p.ref.kind === 'population')) sources.push('Bevölkerung (population.csv)');
		const indicator = toIndicator(record, c, sources);

		await h.db.query(amountsSql(parts.length), [
			...parts.flatMap((p) => [
				p.key,
				p.ref.kind === 'indicator' ? p.ref.indicator : '',
				p.ref.kind === 'indicator' ? p.ref.field : '',
				p.ref.kind === 'population' ? p.ref.ageGroup : '',
				p.num,
				c.value_type === 'count' ? 0 : p.den
			]),
			h.published,
			h.baseLevel
		]);
		await h.db.query(STAGE_SQL, [parts.length, parts.length, parts.length]);
		let ok = false;
		try {
			const issues = [...v.issues, ...(await dataIssues(h.db, c))];
			if (hasErrors(issues)) return { issues };
			const rows = await h.db.query<StageRow & Record<string, unknown>>(`SELECT * FROM ${STAGE} ORDER BY area_key, year`);
			if (!rows.some((r) => r.complete && r.numerator !== null)) return { issues: [...issues, { severity: 'error', field: 'formula', key: 'derived.data.noValues' }] };
			const truth = h.published ? await h.db.query<TrueTotal & Record<string, unknown>>(TRUE_TOTALS_SQL, [h.baseLevel, parts.length]) : null;
			const decided = await this.#disclose(record, c, indicatorIds, rows, truth);
			ok = true;
			return { ...decided, record, computation: c, indicator, issues };
		} finally {
			if (!ok || !keep) await dropStage(h.db);
		}
	}

	async #disclose(record: DerivedRecord, c: Computation, indicatorIds: string[], rows: StageRow[], truth: TrueTotal[] | null): Promise<Pick<Computed, 'cells' | 'totals' | 'summary'>> {
		const h = this.#host;
		const areas = await h.db.query<{ key: string; parent: string }>(`SELECT key, parent FROM areas`);
		const hierarchy = hierarchyFromAreas(areas);
		const withheldTotals = new Set<string>();
		const key = (area: string, year: number) => `${area}\u0000${record.id}\u0000${year}`;
		const partTotals = await h.db.query<{ area_key: string; year: number }>(
			`SELECT DISTINCT area_key, year FROM suppressed_totals WHERE list_contains(?::VARCHAR[], indicator_id)`,
			[JSON.stringify(indicatorIds)]
		);
		for (const t of partTotals) withheldTotals.add(key(t.area_key, t.year));
		for (const r of rows) {
			if (!r.withheld_known || r.complete) continue;
			for (let p = r.parent; ; p = hierarchy[p] ?? '') {
				withheldTotals.add(key(p, r.year));
				if (p === '') break;
			}
		}
		// A public copy: the true totals come from the parts' published totals; one that cannot be
		// computed, or is small itself, is withheld from the start.
		const trueTotal = new Map((truth ?? []).map((t) => [key(t.area_key, t.year), t]));
		for (const t of truth ?? []) {
			if (!t.known || isPrimarySensitive(t.numerator, c.value_type === 'count' ? null : t.denominator, '', h.disclosure)) withheldTotals.add(key(t.area_key, t.year));
		}
		const used = rows.filter((r) => r.present);
		const cells: DisclosureCell[] = used.map((r) => {
			// withheld cells without numbers (public copy) still belong to the totals' equations:
			// 0 stands in for them (they are suppressed already, so it is never published)
			const stand = truth && r.in_total && !r.complete ? 0 : null;
			return {
				area_key: r.area_key,
				parent: r.parent,
				indicator_id: record.id,
				year: r.year,
				numerator: r.complete ? r.numerator : stand,
				denominator: c.value_type === 'count' ? null : r.complete ? r.denominator : stand,
				flag: r.withheld ? 'suppressed' : ''
			};
		});
		const result = computeSuppression(cells, hierarchy, h.disclosure, { withheldTotals });
		const withheld = { inherited: used.filter((r) => r.withheld).length, primary: 0, secondary: 0 };
		for (const d of result.cells) {
			if (d.reason === 'secondary') withheld.secondary++;
			else if (d.reason === 'primary') withheld.primary++;
		}
		withheld.primary -= withheld.inherited;
		const value = (num: number | null, den: number | null) =>
			num === null ? null : c.value_type === 'count' ? num : den ? (num / den) * c.multiplier : null;
		const totals = result.totals.map((t) => {
			const real = truth ? trueTotal.get(key(t.area_key, t.year)) : t;
			const suppressed = t.suppressed || !real;
			return {
				area_key: t.area_key,
				year: t.year,
				numerator: real?.numerator ?? null,
				denominator: c.value_type === 'count' ? null : (real?.denominator ?? null),
				suppressed,
				reason: t.reason ?? (suppressed ? 'primary' : '')
			};
		});
		const years = [...new Set(used.filter((r) => r.complete && value(r.numerator, r.denominator) !== null).map((r) => r.year))].sort((a, b) => a - b);
		const city = totals.filter((t) => t.area_key === '' && !t.suppressed && value(t.numerator, t.denominator) !== null).sort((a, b) => b.year - a.year)[0];
		return {
			cells: result.cells.filter((d) => d.suppressed).map((d) => ({ area_key: d.area_key, year: d.year, reason: d.reason ?? 'primary' })),
			totals,
			summary: {
				cells: used.filter((r) => r.complete && value(r.numerator, r.denominator) !== null).length,
				areas: new Set(used.filter((r) => r.complete).map((r) => r.area_key)).size,
				years,
				latestYear: city?.year ?? null,
				cityValue: city ? value(city.numerator, city.denominator) : null,
				withheld
			}
		};
	}

	async #write(c: Computed, origin: DerivedOrigin): Promise<void> {
		const h = this.#host;
		const { record, computation: comp, indicator: ind } = c;
		await this.#transaction(async () => {
			await this.#delete(record.id);
			await h.db.query(
				`INSERT INTO indicators (id, label_de, label_en, unit, multiplier, value_type, polarity, life_phase, topic, definition_de,
					definition_en, numerator_label_de, denominator_label_de, source, decimals, derived)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)`,
				[ind.id, ind.label_de, ind.label_en, ind.unit, ind.multiplier, ind.value_type, ind.polarity, ind.life_phase, ind.topic,
					ind.definition_de, ind.definition_en, ind.numerator_label_de, ind.denominator_label_de, ind.source, ind.decimals]
			);
			await h.db.query(
				`INSERT INTO observations
				SELECT area_key, ?, year,
					CASE WHEN NOT complete THEN NULL
					     WHEN ? = 'count' THEN numerator
					     WHEN denominator > 0 THEN numerator / denominator * ? ELSE NULL END,
					CASE WHEN complete THEN numerator END,
					CASE WHEN complete AND ? <> 'count' THEN denominator END,
					CASE WHEN NOT complete THEN 'suppressed' WHEN brk THEN 'break' WHEN prov THEN 'provisional' ELSE '' END
				FROM ${STAGE} WHERE present`,
				[record.id, comp.value_type, comp.multiplier, comp.value_type]
			);
			await loadKeyTable(h.db, 'suppressed_cells', c.cells.map((d) => ({ area_key: d.area_key, indicator_id: record.id, year: d.year, reason: d.reason })), true);
			await loadKeyTable(
				h.db,
				'suppressed_totals',
				c.totals.filter((t) => t.suppressed).map((t) => ({ area_key: t.area_key, indicator_id: record.id, year: t.year, reason: t.reason || 'primary' })),
				true
			);
			if (h.published) await insertPublishedTotals(h.db, record.id, comp, c.totals.filter((t) => !t.suppressed && t.numerator !== null));
			await h.db.query(`INSERT INTO derived_indicators VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
				record.id, record.label_de, record.formula, comp.value_type, comp.multiplier,
				comp.numerator.map((t) => `${t.sign < 0 ? '-' : '+'}${refKey(t.ref)}`).join(' '),
				comp.denominator.map((t) => `${t.sign < 0 ? '-' : '+'}${refKey(t.ref)}`).join(' '),
				origin, JSON.stringify(record)
			]);
		});
		const years = await h.db.query<{ year: number }>(`SELECT DISTINCT year FROM observations WHERE indicator_id = ? AND value IS NOT NULL ORDER BY year`, [record.id]);
		this.#entries.delete(record.id);
		this.#entries.set(record.id, { record, origin, indicator: ind, years: years.map((r) => r.year) });
	}

	async #delete(id: string): Promise<void> {
		const db = this.#host.db;
		for (const table of ['observations', 'suppressed_cells', 'suppressed_totals']) await db.query(`DELETE FROM ${table} WHERE indicator_id = ?`, [id]);
		if (this.#host.published) await db.query(`DELETE FROM references_published WHERE indicator_id = ?`, [id]);
		await db.query(`DELETE FROM indicators WHERE id = ? AND derived`, [id]);
		await db.query(`DELETE FROM derived_indicators WHERE id = ?`, [id]);
	}

	async #transaction(fn: () => Promise<void>): Promise<void> {
		const db = this.#host.db;
		await db.query('BEGIN TRANSACTION');
		try {
			await fn();
			await db.query('COMMIT');
		} catch (e) {
			await db.query('ROLLBACK').catch(() => undefined);
			throw e;
		}
	}
}

function checkOf(c: Computed): DerivedCheck {
	return { issues: c.issues, computation: c.computation, indicator: c.indicator, summary: c.summary };
}

const AMOUNTS = 'derived_amounts';

async function dropStage(db: Connector): Promise<void> {
	await db.query(`DROP TABLE IF EXISTS ${STAGE}`);
	await db.query(`DROP TABLE IF EXISTS ${AMOUNTS}`);
}

/**
 * Every part's number per finest-level area and year, with its coefficients. Params: per part
 * (key, indicator id or '', field or '', age group or '', coefficient in numerator, in
 * denominator), then whether the package is public, the finest level's id.
 */
function amountsSql(nParts: number): string {
	const values = Array.from({ length: nParts }, () => `(?::VARCHAR, ?::VARCHAR, ?::VARCHAR, ?::VARCHAR, ?::DOUBLE, ?::DOUBLE)`).join(', ');
	return `CREATE OR REPLACE TEMP TABLE ${AMOUNTS} AS
WITH parts(part, indicator_id, field, age_group, c_num, c_den) AS (VALUES ${values}),
flags AS (SELECT ?::BOOLEAN AS published, ?::VARCHAR AS base),
amounts AS (
	SELECT p.part, o.area_key, o.year,
		CASE WHEN p.field = 'nenner' THEN o.denominator
		     WHEN i.value_type = 'count' THEN COALESCE(o.numerator, o.value)
		     ELSE o.numerator END AS amount,
		(sc.area_key IS NOT NULL OR o.flag = 'suppressed') AS withheld,
		true AS is_indicator, o.flag
	FROM parts p
	JOIN observations o ON o.indicator_id = p.indicator_id
	JOIN indicators i ON i.id = o.indicator_id
	LEFT JOIN suppressed_cells sc ON sc.area_key = o.area_key AND sc.indicator_id = o.indicator_id AND sc.year = o.year
	WHERE p.indicator_id <> ''
	UNION ALL
	SELECT p.part, q.area_key, q.year, q.persons, (q.persons IS NULL AND f.published), false, ''
	FROM parts p JOIN population q ON q.age_group = p.age_group CROSS JOIN flags f
	WHERE p.age_group <> ''
)
SELECT m.*, p.c_num, p.c_den, ar.parent
FROM amounts m
JOIN parts p ON p.part = m.part
JOIN areas ar ON ar.key = m.area_key AND ar.level = (SELECT base FROM flags)`;
}

/** One row per area and year in which any part has a row. Params: the number of parts, three times. */
const STAGE_SQL = `CREATE OR REPLACE TEMP TABLE ${STAGE} AS
SELECT area_key, ANY_VALUE(parent) AS parent, year,
	SUM(amount * c_num) AS numerator,
	SUM(amount * c_den) AS denominator,
	COUNT(amount) = ? AS complete,
	COUNT(*) FILTER (WHERE amount IS NOT NULL OR withheld) = ? AS present,
	COUNT(*) FILTER (WHERE amount IS NOT NULL OR withheld) = ? AND NOT BOOL_OR(withheld AND NOT is_indicator) AS in_total,
	BOOL_OR(withheld) AS withheld,
	BOOL_OR(withheld AND amount IS NOT NULL) AS withheld_known,
	BOOL_OR(flag = 'break') AS brk,
	BOOL_OR(flag = 'provisional') AS prov
FROM ${AMOUNTS}
GROUP BY area_key, year`;

/**
 * Public copy: the true totals of every area above the finest level and of the territory (''),
 * as Σ coefficient × (the part's published total − its numbers in areas outside the derived
 * total). Unknown (\`known\` false) when a part's total is not published or a number to subtract is
 * withheld. Population totals are sums of the published counts. Params: finest level, number of parts.
 */
const TRUE_TOTALS_SQL = `
WITH RECURSIVE up(area_key, ancestor) AS (
	SELECT key, parent FROM areas WHERE level = ?
	UNION ALL
	SELECT up.area_key, a.parent FROM up JOIN areas a ON a.key = up.ancestor WHERE up.ancestor <> ''
),
parts AS (SELECT DISTINCT part, c_num, c_den, is_indicator FROM ${AMOUNTS}),
part_totals AS (
	SELECT DISTINCT m.part, COALESCE(r.area_key, '') AS ancestor, r.year,
		CASE WHEN split_part(m.part, '.', 2) = 'nenner' THEN r.denominator ELSE r.numerator END AS total
	FROM (SELECT DISTINCT part, split_part(part, '.', 1) AS indicator_id FROM ${AMOUNTS} WHERE is_indicator) m
	JOIN references_published r ON r.indicator_id = m.indicator_id
	UNION ALL
	SELECT m.part, u.ancestor, m.year, SUM(m.amount)
	FROM ${AMOUNTS} m JOIN up u ON u.area_key = m.area_key
	WHERE NOT m.is_indicator AND m.amount IS NOT NULL
	GROUP BY m.part, u.ancestor, m.year
),
outside AS (
	SELECT m.part, u.ancestor, m.year, SUM(m.amount) AS amount, BOOL_OR(m.amount IS NULL) AS unknown
	FROM ${AMOUNTS} m
	JOIN ${STAGE} s ON s.area_key = m.area_key AND s.year = m.year
	JOIN up u ON u.area_key = m.area_key
	WHERE NOT s.in_total AND (m.amount IS NOT NULL OR (m.withheld AND m.is_indicator))
	GROUP BY m.part, u.ancestor, m.year
)
SELECT t.ancestor AS area_key, t.year,
	SUM(p.c_num * (t.total - COALESCE(o.amount, 0))) AS numerator,
	SUM(p.c_den * (t.total - COALESCE(o.amount, 0))) AS denominator,
	COUNT(t.total) = ? AND NOT BOOL_OR(COALESCE(o.unknown, false)) AS known
FROM part_totals t
JOIN parts p ON p.part = t.part
LEFT JOIN outside o ON o.part = t.part AND o.ancestor = t.ancestor AND o.year = t.year
GROUP BY t.ancestor, t.year`;

/** What only the numbers show: negative sums, a proportion above 1, denominators of 0 (example: the first cell). */
async function dataIssues(db: Connector, c: Computation): Promise<DerivedIssue[]> {
	const issues: DerivedIssue[] = [];
	const first = async (where: string) => {
		const rows = await db.query<{ n: number; area: string; year: number; numerator: number; denominator: number }>(
			`SELECT COUNT(*) OVER () AS n, a.name AS area, s.year, s.numerator, s.denominator
			FROM ${STAGE} s JOIN areas a ON a.key = s.area_key WHERE s.complete AND (${where})
			ORDER BY s.area_key, s.year LIMIT 1`
		);
		return rows[0];
	};
	const count = c.value_type === 'count';
	for (const side of count ? (['numerator'] as const) : (['numerator', 'denominator'] as const)) {
		const r = await first(`s.${side} < 0`);
		if (r) issues.push({ severity: 'error', field: 'formula', key: 'derived.data.negative', params: { side: side === 'numerator' ? 'Zähler' : 'Nenner', n: r.n, area: r.area, year: String(r.year), value: r[side] }, where: { side, n: 0 } });
	}
	if (c.value_type === 'proportion') {
		const r = await first(`s.numerator > s.denominator`);
		if (r) issues.push({ severity: 'error', field: 'formula', key: 'derived.data.exceeds', params: { n: r.n, area: r.area, year: String(r.year), num: r.numerator, den: r.denominator } });
	}
	if (!count) {
		const r = await first(`s.denominator = 0`);
		if (r) issues.push({ severity: 'warning', field: 'formula', key: 'derived.data.zeroDenominator', params: { n: r.n, area: r.area, year: String(r.year) } });
	}
	return issues;
}

async function insertPublishedTotals(db: Connector, id: string, c: Computation, totals: Computed['totals']): Promise<void> {
	const rows = totals.map((t) => ({
		area_key: t.area_key,
		indicator_id: id,
		year: t.year,
		value: c.value_type === 'count' ? t.numerator : t.denominator ? (t.numerator! / t.denominator) * c.multiplier : null,
		numerator: t.numerator,
		denominator: c.value_type === 'count' ? null : t.denominator
	}));
	const file = 'pkg_derived_references.csv';
	await db.registerFile(file, new TextEncoder().encode(csvFormat(rows, ['area_key', 'indicator_id', 'year', 'value', 'numerator', 'denominator'])));
	try {
		// named columns: the table also says how a reference was formed (basis); a derived total is pooled
		await db.query(`INSERT INTO references_published (area_key, indicator_id, year, value, numerator, denominator, basis)
			SELECT COALESCE(area_key, ''), indicator_id, year, value, numerator, denominator, 'pooled'
			FROM read_csv('${file}', header = true, delim = ',', quote = '"', escape = '"', auto_detect = false,
			columns = {'area_key': 'VARCHAR', 'indicator_id': 'VARCHAR', 'year': 'INTEGER', 'value': 'DOUBLE', 'numerator': 'DOUBLE', 'denominator': 'DOUBLE'})`);
	} finally {
		await db.dropFile(file);
	}
}

/** Age groups in the order of life ("0_2" before "10_15"), "insgesamt" last. */
export function sortAgeGroups(groups: readonly string[]): string[] {
	const lower = (g: string) => (/^\d+/.test(g) ? Number(/^\d+/.exec(g)![0]) : Infinity);
	return [...groups].sort((a, b) => lower(a) - lower(b) || a.localeCompare(b));
}
