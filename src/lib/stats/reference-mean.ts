/**
 * A reference value for indicators delivered as shares only (an open-data "Anteil in %" table per
 * Stadtteil, without numerator and denominator), where the city value cannot be pooled.
 *
 * The field's rule stays "pool, never average" (docs/data-package.md): whenever numerators and
 * denominators exist, the city value is Σ numerators / Σ denominators. Only for a year in which no
 * area has them, the reference is a mean of the areas' values, and it is always labelled so:
 * - weighted by population (the arithmetic mean weighted by wᵢ: Σ wᵢ·xᵢ / Σ wᵢ). Weighted by the
 *   denominators themselves it IS the pooled value (Σ (nᵢ/dᵢ)·dᵢ / Σ dᵢ = Σ nᵢ / Σ dᵢ), so the
 *   population the indicator refers to is the closest stand-in: the age groups of its life phase
 *   (children 0–2 for a U3 rate), else all residents;
 * - unweighted (Σ xᵢ / n) when the package has no population figures for every area with a value.
 * Withheld cells never enter the mean (mean × n minus the published values would reveal them).
 */
import type { LifePhase } from '$lib/data/types';
import { PHASE_AGE_GROUPS } from '$lib/chain/phases';

/** How a reference value came about: pooled sums, or a (weighted) mean of the areas' values. */
export type ReferenceBasis = 'pooled' | 'mean' | 'weighted';

export const TOTAL_GROUP = 'insgesamt';

export interface AreaYearValue {
	area_key: string;
	year: number;
	value: number;
}

export interface PopulationCount {
	area_key: string;
	year: number;
	age_group: string;
	/** null = withheld or unknown. */
	persons: number | null;
}

export interface MeanReference {
	year: number;
	value: number;
	basis: 'mean' | 'weighted';
	/** Age groups the weights summed ("0_2", "16_17|18_26", "insgesamt"); null when unweighted. */
	weights: string | null;
	areas_used: number;
}

/** The age groups whose residents an indicator of this life phase refers to (all residents for context indicators). */
export function weightGroupsFor(phase: LifePhase): string[] {
	return phase === 'kontext' ? [TOTAL_GROUP] : [...PHASE_AGE_GROUPS[phase]];
}

/** Population year for a data year: the same, else the latest earlier one, else the first (as the index does). */
function populationYear(years: readonly number[], year: number): number | null {
	if (years.length === 0) return null;
	const earlier = years.filter((y) => y <= year);
	return earlier.length ? earlier[earlier.length - 1] : years[0];
}

/**
 * One mean per year of `values`. Weights: the indicator's age groups if every area with a value
 * has all of them (and they sum above 0), else all residents under the same condition, else none.
 */
export function meanReferences(values: readonly AreaYearValue[], population: readonly PopulationCount[], groups: readonly string[]): MeanReference[] {
	const persons = new Map<string, number | null>();
	for (const p of population) persons.set(`${p.area_key}|${p.year}|${p.age_group}`, p.persons === null ? null : Number(p.persons));
	const popYears = [...new Set(population.map((p) => p.year))].sort((a, b) => a - b);
	const byYear = new Map<number, AreaYearValue[]>();
	for (const v of values) if (Number.isFinite(v.value)) (byYear.get(v.year) ?? byYear.set(v.year, []).get(v.year)!).push(v);

	const out: MeanReference[] = [];
	for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
		const rows = byYear.get(year)!;
		const py = populationYear(popYears, year);
		const weightsOf = (gs: readonly string[]): number[] | null => {
			if (py === null) return null;
			const w: number[] = [];
			for (const r of rows) {
				let sum = 0;
				for (const g of gs) {
					const n = persons.get(`${r.area_key}|${py}|${g}`);
					if (n === undefined || n === null || !Number.isFinite(n)) return null;
					sum += n;
				}
				w.push(sum);
			}
			return w.reduce((s, x) => s + x, 0) > 0 ? w : null;
		};
		const candidates = groups.includes(TOTAL_GROUP) ? [[...groups]] : [[...groups], [TOTAL_GROUP]];
		let done = false;
		for (const gs of candidates) {
			const w = weightsOf(gs);
			if (!w) continue;
			const total = w.reduce((s, x) => s + x, 0);
			out.push({ year, value: rows.reduce((s, r, i) => s + r.value * w[i], 0) / total, basis: 'weighted', weights: gs.join('|'), areas_used: rows.length });
			done = true;
			break;
		}
		if (!done) out.push({ year, value: rows.reduce((s, r) => s + r.value, 0) / rows.length, basis: 'mean', weights: null, areas_used: rows.length });
	}
	return out;
}
