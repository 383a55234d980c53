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

/** One cell of a console result: what a table, a chart or an export can show. */
export type ResultCell = string | number | boolean | null;

/** How a result column is shown and exported. */
export type ColumnKind = 'number' | 'text' | 'boolean' | 'date' | 'other';

export interface QueryResult {
	columns: { name: string; kind: ColumnKind }[];
	rows: ResultCell[][];
	/** The query had more rows than were fetched. */
	more: boolean;
}

/** A query that runs while the caller may still cancel it. */
export interface PendingQuery {
	result: Promise<QueryResult>;
	/** Ask the engine to stop (DuckDB's interrupt); the result then rejects. */
	cancel(): Promise<void>;
}

/**
 * A connection for user-written SQL (the /analyse/ console): besides `query`, DuckDB's own
 * tokenizer, a parse-and-bind check that runs nothing, and queries that can be cancelled and
 * stop after a number of rows. Implemented on a database of its own (src/lib/data/analysis).
 */
export interface ConsoleConnector extends Connector {
	/** DuckDB's tokenizer: token start offsets and types (0 identifier, 1 number, 2 string, 3 operator, 4 keyword; comments are skipped). */
	tokenize(text: string): Promise<{ offsets: number[]; types: number[] }>;
	/** Parse and bind `sql` as a prepared statement without running it; throws DuckDB's error. */
	check(sql: string): Promise<void>;
	/** Run `sql`, keeping at most `maxRows` rows. */
	start(sql: string, maxRows: number): PendingQuery;
}
