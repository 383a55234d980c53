/**
 * Paging a long table: which rows one page shows. Pure, so the pager's text ("Zeilen 1–50 von
 * 20.000") and the slice cannot disagree. Sorting happens before paging, over all rows; exports
 * take all rows, never a page.
 */
export interface PageWindow {
	/** The page shown (0-based), clamped into the range that exists. */
	page: number;
	pages: number;
	/** First row on the page (0-based, inclusive) and end (exclusive); both 0 when there are no rows. */
	start: number;
	end: number;
	total: number;
}

export function pageWindow(total: number, page: number, size: number): PageWindow {
	if (!(size >= 1)) throw new Error(`page size must be at least 1, got ${size}`);
	const pages = Math.max(1, Math.ceil(total / size));
	const p = Math.min(Math.max(0, Math.floor(Number.isFinite(page) ? page : 0)), pages - 1);
	const start = Math.min(p * size, total);
	return { page: p, pages, start, end: Math.min(start + size, total), total };
}

/** The rows of one page. */
export function pageRows<T>(rows: readonly T[], w: PageWindow): T[] {
	return rows.slice(w.start, w.end);
}
