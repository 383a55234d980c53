/**
 * The mean references of a public copy: for every indicator, every area group of every level
 * and boundary version (the territory "", each Gemeinde or Stadtbezirk, the Kreis, old and new
 * Gemeinden alike) and every year in which no finest area inside the group has a numerator and a
 * denominator, the (population-weighted) mean of the values the copy publishes, exactly as the
 * app's engine computes it for an internal package (src/lib/data/reference-fallback.ts →
 * src/lib/stats/reference-mean.ts).
 *
 * "Inside" is the engine's relation: a finest area belongs to an ancestor in a year when the
 * boundary version valid that year puts it there (geography.ts area_ancestors, depth > 0), so an
 * Ortsteil of Oberau counts towards Oberau until 2020, and an Ortsteil of Auetal towards Auetal
 * from 2021.
 *
 * Only published numbers go in: withheld cells are left out, withheld population counts are
 * unknown (the weights then fall back to all residents, or to none), so every mean is a function
 * of the public copy's own cells and reveals nothing they do not.
 */
import type { PackageData } from '../../src/lib/data/package/model';
import { cellKey } from '../../src/lib/stats/disclosure';
import { meanReferences, TOTAL_GROUP, weightGroupsFor, type AreaYearValue, type MeanReference, type PopulationCount } from '../../src/lib/stats/reference-mean';
import type { AncestorRow } from '../../src/lib/data/geography';
import { packageGeography, type PackageDisclosure } from './disclose-package';

export interface MeanReferenceRow extends MeanReference {
	area_key: string;
	indicator_id: string;
}

/** Push onto a list in a map, creating it on first use. */
function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
	const list = m.get(k);
	if (list) list.push(v);
	else m.set(k, [v]);
}

export function meanReferenceRows(data: PackageData, disclosure: PackageDisclosure): MeanReferenceRow[] {
	const geo = packageGeography(data);
	// finest key → its ancestors (any level, the territory ""), each with the years it holds
	const up = new Map<string, AncestorRow[]>();
	for (const a of geo.ancestors) if (a.depth > 0) push(up, a.key, a);
	const groupsOf = (key: string, year: number) => (up.get(key) ?? []).filter((a) => year >= a.valid_from && year <= a.valid_to).map((a) => a.ancestor);

	const withheldCells = new Set(disclosure.observations.cells.filter((c) => c.suppressed).map((c) => cellKey(c.area_key, c.indicator_id, c.year)));
	const withheldPersons = new Set(disclosure.population.cells.filter((c) => c.suppressed).map((c) => cellKey(c.area_key, c.indicator_id, c.year)));
	// population of the finest areas per group, as MEAN_WEIGHTS joins it (the row's own year decides the group)
	const populationIn = new Map<string, PopulationCount[]>();
	for (const p of data.population) {
		const row: PopulationCount = { ...p, persons: withheldPersons.has(cellKey(p.area_key, p.age_group, p.year)) ? null : p.persons };
		for (const g of groupsOf(p.area_key, p.year)) push(populationIn, g, row);
	}

	const rows: MeanReferenceRow[] = [];
	for (const ind of data.indicators) {
		if (ind.value_type === 'count') continue; // a mean of counts is no value of the city
		const groups = weightGroupsFor(ind.life_phase);
		// the engine asks only for these age groups; the population years come from them alone
		const asked = new Set([TOTAL_GROUP, ...groups]);
		const obs = data.observations.filter((o) => o.indicator_id === ind.id);
		// Years a group can pool (the engine's REFERENCE_SERIES answers them): any numerator with its denominator.
		const pooled = new Set<string>();
		for (const o of obs) if (o.numerator !== null && o.denominator !== null) for (const g of groupsOf(o.area_key, o.year)) pooled.add(`${g}|${o.year}`);
		const valuesIn = new Map<string, AreaYearValue[]>();
		for (const o of obs) {
			if (o.value === null || withheldCells.has(cellKey(o.area_key, o.indicator_id, o.year))) continue;
			for (const g of groupsOf(o.area_key, o.year)) if (!pooled.has(`${g}|${o.year}`)) push(valuesIn, g, { area_key: o.area_key, year: o.year, value: o.value });
		}
		for (const g of [...valuesIn.keys()].sort()) {
			const weights = (populationIn.get(g) ?? []).filter((p) => asked.has(p.age_group));
			for (const m of meanReferences(valuesIn.get(g)!, weights, groups)) rows.push({ ...m, area_key: g, indicator_id: ind.id });
		}
	}
	return rows;
}
