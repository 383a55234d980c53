/**
 * Browser implementation of the Connector: DuckDB-wasm running in its own Web Worker, loaded
 * lazily. Import this module ONLY through a dynamic `import()` from the client (onMount/effect):
 * a static import reaches prerender and crashes the build.
 *
 * Only the mvp and eh bundles are used (no threads build), so the site needs no COOP/COEP headers,
 * and every file comes from the app's own origin: no CDN.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { RecordBatch } from 'apache-arrow';
import type { Connector, ConsoleConnector, Row, SqlParam } from './connector';
import { CONNECT_STATEMENTS } from './connector';
import { arrowToRows } from './arrow-rows';
import { batchesToResult } from './result-rows';

/** A server that sends .wasm with the wrong MIME type makes instantiation hang forever. */
export const INIT_TIMEOUT_MS = 30_000;

export class EngineInitError extends Error {}

export async function createBrowserConnector(timeoutMs = INIT_TIMEOUT_MS): Promise<Connector> {
	return withTimeout(() => open(APP_QUERY_CONFIG), timeoutMs);
}

const APP_QUERY_CONFIG = { castBigIntToDouble: true };
/** A console query may return any type: decimals and timestamps as numbers and dates too. */
const CONSOLE_QUERY_CONFIG = { castBigIntToDouble: true, castDecimalToDouble: true, castTimestampToDate: true };

/**
 * A connector with the console's extras (tokenizer, check, cancellable row-limited queries). The
 * console opens one on a database and worker of its own, so a runaway query never blocks the
 * pages, and `close()` (which terminates the worker) stops even a query that ignores `cancel`.
 */
export async function createBrowserConsoleConnector(timeoutMs = INIT_TIMEOUT_MS): Promise<ConsoleConnector> {
	return withTimeout(() => open(CONSOLE_QUERY_CONFIG), timeoutMs);
}

async function withTimeout(start: () => Promise<ConsoleConnector>, timeoutMs: number): Promise<ConsoleConnector> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(
			() =>
				reject(
					new EngineInitError(
						`Die Datenbank-Engine ist nach ${Math.round(timeoutMs / 1000)} s nicht gestartet. ` +
							'Wird die Datei „.wasm“ vom Webserver mit dem Typ application/wasm ausgeliefert?'
					)
				),
			timeoutMs
		);
	});
	try {
		return await Promise.race([start(), timeout]);
	} finally {
		clearTimeout(timer);
	}
}

async function open(queryConfig: duckdb.DuckDBQueryConfig): Promise<ConsoleConnector> {
	const bundle = await duckdb.selectBundle({
		mvp: { mainModule: absolute(mvpWasm), mainWorker: absolute(mvpWorker) },
		eh: { mainModule: absolute(ehWasm), mainWorker: absolute(ehWorker) }
	});
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	await db.open({ query: queryConfig });
	const conn = await db.connect();
	for (const s of CONNECT_STATEMENTS) await conn.query(s);

	return {
		async query<T extends Row>(sql: string, params?: SqlParam[]) {
			if (!params || params.length === 0) return arrowToRows<T>(await conn.query(sql));
			const stmt = await conn.prepare(sql);
			try {
				return arrowToRows<T>(await stmt.query(...params));
			} finally {
				await stmt.close();
			}
		},
		async tokenize(text) {
			return db.tokenize(text);
		},
		async check(sql) {
			const stmt = await conn.prepare(sql);
			await stmt.close();
		},
		start(sql, maxRows) {
			const result = (async () => {
				// a stream, so a huge result is cut off after maxRows instead of filling the worker's memory
				const reader = await conn.send(sql, true);
				// read the schema now: the reader forgets it once the stream has ended
				let fields = reader.schema?.fields;
				const batches: RecordBatch[] = [];
				let rows = 0;
				let more = false;
				for await (const batch of reader) {
					if (rows >= maxRows) {
						more = true;
						break;
					}
					fields ??= batch.schema.fields;
					batches.push(batch);
					rows += batch.numRows;
				}
				if (more) await conn.cancelSent().catch(() => false);
				return batchesToResult(fields ?? [], batches, maxRows, more);
			})();
			return {
				result,
				async cancel() {
					await conn.cancelSent();
				}
			};
		},
		async registerFile(name, bytes) {
			await db.registerFileBuffer(name, bytes);
		},
		async dropFile(name) {
			await db.dropFile(name);
		},
		async close() {
			await conn.close();
			await db.terminate();
		}
	};
}

/** Worker URLs must be absolute: relative asset paths (paths.relative) resolve against the page. */
function absolute(url: string): string {
	return new URL(url, location.href).href;
}
