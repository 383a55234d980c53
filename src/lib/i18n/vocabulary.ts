/**
 * The words a package uses for its levels, as default parameters of every message: a catalogue
 * text says "Werte aller {lvls}" and shows "Werte aller Ortsteile" for a Kreis package and
 * "Werte aller Sozialräume" for Musterstadt. No page names a level with a fixed word.
 *
 * Parameters (German nouns keep their capital; English has a lowercase form for running text and
 * a capitalised one, {Lvl}, for the start of a label):
 *   {lvl} {Lvl}      the level a view shows ("Ortsteil")
 *   {lvls} {Lvls}    its plural ("Ortsteile"); {lvlsDat} the German dative plural ("Ortsteilen")
 *   {up} {Up} {ups}  the next level up ("Gemeinde", "Gemeinden")
 *   {whole} {Whole}  the whole territory as a level word ("Stadt", "Kreis"; "Gesamtgebiet")
 *   {wholeValue} {WholeValue} its reference value ("Stadtwert", "Kreiswert"; "city value")
 *
 * The view's level is set by the page (atlas and profile switch levels); everything else uses the
 * finest level. Pure state and functions: translate.ts reads it, i18n.svelte.ts makes it reactive.
 */
import type { AreaLevel } from '$lib/data/types';
import { levelWords } from '$lib/data/levels';

export type Vocabulary = Record<'de' | 'en', Record<string, string>>;

/** The names of the level-word parameters (a message may use them in one language only). */
export const VOCABULARY_WORDS = ['lvl', 'Lvl', 'lvls', 'Lvls', 'lvlsDat', 'up', 'Up', 'ups', 'Ups', 'whole', 'Whole', 'wholeValue', 'WholeValue'] as const;

interface Geography {
	levels: AreaLevel[];
	/** The top level holds a single area (then it *is* the territory). */
	singleTop: boolean;
}

const MUSTERSTADT: Geography = {
	levels: [
		{ id: 'sozialraum', label_de: 'Sozialraum', label_en: 'Social area', path: '' },
		{ id: 'stadtbezirk', label_de: 'Stadtbezirk', label_en: 'District', path: '' },
		{ id: 'stadt', label_de: 'Stadt', label_en: 'City', path: '' }
	],
	singleTop: true
};

let geography: Geography = MUSTERSTADT;
let viewLevel: string | null = null;
let current: Vocabulary | null = null;

const lower = (s: string) => (s && !/^[A-ZÄÖÜ]{2}/.test(s) ? s[0].toLocaleLowerCase('en') + s.slice(1) : s);
const upper = (s: string) => (s ? s[0].toLocaleUpperCase('de') + s.slice(1) : s);

/** "Stadt" → "Stadtwert"; words that do not compound well get "Gesamtwert". */
function valueWord(whole: string): string {
	return /^(Stadt|Kreis|Gemeinde|Bezirk|Region|Landkreis|Städteregion|Land)$/.test(whole) ? `${whole}wert` : 'Gesamtwert';
}

function build(): Vocabulary {
	const levels = geography.levels;
	const index = Math.max(0, levels.findIndex((l) => l.id === viewLevel));
	const here = levels[index] ?? levels[0];
	const up = levels[index + 1];
	const top = levels[levels.length - 1];
	const territoryIsLevel = geography.singleTop && levels.length > 1;
	const de = levelWords(here, 'de');
	const en = levelWords(here, 'en');
	const upDe = up ? levelWords(up, 'de') : null;
	const upEn = up ? levelWords(up, 'en') : null;
	const wholeDe = territoryIsLevel ? levelWords(top, 'de').one : 'Gesamtgebiet';
	const wholeEn = territoryIsLevel ? lower(levelWords(top, 'en').one) : 'whole area';
	return {
		de: {
			lvl: de.one, Lvl: de.one, lvls: de.many, Lvls: de.many, lvlsDat: de.manyDat,
			up: upDe?.one ?? wholeDe, Up: upDe?.one ?? wholeDe, ups: upDe?.many ?? wholeDe, Ups: upDe?.many ?? wholeDe,
			whole: wholeDe, Whole: wholeDe, wholeValue: valueWord(wholeDe), WholeValue: valueWord(wholeDe)
		},
		en: {
			lvl: lower(en.one), Lvl: upper(en.one), lvls: lower(en.many), Lvls: upper(en.many), lvlsDat: lower(en.many),
			up: lower(upEn?.one ?? wholeEn), Up: upper(upEn?.one ?? wholeEn), ups: lower(upEn?.many ?? wholeEn), Ups: upper(upEn?.many ?? wholeEn),
			whole: wholeEn, Whole: upper(wholeEn), wholeValue: `${wholeEn} value`, WholeValue: upper(`${wholeEn} value`)
		}
	};
}

/** The words of the loaded package (its levels; whether the top level is one area). */
export function setGeography(levels: AreaLevel[], singleTop: boolean): void {
	geography = levels.length > 0 ? { levels, singleTop } : MUSTERSTADT;
	current = build();
}

/** The level the current view shows (null = the finest). */
export function setViewLevel(levelId: string | null): void {
	viewLevel = levelId;
	current = build();
}

export function vocabulary(): Vocabulary {
	return (current ??= build());
}

/** The words for one level without changing the view (tables that list several levels). */
export function wordsFor(levelId: string, locale: 'de' | 'en'): Record<string, string> {
	const saved = viewLevel;
	viewLevel = levelId;
	const v = build()[locale];
	viewLevel = saved;
	return v;
}
