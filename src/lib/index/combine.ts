/**
 * The arithmetic shared by the status and the dynamics index: standardise each oriented indicator
 * across the included areas, take the weighted mean, then re-standardise the composite and cut it
 * into classes by standard-deviation bands. Pure: numbers in, numbers out.
 */
import { mean, standardDeviation, standardise, zScores, type SdKind, type StandardMethod } from './standardise';

export interface Part {
	id: string;
	/** Share of the weight, w / Σw (sums to 1 over the parts). */
	share: number;
	/** Oriented values ("more is worse"), one per included area, same order as the areas. */
	oriented: number[];
}

export interface Combined {
	/** scores[p][a]: standardised oriented value of part p in area a. */
	scores: number[][];
	/** contributions[p][a] = share_p × score; they add up to the index of the area. */
	contributions: number[][];
	index: number[];
	/** The index re-standardised across the areas (z, with the chosen SD); classes are cut on this. */
	z: number[];
	mean: number;
	sd: number;
}

export function combine(parts: readonly Part[], areaCount: number, method: StandardMethod, sd: SdKind): Combined {
	const scores = parts.map((p) => standardise(p.oriented, method, sd).map((v) => v ?? 0));
	const contributions = parts.map((p, i) => scores[i].map((s) => p.share * s));
	const index = Array.from({ length: areaCount }, (_, a) => contributions.reduce((sum, c) => sum + c[a], 0));
	const z = zScores(index, sd).map((v) => v ?? 0);
	return { scores, contributions, index, z, mean: mean(index), sd: standardDeviation(index, sd) };
}

/**
 * Where a value exactly on a cut-off goes: 'lower' = class j holds cuts[j−2] < z ≤ cuts[j−1]
 * (upper bound inclusive, the convention of stats/classify and PySAL mapclassify); 'upper' =
 * cuts[j−2] ≤ z < cuts[j−1] (a cut-off opens the next class, "ab +1 SD").
 */
export type CutTie = 'lower' | 'upper';
export const CUT_TIES: readonly CutTie[] = ['lower', 'upper'];

/** Rounding noise (a z of 1.0000000000000002 after re-weighting) counts as on the cut-off. */
const ON_CUT = 1e-9;

/** Class number 1…cuts.length + 1 of a z value: one step up for every cut it passes. */
export function classOfZ(z: number, cuts: readonly number[], tie: CutTie): number {
	let c = 1;
	for (const cut of cuts) if (tie === 'lower' ? z > cut + ON_CUT : z >= cut - ON_CUT) c++;
	return c;
}

/** Normalised weight shares; parts with weight 0 get share 0. */
export function shares(weights: readonly number[]): number[] {
	const total = weights.reduce((s, w) => s + Math.max(0, w), 0);
	return weights.map((w) => (total > 0 ? Math.max(0, w) / total : 0));
}
