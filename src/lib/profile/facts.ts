/**
 * Key facts of a district from the population table: residents, children and young people per age
 * band (the bands of the prevention chain), and their shares. Shares are of all residents; a band
 * that the statistics office did not deliver stays null rather than 0.
 */

/** Age bands of the population table, youngest first; the first five together are the under-18s. */
export const CHILD_BANDS = ['0_2', '3_5', '6_9', '10_15', '16_17'] as const;
export const YOUNG_ADULT_BAND = '18_26';
export const TOTAL_BAND = 'insgesamt';

export interface BandFact {
	group: string;
	persons: number | null;
	/** Percentage of all residents (0–100); null without both numbers. */
	share: number | null;
}

export interface KeyFacts {
	total: number | null;
	/** Children and young people under 18 (sum of the child bands; null if any band is missing). */
	under18: number | null;
	under18Share: number | null;
	bands: BandFact[];
}

export function keyFacts(rows: readonly { age_group: string; persons: number }[]): KeyFacts {
	const by = new Map(rows.map((r) => [r.age_group, Number(r.persons)]));
	const total = by.get(TOTAL_BAND) ?? null;
	const share = (n: number | null) => (n !== null && total !== null && total > 0 ? (n / total) * 100 : null);
	const groups = [...CHILD_BANDS, YOUNG_ADULT_BAND];
	const bands = groups.map((group) => {
		const persons = by.get(group) ?? null;
		return { group, persons, share: share(persons) };
	});
	const child = CHILD_BANDS.map((g) => by.get(g));
	const under18 = child.every((n) => typeof n === 'number') ? (child as number[]).reduce((a, b) => a + b, 0) : null;
	return { total, under18, under18Share: share(under18), bands };
}
