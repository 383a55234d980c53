/**
 * The SQL console on the real DuckDB-wasm engine (the browser's build, under Node): what the guard
 * refuses, what the locked console database refuses even without the guard, and that disclosure
 * control holds — withheld cells are NULL with flag "suppressed" in the internal build, and in the
 * public build no query (direct or by differencing against a published total) recovers one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeConnector, createNodeConsoleConnector } from '../connector-node';
import type { ConsoleConnector } from '../connector';
import { MonitorEngine } from '../engine';
import { packageSourceFromDir } from '../source-node';
import { guardQuery } from './guard';
import { ConsoleQueryError, ConsoleRefusal, ConsoleSession } from './session';
import { exampleQueries } from './examples';
import { readPackageFromDir } from '../package/load-node';
import { readPackage } from '../package/validate';
import { disclosePackage } from '../../../../pipelines/publish/disclose-package';
import { publishPackage } from '../../../../pipelines/publish/publish';

let engine: MonitorEngine;
let session: ConsoleSession;
let db: ConsoleConnector;

beforeAll(async () => {
	engine = await MonitorEngine.load(await createNodeConnector(), await packageSourceFromDir('data/musterstadt'));
	session = new ConsoleSession(engine, createNodeConsoleConnector);
	db = await session.ready();
}, 60_000);
afterAll(() => session?.close());

const guard = async (sql: string) => guardQuery(sql, await db.tokenize(sql));
const refusal = async (sql: string) => {
	const g = await guard(sql);
	return g.ok ? 'ok' : g.reason;
};
const rows = async (sql: string) => (await session.run(sql).result).rows;
const failure = async (sql: string) => {
	try {
		await session.run(sql).result;
	} catch (e) {
		if (e instanceof ConsoleRefusal) return { refused: e.refusal.reason };
		if (e instanceof ConsoleQueryError) return e.info;
		throw e;
	}
	throw new Error(`${sql} ran`);
};

describe('statement guard (DuckDB tokenizer)', () => {
	it('accepts one query in each form a planner writes, with or without a trailing ";"', async () => {
		for (const sql of ['SELECT 1', 'select 1;', 'WITH x AS (SELECT 1 AS a) SELECT a FROM x', 'FROM observations LIMIT 1', 'VALUES (1), (2)', '(SELECT 1)', 'SUMMARIZE areas', 'DESCRIBE offers']) {
			expect(await refusal(sql), sql).toBe('ok');
		}
		expect(await guard('SELECT 1;  ')).toEqual({ ok: true, sql: 'SELECT 1' });
	});

	it('refuses writes and schema changes, also behind a CTE or inside a subquery', async () => {
		expect(await refusal('INSERT INTO areas VALUES (1)')).toBe('write');
		expect(await refusal("UPDATE observations SET value = 0")).toBe('write');
		expect(await refusal('DELETE FROM observations')).toBe('write');
		expect(await refusal('WITH x AS (SELECT 1) DELETE FROM observations')).toBe('write');
		expect(await refusal('WITH x AS (DELETE FROM observations RETURNING *) SELECT * FROM x')).toBe('write');
		expect(await refusal('SELECT * FROM (INSERT INTO areas VALUES (1) RETURNING *)')).toBe('write');
		expect(await refusal('CREATE TABLE t AS SELECT 1')).toBe('schema');
		expect(await refusal('DROP TABLE observations')).toBe('schema');
		expect(await refusal('ALTER TABLE areas ADD COLUMN x INT')).toBe('schema');
	});

	it('refuses files, other databases, settings and transactions', async () => {
		expect(await refusal("SELECT * FROM read_csv('x.csv')")).toBe('file');
		expect(await refusal("SELECT * FROM READ_PARQUET('x.parquet')")).toBe('file');
		expect(await refusal("SELECT * FROM glob('*')")).toBe('file');
		expect(await refusal("SELECT * FROM 'observations.csv'")).toBe('file');
		expect(await refusal("COPY observations TO 'x.csv'")).toBe('file');
		expect(await refusal("SELECT * FROM query('SELECT 1')")).toBe('dynamic');
		expect(await refusal("ATTACH 'x.duckdb' AS x")).toBe('attach');
		expect(await refusal('PRAGMA version')).toBe('settings');
		expect(await refusal("SET enable_external_access = true")).toBe('settings');
		expect(await refusal("INSTALL httpfs")).toBe('settings');
		expect(await refusal('CALL pragma_version()')).toBe('settings');
		expect(await refusal('BEGIN TRANSACTION')).toBe('transaction');
	});

	it('refuses several statements, wherever the second one hides', async () => {
		expect(await refusal('SELECT 1; SELECT 2')).toBe('multiple');
		expect(await refusal('SELECT 1; DROP TABLE areas')).toBe('multiple');
		const g = await guard('SELECT 1;\nDELETE FROM areas');
		expect(g).toMatchObject({ ok: false, reason: 'multiple', word: 'DELETE', offset: 10 });
	});

	it('is not fooled by comments and strings: the engine\'s lexer tells them apart', async () => {
		expect(await refusal("SELECT 'DROP TABLE x; DELETE FROM y' AS text")).toBe('ok');
		expect(await refusal('SELECT 1 -- ; DROP TABLE areas')).toBe('ok');
		expect(await refusal('SELECT 1 /* ; DELETE FROM areas */')).toBe('ok');
		expect(await refusal('/* harmless */ DELETE FROM areas')).toBe('write');
		expect(await refusal('-- a comment\nDROP TABLE areas')).toBe('schema');
		expect(await refusal('SELECT "update" FROM (SELECT 1 AS "update")')).toBe('ok');
		expect(await refusal('')).toBe('empty');
		expect(await refusal('-- only a comment')).toBe('empty');
	});
});

describe('the locked console database (the boundary, even without the guard)', () => {
	const raw = async (sql: string) => {
		try {
			await db.query(sql);
			return 'ran';
		} catch (e) {
			return (e as Error).message.split('\n')[0];
		}
	};

	it('reads and writes no file and lets no setting change', async () => {
		expect(await raw("SELECT * FROM read_csv('pkg_observations.csv')")).toMatch(/Permission Error/);
		expect(await raw("COPY areas TO 'out.csv'")).toMatch(/Permission Error/);
		expect(await raw("ATTACH 'other.duckdb' AS o")).toMatch(/Permission Error/);
		expect(await raw('SET enable_external_access = true')).toMatch(/locked/);
		expect(await raw('SET autoload_known_extensions = true')).toMatch(/locked/);
	});

	it('holds the documented views and nothing of the engine\'s own tables', async () => {
		const tables = (await db.query<{ name: string }>('SELECT table_name AS name FROM duckdb_tables() ORDER BY 1')).map((t) => t.name);
		expect(tables).toEqual(['areas', 'derived_indicators', 'indicators', 'observations', 'offers', 'population', 'reference_values', 'targets']);
		expect(await failure('SELECT * FROM suppressed_cells')).toMatchObject({ kind: 'unknown_table', name: 'suppressed_cells' });
	});
});

describe('disclosure control in the console (internal build)', () => {
	it('shows every withheld cell as NULL with flag "suppressed", and no small positive numerator anywhere', async () => {
		const { data } = readPackage(await readPackageFromDir('data/musterstadt'));
		const withheld = disclosePackage(data!).withheld.filter((w) => w.kind === 'observation') as { area_key: string; indicator_id: string; year: number }[];
		expect(withheld.length).toBeGreaterThan(100);
		const shown = await rows(`SELECT area_key, indicator_id, year, value, numerator, denominator, flag FROM observations WHERE flag = 'suppressed'`);
		expect(new Set(shown.map((r) => `${r[0]}|${r[1]}|${r[2]}`))).toEqual(new Set(withheld.map((w) => `${w.area_key}|${w.indicator_id}|${w.year}`)));
		for (const r of shown) expect(r.slice(3, 6)).toEqual([null, null, null]);
		expect(await rows('SELECT count(*) FROM observations WHERE numerator > 0 AND numerator < 3')).toEqual([[0]]);
	});

	it('shows a count a query makes up that is below the threshold as "•", also after renaming', async () => {
		// the internal package's population has age groups of 1 or 2 persons in the tiny areas
		const r = await session.run(`WITH t AS (SELECT area_key, year, sum(persons) AS kinder FROM population WHERE age_group = '16_17' GROUP BY ALL)
			SELECT area_key, year, kinder AS n FROM t ORDER BY area_key, year`).result;
		expect(r.countColumns).toEqual(['n']);
		expect(r.suppressed).toBeGreaterThan(0);
		expect(r.rows.every((row) => row[2] === null || row[2] === '•' || row[2] === 0 || (row[2] as number) >= 3)).toBe(true);
	});
});

describe('disclosure control in the console (public build)', () => {
	let pub: ConsoleSession;
	let withheld: { area_key: string; indicator_id: string; year: number }[];
	beforeAll(async () => {
		const dir = join(await mkdtemp(join(tmpdir(), 'console-public-')), 'pkg');
		await publishPackage('data/musterstadt', dir);
		const e = await MonitorEngine.load(await createNodeConnector(), await packageSourceFromDir(dir));
		pub = new ConsoleSession(e, createNodeConsoleConnector);
		const { data } = readPackage(await readPackageFromDir('data/musterstadt'));
		withheld = disclosePackage(data!).withheld.filter((w) => w.kind === 'observation') as typeof withheld;
	}, 90_000);
	afterAll(() => pub?.close());

	it('reads nothing of a withheld cell, asked for directly', async () => {
		const primary = withheld[0];
		const r = await pub.run(`SELECT value, numerator, denominator, flag FROM observations WHERE area_key = '${primary.area_key}' AND indicator_id = '${primary.indicator_id}' AND year = ${primary.year}`).result;
		expect(r.rows).toEqual([[null, null, null, 'suppressed']]);
	});

	it('cannot recover one by differencing: a published total minus its published parts always hides two cells or more', async () => {
		const r = await pub.run(`SELECT t.area_key, t.indicator_id, t.year, any_value(t.numerator) - sum(o.numerator) AS difference,
				count(*) FILTER (WHERE o.flag = 'suppressed') AS hidden
			FROM reference_values t
			JOIN areas a ON a.parent = t.area_key AND a.level_rank = 0
			JOIN observations o ON o.area_key = a.key AND o.indicator_id = t.indicator_id AND o.year = t.year
			WHERE t.numerator IS NOT NULL
			GROUP BY ALL`).result;
		expect(r.rows.length).toBeGreaterThan(500);
		const hidden = r.rows.map((row) => row[4] as number);
		// the check can fail: totals with hidden parts exist, and each hides at least two
		expect(hidden.filter((h) => h >= 2).length).toBeGreaterThan(50);
		expect(hidden.filter((h) => h === 1)).toEqual([]);
	});

	it('has no withheld number in any column of any view: not even a sum or average can reach it', async () => {
		const total = await pub.run(`SELECT count(*) FROM observations WHERE flag = 'suppressed' AND (value IS NOT NULL OR numerator IS NOT NULL OR denominator IS NOT NULL)`).result;
		expect(total.rows).toEqual([[0]]);
		const n = await pub.run(`SELECT count(*) FROM observations WHERE flag = 'suppressed'`).result;
		expect(n.rows[0][0]).toBe(withheld.length);
	});
});

describe('running queries', () => {
	it('runs every example query on the demo city and gets rows', async () => {
		for (const ex of exampleQueries(engine.descriptor.sozialraum.default_indicator)) {
			const r = await session.run(ex.sql).result;
			expect(r.rows.length, ex.id).toBeGreaterThan(0);
		}
	});

	it('finds the Sozialräume whose child poverty rose by more than 5 points since 2020 and that have no Familienzentrum', async () => {
		const r = await session.run(exampleQueries('sgb2_u15')[0].sql).result;
		const names = r.rows.map((x) => x[1]);
		expect(names).toContain('Werftviertel');
		for (const row of r.rows) expect(row[4] as number).toBeGreaterThan(5);
	});

	it('keeps at most maxRows rows and says there were more', async () => {
		const r = await session.run('SELECT * FROM range(100)', { maxRows: 10 }).result;
		expect(r.rows).toHaveLength(10);
		expect(r.more).toBe(true);
		expect(r.columns).toEqual([{ name: 'range', kind: 'number' }]);
	});

	it('points at the position of a syntax error in the planner\'s own text', async () => {
		// line 2, column 32: the second "="
		expect(await failure('SELECT area_key\nFROM observations WHERE year = = 2025')).toMatchObject({ kind: 'syntax', line: 2, column: 32, offset: 47, name: '=' });
	});

	it('names an unknown column and DuckDB\'s suggestion', async () => {
		const info = await failure('SELECT valeu FROM observations');
		expect(info).toMatchObject({ kind: 'unknown_column', name: 'valeu', line: 1, column: 8 });
		expect((info as { suggestions: string[] }).suggestions).toContain('value');
	});

	it('refuses a write through the session before DuckDB sees it', async () => {
		expect(await failure('DELETE FROM observations')).toEqual({ refused: 'write' });
		expect(await rows('SELECT count(*) FROM observations')).toEqual([[14759]]);
	});
});
