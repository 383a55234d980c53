/**
 * The session's own logic around a query: the time limit, the cancel button and the hard stop of a
 * query that ignores DuckDB's interrupt. The real engine cannot be held up on purpose under Node
 * (the blocking build runs each query to its end), so the database here is a stand-in whose query
 * never ends unless told; the real cancel is measured in the browser (tests/e2e/analyse.e2e.ts).
 */
import { describe, expect, it } from 'vitest';
import type { ConsoleConnector, PendingQuery } from '../connector';
import type { MonitorEngine } from '../engine';
import { ConsoleQueryError, ConsoleSession } from './session';

/** A database whose queries hang; `obeys` = whether DuckDB's interrupt stops them. */
function hangingDb(obeys: boolean) {
	const state = { closed: false, cancels: 0 };
	const db: ConsoleConnector = {
		async query() {
			return [];
		},
		async registerFile() {},
		async dropFile() {},
		async close() {
			state.closed = true;
		},
		async tokenize(text) {
			// one keyword token at 0 is all the guard needs for "SELECT …"
			return { offsets: [0], types: text.trim() ? [4] : [] };
		},
		async check() {},
		start(): PendingQuery {
			let reject!: (e: Error) => void;
			const result = new Promise<never>((_, r) => (reject = r));
			return {
				result,
				async cancel() {
					state.cancels++;
					if (obeys) reject(new Error('INTERRUPT Error: Interrupted!'));
				}
			};
		}
	};
	return { db, state };
}

const engine = {
	descriptor: { resources: [] },
	disclosure: { minNumerator: 3, minDenominator: 0 },
	query: async () => [],
	indicators: async () => [],
	prepare: async () => {},
	prepareTables: async () => {}
} as unknown as MonitorEngine;

async function failure(p: Promise<unknown>): Promise<ConsoleQueryError> {
	try {
		await p;
	} catch (e) {
		if (e instanceof ConsoleQueryError) return e;
		throw e;
	}
	throw new Error('query ran');
}

describe('ConsoleSession: time limit and cancel', () => {
	it('cancels a query that runs past the time limit and says it was the limit', async () => {
		const { db, state } = hangingDb(true);
		const s = new ConsoleSession(engine, async () => db);
		const e = await failure(s.run('SELECT 1', { timeoutMs: 50 }).result);
		expect(e.info.kind).toBe('cancelled');
		expect(e.timeout).toBe(true);
		expect(e.terminated).toBe(false);
		expect(state.cancels).toBe(1);
		expect(state.closed).toBe(false);
	});

	it('cancels on request (the planner\'s button), not as a timeout', async () => {
		const { db } = hangingDb(true);
		const s = new ConsoleSession(engine, async () => db);
		const h = s.run('SELECT 1', { timeoutMs: 60_000 });
		await new Promise((r) => setTimeout(r, 20));
		h.cancel();
		const e = await failure(h.result);
		expect(e.timeout).toBe(false);
		expect(e.stoppedAfterMs).not.toBeNull();
	});

	it('closes the database when the query ignores the interrupt, and builds a new one for the next query', async () => {
		const first = hangingDb(false);
		const second = hangingDb(true);
		const dbs = [first.db, second.db];
		let opened = 0;
		const s = new ConsoleSession(engine, async () => dbs[opened++]);
		const e = await failure(s.run('SELECT 1', { timeoutMs: 20, hardStopMs: 30 }).result);
		expect(e.terminated).toBe(true);
		expect(first.state.closed).toBe(true);
		await failure(s.run('SELECT 2', { timeoutMs: 20 }).result);
		expect(opened).toBe(2);
	});
});
