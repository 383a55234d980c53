/**
 * The mean references of a public copy: for every indicator, area group (the territory "" and each
 * parent of the finest areas) and year in which no area has a numerator and a denominator, the
 * (population-weighted) mean of the values the copy publishes, exactly as the app's engine computes
 * it for an internal package (src/lib/data/reference-fallback.ts → src/lib/stats/reference-mean.ts).
 * Only published numbers go in: withheld cells are left out, withheld population counts are
 * unknown (the weights then fall back to all residents, or to none).
 */
import type { PackageData } from '../../src/lib/data/package/model';
import { TERRITORY_KEY, cellKey } from '../../src/lib/stats/disclosure';
import { meanReferences, weightGroupsFor, type MeanReference, type PopulationCount } from '../../src/lib/stats/reference-mean';
import type { PackageDisclosure } from './disclose-package';

export interface MeanReferenceRow extends MeanReference {
	area_key: string;
	indicator_id: string;
}

export function meanReferenceRows(data: PackageData, disclosure: PackageDisclosure): MeanReferenceRow[] {
	const finest = data.descriptor.sozialraum.levels[0];
	const parentOf = new Map((data.areas[finest.id]?.features ?? []).map((f) => [f.properties.key, f.properties.parent ?? '']));
	const withheldCells = new Set(disclosure.observations.cells.filter((c) => c.suppressed).map((c) => cellKey(c.area_key, c.indicator_id, c.year)));
	const withheldPersons = new Set(disclosure.population.cells.filter((c) => c.suppressed).map((c) => cellKey(c.area_key, c.indicator_id, c.year)));
	const population: PopulationCount[] = data.population
		.filter((p) => parentOf.has(p.area_key))
		.map((p) => ({ ...p, persons: withheldPersons.has(cellKey(p.area_key, p.age_group, p.year)) ? null : p.persons }));
	const groupsOf = (key: string) => [TERRITORY_KEY, parentOf.get(key) ?? TERRITORY_KEY];

	const rows: MeanReferenceRow[] = [];
	for (const ind of data.indicators) {
		if (ind.value_type === 'count') continue; // a mean of counts is no value of the city
		const obs = data.observations.filter((o) => o.indicator_id === ind.id && parentOf.has(o.area_key));
		// Years a group can pool (the engine's REFERENCE_SERIES answers them): any numerator with its denominator.
		const pooled = new Set(obs.filter((o) => o.numerator !== null && o.denominator !== null).flatMap((o) => groupsOf(o.area_key).map((g) => `${g}|${o.year}`)));
		const groups = [...new Set([TERRITORY_KEY, ...parentOf.values()])].sort();
		for (const g of groups) {
			const inGroup = (key: string) => g === TERRITORY_KEY || parentOf.get(key) === g;
			const values = obs
				.filter((o) => inGroup(o.area_key) && o.value !== null && !pooled.has(`${g}|${o.year}`) && !withheldCells.has(cellKey(o.area_key, o.indicator_id, o.year)))
				.map((o) => ({ area_key: o.area_key, year: o.year, value: o.value as number }));
			if (values.length === 0) continue;
			const weights = population.filter((p) => inGroup(p.area_key));
			for (const m of meanReferences(values, weights, weightGroupsFor(ind.life_phase))) rows.push({ ...m, area_key: g, indicator_id: ind.id });
		}
	}
	return rows;
}
