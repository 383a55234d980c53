/**
 * In-page side of the format benchmark. The engine is opened like src/lib/data/connector-browser.ts
 * (mvp/eh bundles, no extensions), and the observations get in three ways:
 * - `app`: the app's own MonitorEngine.load on the package (every table, the whole
 *   observations.csv, disclosure control over all cells): what the atlas does today;
 * - `csv-part` / `arrow-part`: what the first view needs (areas, indicators) plus ONE CSV or Arrow
 *   IPC file per indicator, fetched when the indicator is first shown, with disclosure control
 *   computed for that indicator only (it works per indicator and year, so this is exact).
 * The map query is always the app's VALUES_FOR_YEAR. The Node side is tests/bench/formats.ts.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { csvFormat } from 'd3';
import { CONNECT_STATEMENTS, type Connector, type Row, type SqlParam } from '../../../src/lib/data/connector';
import { arrowToRows } from '../../../src/lib/data/arrow-rows';
import { TABLES, createTableSql } from '../../../src/lib/data/schema';
import { VALUES_FOR_YEAR } from '../../../src/lib/data/queries';
import { MonitorEngine, type PackageSource } from '../../../src/lib/data/engine';
import { computeSuppression, hierarchyFromAreas, type DisclosureCell } from '../../../src/lib/stats/disclosure';
import type { PackageDescriptor } from '../../../src/lib/data/types';

export type Mode = 'app' | 'csv-part' | 'arrow-part';

let db: duckdb.AsyncDuckDB;
let conn: duckdb.AsyncDuckDBConnection;
let connector: Connector;
let engine: MonitorEngine | null = null;
let descriptor: PackageDescriptor;
let base = '';
let hasObservations = false;
let fileNo = 0;

const abs = (url: string) => new URL(url, location.href).href;
const ms = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;

async function fetchBytes(path: string): Promise<Uint8Array> {
	const res = await fetch(base + path);
	if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
	return new Uint8Array(await res.arrayBuffer());
}

/** Same statement as CELLS_SQL in src/lib/data/suppression.ts (not exported), per indicator. */
const CELLS_OF_INDICATOR = `
SELECT o.area_key, a.parent, o.indicator_id, o.year,
	CASE WHEN i.value_type = 'count' THEN COALESCE(o.numerator, o.value) ELSE o.numerator END AS numerator,
	o.denominator, o.flag
FROM observations o
JOIN areas a ON a.key = o.area_key
JOIN indicators i ON i.id = o.indicator_id
WHERE o.indicator_id = ?`;

async function appendKeyTable(table: string, rows: { area_key: string; indicator_id: string; year: number; reason: string }[]) {
	const file = `pkg_${table}_${fileNo++}.csv`;
	await connector.registerFile(file, new TextEncoder().encode(csvFormat(rows, ['area_key', 'indicator_id', 'year', 'reason'])));
	const select = `SELECT * FROM read_csv('${file}', header = true, auto_detect = false,
		columns = {'area_key': 'VARCHAR', 'indicator_id': 'VARCHAR', 'year': 'INTEGER', 'reason': 'VARCHAR'})`;
	const exists = (await connector.query(`SELECT COUNT(*) AS n FROM duckdb_tables() WHERE table_name = ?`, [table]))[0].n as number;
	await connector.query(exists ? `INSERT INTO ${table} ${select}` : `CREATE TABLE ${table} AS ${select}`);
	await connector.query(`UPDATE ${table} SET area_key = '' WHERE area_key IS NULL`);
	await connector.dropFile(file);
}

const api = {
	/** Open the engine (as connector-browser.ts does) and read the package descriptor. */
	async start(packageBase: string): Promise<{ ms: number }> {
		const t0 = performance.now();
		base = packageBase;
		descriptor = JSON.parse(new TextDecoder().decode(await fetchBytes('datapackage.json')));
		const bundle = await duckdb.selectBundle({
			mvp: { mainModule: abs(mvpWasm), mainWorker: abs(mvpWorker) },
			eh: { mainModule: abs(ehWasm), mainWorker: abs(ehWorker) }
		});
		db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker!));
		await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
		await db.open({ query: { castBigIntToDouble: true } });
		conn = await db.connect();
		for (const s of CONNECT_STATEMENTS) await conn.query(s);
		connector = {
			async query<T extends Row>(sql: string, params?: SqlParam[]) {
				if (!params || params.length === 0) return arrowToRows<T>(await conn.query(sql));
				const stmt = await conn.prepare(sql);
				try {
					return arrowToRows<T>(await stmt.query(...params));
				} finally {
					await stmt.close();
				}
			},
			registerFile: (name, bytes) => db.registerFileBuffer(name, bytes),
			dropFile: async (name) => {
				await db.dropFile(name);
			},
			close: async () => {
				await conn.close();
				await db.terminate();
			}
		};
		return { ms: ms(t0) };
	},

	/** What the first view needs before any observation: `app` loads the whole package here. */
	async prepare(mode: Mode): Promise<{ ms: number }> {
		const t0 = performance.now();
		if (mode === 'app') {
			const source: PackageSource = { descriptor, read: (path) => fetchBytes(path) };
			engine = await MonitorEngine.load(connector, source);
			return { ms: ms(t0) };
		}
		const rows: Record<string, unknown>[] = [];
		for (const [rank, level] of descriptor.sozialraum.levels.entries()) {
			const fc = JSON.parse(new TextDecoder().decode(await fetchBytes(level.path))) as { features: { properties: Record<string, string> }[] };
			for (const f of fc.features) rows.push({ key: f.properties.key, name: f.properties.name, level: level.id, parent: f.properties.parent ?? '', level_rank: rank });
		}
		await connector.registerFile('areas.csv', new TextEncoder().encode(csvFormat(rows, ['key', 'name', 'level', 'parent', 'level_rank'])));
		await connector.query(`CREATE TABLE areas AS SELECT * FROM read_csv('areas.csv', header = true, auto_detect = false,
			columns = {'key': 'VARCHAR', 'name': 'VARCHAR', 'level': 'VARCHAR', 'parent': 'VARCHAR', 'level_rank': 'INTEGER'})`);
		await connector.query(`UPDATE areas SET parent = '' WHERE parent IS NULL`);
		await connector.dropFile('areas.csv');
		const spec = TABLES.find((t) => t.table === 'indicators')!;
		await connector.registerFile('indicators.csv', await fetchBytes('indicators.csv'));
		await connector.query(createTableSql(spec, 'indicators.csv'));
		await connector.dropFile('indicators.csv');
		return { ms: ms(t0) };
	},

	/** Partitioned modes: fetch one indicator's file, add it, compute its disclosure control. */
	async load(mode: Mode, path: string, indicator: string): Promise<{ fetchMs: number; ingestMs: number; suppressionMs: number; bytes: number }> {
		const t0 = performance.now();
		const bytes = await fetchBytes(path);
		const fetchMs = ms(t0);
		const size = bytes.byteLength;
		const t1 = performance.now();
		if (mode === 'arrow-part') {
			await conn.insertArrowFromIPCStream(bytes, { name: 'observations', create: !hasObservations });
		} else {
			const name = `obs_${fileNo++}.csv`;
			await db.registerFileBuffer(name, bytes);
			const create = createTableSql(TABLES.find((t) => t.table === 'observations')!, name);
			await conn.query(hasObservations ? create.replace(/CREATE OR REPLACE TABLE observations AS/, 'INSERT INTO observations') : create);
			await db.dropFile(name);
		}
		hasObservations = true;
		await connector.query(`UPDATE observations SET flag = '' WHERE flag IS NULL AND indicator_id = ?`, [indicator]);
		const ingestMs = ms(t1);
		const t2 = performance.now();
		const cells = await connector.query<DisclosureCell & Record<string, unknown>>(CELLS_OF_INDICATOR, [indicator]);
		const areas = await connector.query<{ key: string; parent: string }>(`SELECT key, parent FROM areas`);
		const result = computeSuppression(cells, hierarchyFromAreas(areas), descriptor.sozialraum.disclosure);
		await appendKeyTable('suppressed_cells', result.cells.filter((c) => c.suppressed).map((c) => ({ ...c, reason: c.reason ?? '' })));
		await appendKeyTable('suppressed_totals', result.totals.filter((c) => c.suppressed).map((c) => ({ ...c, reason: c.reason ?? '' })));
		return { fetchMs, ingestMs, suppressionMs: ms(t2), bytes: size };
	},

	/** The app's map query (every area's value for one indicator and year, disclosure applied). */
	async query(indicator: string, year: number): Promise<{ ms: number; rows: number; withValue: number }> {
		const t0 = performance.now();
		const rows = engine
			? await engine.valuesFor(indicator, year)
			: await connector.query<{ value: number | null }>(VALUES_FOR_YEAR, [indicator, year, descriptor.sozialraum.levels[0].id]);
		return { ms: ms(t0), rows: rows.length, withValue: rows.filter((r) => r.value !== null).length };
	},

	/** Memory DuckDB holds (buffer manager), MiB. */
	async memory(): Promise<number | null> {
		try {
			const t = await conn.query('SELECT SUM(memory_usage_bytes) AS b FROM duckdb_memory()');
			return Math.round(Number(t.toArray()[0].b) / 2 ** 20);
		} catch {
			return null;
		}
	}
};

export type FormatsApi = typeof api;
(window as unknown as { __formats: FormatsApi }).__formats = api;
document.body.dataset.ready = '1';
