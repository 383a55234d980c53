/**
 * crosswalk.csv of Musterkreis: how the counts of the areas of Gebietsstand 2014 are shared out
 * onto those of 2021, on both changed levels, by area (intersection of the two versions' polygons)
 * and by residents (the blocks' residents in 2020, the last year of the old version). Computed with
 * the crosswalk module the import uses (src/lib/geo/crosswalk.ts).
 */
import { areaCrosswalk, populationCrosswalk, roundWeights, type CrosswalkArea, type CrosswalkResult } from '../../../src/lib/geo/crosswalk';
import type { CrosswalkRow } from '../../../src/lib/data/types';
import { compareText } from '../format';
import type { Population } from '../population';
import type { KreisAreas, VersionArea } from './areas';

const asArea = (a: VersionArea): CrosswalkArea => ({ key: a.key, geometry: { type: 'MultiPolygon', coordinates: a.geometry } });

function rows(level: string, from: string, to: string, result: CrosswalkResult): CrosswalkRow[] {
	// The generated versions share every boundary vertex: anything left over would be a generator bug.
	if (result.slivers.length || result.unmatched.length || result.areaFallback.length) {
		throw new Error(`crosswalk ${level} ${result.method}: ${JSON.stringify({ slivers: result.slivers, unmatched: result.unmatched, fallback: result.areaFallback })}`);
	}
	return roundWeights(result.weights).map((w) => ({ level, from_version: from, from_key: w.from_key, to_version: to, to_key: w.to_key, weight: w.weight, method: result.method }));
}

export function buildCrosswalk(areas: KreisAreas, pop: Population, lastOldYear: number): CrosswalkRow[] {
	const [older, newer] = areas.versions;
	const residents = areas.units.map((u) => ({ geometry: { type: 'Polygon' as const, coordinates: u.polygon }, persons: pop.total(u.key, lastOldYear) }));
	const out: CrosswalkRow[] = [];
	for (const [level, pick] of [['ortsteil', (v: typeof older) => v.ortsteile], ['gemeinde', (v: typeof older) => v.gemeinden]] as const) {
		const from = pick(older).map(asArea);
		const to = pick(newer).map(asArea);
		out.push(...rows(level, older.id, newer.id, areaCrosswalk(from, to)));
		out.push(...rows(level, older.id, newer.id, populationCrosswalk(from, to, residents)));
	}
	return out.sort(
		(a, b) => compareText(a.method, b.method) || compareText(a.from_key, b.from_key) || compareText(a.to_key, b.to_key)
	).sort((a, b) => (a.level === b.level ? 0 : a.level === 'ortsteil' ? -1 : 1));
}
