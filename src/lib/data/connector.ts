/**
 * The one interface every query goes through (idea from Mosaic's connectors): the browser runs
 * DuckDB-wasm in a worker, tests run the very same wasm engine under Node. Nothing above this
 * layer knows which one it talks to.
 */
export type Row = Record<string, unknown>;
export type SqlParam = string | number | boolean | null;

export interface Connector {
	/** Run SQL; with params, as a prepared statement (`?` placeholders), never by string splicing. */
	query<T extends Row = Row>(sql: string, params?: SqlParam[]): Promise<T[]>;
	/** Make bytes readable by SQL under `name` (e.g. `read_csv('name')`). Transfers the buffer. */
	registerFile(name: string, bytes: Uint8Array): Promise<void>;
	/** Drop a registered file (frees memory after a table was built from it). */
	dropFile(name: string): Promise<void>;
	close(): Promise<void>;
}

/**
 * Statements run right after connecting, in every implementation.
 * Extensions (parquet, json, icu…) would be downloaded from the internet on first use: offline
 * that hangs or fails with a misleading error, and it would break the no-foreign-request promise.
 */
export const CONNECT_STATEMENTS = [
	'SET autoload_known_extensions = false',
	'SET autoinstall_known_extensions = false'
];
