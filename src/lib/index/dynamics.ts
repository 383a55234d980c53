/**
 * Dynamics index (Dynamikindex): how the status indicators changed over the last 2 (Berlin MSS:
 * "Veränderung im Laufe von zwei Jahren") or 3 years (Hamburg Sozialmonitoring). The change of each
 * indicator (in its unit, e.g. percentage points) is oriented like the indicator, standardised across
 * the areas that have a status class, weighted like the status index and cut into 3 classes:
 * positiv (disadvantage fell compared with the other areas), stabil, negativ.
 */
import type { Polarity } from '$lib/data/types';
import { classOfZ, combine } from './combine';
import { sign, type IndexSettings } from './settings';
import { usedIndicators, type AreaValues, type StatusResult } from './status';

export type DynamicsClass = 'positiv' | 'stabil' | 'negativ';
export const DYNAMICS_CLASSES: readonly DynamicsClass[] = ['positiv', 'stabil', 'negativ'];

export interface AreaDynamics {
	key: string;
	/** Oriented change per indicator (a positive value = got worse), in the indicator's unit. */
	changes: { id: string; change: number; contribution: number }[];
	index: number | null;
	z: number | null;
	dynamicsClass: DynamicsClass | null;
	/** Why there is no dynamics class: no status class, or a value missing in one of the two years. */
	missing: 'status' | 'values' | null;
}

export interface DynamicsResult {
	fromYear: number;
	toYear: number;
	areas: AreaDynamics[];
	included: number;
}

export function dynamicsIndex(
	status: StatusResult,
	now: Readonly<Record<string, AreaValues>>,
	before: Readonly<Record<string, AreaValues>>,
	settings: IndexSettings,
	polarity: (id: string) => Polarity | undefined,
	toYear: number
): DynamicsResult {
	const { used } = usedIndicators(settings, polarity);
	const change = (id: string, key: string): number | null => {
		const a = now[id]?.get(key);
		const b = before[id]?.get(key);
		return a == null || b == null ? null : a - b;
	};
	const classed = status.areas.filter((a) => a.statusClass !== null);
	const inc = classed.filter((a) => used.every((u) => change(u.id, a.key) !== null));
	const raw = used.map((u) => inc.map((a) => sign(u.orientation) * (change(u.id, a.key) as number)));
	const c = combine(used.map((u, p) => ({ id: u.id, share: u.share, oriented: raw[p] })), inc.length, settings.method, settings.sd);
	const byKey = new Map(inc.map((a, i) => [a.key, i]));
	const classedKeys = new Set(classed.map((a) => a.key));
	return {
		fromYear: toYear - settings.dynamicsSpan,
		toYear,
		included: used.length ? inc.length : 0,
		areas: status.areas.map((a) => {
			const j = byKey.get(a.key);
			if (j === undefined || used.length === 0) {
				return { key: a.key, changes: [], index: null, z: null, dynamicsClass: null, missing: classedKeys.has(a.key) ? 'values' : 'status' };
			}
			const k = classOfZ(c.z[j], settings.dynamicsCuts, settings.cutTie);
			return {
				key: a.key,
				changes: used.map((u, p) => ({ id: u.id, change: raw[p][j], contribution: c.contributions[p][j] })),
				index: c.index[j],
				z: c.z[j],
				dynamicsClass: DYNAMICS_CLASSES[k - 1],
				missing: null
			};
		})
	};
}

/** The 4 × 3 grid: status class (rows 1…4) × dynamics class (columns), with the area keys in each cell. */
export function statusDynamicsGrid(status: StatusResult, dynamics: DynamicsResult): { cells: string[][][]; withoutDynamics: string[] } {
	const cells = [0, 1, 2, 3].map(() => DYNAMICS_CLASSES.map(() => [] as string[]));
	const withoutDynamics: string[] = [];
	const dyn = new Map(dynamics.areas.map((d) => [d.key, d.dynamicsClass]));
	for (const a of status.areas) {
		if (a.statusClass === null) continue;
		const d = dyn.get(a.key) ?? null;
		if (d === null) withoutDynamics.push(a.key);
		else cells[a.statusClass - 1][DYNAMICS_CLASSES.indexOf(d)].push(a.key);
	}
	return { cells, withoutDynamics };
}
