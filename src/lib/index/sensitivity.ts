/**
 * Sensitivity of the status classes: which areas change class when the settings change. Two views
 * (cf. OECD/JRC Handbook on Constructing Composite Indicators, 2008, step 7 "uncertainty and
 * sensitivity analysis"): the difference to the previous settings, and a one-at-a-time perturbation
 * of each weight (× (1 ± f)), which shows how much a class depends on an exact weight.
 */
import type { IndexSettings } from './settings';
import type { StatusResult } from './status';

export interface ClassChange {
	key: string;
	name: string;
	from: number | null;
	to: number | null;
}

/** Areas whose status class differs between two results (entering or leaving the index counts too). */
export function classChanges(before: StatusResult, after: StatusResult): ClassChange[] {
	const old = new Map(before.areas.map((a) => [a.key, a.statusClass]));
	const out: ClassChange[] = [];
	for (const a of after.areas) {
		const from = old.get(a.key) ?? null;
		if (from !== a.statusClass) out.push({ key: a.key, name: a.name, from, to: a.statusClass });
	}
	return out;
}

export interface Perturbation {
	id: string;
	/** Weight factor applied to this indicator alone, e.g. 1.5 or 0.5. */
	factor: number;
	changes: ClassChange[];
}

/** Multiply each used weight by (1 + f) and (1 − f) in turn and list the class changes. */
export function weightPerturbations(
	settings: IndexSettings,
	run: (s: IndexSettings) => StatusResult,
	f = 0.5,
	base: StatusResult = run(settings)
): Perturbation[] {
	const out: Perturbation[] = [];
	for (const ind of settings.indicators) {
		if (!(ind.weight > 0)) continue;
		for (const factor of [1 + f, 1 - f]) {
			const varied: IndexSettings = {
				...settings,
				indicators: settings.indicators.map((i) => (i.id === ind.id ? { ...i, weight: i.weight * factor } : i))
			};
			out.push({ id: ind.id, factor, changes: classChanges(base, run(varied)) });
		}
	}
	return out;
}

/** How many perturbations move each area: a stable class is 0; areas near a cut-off move often. */
export function instability(perturbations: readonly Perturbation[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const p of perturbations) for (const c of p.changes) counts.set(c.key, (counts.get(c.key) ?? 0) + 1);
	return counts;
}
