/**
 * All SQL of the app lives in this folder; this file holds the read queries. Every value that comes
 * from the user or the data is a `?` parameter, never spliced into the text.
 *
 * Disclosure control happens here, at the source: a cell listed in `suppressed_cells` (primary
 * and secondary suppression, decided at load by suppression.ts) leaves the engine with flag
 * 'suppressed' and no numbers, so no later layer can show it by mistake.
 */

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

export const VALUES_FOR_YEAR = `
SELECT a.key AS area_key, a.name AS name, a.parent AS parent, ${OBSERVATION_COLUMNS}
FROM areas a
LEFT JOIN observations o ON o.area_key = a.key AND o.indicator_id = ? AND o.year = ?
${WITHHELD_JOIN}
WHERE a.level = ?
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
JOIN areas a ON a.key = o.area_key AND a.level = ?
WHERE o.indicator_id = ?
ORDER BY o.area_key, o.year`;

export const SERIES_FOR_AREA = `
SELECT o.year AS year, ${OBSERVATION_COLUMNS}
FROM observations o
${WITHHELD_JOIN}
WHERE o.area_key = ? AND o.indicator_id = ?
ORDER BY o.year`;

/**
 * Reference value of a set of areas per year: summed numerators over summed denominators (never
 * the mean of rates, which would weigh a 300-resident area like a 12,000-resident one). A year
 * counts only areas with both numbers; `areas_used` says how many did, so gaps are visible. The
 * sums include withheld cells (they are the true totals); a total that is itself withheld
 * (`suppressed_totals`, '' = the whole territory) comes back without numbers.
 * Params: indicator, parentKey, parentKey, parentKey.
 */
export const REFERENCE_SERIES = `
WITH r AS (
	SELECT o.year AS year, i.value_type, i.multiplier,
		SUM(o.numerator) AS numerator, SUM(o.denominator) AS denominator, COUNT(*) AS areas_used
	FROM observations o
	JOIN indicators i ON i.id = o.indicator_id
	JOIN areas a ON a.key = o.area_key
	WHERE o.indicator_id = ? AND o.numerator IS NOT NULL
		AND (o.denominator IS NOT NULL OR i.value_type = 'count')
		AND (? = '' OR a.parent = ?)
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
 * Summed series over a chosen set of base areas (a target's scope of several Sozialräume).
 * Params: indicator, then the list of area keys. The aggregate is suppressed like a single cell.
 */
export const AGGREGATE_SERIES = `
WITH s AS (
	SELECT o.year,
		SUM(o.numerator) AS numerator,
		SUM(o.denominator) AS denominator,
		COUNT(*) FILTER (WHERE o.numerator IS NOT NULL) AS areas_used,
		ANY_VALUE(i.multiplier) AS multiplier,
		ANY_VALUE(i.value_type) AS value_type
	FROM observations o JOIN indicators i ON i.id = o.indicator_id
	WHERE o.indicator_id = ? AND list_contains(?::VARCHAR[], o.area_key)
	GROUP BY o.year
)
SELECT year,
	CASE WHEN numerator IS NULL OR (numerator > 0 AND numerator < ?) OR denominator < ? THEN NULL
	     WHEN value_type = 'count' THEN numerator
	     ELSE numerator / NULLIF(denominator, 0) * multiplier END AS value,
	CASE WHEN (numerator > 0 AND numerator < ?) OR denominator < ? THEN NULL ELSE numerator END AS numerator,
	CASE WHEN (numerator > 0 AND numerator < ?) OR denominator < ? THEN NULL ELSE denominator END AS denominator,
	CASE WHEN numerator IS NULL THEN 'missing'
	     WHEN (numerator > 0 AND numerator < ?) OR denominator < ? THEN 'suppressed' ELSE '' END AS flag
FROM s ORDER BY year`;

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

export const AREAS = `SELECT key, name, level, parent FROM areas ORDER BY level_rank, key`;

export const OFFERS = `SELECT * FROM offers ORDER BY id`;
export const TARGETS = `SELECT * FROM targets ORDER BY id`;
// The Bestandsaufnahme tables keep the package's row order: it is the order a coordinator wrote them.
export const NETWORKS = `SELECT * FROM networks`;
export const NETWORK_MEMBERS = `SELECT * FROM network_members`;
export const NETWORK_MEETINGS = `SELECT * FROM network_meetings ORDER BY network_id, date`;
export const MEASURES = `SELECT * FROM measures`;

export const POPULATION_FOR_AREA = `
SELECT age_group, persons FROM population WHERE area_key = ? AND year = ? ORDER BY age_group`;
