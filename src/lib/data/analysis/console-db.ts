/**
 * The SQL console's own database. Why a second database (a second DuckDB-wasm instance in its own
 * worker) rather than views in the engine's:
 *
 * - Disclosure by construction: it holds only the published rows (published.ts: withheld cells
 *   without numbers), copied from the engine. No query, however phrased, can read a withheld cell
 *   or aggregate over one, because the number is not in this database. In the public build the
 *   engine itself never had them (the public package does not contain them).
 * - Nothing else to reach: after loading, `enable_external_access = false` (DuckDB's own switch:
 *   no file or URL can be read or written, no ATTACH of a file, no COPY) and `lock_configuration =
 *   true` (no SET can undo it or change any other setting). A write can only change this copy,
 *   which the next query session rebuilds; the app's data stay untouched.
 * - A runaway query blocks only this worker; the pages keep working, and terminating the worker
 *   stops any query for certain.
 * The statement guard (guard.ts) in front of it gives clear messages; the boundary is this database.
 */
import { csvFormat } from 'd3';
import type { ConsoleConnector } from '../connector';
import type { MonitorEngine } from '../engine';
import { CONSOLE_VIEWS, type ConsoleView, type EngineFacts, type ViewColumn } from './views';

export interface FilledViews {
	views: ConsoleView[];
	/** Rows per view. */
	rows: Map<string, number>;
}

/** Columns where an empty text means something ("" = ordinary value, top level). */
const EMPTY_TEXT = new Set(['flag', 'parent']);

function select(c: ViewColumn): string {
	if (c.type === 'VARCHAR[]') return `CASE WHEN ${c.name} IS NULL OR ${c.name} = '' THEN []::VARCHAR[] ELSE string_split(${c.name}, '|') END AS ${c.name}`;
	if (EMPTY_TEXT.has(c.name)) return `COALESCE(${c.name}, '') AS ${c.name}`;
	return c.name;
}

async function engineFacts(engine: MonitorEngine): Promise<EngineFacts> {
	const cols = await engine.query<{ name: string }>(`SELECT name FROM pragma_table_info('indicators')`);
	return { packageTotals: engine.descriptor.resources.some((r) => r.name === 'references'), indicatorColumns: cols.map((c) => c.name) };
}

/** Copy the published data of `engine` into `db` as the documented views, then lock `db` down. */
export async function fillConsoleDatabase(engine: MonitorEngine, db: ConsoleConnector): Promise<FilledViews> {
	const facts = await engineFacts(engine);
	const views = CONSOLE_VIEWS.filter((v) => v.source(facts) !== null);
	const needs = new Set(views.flatMap((v) => v.needs ?? []));
	if (needs.has('observations')) await engine.prepare((await engine.indicators()).map((i) => i.id));
	await engine.prepareTables([...needs].filter((n): n is 'population' | 'offers' => n !== 'observations'));
	const rows = new Map<string, number>();
	for (const view of views) {
		const data = await engine.query(view.source(facts)!);
		const file = `console_${view.name}.csv`;
		const names = view.columns.map((c) => c.name);
		await db.registerFile(file, new TextEncoder().encode(csvFormat(data, names)));
		const types = view.columns.map((c) => `'${c.name}': '${c.type === 'VARCHAR[]' ? 'VARCHAR' : c.type}'`).join(', ');
		try {
			// names and types come from views.ts, never from user input
			await db.query(`CREATE TABLE ${view.name} AS SELECT ${view.columns.map(select).join(', ')}
				FROM read_csv('${file}', header = true, delim = ',', quote = '"', escape = '"', auto_detect = false,
					strict_mode = true, columns = {${types}})`);
		} finally {
			await db.dropFile(file);
		}
		rows.set(view.name, data.length);
	}
	await db.query(`SET enable_external_access = false`);
	await db.query(`SET lock_configuration = true`);
	return { views, rows };
}
