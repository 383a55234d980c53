/**
 * What went wrong with a console query, as a message key of the `analyse` catalogue and its
 * parameters (the page says it in German or English), plus where to put the cursor.
 */
import { ConsoleQueryError, ConsoleRefusal } from '$lib/data/analysis/session';
import type { MessageKey } from '$lib/i18n/messages';

export interface Failure {
	key: MessageKey;
	params: Record<string, string | number>;
	/** DuckDB's original message, for "Details". */
	detail: string;
	/** Offset in the query text of the problem, if known. */
	offset: number | null;
	/** A cancelled query: how long it took to stop, and whether its database had to be closed. */
	stopped?: { ms: number; terminated: boolean };
}

export function describeFailure(e: unknown, timeoutMs: number): Failure {
	if (e instanceof ConsoleRefusal) {
		const r = e.refusal;
		return { key: `sql.refuse.${r.reason}` as MessageKey, params: { word: r.word }, detail: '', offset: r.reason === 'empty' ? null : r.offset };
	}
	if (e instanceof ConsoleQueryError) {
		const i = e.info;
		if (i.kind === 'cancelled') {
			return {
				key: e.timeout ? 'sql.error.timeout' : 'sql.error.cancelled',
				params: { seconds: Math.round(timeoutMs / 1000) },
				detail: '',
				offset: null,
				...(e.stoppedAfterMs === null ? {} : { stopped: { ms: e.stoppedAfterMs, terminated: e.terminated } })
			};
		}
		const where = i.line ? { line: i.line, column: i.column ?? 1 } : { line: '', column: '' };
		const key = (i.line && i.kind === 'syntax' ? 'sql.error.syntaxAt' : `sql.error.${i.kind}`) as MessageKey;
		return {
			key,
			params: { ...where, name: i.name ?? '', suggestions: (i.suggestions ?? []).join(', ') },
			detail: i.detail,
			offset: i.offset ?? null
		};
	}
	return { key: 'sql.error.other', params: { line: '', column: '', name: '', suggestions: '' }, detail: (e as Error)?.message ?? String(e), offset: null };
}
