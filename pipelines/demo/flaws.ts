/**
 * Deliberate flaws in the demo data, so the data-quality report (/datenqualitaet/) has real
 * findings to show and its tests something to find. Each imitates an error real deliveries have;
 * each is documented in docs/data-package.md ("Deliberate flaws") and found by
 * src/lib/data/analysis/quality-demo.spec.ts. Everything else in the package stays as generated.
 *
 * Applied to the generated observations before the targets are derived (their baselines are taken
 * from the data as delivered). Values are recomputed from the changed counts, so every row still
 * satisfies value = numerator / denominator × multiplier.
 */
import type { Observation } from '../../src/lib/data/types';
import { round } from './format';
import type { IndicatorDef } from './indicator-model';
import type { Population } from './population';

export interface Flaw {
	/** The check of the quality report that must find it (src/lib/quality/types.ts CheckId). */
	check: 'own_outlier' | 'jump' | 'numerator_above_denominator' | 'missing_areas' | 'neighbour_outlier' | 'series_break';
	indicator_id: string;
	/** The area concerned; absent for a flaw of the whole indicator. */
	area_key?: string;
	/** First year concerned (for a lasting flaw: from this year on). */
	year: number;
	/** What happened, as a planner would be told. */
	story: string;
	apply(o: Observation, pop: Population): Observation | null;
}

const withNumbers = (o: Observation, numerator: number, denominator: number, multiplier: number): Observation => ({
	...o,
	numerator,
	denominator,
	value: denominator > 0 ? round((numerator / denominator) * multiplier, 6) : null
});

export const FLAWS: readonly Flaw[] = [
	{
		check: 'own_outlier', indicator_id: 'hze_u18', area_key: '0406', year: 2022,
		story: 'Tippfehler: Die Zahl der Hilfen zur Erziehung in Sonnenberg 2022 wurde mit einer Ziffer zu viel erfasst (zehnfach).',
		apply: (o) => withNumbers(o, o.numerator! * 10, o.denominator!, 1000)
	},
	{
		check: 'jump', indicator_id: 'alleinerziehend', area_key: '0207', year: 2022,
		story: 'Ab 2022 zählt die Haushaltegenerierung in Rübenkamp die Kinder eines neuen Wohnblocks doppelt: Der Anteil springt um gut die Hälfte und bleibt dort.',
		apply: (o) => withNumbers(o, Math.min(o.denominator!, Math.round(o.numerator! * 1.6)), o.denominator!, 100)
	},
	{
		check: 'numerator_above_denominator', indicator_id: 'kita_3_6', area_key: '0101', year: 2023,
		story: 'Altstadt 2023: Die Kita-Kinder wurden am Ort der Kita statt am Wohnort gezählt; Kinder aus Nachbarvierteln machen die Quote größer als 100 %.',
		apply: (o) => withNumbers(o, Math.round(o.denominator! * 1.061), o.denominator!, 100)
	},
	{
		check: 'missing_areas', indicator_id: 'ogs_quote', area_key: '0504', year: 2019,
		story: 'Großheide 2019: Die Grundschule hat ihre OGS-Meldung nicht geliefert; die Zeile fehlt ganz (ohne Kennzeichen „missing“).',
		apply: () => null
	},
	{
		check: 'neighbour_outlier', indicator_id: 'u_untersuchung', area_key: '0202', year: 2014,
		story: 'Lindenhof, alle Jahre: Als Nenner wurden alle Kinder unter 3 Jahren statt der Zweijährigen verwendet; die U7-Quote liegt weit unter der aller Nachbarn.',
		apply: (o, pop) => withNumbers(o, o.numerator!, pop.ages(o.area_key, o.year, 0, 2), 100)
	},
	{
		check: 'series_break', indicator_id: 'but_quote', year: 2021,
		story: 'Ab 2021 zählt das Jobcenter auch das automatisch gezahlte Schulbedarfspaket als Inanspruchnahme: Die BuT-Quote springt in fast allen Sozialräumen, ohne Kennzeichen „break“.',
		apply: (o) => withNumbers(o, o.numerator! + Math.round(0.6 * (o.denominator! - o.numerator!)), o.denominator!, 100)
	}
];

/** Does a flaw concern this row? Lasting flaws (jump, neighbour outlier, break) from their year on. */
function concerns(f: Flaw, o: Observation): boolean {
	if (o.indicator_id !== f.indicator_id || (f.area_key !== undefined && o.area_key !== f.area_key)) return false;
	const lasting = f.check === 'jump' || f.check === 'neighbour_outlier' || f.check === 'series_break';
	return lasting ? o.year >= f.year : o.year === f.year;
}

export function applyFlaws(rows: readonly Observation[], pop: Population, defs: readonly IndicatorDef[]): Observation[] {
	const known = new Set(defs.map((d) => d.id));
	for (const f of FLAWS) if (!known.has(f.indicator_id)) throw new Error(`flaw on unknown indicator ${f.indicator_id}`);
	const out: Observation[] = [];
	for (const o of rows) {
		const f = FLAWS.find((x) => concerns(x, o));
		if (!f || o.numerator === null || o.denominator === null) {
			out.push(o);
			continue;
		}
		const changed = f.apply(o, pop);
		if (changed) out.push(changed);
	}
	return out;
}
