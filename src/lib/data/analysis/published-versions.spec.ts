/**
 * The published rows of a package with boundary versions (data/musterkreis: Oberau and Niederau
 * merge into Auetal in 2021, Ortsteile re-cut), on the real DuckDB-wasm engine: an area key that
 * two versions share is one area in a year, so the SQL console's `observations` and
 * `reference_values` (and the data-quality report reading the same rows) list each cell once, and
 * a Gemeinde's total is the engine's own total for that level and year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeConnector, createNodeConsoleConnector } from '../connector-node';
import { MonitorEngine } from '../engine';
import { packageSourceFromDir } from '../source-node';
import { ConsoleSession } from './session';

let engine: MonitorEngine;
let session: ConsoleSession;

beforeAll(async () => {
	engine = await MonitorEngine.load(await createNodeConnector(), await packageSourceFromDir('data/musterkreis'));
	session = new ConsoleSession(engine, createNodeConsoleConnector);
	await session.ready();
}, 120_000);
afterAll(() => session?.close());

const rows = async (sql: string) => (await session.run(sql).result).rows as unknown[][];

describe('published rows across a boundary change', () => {
	it('has Ortsteil keys that two versions share (the case the rows must not double)', async () => {
		const shared = await rows(`SELECT key FROM areas WHERE level_rank = 0 GROUP BY key HAVING count(*) > 1`);
		expect(shared.length).toBeGreaterThan(0);
	});

	it('lists every observation once', async () => {
		const doubled = await rows(`SELECT area_key, indicator_id, year, count(*) AS n FROM observations GROUP BY ALL HAVING n > 1 LIMIT 5`);
		expect(doubled).toEqual([]);
		const [[n]] = await rows(`SELECT count(*) AS n FROM observations WHERE indicator_id = 'sgb2_u15'`);
		const years = (await engine.yearsByIndicator())['sgb2_u15'];
		let expected = 0;
		for (const y of years) expected += (await engine.valuesFor('sgb2_u15', y, 'ortsteil')).length;
		expect(Number(n)).toBe(expected);
	});

	it("gives each Gemeinde of each version the engine's total, once", async () => {
		const doubled = await rows(`SELECT area_key, indicator_id, year, count(*) AS n FROM reference_values GROUP BY ALL HAVING n > 1 LIMIT 5`);
		expect(doubled).toEqual([]);
		for (const year of [2018, 2023]) {
			const engineRows = (await engine.valuesFor('sgb2_u15', year, 'gemeinde')).filter((r) => r.flag !== 'suppressed' && r.numerator !== null);
			expect(engineRows.length).toBeGreaterThan(5);
			const sql = await rows(`SELECT area_key, numerator, denominator FROM reference_values WHERE indicator_id = 'sgb2_u15' AND year = ${year} AND level = 'gemeinde' AND flag = ''`);
			const byKey = new Map(sql.map(([key, numerator, denominator]) => [String(key), { numerator, denominator }]));
			for (const r of engineRows) {
				const got = byKey.get(r.area_key);
				expect(got, `${r.area_key} ${year}`).toBeDefined();
				expect(Number(got!.numerator)).toBeCloseTo(r.numerator!, 6);
				expect(Number(got!.denominator)).toBeCloseTo(r.denominator!, 6);
			}
		}
	});
});
