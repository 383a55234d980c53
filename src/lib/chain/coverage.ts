/**
 * Coverage of a life phase by offers: offers serving the phase per 1,000 children of its age, and
 * places per 100 children where the offers have places (Kita, OGS). An offer serving several phases
 * counts in each: the data do not say how its places split between them.
 */
import type { Offer } from '$lib/data/types';
import type { PopulationCell } from '$lib/data/chain-queries';
import { CHAIN_PHASES, PHASE_AGE_GROUPS, type ChainPhase } from './phases';

export interface PhaseCoverage {
	/** Children of the phase's age groups; null when the population table has no row for them. */
	children: number | null;
	offers: number;
	/** Sum of places of the phase's offers that state places. */
	places: number;
	/** null when there are no children (a rate of nothing is not "0"). */
	offersPer1000: number | null;
	placesPer100: number | null;
}

export type AreaCoverage = Record<ChainPhase, PhaseCoverage>;

/** Children per phase and area from one year's population rows. */
export function childrenByPhase(pop: readonly PopulationCell[]): Map<string, Record<ChainPhase, number | null>> {
	const byArea = new Map<string, Map<string, number | null>>();
	for (const p of pop) {
		if (!byArea.has(p.area_key)) byArea.set(p.area_key, new Map());
		byArea.get(p.area_key)!.set(p.age_group, p.persons);
	}
	const out = new Map<string, Record<ChainPhase, number | null>>();
	for (const [key, groups] of byArea) {
		const rec = {} as Record<ChainPhase, number | null>;
		for (const phase of CHAIN_PHASES) {
			const parts = PHASE_AGE_GROUPS[phase].map((g) => groups.get(g));
			// A missing or withheld age group makes the phase's children unknown (never "0").
			rec[phase] = parts.some((x) => x === undefined || x === null) ? null : parts.reduce<number>((s, x) => s + (x as number), 0);
		}
		out.set(key, rec);
	}
	return out;
}

export function coverageByArea(offers: readonly Offer[], areaKeys: readonly string[], pop: readonly PopulationCell[]): Map<string, AreaCoverage> {
	const children = childrenByPhase(pop);
	// Offers grouped by area once: filtering all offers for every area and phase was
	// areas × offers × 6 (20,000 × 20,000 × 6 comparisons at 20,000 areas).
	const byArea = new Map<string, Offer[]>();
	for (const o of offers) {
		const list = byArea.get(o.area_key);
		if (list) list.push(o);
		else byArea.set(o.area_key, [o]);
	}
	const out = new Map<string, AreaCoverage>();
	for (const key of areaKeys) {
		const rec = {} as AreaCoverage;
		const here = byArea.get(key) ?? [];
		for (const phase of CHAIN_PHASES) {
			const mine = here.filter((o) => o.life_phases.includes(phase));
			const places = mine.reduce((s, o) => s + (o.places ?? 0), 0);
			const kids = children.get(key)?.[phase] ?? null;
			rec[phase] = {
				children: kids,
				offers: mine.length,
				places,
				offersPer1000: kids ? (mine.length / kids) * 1000 : null,
				placesPer100: kids ? (places / kids) * 100 : null
			};
		}
		out.set(key, rec);
	}
	return out;
}

/** Phases in which at least one offer states places: only there "places per 100" means anything. */
export function phasesWithPlaces(offers: readonly Offer[]): Set<ChainPhase> {
	return new Set(CHAIN_PHASES.filter((p) => offers.some((o) => o.places !== null && o.places > 0 && o.life_phases.includes(p))));
}
