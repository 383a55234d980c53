/**
 * Which rows a long table shows. A city at block level has thousands of areas, and a table row per
 * area costs every re-render (sorting, a new year) hundreds of milliseconds of DOM work while nobody
 * reads row 9,000 anyway: the table shows the first `limit` rows of the (already sorted) set, plus
 * the selected area wherever it sorts, grows on request, and a name search reaches any area. Sorting
 * happens before this window, on the whole set, so "the first 200" are always the right 200.
 */

/** Rows per page of a long table: a few screens full, and still cheap to render. */
export const TABLE_PAGE = 200;

export interface TableWindowInput<T> {
	/** All rows, in display order. */
	rows: readonly T[];
	/** How many rows to show (before the pinned selected row). */
	limit: number;
	/** Name search; empty = no filter. Matches the name (case-insensitive, German rules) or the key. */
	query: string;
	selected: string | null;
	key: (row: T) => string;
	name: (row: T) => string;
}

export interface TableWindow<T> {
	/** Rows to render: the first `limit` matches, then the selected row if it matches but lies further down. */
	shown: T[];
	/** Number of rows matching the search (all rows without a search). */
	matched: number;
	/** Matching rows not shown (the selected row counts as shown). */
	hidden: number;
	/** True when the selected row was appended after the first `limit` rows. */
	pinned: boolean;
}

export function tableWindow<T>(input: TableWindowInput<T>): TableWindow<T> {
	const q = input.query.trim().toLocaleLowerCase('de');
	const matches = q ? input.rows.filter((r) => input.name(r).toLocaleLowerCase('de').includes(q) || input.key(r).includes(q)) : input.rows;
	const limit = Math.max(0, input.limit);
	if (matches.length <= limit) return { shown: [...matches], matched: matches.length, hidden: 0, pinned: false };
	const head = matches.slice(0, limit);
	const sel = input.selected;
	const extra = sel !== null && !head.some((r) => input.key(r) === sel) ? matches.find((r) => input.key(r) === sel) : undefined;
	const shown = extra ? [...head, extra] : head;
	return { shown, matched: matches.length, hidden: matches.length - shown.length, pinned: extra !== undefined };
}
