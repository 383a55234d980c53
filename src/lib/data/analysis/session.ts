/**
 * One planner's SQL console: its own database (console-db.ts), the guard, DuckDB's check, and a
 * run that can be cancelled by the planner or by the time limit. A query that does not stop within
 * a few seconds of being cancelled is stopped for certain by closing the console's database
 * (in the browser: terminating its worker); the next run builds it again from the engine.
 */
import type { ConsoleConnector } from '../connector';
import type { MonitorEngine } from '../engine';
import { fillConsoleDatabase } from './console-db';
import { explainError, type ConsoleErrorInfo } from './errors';
import { guardQuery, type GuardResult } from './guard';
import { countAliases, protectResult, type ProtectedResult } from './result-disclosure';
import type { ConsoleView } from './views';

/** Rows a result keeps (the table pages through them; exports take them all). */
export const MAX_ROWS = 10_000;
/** A query running longer is cancelled. */
export const TIMEOUT_MS = 30_000;
/** How long a cancelled query may take to stop before its database is closed. */
export const HARD_STOP_MS = 3_000;

export interface ConsoleRunResult extends ProtectedResult {
	/** The statement that ran (trailing ";" removed). */
	sql: string;
	ms: number;
}

/** The guard said no. */
export class ConsoleRefusal extends Error {
	constructor(readonly refusal: Extract<GuardResult, { ok: false }>) {
		super(`refused: ${refusal.reason}`);
	}
}

/** DuckDB said no, or the query was cancelled (kind "cancelled"; `timeout` when the limit struck). */
export class ConsoleQueryError extends Error {
	/**
	 * @param stoppedAfterMs time from the cancel request until the query stopped
	 * @param terminated the query ignored DuckDB's interrupt and was stopped by closing the database
	 */
	constructor(readonly info: ConsoleErrorInfo, readonly timeout = false, readonly stoppedAfterMs: number | null = null, readonly terminated = false) {
		super(info.detail);
	}
}

export interface RunHandle {
	result: Promise<ConsoleRunResult>;
	cancel(): void;
}

export class ConsoleSession {
	#engine: MonitorEngine;
	#openDb: () => Promise<ConsoleConnector>;
	#db: Promise<ConsoleConnector> | null = null;
	views: ConsoleView[] = [];
	rows = new Map<string, number>();

	constructor(engine: MonitorEngine, openDb: () => Promise<ConsoleConnector>) {
		this.#engine = engine;
		this.#openDb = openDb;
	}

	/** Build (or rebuild) the console's database; the page shows the views once this resolved. */
	ready(): Promise<ConsoleConnector> {
		if (!this.#db) {
			const p = (async () => {
				const db = await this.#openDb();
				try {
					const filled = await fillConsoleDatabase(this.#engine, db);
					this.views = filled.views;
					this.rows = filled.rows;
					return db;
				} catch (e) {
					await db.close().catch(() => {});
					throw e;
				}
			})();
			p.catch(() => {
				if (this.#db === p) this.#db = null;
			});
			this.#db = p;
		}
		return this.#db;
	}

	/** Run a planner's query: guard, check, then the query itself, cancellable. */
	run(text: string, options: { maxRows?: number; timeoutMs?: number; hardStopMs?: number } = {}): RunHandle {
		const maxRows = options.maxRows ?? MAX_ROWS;
		const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
		const hardStopMs = options.hardStopMs ?? HARD_STOP_MS;
		let cancelRequested: ((timeout: boolean) => void) | null = null;
		let cancelledEarly: boolean | null = null;
		const result = (async () => {
			const db = await this.ready();
			const tokens = await db.tokenize(text);
			const guard = guardQuery(text, tokens);
			if (!guard.ok) throw new ConsoleRefusal(guard);
			try {
				await db.check(guard.sql);
			} catch (e) {
				throw new ConsoleQueryError(explainError((e as Error).message, text));
			}
			if (cancelledEarly !== null) throw new ConsoleQueryError({ kind: 'cancelled', detail: '' }, cancelledEarly, 0);
			const started = performance.now();
			const pending = db.start(guard.sql, maxRows);
			let cancelAt: number | null = null;
			let timedOut = false;
			let hardStop: ReturnType<typeof setTimeout> | undefined;
			const stopped = new Promise<never>((_, reject) => {
				cancelRequested = (timeout) => {
					if (cancelAt !== null) return;
					cancelAt = performance.now();
					timedOut = timeout;
					pending.cancel().catch(() => {});
					hardStop = setTimeout(() => {
						// DuckDB did not stop in time: close the database (terminates its worker)
						this.#db = null;
						db.close().catch(() => {});
						reject(new ConsoleQueryError({ kind: 'cancelled', detail: 'stopped by closing the console database' }, timedOut, performance.now() - cancelAt!, true));
					}, hardStopMs);
				};
			});
			const timer = setTimeout(() => cancelRequested?.(true), timeoutMs);
			try {
				const r = await Promise.race([pending.result, stopped]);
				const ms = performance.now() - started;
				// small counts never leave the session unprotected (result-disclosure.ts)
				return { ...protectResult(r, countAliases(text, tokens), this.#engine.disclosure), sql: guard.sql, ms };
			} catch (e) {
				if (e instanceof ConsoleQueryError) throw e;
				const info = explainError((e as Error).message, text);
				if (cancelAt !== null) throw new ConsoleQueryError({ ...info, kind: 'cancelled' }, timedOut, performance.now() - cancelAt);
				throw new ConsoleQueryError(info);
			} finally {
				clearTimeout(timer);
				clearTimeout(hardStop);
			}
		})();
		return {
			result,
			cancel: () => {
				if (cancelRequested) cancelRequested(false);
				else cancelledEarly = false;
			}
		};
	}

	async close(): Promise<void> {
		const db = this.#db;
		this.#db = null;
		await (await db?.catch(() => null))?.close();
	}
}
