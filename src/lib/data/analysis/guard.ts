/**
 * What the console accepts: exactly one query (SELECT, WITH …, FROM …, VALUES, PIVOT, TABLE,
 * SUMMARIZE, DESCRIBE, SHOW), nothing that writes, changes the schema, reads or writes files,
 * attaches databases or changes settings. Decided on DuckDB's own tokenizer (strings, quoted names
 * and comments are told apart by the engine's lexer, not by a regular expression), so "SELECT
 * 'DROP TABLE x'" is a query and "/* … *\/ DELETE" is a write. The refusal says which rule and
 * where. This gives clear messages; the security boundary is the console's locked database
 * (console-db.ts), which refuses the same things again if anything slipped past.
 */

/** Token types of DuckDB's tokenizer (duckdb-wasm `TokenType`). */
export const TOKEN = { identifier: 0, number: 1, string: 2, operator: 3, keyword: 4, comment: 5 } as const;

export type Refusal = 'empty' | 'multiple' | 'write' | 'schema' | 'file' | 'dynamic' | 'attach' | 'settings' | 'transaction' | 'not_query';

export type GuardResult =
	| { ok: true; sql: string }
	| { ok: false; reason: Refusal; word: string; offset: number };

export interface Tokens {
	offsets: number[];
	types: number[];
}

const QUERY_START = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'PIVOT', 'UNPIVOT', 'SUMMARIZE', 'DESCRIBE', 'SHOW']);

/** Statement keywords and what they would do. */
const STATEMENTS: Record<string, Refusal> = {
	INSERT: 'write', UPDATE: 'write', DELETE: 'write', MERGE: 'write', TRUNCATE: 'write', UPSERT: 'write',
	CREATE: 'schema', DROP: 'schema', ALTER: 'schema', COMMENT: 'schema',
	COPY: 'file', EXPORT: 'file', IMPORT: 'file',
	ATTACH: 'attach', DETACH: 'attach', USE: 'attach',
	PRAGMA: 'settings', SET: 'settings', RESET: 'settings', CALL: 'settings', INSTALL: 'settings', LOAD: 'settings',
	CHECKPOINT: 'settings', VACUUM: 'settings', ANALYZE: 'settings', EXPLAIN: 'not_query', PREPARE: 'not_query', EXECUTE: 'not_query', DEALLOCATE: 'not_query',
	BEGIN: 'transaction', COMMIT: 'transaction', ROLLBACK: 'transaction', START: 'transaction', ABORT: 'transaction', END: 'transaction'
};

/** Keywords refused wherever they stand (a CTE in front of a write, a write inside a subquery). */
const ANYWHERE = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'TRUNCATE', 'CREATE', 'DROP', 'ALTER', 'COPY', 'ATTACH', 'DETACH', 'PRAGMA', 'INSTALL', 'EXPORT', 'IMPORT']);

/** Table functions that read files or URLs. */
const FILE_FUNCTIONS = new Set([
	'read_csv', 'read_csv_auto', 'read_parquet', 'parquet_scan', 'parquet_metadata', 'parquet_schema', 'parquet_file_metadata', 'parquet_kv_metadata',
	'read_json', 'read_json_auto', 'read_json_objects', 'read_json_objects_auto', 'read_ndjson', 'read_ndjson_auto', 'read_ndjson_objects',
	'read_text', 'read_blob', 'read_xlsx', 'glob', 'sniff_csv', 'iceberg_scan', 'delta_scan', 'read_duckdb', 'st_read'
]);

/** Functions that run SQL given as text (it would not pass through this guard). */
const DYNAMIC_FUNCTIONS = new Set(['query', 'query_table']);

/** The word at a token's offset: an identifier, keyword, quoted name or a single operator char. */
export function tokenText(text: string, offset: number): string {
	const rest = text.slice(offset);
	const m = /^(?:[A-Za-z_\u00C0-\uFFFF][\w$\u00C0-\uFFFF]*|"(?:[^"]|"")*"|'(?:[^']|'')*'|\d+(?:\.\d*)?|\S)/.exec(rest);
	return m ? m[0] : '';
}

export function guardQuery(text: string, tokens: Tokens): GuardResult {
	const n = tokens.offsets.length;
	const word = (i: number) => tokenText(text, tokens.offsets[i]);
	const refuse = (reason: Refusal, i: number): GuardResult => ({ ok: false, reason, word: i < n ? word(i) : '', offset: i < n ? tokens.offsets[i] : 0 });
	if (n === 0) return refuse('empty', 0);
	// statements end at ";" operators; one trailing ";" is fine
	let end = n;
	for (let i = 0; i < n; i++) {
		if (tokens.types[i] === TOKEN.operator && word(i) === ';') {
			if (i === n - 1) end = i;
			else return refuse('multiple', i + 1);
		}
	}
	if (end === 0) return refuse('empty', 0);
	const first = word(0).toUpperCase();
	const firstIsOpen = tokens.types[0] === TOKEN.operator && first === '(';
	if (!firstIsOpen && !(tokens.types[0] === TOKEN.keyword && QUERY_START.has(first))) {
		return refuse(tokens.types[0] === TOKEN.keyword ? (STATEMENTS[first] ?? 'not_query') : 'not_query', 0);
	}
	for (let i = 0; i < end; i++) {
		const type = tokens.types[i];
		const w = word(i);
		if (type === TOKEN.keyword && ANYWHERE.has(w.toUpperCase())) return refuse(STATEMENTS[w.toUpperCase()], i);
		const call = i + 1 < end && tokens.types[i + 1] === TOKEN.operator && word(i + 1) === '(';
		if (call && (type === TOKEN.identifier || type === TOKEN.keyword)) {
			const name = w.replace(/^"|"$/g, '').toLowerCase();
			if (FILE_FUNCTIONS.has(name)) return refuse('file', i);
			if (DYNAMIC_FUNCTIONS.has(name)) return refuse('dynamic', i);
		}
		// FROM 'file.csv' / JOIN 'x.parquet': DuckDB reads a quoted file name as a table
		if (type === TOKEN.string && i > 0 && tokens.types[i - 1] === TOKEN.keyword && ['FROM', 'JOIN'].includes(word(i - 1).toUpperCase())) return refuse('file', i);
	}
	const sql = end < n ? text.slice(0, tokens.offsets[end]) : text;
	return { ok: true, sql: sql.trimEnd() };
}
