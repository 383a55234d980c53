/**
 * Disclosure control inside the engine: at package load, decide once which cells and totals are
 * withheld (primary + secondary suppression, stats/disclosure.ts, each year in the area hierarchy
 * of its boundary version: disclosure-geo.ts) and keep the decision in two tables the read
 * queries join. Every value the app shows passes through these joins, so the atlas, the
 * profiles and every export see the same protected numbers.
 */
import { csvFormat } from 'd3';
import type { Connector } from './connector';
import type { DisclosureSettings } from './types';
import type { Geography } from './geography';
import { suppressAcrossVersions, type GeoCell } from './disclosure-geo';

/** Counts without a numerator carry their count in `value`; that is what is protected then. */
const CELLS_SQL = `
SELECT o.area_key, o.indicator_id, o.year,
	CASE WHEN i.value_type = 'count' THEN COALESCE(o.numerator, o.value) ELSE o.numerator END AS numerator,
	o.denominator, o.flag
FROM observations o
JOIN indicators i ON i.id = o.indicator_id`;

export async function buildSuppressionTables(db: Connector, settings: DisclosureSettings, geo: Geography): Promise<void> {
	const cells = await db.query<GeoCell & Record<string, unknown>>(CELLS_SQL);
	const result = suppressAcrossVersions(cells, geo, settings);
	const cellRows = result.cells.filter((c) => c.suppressed).map((c) => ({ ...c, reason: c.reason ?? '' }));
	const totalRows = result.totals.filter((t) => t.suppressed).map((t) => ({ ...t, reason: t.reason ?? '' }));
	await loadKeyTable(db, 'suppressed_cells', cellRows);
	await loadKeyTable(db, 'suppressed_totals', totalRows);
}

export interface KeyRow {
	area_key: string;
	indicator_id: string;
	year: number;
	reason: string;
}

/**
 * Write withheld keys into `suppressed_cells` / `suppressed_totals`: the table is replaced, or with
 * `append` extended (derived indicators add their decisions to the package's).
 */
export async function loadKeyTable(db: Connector, table: 'suppressed_cells' | 'suppressed_totals', rows: KeyRow[], append = false) {
	const file = `pkg_${table}_${append ? 'add' : 'all'}.csv`;
	await db.registerFile(file, new TextEncoder().encode(csvFormat(rows, ['area_key', 'indicator_id', 'year', 'reason'])));
	try {
		const read = `SELECT * FROM read_csv('${file}', header = true, delim = ',', quote = '"', escape = '"', auto_detect = false,
			columns = {'area_key': 'VARCHAR', 'indicator_id': 'VARCHAR', 'year': 'INTEGER', 'reason': 'VARCHAR'})`;
		// '' is the whole territory's key; CSV reads an empty field as NULL
		if (append) await db.query(`INSERT INTO ${table} SELECT COALESCE(area_key, ''), indicator_id, year, reason FROM (${read})`);
		else {
			await db.query(`CREATE OR REPLACE TABLE ${table} AS ${read}`);
			await db.query(`UPDATE ${table} SET area_key = '' WHERE area_key IS NULL`);
		}
	} finally {
		await db.dropFile(file);
	}
}
