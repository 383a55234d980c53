/**
 * Pages of a long list (the offers list, the per-area table): which rows a page shows and which
 * page holds a given row. Pages are numbered from 1, as the pager says them ("Seite 3 von 200").
 * Pure; the Pager component (Pager.svelte) only renders and reports a page number.
 */

export const DEFAULT_PAGE_SIZE = 100;

/** Number of pages for `total` rows (at least 1: an empty list is one empty page). */
export function pageCount(total: number, size = DEFAULT_PAGE_SIZE): number {
	return Math.max(1, Math.ceil(total / size));
}

/** A page number within 1 … pageCount (anything else, NaN included, is moved to the nearest end). */
export function clampPage(page: number, total: number, size = DEFAULT_PAGE_SIZE): number {
	const last = pageCount(total, size);
	if (!Number.isFinite(page) || page < 1) return 1;
	return Math.min(Math.floor(page), last);
}

/** The rows of one page. */
export function pageRows<T>(rows: readonly T[], page: number, size = DEFAULT_PAGE_SIZE): T[] {
	const p = clampPage(page, rows.length, size);
	return rows.slice((p - 1) * size, p * size);
}

/** The page showing the row at `index` (0-based); null when there is no such row. */
export function pageOf(index: number, total: number, size = DEFAULT_PAGE_SIZE): number | null {
	if (index < 0 || index >= total) return null;
	return Math.floor(index / size) + 1;
}

/** First and last row number (1-based) a page shows, for "1–100 von 20.000"; [0, 0] when empty. */
export function pageRange(page: number, total: number, size = DEFAULT_PAGE_SIZE): [number, number] {
	if (total === 0) return [0, 0];
	const p = clampPage(page, total, size);
	return [(p - 1) * size + 1, Math.min(p * size, total)];
}
