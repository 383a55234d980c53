/**
 * Node implementation of the Connector over the SAME DuckDB-wasm build the browser uses (the
 * blocking node bundle), so SQL tested in vitest is SQL that runs in the browser. Test/pipeline only.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { Connector, ConsoleConnector, Row, SqlParam } from './connector';
import { batchesToResult } from './result-rows';
import { CONNECT_STATEMENTS } from './connector';
import { arrowToRows } from './arrow-rows';

export async function createNodeConnector(): Promise<Connector> {
	return openNode({ castBigIntToDouble: true });
}

/**
 * The same, with the console's extras (tokenizer, check, row-limited query). The blocking engine
 * runs a query to the end before JavaScript gets control back, so `cancel` can do nothing here:
 * cancelling is tested in the browser (tests/e2e/analyse.e2e.ts).
 */
export async function createNodeConsoleConnector(): Promise<ConsoleConnector> {
	return openNode({ castBigIntToDouble: true, castDecimalToDouble: true, castTimestampToDate: true });
}

async function openNode(queryConfig: duckdb.DuckDBQueryConfig): Promise<ConsoleConnector> {
	const require = createRequire(import.meta.url);
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'));
	const bundles = {
		mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
		eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
	};
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate(() => {});
	db.open({ query: queryConfig });
	const conn = db.connect();
	for (const s of CONNECT_STATEMENTS) conn.query(s);

	return {
		async query<T extends Row>(sql: string, params?: SqlParam[]) {
			if (!params || params.length === 0) return arrowToRows<T>(conn.query(sql));
			const stmt = conn.prepare(sql);
			try {
				return arrowToRows<T>(stmt.query(...params));
			} finally {
				stmt.close();
			}
		},
		async tokenize(text) {
			return db.tokenize(text);
		},
		async check(sql) {
			conn.prepare(sql).close();
		},
		start(sql, maxRows) {
			const result = (async () => {
				const table = conn.query(sql);
				return batchesToResult(table.schema.fields, table.batches, maxRows, false);
			})();
			return { result, cancel: async () => {} };
		},
		async registerFile(name, bytes) {
			db.registerFileBuffer(name, bytes);
		},
		async dropFile(name) {
			db.dropFile(name);
		},
		async close() {
			conn.close();
			db.reset();
		}
	};
}
