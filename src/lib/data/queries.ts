/**
 * All SQL of the app lives in this folder; this file holds the read queries. Every value that comes
 * from the user or the data is a `?` parameter, never spliced into the text.
 *
 * Disclosure control happens here, at the source: a cell listed in `suppressed_cells` (primary
 * and secondary suppression, decided at load by suppression.ts) leaves the engine with flag
 * 'suppressed' and no numbers, so no later layer can show it by mistake.
 */

import { YEAR_MAX } from './levels';

/** Join that marks withheld cells of observation rows (alias o). */
export const WITHHELD_JOIN = `LEFT JOIN suppressed_cells sc
	ON sc.area_key = o.area_key AND sc.indicator_id = o.indicator_id AND sc.year = o.year`;

/** SQL fragment: is this observation row suppressed? Needs WITHHELD_JOIN. */
const SUPPRESSED = `(sc.area_key IS NOT NULL)`;

/** Columns of an observation with suppression applied (needs WITHHELD_JOIN). */
export const OBSERVATION_COLUMNS = `
	CASE WHEN ${SUPPRESSED} THEN NULL ELSE o.value END AS value,
	CASE WHEN ${SUPPRESSED} THEN NULL ELSE o.numerator END AS numerator,
	CASE WHEN ${SUPPRESSED} THEN NULL ELSE o.denominator END AS denominator,
	CASE WHEN o.year IS NULL THEN 'missing'
	     WHEN ${SUPPRESSED} THEN 'suppressed'
	     WHEN o.value IS NULL THEN 'missing'
	     ELSE o.flag END AS flag`;

/**
 * Every area of the finest level valid in that year (its boundary version), with its cell.
 * Params: indicator, year, level, year.
 */
export const VALUES_FOR_YEAR = `
SELECT a.key AS area_key, a.name AS name, a.parent AS parent, ${OBSERVATION_COLUMNS}
FROM areas a
LEFT JOIN observations o ON o.area_key = a.key AND o.indicator_id = ? AND o.year = ?
${WITHHELD_JOIN}
WHERE a.level = ? AND ? BETWEEN a.valid_from AND a.valid_to
ORDER BY a.key`;

/** Published values of every area and year of an indicator (for breaks fixed across years). */
export const VALUES_ALL_YEARS = `
SELECT CASE WHEN ${SUPPRESSED} THEN NULL ELSE o.value END AS value
FROM observations o ${WITHHELD_JOIN} WHERE o.indicator_id = ?`;

/**
 * Every area's series of one indicator at once (the same columns as SERIES_FOR_AREA), for the
 * build step that precomputes what pages need from all areas or all indicators.
 */
export const SERIES_ALL_AREAS = `
SELECT o.area_key AS area_key, o.year AS year, ${OBSERVATION_COLUMNS}
FROM observations o
${WITHHELD_JOIN}
JOIN areas a ON a.key = o.area_key AND a.level = ? AND o.year BETWEEN a.valid_from AND a.valid_to
WHERE o.indicator_id = ?
ORDER BY o.area_key, o.year`;

export const SERIES_FOR_AREA = `
SELECT o.year AS year, ${OBSERVATION_COLUMNS}
FROM observations o
${WITHHELD_JOIN}
WHERE o.area_key = ? AND o.indicator_id = ?
ORDER BY o.year`;

/**
 * Reference value of an area above the finest level (a Gemeinde, a Stadtbezirk, the Kreis; ''
 * = the whole territory) per year: summed numerators over summed denominators of the finest
 * areas inside it *in that year* (area_ancestors, so any ancestor and any boundary version),
 * never the mean of rates, which would weigh a 300-resident area like a 12,000-resident one. A
 * year counts only areas with both numbers; `areas_used` says how many did, so gaps are visible.
 * The sums include withheld cells (they are the true totals); a total that is itself withheld
 * (`suppressed_totals`) comes back without numbers. depth > 0: a finest area's own row would
 * bypass its cell's disclosure decision.
 * Params: indicator, ancestor key, ancestor key, indicator.
 */
export const REFERENCE_SERIES = `
WITH r AS (
	SELECT o.year AS year, i.value_type, i.multiplier,
		SUM(o.numerator) AS numerator, SUM(o.denominator) AS denominator, COUNT(*) AS areas_used
	FROM observations o
	JOIN indicators i ON i.id = o.indicator_id
	JOIN area_ancestors anc ON anc.key = o.area_key AND o.year BETWEEN anc.valid_from AND anc.valid_to
	WHERE o.indicator_id = ? AND anc.ancestor = ? AND anc.depth > 0 AND o.numerator IS NOT NULL
		AND (o.denominator IS NOT NULL OR i.value_type = 'count')
	GROUP BY o.year, i.value_type, i.multiplier
)
SELECT r.year,
	CASE WHEN st.area_key IS NOT NULL THEN NULL
	     WHEN r.value_type = 'count' THEN r.numerator
	     ELSE r.numerator / NULLIF(r.denominator, 0) * r.multiplier END AS value,
	CASE WHEN st.area_key IS NOT NULL THEN NULL ELSE r.numerator END AS numerator,
	CASE WHEN st.area_key IS NOT NULL THEN NULL ELSE r.denominator END AS denominator,
	r.areas_used
FROM r
LEFT JOIN suppressed_totals st ON st.area_key = ? AND st.indicator_id = ? AND st.year = r.year
ORDER BY r.year`;

/**
 * Summed cells of a chosen set of finest areas per year (part of a target's scope), with whether
 * one of them is withheld that year. engine.aggregateSeries decides disclosure from it: a sum
 * that contains a withheld cell next to published ones would give it away by subtraction.
 * Params: indicator, list of finest keys.
 */
export const AGGREGATE_CELLS = `
SELECT o.year,
	SUM(o.numerator) FILTER (WHERE o.numerator IS NOT NULL AND (o.denominator IS NOT NULL OR i.value_type = 'count')) AS numerator,
	SUM(o.denominator) FILTER (WHERE o.numerator IS NOT NULL AND o.denominator IS NOT NULL) AS denominator,
	COUNT(*) FILTER (WHERE o.numerator IS NOT NULL) AS areas_used,
	bool_or(sc.area_key IS NOT NULL) AS withheld
FROM observations o JOIN indicators i ON i.id = o.indicator_id
${WITHHELD_JOIN}
WHERE o.indicator_id = ? AND list_contains(?::VARCHAR[], o.area_key)
GROUP BY o.year ORDER BY o.year`;

/** Years in which some finest area inside an ancestor has a row (value or flag). Params: indicator, ancestor. */
export const ANCESTOR_YEARS = `
SELECT DISTINCT o.year AS year FROM observations o
JOIN area_ancestors anc ON anc.key = o.area_key AND o.year BETWEEN anc.valid_from AND anc.valid_to
WHERE o.indicator_id = ? AND anc.ancestor = ? AND o.flag <> 'missing' ORDER BY o.year`;

/** Reference series from a package's published totals and means. Params: area key ('' = territory), indicator. */
export const PUBLISHED_REFERENCE_SERIES = `
SELECT year, value, numerator, denominator, areas_used, basis, weights
FROM references_published WHERE COALESCE(area_key, '') = ? AND indicator_id = ? ORDER BY year`;

export const INDICATORS = `SELECT * FROM indicators ORDER BY rowid`;

export const YEARS_FOR_INDICATOR = `
SELECT DISTINCT year FROM observations WHERE indicator_id = ? AND value IS NOT NULL ORDER BY year`;

export const YEARS_BY_INDICATOR = `
SELECT indicator_id, list(DISTINCT year ORDER BY year) AS years
FROM observations WHERE value IS NOT NULL GROUP BY indicator_id`;

/**
 * Every area once, with the name and parent of its newest version; `valid_to` only for keys that
 * no longer exist in the newest version (an old Ortsteil), so current lists can leave them out.
 */
export const AREAS = `
SELECT key, arg_max(name, valid_from) AS name, level, arg_max(parent, valid_from) AS parent,
	CASE WHEN max(valid_to) < ${YEAR_MAX} THEN max(valid_to) END AS valid_to
FROM areas GROUP BY key, level, level_rank ORDER BY level_rank, key`;

/** Areas of one level valid in a year. Params: level, year. */
export const AREAS_IN_YEAR = `
SELECT key, name, level, parent FROM areas WHERE level = ? AND ? BETWEEN valid_from AND valid_to ORDER BY key`;

export const OFFERS = `SELECT * FROM offers ORDER BY id`;
export const TARGETS = `SELECT * FROM targets ORDER BY id`;
// The Bestandsaufnahme tables keep the package's row order: it is the order a coordinator wrote them.
export const NETWORKS = `SELECT * FROM networks`;
export const NETWORK_MEMBERS = `SELECT * FROM network_members`;
export const NETWORK_MEETINGS = `SELECT * FROM network_meetings ORDER BY network_id, date`;
export const MEASURES = `SELECT * FROM measures`;

/**
 * Population of an area in a year: its own rows when the package gives them (any level), else
 * the sum of the finest areas inside it that year. An age group with a withheld cell (persons
 * null in a public copy) stays null: a sum of the rest would be wrong, not safe.
 * Params: area, year, area, year, area, year.
 */
export const POPULATION_FOR_AREA = `
WITH own AS (SELECT age_group, persons FROM population WHERE area_key = ? AND year = ?),
summed AS (
	SELECT p.age_group, CASE WHEN bool_or(p.persons IS NULL) THEN NULL ELSE SUM(p.persons) END AS persons
	FROM population p
	JOIN area_ancestors anc ON anc.key = p.area_key AND p.year BETWEEN anc.valid_from AND anc.valid_to
	WHERE anc.ancestor = ? AND anc.depth > 0 AND p.year = ?
	GROUP BY p.age_group
)
SELECT age_group, persons FROM own
UNION ALL
SELECT age_group, persons FROM summed WHERE NOT EXISTS (SELECT 1 FROM population WHERE area_key = ? AND year = ?)
ORDER BY age_group`;
