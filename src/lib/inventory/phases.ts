/**
 * Life phases as offer lists write them. Familien-Navi-style lists name the target group in words
 * ("Schwangere", "Krippe", "Grundschulkinder") or ages ("0–3 Jahre", "6 bis 10"); the package uses
 * the ids of docs/data-package.md. Ages are mapped onto every phase they overlap.
 */
import { OFFER_LIFE_PHASES } from '$lib/data/package/csv';
import type { LifePhase } from '$lib/data/types';

type OfferPhase = Exclude<LifePhase, 'kontext'>;

/** Age span of each phase, in years [from, to); pregnancy is "before 0". */
const SPANS: Record<OfferPhase, [number, number]> = {
	schwangerschaft_geburt: [-1, 0],
	u3: [0, 3],
	'3_6': [3, 6],
	'6_10': [6, 10],
	'10_16': [10, 16],
	'16_27': [16, 27]
};

const WORDS: [RegExp, OfferPhase[]][] = [
	[/schwanger|geburt|werdende|pränatal|praenatal|neugeboren|baby/, ['schwangerschaft_geburt']],
	[/\bu ?3\b|unter 3|unter drei|krippe|kleinkind|0 bis 3/, ['u3']],
	[/kindergarten|vorschul|kita-kind|ü ?3\b/, ['3_6']],
	[/grundschul|primar/, ['6_10']],
	[/jugendlich|teen|sekundar/, ['10_16', '16_27']],
	[/junge erwachsene|ausbildung|beruf|übergang|uebergang|studium/, ['16_27']],
	[/alle|familien|eltern|jedes alter/, [...OFFER_LIFE_PHASES] as OfferPhase[]]
];

/**
 * The phases one text names, or null when it names none the tool knows. Accepts the ids
 * themselves, age ranges ("0-3", "3 bis 6 Jahre", "ab 16") and the common words.
 */
export function phasesOf(text: string): OfferPhase[] | null {
	const t = text.trim().toLowerCase().replace(/[–—]/g, '-');
	if ((OFFER_LIFE_PHASES as readonly string[]).includes(t)) return [t as OfferPhase];
	const range = /^(?:von\s*)?(\d{1,2})\s*(?:-|bis)\s*(\d{1,2})(?:\s*(?:jahre?n?|j\.?))?$/.exec(t);
	const from = /^ab\s*(\d{1,2})(?:\s*(?:jahre?n?|j\.?))?$/.exec(t);
	const span: [number, number] | null = range ? [Number(range[1]), Number(range[2])] : from ? [Number(from[1]), 27] : null;
	if (span) {
		const [a, b] = span[0] <= span[1] ? span : [span[1], span[0]];
		// an age range is about children already born: pregnancy only by word ("Schwangere")
		const hit = (Object.keys(SPANS) as OfferPhase[]).filter((p) => p !== 'schwangerschaft_geburt' && SPANS[p][0] < Math.max(b, a + 0.5) && a < SPANS[p][1]);
		return hit.length ? hit : null;
	}
	for (const [re, phases] of WORDS) if (re.test(t)) return phases;
	return null;
}

/** A cell with several entries ("u3|3_6", "0-3, 3-6", "Krippe; Kindergarten"): each entry read, in chain order. */
export function parsePhases(cell: string): { phases: OfferPhase[]; unknown: string[] } {
	const parts = cell.split(/[|;,/\n]+/).map((s) => s.trim()).filter(Boolean);
	const found = new Set<OfferPhase>();
	const unknown: string[] = [];
	for (const p of parts) {
		const ph = phasesOf(p);
		if (ph) ph.forEach((x) => found.add(x));
		else unknown.push(p);
	}
	return { phases: (OFFER_LIFE_PHASES as readonly OfferPhase[]).filter((p) => found.has(p)), unknown };
}
