/**
 * Matching areas by name when a table has no usable keys. Names differ between map and table in
 * predictable ways: "Altstadt/Süd" vs "Altstadt-Süd", "St. Georg" vs "Sankt Georg", "Muehlenviertel"
 * vs "Mühlenviertel", case, extra spaces. Normalising those gives an exact match (confidence 1) that
 * may be taken automatically; anything less is only a suggestion with a confidence (bigram Dice
 * coefficient) that the user must confirm.
 */

/** Normal form: lower case, umlauts spelt out, ß → ss, "St." → sankt, punctuation → space. */
export function normaliseName(name: string): string {
	return name
		.normalize('NFC')
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.replace(/\bst\.\s*/g, 'sankt ')
		.replace(/\bst\b/g, 'sankt')
		.replace(/[/\\\-–—_.,;:()'"’+&]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

function bigrams(s: string): Map<string, number> {
	const m = new Map<string, number>();
	const t = s.replace(/ /g, '');
	for (let i = 0; i < t.length - 1; i++) {
		const g = t.slice(i, i + 2);
		m.set(g, (m.get(g) ?? 0) + 1);
	}
	return m;
}

/** Sørensen–Dice coefficient over character bigrams of the normal forms (0…1). */
export function nameSimilarity(a: string, b: string): number {
	const na = normaliseName(a);
	const nb = normaliseName(b);
	if (na === nb) return 1;
	// same words in another order ("Süd Altstadt") is nearly as good
	if (na.split(' ').sort().join(' ') === nb.split(' ').sort().join(' ')) return 0.95;
	const ga = bigrams(na);
	const gb = bigrams(nb);
	let common = 0;
	let total = 0;
	for (const [g, n] of ga) {
		common += Math.min(n, gb.get(g) ?? 0);
		total += n;
	}
	for (const n of gb.values()) total += n;
	return total === 0 ? 0 : Math.min(0.94, (2 * common) / total);
}

export interface NameCandidate {
	key: string;
	name: string;
	/** 1 = equal after normalisation (safe); below that the user decides. */
	confidence: number;
}

/** Areas whose name resembles `name`, best first, at most `limit`, at least `min` confidence. */
export function nameCandidates(name: string, areas: readonly { key: string; name: string }[], limit = 3, min = 0.5): NameCandidate[] {
	return areas
		.map((a) => ({ key: a.key, name: a.name, confidence: Math.round(nameSimilarity(name, a.name) * 100) / 100 }))
		.filter((c) => c.confidence >= min)
		.sort((a, b) => b.confidence - a.confidence || a.key.localeCompare(b.key))
		.slice(0, limit);
}
