/**
 * Status index (Statusindex) per area, following the stepped procedure of the Berlin "Monitoring
 * Soziale Stadtentwicklung" (MSS) and the Hamburg "Sozialmonitoring Integrierte
 * Stadtteilentwicklung": exclude small areas (< 300 residents in both), orient the indicators,
 * standardise them across the remaining areas, take the weighted mean, classify by SD bands into
 * 4 classes (hoch, mittel, niedrig, sehr niedrig).
 *   Berlin: https://www.berlin.de/sen/sbw/stadtdaten/stadtwissen/monitoring-soziale-stadtentwicklung/
 *   Hamburg: https://www.hamburg.de/sozialmonitoring/
 * Excluded areas take no part in mean and SD, and never get a class. A package without any
 * population figures cannot say which areas are small: the minimum is then not applied (and the
 * method text says so) instead of excluding every area as "unknown, so too small".
 */
import type { Polarity } from '$lib/data/types';
import { classOfZ, combine, shares } from './combine';
import { orientationOf, sign, type IndexSettings, type Orientation } from './settings';

export interface IndexArea {
	key: string;
	name: string;
	parent: string;
	/** Residents (population "insgesamt") in the status year; null when unknown. */
	population: number | null;
}

export type AreaValues = ReadonlyMap<string, number | null>;

export type Exclusion =
	| { reason: 'population'; population: number | null }
	| { reason: 'missing'; indicators: string[] };

export interface Component {
	id: string;
	raw: number;
	/** Standardised oriented score (z, percentile or min-max): above average = more disadvantage. */
	score: number;
	share: number;
	/** share × score: this indicator's part of the index value. */
	contribution: number;
}

export type StatusClass = 1 | 2 | 3 | 4;

export interface AreaStatus {
	key: string;
	name: string;
	parent: string;
	population: number | null;
	exclusion: Exclusion | null;
	components: Component[];
	index: number | null;
	z: number | null;
	statusClass: StatusClass | null;
}

export interface UsedIndicator {
	id: string;
	share: number;
	orientation: Orientation;
}

/**
 * What became of the population minimum: applied, switched off (minimum 0), or not applicable
 * because no area of the package has a population figure for the status year.
 */
export type PopulationMinimum = 'applied' | 'off' | 'noPopulation';

export interface StatusResult {
	areas: AreaStatus[];
	used: UsedIndicator[];
	/** Neutral indicators chosen without an orientation: left out, and the method text says so. */
	skipped: string[];
	mean: number;
	sd: number;
	included: number;
	populationMinimum: PopulationMinimum;
}

/** The indicators that enter the index, with their normalised weight shares and orientation. */
export function usedIndicators(settings: IndexSettings, polarity: (id: string) => Polarity | undefined) {
	const candidates: { id: string; weight: number; orientation: Orientation }[] = [];
	const skipped: string[] = [];
	for (const s of settings.indicators) {
		const p = polarity(s.id);
		if (p === undefined || !(s.weight > 0)) continue;
		const o = orientationOf(p, s.orientation);
		if (o) candidates.push({ id: s.id, weight: s.weight, orientation: o });
		else skipped.push(s.id);
	}
	const w = shares(candidates.map((c) => c.weight));
	return { used: candidates.map((c, i) => ({ id: c.id, share: w[i], orientation: c.orientation })), skipped };
}

export function statusIndex(
	areas: readonly IndexArea[],
	values: Readonly<Record<string, AreaValues>>,
	settings: IndexSettings,
	polarity: (id: string) => Polarity | undefined
): StatusResult {
	const { used, skipped } = usedIndicators(settings, polarity);
	const populationMinimum: PopulationMinimum =
		settings.minPopulation <= 0 ? 'off' : areas.some((a) => a.population !== null) ? 'applied' : 'noPopulation';
	const exclusionOf = (a: IndexArea): Exclusion | null => {
		// Where some areas have figures, an unknown (e.g. withheld) one is treated as too small.
		if (populationMinimum === 'applied' && (a.population === null || a.population < settings.minPopulation)) {
			return { reason: 'population', population: a.population };
		}
		const missing = used.filter((u) => values[u.id]?.get(a.key) == null).map((u) => u.id);
		return missing.length ? { reason: 'missing', indicators: missing } : null;
	};
	const exclusions = areas.map(exclusionOf);
	const inc = areas.filter((_, i) => exclusions[i] === null);
	const raw = used.map((u) => inc.map((a) => values[u.id].get(a.key) as number));
	const c = combine(used.map((u, p) => ({ id: u.id, share: u.share, oriented: raw[p].map((v) => sign(u.orientation) * v) })), inc.length, settings.method, settings.sd);
	const byKey = new Map(inc.map((a, i) => [a.key, i]));
	return {
		used,
		skipped,
		mean: c.mean,
		sd: c.sd,
		included: used.length ? inc.length : 0,
		populationMinimum,
		areas: areas.map((a, i) => {
			const j = byKey.get(a.key);
			if (j === undefined || used.length === 0) {
				return { ...a, exclusion: exclusions[i], components: [], index: null, z: null, statusClass: null };
			}
			return {
				...a,
				exclusion: null,
				components: used.map((u, p) => ({ id: u.id, raw: raw[p][j], score: c.scores[p][j], share: u.share, contribution: c.contributions[p][j] })),
				index: c.index[j],
				z: c.z[j],
				statusClass: classOfZ(c.z[j], settings.statusCuts, settings.cutTie) as StatusClass
			};
		})
	};
}
