/**
 * The settings of a composite social index (Sozialindex): which indicators, how they are oriented,
 * standardised and weighted, which areas count, and where the class cut-offs lie. Everything a
 * planner can change lives here, so a preset is exactly one of these objects.
 */
import type { Indicator, Polarity } from '$lib/data/types';
import { CUT_TIES, type CutTie } from './combine';
import { SD_KINDS, STANDARD_METHODS, type SdKind, type StandardMethod } from './standardise';

/** After orientation a higher score always means more disadvantage (more need for action). */
export type Orientation = 'higher_is_worse' | 'higher_is_better';

export interface IndexIndicatorSetting {
	id: string;
	/** Relative weight ≥ 0; 0 leaves the indicator out. Weights are normalised to sum 1. */
	weight: number;
	/** Only for neutral indicators: the direction the planner decided. Ignored otherwise. */
	orientation?: Orientation;
}

export interface IndexSettings {
	name: string;
	indicators: IndexIndicatorSetting[];
	method: StandardMethod;
	/**
	 * Standard deviation of the z-scores and of the re-standardised index: 'population' (divisor n,
	 * the published methods: the areas are the whole city) or 'sample' (n − 1, SPSS / R `sd`).
	 */
	sd: SdKind;
	/** Whether a value exactly on a cut-off goes to the lower (default) or the upper class. */
	cutTie: CutTie;
	/** Status year; null = the latest year every chosen indicator has. */
	year: number | null;
	/** Dynamics compare the status year with the year this many years earlier (Berlin MSS 2, Hamburg 3). */
	dynamicsSpan: 2 | 3;
	/** Areas with fewer residents (population "insgesamt") get no index (Berlin MSS, Hamburg: 300). */
	minPopulation: number;
	/**
	 * Status cut-offs in standard deviations of the index, ascending: classes 1 "hoch" … 4 "sehr
	 * niedrig". With cutTie 'lower' class j holds c[j−1] < z ≤ c[j] (as in stats/classify), with
	 * 'upper' c[j−1] ≤ z < c[j]. Kept exactly as entered (−0.999 stays −0.999 in every text).
	 */
	statusCuts: [number, number, number];
	/** Dynamics cut-offs: "positiv" z ≤ c0, "stabil" c0 < z ≤ c1, "negativ" z > c1 (cutTie 'lower'). */
	dynamicsCuts: [number, number];
}

/**
 * Default cut-offs: ±1 SD around the mean separates the middle from the ends, +1.5 SD the "sehr
 * niedrig" group: the stepped SD bands of the Berlin MSS and Hamburg reports (4 status × 3 dynamics
 * classes). Their method pages state the class scheme and the 300-resident minimum; planners who
 * follow another city's cut-offs change them in the builder.
 */
export const DEFAULT_STATUS_CUTS: [number, number, number] = [-1, 1, 1.5];
export const DEFAULT_DYNAMICS_CUTS: [number, number] = [-1, 1];
export const DEFAULT_MIN_POPULATION = 300;
/**
 * Population SD by default: Berlin's MSS and Hamburg's Sozialmonitoring standardise over all areas
 * of the city, which are the whole population of areas, not a sample (see standardise.ts).
 */
export const DEFAULT_SD: SdKind = 'population';
export const DEFAULT_CUT_TIE: CutTie = 'lower';

/** Orientation of an indicator: from its polarity, or the planner's choice for a neutral one (else null: left out). */
export function orientationOf(polarity: Polarity, chosen?: Orientation): Orientation | null {
	if (polarity === 'neutral') return chosen ?? null;
	return polarity;
}

/** Sign that turns a value into a "more is worse" score. */
export const sign = (o: Orientation): 1 | -1 => (o === 'higher_is_worse' ? 1 : -1);

/**
 * A starting point: the context indicators that have a direction (for a youth-welfare index these are
 * child poverty, single parents, turnover…), each with weight 1; if the package has fewer than two,
 * the first four indicators with a direction.
 */
export function defaultSettings(indicators: readonly Indicator[], name = 'Standard'): IndexSettings {
	const directed = indicators.filter((i) => i.polarity !== 'neutral');
	const context = directed.filter((i) => i.life_phase === 'kontext');
	const chosen = context.length >= 2 ? context : directed.slice(0, 4);
	return {
		name,
		indicators: chosen.map((i) => ({ id: i.id, weight: 1 })),
		method: 'zscore',
		sd: DEFAULT_SD,
		cutTie: DEFAULT_CUT_TIE,
		year: null,
		dynamicsSpan: 2,
		minPopulation: DEFAULT_MIN_POPULATION,
		statusCuts: [...DEFAULT_STATUS_CUTS],
		dynamicsCuts: [...DEFAULT_DYNAMICS_CUTS]
	};
}

const ascending = (xs: number[]) => xs.every((x, i) => Number.isFinite(x) && (i === 0 || x > xs[i - 1]));

/** Problems that make settings unusable, as message keys with parameters (empty = fine). */
export function settingsProblems(s: IndexSettings, known: ReadonlySet<string>): { key: string; id?: string }[] {
	const out: { key: string; id?: string }[] = [];
	if (!STANDARD_METHODS.includes(s.method)) out.push({ key: 'method' });
	if (!SD_KINDS.includes(s.sd) || !CUT_TIES.includes(s.cutTie)) out.push({ key: 'method' });
	if (s.dynamicsSpan !== 2 && s.dynamicsSpan !== 3) out.push({ key: 'span' });
	if (!(s.minPopulation >= 0)) out.push({ key: 'population' });
	if (s.statusCuts.length !== 3 || !ascending(s.statusCuts)) out.push({ key: 'statusCuts' });
	if (s.dynamicsCuts.length !== 2 || !ascending(s.dynamicsCuts)) out.push({ key: 'dynamicsCuts' });
	for (const i of s.indicators) {
		if (!known.has(i.id)) out.push({ key: 'unknown', id: i.id });
		if (!(i.weight >= 0) || !Number.isFinite(i.weight)) out.push({ key: 'weight', id: i.id });
	}
	if (!s.indicators.some((i) => i.weight > 0)) out.push({ key: 'none' });
	return out;
}
