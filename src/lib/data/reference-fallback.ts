/**
 * The reference value for years in which no area has a numerator and a denominator (a table of
 * shares only): a population-weighted or an unweighted mean of the areas' published values,
 * computed by stats/reference-mean and always carrying its basis, so every page labels it
 * ("Mittelwert der Sozialräume (ungewichtet)") instead of calling it the city value.
 *
 * Kept apart from queries.ts REFERENCE_SERIES on purpose: the pooled query stays the method
 * wherever numerators exist, and this runs only for the years that query did not answer.
 * Counts are left alone: the mean of counts is no value of the city.
 */
import type { MonitorEngine, ReferencePoint } from './engine';
import type { LifePhase, ValueType } from './types';
import { meanReferences, weightGroupsFor, type AreaYearValue, type PopulationCount } from '$lib/stats/reference-mean';

const INDICATOR_KIND = `SELECT value_type, life_phase FROM indicators WHERE id = ?`;

/**
 * Published values of the finest areas inside an ancestor ('' = the territory) in each year's
 * boundary version (area_ancestors, as REFERENCE_SERIES pools them), withheld cells left out: a
 * mean over them, with the published values, would give a withheld one away.
 * Params: indicator, ancestor, years (JSON list).
 */
const MEAN_VALUES = `
SELECT o.area_key AS area_key, o.year AS year, o.value AS value
FROM observations o
JOIN area_ancestors anc ON anc.key = o.area_key AND o.year BETWEEN anc.valid_from AND anc.valid_to AND anc.depth > 0
LEFT JOIN suppressed_cells sc ON sc.area_key = o.area_key AND sc.indicator_id = o.indicator_id AND sc.year = o.year
WHERE o.indicator_id = ? AND o.value IS NOT NULL AND sc.area_key IS NULL AND anc.ancestor = ?
	AND list_contains(?::INTEGER[], o.year)
ORDER BY o.year, o.area_key`;

/** Residents of the weighting age groups in the finest areas inside the ancestor. Params: ancestor, groups (JSON list). */
const MEAN_WEIGHTS = `
SELECT p.area_key AS area_key, p.year AS year, p.age_group AS age_group, p.persons AS persons
FROM population p
JOIN area_ancestors anc ON anc.key = p.area_key AND p.year BETWEEN anc.valid_from AND anc.valid_to AND anc.depth > 0
WHERE anc.ancestor = ? AND list_contains(?::VARCHAR[], p.age_group)`;

/** The pooled points, completed by a mean for every year with values that pooling could not answer. */
export async function withMeanFallback(engine: MonitorEngine, indicatorId: string, parentKey: string, pooled: ReferencePoint[]): Promise<ReferencePoint[]> {
	const answered = new Set(pooled.map((p) => p.year));
	const open = (await engine.years(indicatorId)).filter((y) => !answered.has(y));
	if (open.length === 0) return pooled;
	const [kind] = await engine.query<{ value_type: ValueType; life_phase: LifePhase }>(INDICATOR_KIND, [indicatorId]);
	if (!kind || kind.value_type === 'count') return pooled;
	const groups = ['insgesamt', ...weightGroupsFor(kind.life_phase)];
	const values = await engine.query<AreaYearValue & Record<string, unknown>>(MEAN_VALUES, [indicatorId, parentKey, JSON.stringify(open)]);
	await engine.prepareTables(['population']);
	const weights = await engine.query<PopulationCount & Record<string, unknown>>(MEAN_WEIGHTS, [parentKey, JSON.stringify([...new Set(groups)])]);
	const means = meanReferences(values, weights, weightGroupsFor(kind.life_phase)).map(
		(m): ReferencePoint => ({ year: m.year, value: m.value, numerator: null, denominator: null, areas_used: m.areas_used, basis: m.basis, weights: m.weights })
	);
	return [...pooled, ...means].sort((a, b) => a.year - b.year);
}
