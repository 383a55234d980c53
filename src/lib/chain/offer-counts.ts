/**
 * Rows of the per-area table of the offers page (OfferCounts.svelte): filtered offers and places
 * per area and offers per 1,000 residents under 18, sortable by any column over all areas before
 * the table shows one page of them.
 */
export interface CountRow {
	key: string;
	name: string;
	offers: number;
	places: number;
	/** Offers per 1,000 under 18; null where the population is unknown, withheld or 0. */
	perThousand: number | null;
}

export type CountColumn = 'name' | 'offers' | 'places' | 'perThousand';

export interface CountSort {
	column: CountColumn;
	descending: boolean;
}

export function countRows(
	areas: readonly { key: string; name: string }[],
	counts: ReadonlyMap<string, { offers: number; places: number }>,
	under18: ReadonlyMap<string, number>
): CountRow[] {
	return areas.map(({ key, name }) => {
		const c = counts.get(key);
		const kids = under18.get(key);
		const offers = c?.offers ?? 0;
		return { key, name, offers, places: c?.places ?? 0, perThousand: kids ? (offers / kids) * 1000 : null };
	});
}

/** The first click on a column: names A–Z, numbers largest first. */
export function firstSort(column: CountColumn): CountSort {
	return { column, descending: column !== 'name' };
}

/** Sorted copy; areas without a number come last either way, ties in name order (German). */
export function sortCountRows(rows: readonly CountRow[], sort: CountSort | null): CountRow[] {
	if (!sort) return [...rows];
	const byName = (a: CountRow, b: CountRow) => a.name.localeCompare(b.name, 'de') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
	const sign = sort.descending ? -1 : 1;
	if (sort.column === 'name') return [...rows].sort((a, b) => sign * byName(a, b));
	const col = sort.column;
	return [...rows].sort((a, b) => {
		const x = a[col];
		const y = b[col];
		if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
		return sign * (x - y) || byName(a, b);
	});
}
