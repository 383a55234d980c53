/**
 * Types and helpers for the indicator catalogue (kept apart from the catalogue to avoid an import
 * cycle between indicators.ts and the per-life-phase definition files).
 */
import type { Indicator } from '../../src/lib/data/types';

/**
 * Where a denominator comes from:
 * - ages: residents of single ages lo..hi
 * - total / women: all residents / women 15–44
 * - births, seu, seu_vaccination, grade4, school_leavers: counts derived per area and year (bases.ts)
 * - sgb2: children of ages lo..hi in SGB II households (denominator of benefit take-up)
 */
export type Denominator =
	| { kind: 'ages'; lo: number; hi: number }
	| { kind: 'total' | 'women' | 'births' | 'seu' | 'seu_vaccination' | 'grade4' | 'school_leavers' }
	| { kind: 'sgb2'; lo: number; hi: number };

export interface Model {
	den: Denominator;
	/**
	 * Probability (proportion) or events per person (rate) for an area with deprivation 0 in 2014.
	 * Ignored when `numerator` is set.
	 */
	base: number;
	/** Effect of one unit of deprivation on the logit (proportion) or log (rate) scale. */
	beta: number;
	/** Change per year on the same scale. */
	trend?: number;
	/** Standard deviation of a persistent per-area effect not explained by deprivation. */
	sdArea?: number;
	/** Additive effects in single years (e.g. the pandemic), same scale. */
	yearEffect?: Partial<Record<number, number>>;
	/**
	 * A numerator shared with other indicators instead of an own draw: the births, or the persons
	 * of ages lo..hi in SGB II households (so the SGB II indicators agree with each other).
	 */
	numerator?: 'births' | { sgb2: [number, number] };
	/** The source is the school-entry examination (missing 2020, partial 2021). */
	schoolEntry?: boolean;
	/** First year of a new counting method: observations of that year carry flag "break". */
	breakYear?: number;
}

/** The same additive effect in every year from `first` to 2025 (a level shift). */
export function from(first: number, effect: number): Partial<Record<number, number>> {
	const out: Partial<Record<number, number>> = {};
	for (let y = first; y <= 2025; y++) out[y] = effect;
	return out;
}

export interface IndicatorDef extends Indicator {
	model: Model;
}

export const SOURCES = {
	ba: 'Statistik der Bundesagentur für Arbeit (fiktiv)',
	melde: 'Einwohnermelderegister Musterstadt (fiktiv)',
	babybesuch: 'Jugendamt Musterstadt, Babybesuchsdienst (fiktiv)',
	asd: 'Jugendamt Musterstadt, Allgemeiner Sozialer Dienst (fiktiv)',
	hze: 'Jugendamt Musterstadt, Wirtschaftliche Jugendhilfe (fiktiv)',
	jugendschutz: 'Jugendamt Musterstadt, Kinder- und Jugendschutz (fiktiv)',
	jugendfoerderung: 'Jugendamt Musterstadt, Jugendförderung (fiktiv)',
	kita: 'Jugendamt Musterstadt, Kita-Bedarfsplanung (fiktiv)',
	seu: 'Schuleingangsuntersuchung, Gesundheitsamt (fiktiv)',
	gesundheit: 'Gesundheitsamt Musterstadt, Meldewesen Früherkennung (fiktiv)',
	schule: 'Schulverwaltungsamt Musterstadt, Schulstatistik (fiktiv)',
	absentismus: 'Schulverwaltungsamt und Regionale Schulberatung Musterstadt (fiktiv)',
	jobcenter: 'Jobcenter Musterstadt, BuT-Statistik (fiktiv)',
	kaoa: 'Kommunale Koordinierungsstelle Übergang Schule–Beruf (fiktiv)'
} as const;

type Meta = Omit<IndicatorDef, 'multiplier' | 'unit' | 'decimals' | 'value_type'>;

/** A share in percent. */
export const percent = (meta: Meta): IndicatorDef => ({
	...meta,
	unit: '%',
	multiplier: 100,
	value_type: 'proportion',
	decimals: 1
});

/** Events per 1,000 (or per 100) persons. */
export const perThousand = (meta: Meta, per = 1000): IndicatorDef => ({
	...meta,
	unit: per === 1000 ? 'je 1.000' : `je ${per}`,
	multiplier: per,
	value_type: 'rate',
	decimals: 1
});
