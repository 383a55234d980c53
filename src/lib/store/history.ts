/**
 * The history of a record kept in this browser: who (a free-text editor name, kept locally), when,
 * and which fields changed from what to what. Values are stored as short display text, so the
 * history stays readable after the record's shape changes.
 */
export type HistoryAction = 'created' | 'changed' | 'removed' | 'imported' | 'rebased';

export interface FieldChange {
	field: string;
	from: string;
	to: string;
}

export interface HistoryItem {
	/** ISO timestamp. */
	at: string;
	/** Editor name as typed in this browser; '' when none was given. */
	by: string;
	action: HistoryAction;
	changes: FieldChange[];
}

/** A browser keeps at most this many history items per record (oldest dropped first). */
export const HISTORY_LIMIT = 200;
const VALUE_LIMIT = 300;

/** A field value as display text: lists joined with " | ", null as "". */
export function valueText(v: unknown): string {
	let s: string;
	if (v === null || v === undefined) s = '';
	else if (Array.isArray(v)) s = v.map((x) => valueText(x)).join(' | ');
	else if (typeof v === 'object') s = JSON.stringify(v);
	else s = String(v);
	return s.length > VALUE_LIMIT ? `${s.slice(0, VALUE_LIMIT)}…` : s;
}

/** The fields whose values differ (in the order of `after`'s keys, then fields only `before` has). */
export function diffRecords(before: object | null, after: object | null): FieldChange[] {
	const a = (before ?? {}) as Record<string, unknown>;
	const b = (after ?? {}) as Record<string, unknown>;
	const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
	return keys
		.filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null))
		.map((k) => ({ field: k, from: valueText(a[k]), to: valueText(b[k]) }));
}

export function isHistoryItem(x: unknown): x is HistoryItem {
	const h = x as HistoryItem;
	return !!h && typeof h.at === 'string' && typeof h.by === 'string' && typeof h.action === 'string' && Array.isArray(h.changes);
}

/** Append, keeping the newest HISTORY_LIMIT items. */
export function appendHistory(list: readonly HistoryItem[] | undefined, item: HistoryItem): HistoryItem[] {
	return [...(list ?? []), item].slice(-HISTORY_LIMIT);
}
