/**
 * Rank of an area among all areas for one indicator and year. Rank 1 is the highest value, whatever
 * the polarity: "Rang 1 von 41" then means the same thing for every indicator, and the comparison
 * colour next to it says whether high is good. Ties share a rank ("competition ranking": 1, 2, 2, 4),
 * so two equal values never get different places. Suppressed and missing values are not ranked and
 * do not count in "of": a hidden value must not be inferable from the gap it leaves.
 */

export interface RankInput {
	key: string;
	value: number | null;
}

export interface Rank {
	rank: number;
	of: number;
	/** Another area has exactly the same value. */
	tied: boolean;
}

export function ranks(rows: readonly RankInput[]): Map<string, Rank> {
	const ranked = rows.filter((r): r is { key: string; value: number } => typeof r.value === 'number' && Number.isFinite(r.value));
	const sorted = [...ranked].sort((a, b) => b.value - a.value);
	const out = new Map<string, Rank>();
	for (let i = 0; i < sorted.length; i++) {
		const v = sorted[i].value;
		// first position of this value = its competition rank
		let first = i;
		while (first > 0 && sorted[first - 1].value === v) first--;
		const tied = (i > 0 && sorted[i - 1].value === v) || (i < sorted.length - 1 && sorted[i + 1].value === v);
		out.set(sorted[i].key, { rank: first + 1, of: sorted.length, tied });
	}
	return out;
}

export function rankOf(rows: readonly RankInput[], key: string): Rank | null {
	return ranks(rows).get(key) ?? null;
}
