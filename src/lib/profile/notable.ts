/**
 * Which significant rows the summary names: ordered by how far the interval lies from the city value
 * (relative to it), so the statement with the widest margin comes first.
 */
import type { ProfileRow } from './rows';

/** How far the interval lies from the city value, relative to it: orders the "most notable" rows. */
export function strength(row: ProfileRow): number {
	if (!row.interval || row.city === null) return 0;
	const gap = row.interval.lower > row.city ? row.interval.lower - row.city : row.city > row.interval.upper ? row.city - row.interval.upper : 0;
	return row.city !== 0 ? gap / Math.abs(row.city) : gap;
}

/**
 * The strongest rows, but at most one per topic first: three SGB-II rates in a row say one thing
 * three times, while a steering group needs to see that, say, language and educational support are
 * also behind. Topics already covered (the headline's) count as taken; free places are then filled
 * by strength.
 */
export function pickDiverse(sorted: readonly ProfileRow[], taken: readonly string[], max: number): ProfileRow[] {
	const topics = new Set(taken);
	const picked: ProfileRow[] = [];
	for (const r of sorted) {
		if (picked.length >= max) break;
		if (topics.has(r.indicator.topic)) continue;
		topics.add(r.indicator.topic);
		picked.push(r);
	}
	for (const r of sorted) {
		if (picked.length >= max) break;
		if (!picked.includes(r)) picked.push(r);
	}
	// keep the order of strength
	return sorted.filter((r) => picked.includes(r));
}
