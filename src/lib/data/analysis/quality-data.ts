/**
 * What the data-quality report needs from the engine, in one call: the published observations of
 * every indicator (disclosure control applied, published.ts), all areas with their level, the
 * neighbours of the finest areas from the geometry, and the coarser totals and population rows a
 * package carries itself (the only values sums across levels can be checked against).
 */
import type { MonitorEngine } from '../engine';
import type { PopulationRow } from '../types';
import { rookNeighbours } from '$lib/quality/adjacency';
import type { LevelTotal } from '$lib/quality/levels';
import type { QualityInput } from '$lib/quality/report';
import type { QualityObservation } from '$lib/quality/types';
import { PACKAGE_TOTALS, PUBLISHED_OBSERVATIONS } from './published';

const PACKAGE_HAS_TOTALS = 'references';

export async function loadQualityInput(engine: MonitorEngine): Promise<QualityInput> {
	const indicators = await engine.indicators();
	await Promise.all([engine.prepare(indicators.map((i) => i.id)), engine.prepareTables(['population'])]);
	const levels = engine.descriptor.sozialraum.levels.map((l) => l.id);
	const areas = (await engine.areas()).map((a) => ({ key: a.key, name: a.name, parent: a.parent, level_rank: levels.indexOf(a.level) }));
	const observations = await engine.query<QualityObservation & Record<string, unknown>>(PUBLISHED_OBSERVATIONS);
	const withTotals = engine.descriptor.resources.some((r) => r.name === PACKAGE_HAS_TOTALS);
	const references = withTotals ? await engine.query<LevelTotal & Record<string, unknown>>(PACKAGE_TOTALS) : [];
	const population = await engine.query<PopulationRow & Record<string, unknown>>(`SELECT area_key, year, age_group, persons FROM population`);
	return {
		indicators,
		areas,
		observations,
		neighbours: rookNeighbours(engine.geometry[engine.baseLevel]),
		disclosure: engine.disclosure,
		references,
		population
	};
}
