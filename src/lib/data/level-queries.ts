/**
 * SQL for values of the levels above the finest one (a Gemeinde, a Stadtbezirk): always pooled
 * from the finest areas' numerators and denominators through `area_ancestors`, for the boundary
 * version valid in the year, and protected by the totals' disclosure decision
 * (`suppressed_totals`), so a coarser map or table can never show a withheld total.
 */

/** Finest-level rows that count towards a pooled value (as REFERENCE_SERIES counts them). */
const POOLED = `o.numerator IS NOT NULL AND (o.denominator IS NOT NULL OR i.value_type = 'count')`;

/**
 * Every area of a coarser level valid in a year with its pooled value.
 * Params: indicator, year, level, indicator, year, level, year.
 */
export const LEVEL_VALUES = `
WITH agg AS (
	SELECT anc.ancestor AS key, SUM(o.numerator) AS numerator, SUM(o.denominator) AS denominator,
		bool_or(o.flag = 'provisional') AS provisional, bool_or(o.flag = 'break') AS brk,
		ANY_VALUE(i.value_type) AS value_type, ANY_VALUE(i.multiplier) AS multiplier
	FROM observations o
	JOIN indicators i ON i.id = o.indicator_id
	JOIN area_ancestors anc ON anc.key = o.area_key AND o.year BETWEEN anc.valid_from AND anc.valid_to
	WHERE o.indicator_id = ? AND o.year = ? AND anc.ancestor_level = ? AND ${POOLED}
	GROUP BY anc.ancestor
)
SELECT a.key AS area_key, a.name AS name, a.parent AS parent,
	CASE WHEN st.area_key IS NOT NULL OR agg.key IS NULL THEN NULL
	     WHEN agg.value_type = 'count' THEN agg.numerator
	     ELSE agg.numerator / NULLIF(agg.denominator, 0) * agg.multiplier END AS value,
	CASE WHEN st.area_key IS NOT NULL THEN NULL ELSE agg.numerator END AS numerator,
	CASE WHEN st.area_key IS NOT NULL THEN NULL ELSE agg.denominator END AS denominator,
	CASE WHEN agg.key IS NULL THEN 'missing'
	     WHEN st.area_key IS NOT NULL THEN 'suppressed'
	     WHEN agg.value_type <> 'count' AND COALESCE(agg.denominator, 0) = 0 THEN 'missing'
	     WHEN agg.provisional THEN 'provisional'
	     WHEN agg.brk THEN 'break'
	     ELSE '' END AS flag
FROM areas a
LEFT JOIN agg ON agg.key = a.key
LEFT JOIN suppressed_totals st ON st.area_key = a.key AND st.indicator_id = ? AND st.year = ?
WHERE a.level = ? AND ? BETWEEN a.valid_from AND a.valid_to
ORDER BY a.key`;

/**
 * The same from a public copy's published totals (references.csv): its emptied cells cannot be
 * summed into true totals. Only pooled rows are values of the area: a mean row (a year in which
 * nothing inside could pool) is the reference for the areas inside it, not the area's own value,
 * so the area is missing there, as LEVEL_VALUES has no sum for it. No row at all although cells
 * inside could be pooled (or were withheld) = withheld; nothing inside to pool = missing.
 * Params: indicator, year, level, indicator, year, level, year.
 */
export const LEVEL_VALUES_PUBLISHED = `
WITH inside AS (
	SELECT anc.ancestor AS key, bool_or(o.flag = 'provisional') AS provisional, bool_or(o.flag = 'break') AS brk,
		bool_or(${POOLED} OR o.flag = 'suppressed') AS poolable
	FROM observations o
	JOIN indicators i ON i.id = o.indicator_id
	JOIN area_ancestors anc ON anc.key = o.area_key AND o.year BETWEEN anc.valid_from AND anc.valid_to
	WHERE o.indicator_id = ? AND o.year = ? AND anc.ancestor_level = ? AND o.flag <> 'missing'
	GROUP BY anc.ancestor
)
SELECT a.key AS area_key, a.name AS name, a.parent AS parent,
	CASE WHEN r.basis = 'pooled' THEN r.value END AS value,
	CASE WHEN r.basis = 'pooled' THEN r.numerator END AS numerator,
	CASE WHEN r.basis = 'pooled' THEN r.denominator END AS denominator,
	CASE WHEN r.area_key IS NOT NULL AND r.basis <> 'pooled' THEN 'missing'
	     WHEN r.area_key IS NULL AND NOT COALESCE(inside.poolable, false) THEN 'missing'
	     WHEN r.area_key IS NULL THEN 'suppressed'
	     WHEN r.value IS NULL THEN 'missing'
	     WHEN inside.provisional THEN 'provisional'
	     WHEN inside.brk THEN 'break'
	     ELSE '' END AS flag
FROM areas a
LEFT JOIN inside ON inside.key = a.key
LEFT JOIN references_published r ON r.area_key = a.key AND r.indicator_id = ? AND r.year = ?
WHERE a.level = ? AND ? BETWEEN a.valid_from AND a.valid_to
ORDER BY a.key`;

/**
 * Published pooled values of a coarser level over all years (for class breaks fixed across years).
 * Params: indicator, level, indicator.
 */
export const LEVEL_VALUES_ALL_YEARS = `
WITH agg AS (
	SELECT anc.ancestor AS key, o.year AS year, SUM(o.numerator) AS numerator, SUM(o.denominator) AS denominator,
		ANY_VALUE(i.value_type) AS value_type, ANY_VALUE(i.multiplier) AS multiplier
	FROM observations o
	JOIN indicators i ON i.id = o.indicator_id
	JOIN area_ancestors anc ON anc.key = o.area_key AND o.year BETWEEN anc.valid_from AND anc.valid_to
	WHERE o.indicator_id = ? AND anc.ancestor_level = ? AND ${POOLED}
	GROUP BY anc.ancestor, o.year
)
SELECT CASE WHEN st.area_key IS NOT NULL THEN NULL
	WHEN agg.value_type = 'count' THEN agg.numerator
	ELSE agg.numerator / NULLIF(agg.denominator, 0) * agg.multiplier END AS value
FROM agg LEFT JOIN suppressed_totals st ON st.area_key = agg.key AND st.indicator_id = ? AND st.year = agg.year`;

/** The same from published totals (pooled rows only, as LEVEL_VALUES_ALL_YEARS). Params: indicator, level. */
export const LEVEL_VALUES_ALL_YEARS_PUBLISHED = `
SELECT r.value AS value FROM references_published r
WHERE r.indicator_id = ? AND r.basis = 'pooled' AND r.area_key IN (SELECT key FROM areas WHERE level = ?)`;

/**
 * Finest cells of an indicator in some years, with their disclosure decision (for conversion
 * onto newer areas, conversion.ts; the engine never lets these numbers out as they are).
 * Params: indicator, list of years.
 */
export const CELLS_FOR_YEARS = `
SELECT o.area_key AS area_key, o.year AS year,
	CASE WHEN ${POOLED} THEN o.numerator END AS numerator,
	CASE WHEN ${POOLED} THEN o.denominator END AS denominator,
	sc.area_key IS NOT NULL AS withheld
FROM observations o JOIN indicators i ON i.id = o.indicator_id
LEFT JOIN suppressed_cells sc ON sc.area_key = o.area_key AND sc.indicator_id = o.indicator_id AND sc.year = o.year
WHERE o.indicator_id = ? AND list_contains(?::INTEGER[], o.year)`;

/** True totals of every area above the finest level in some years. Params: indicator, list of years. */
export const TOTALS_FOR_YEARS = `
SELECT anc.ancestor AS area_key, o.year AS year, SUM(o.numerator) AS numerator, SUM(o.denominator) AS denominator,
	bool_or(st.area_key IS NOT NULL) AS withheld
FROM observations o JOIN indicators i ON i.id = o.indicator_id
JOIN area_ancestors anc ON anc.key = o.area_key AND o.year BETWEEN anc.valid_from AND anc.valid_to AND anc.depth > 0
LEFT JOIN suppressed_totals st ON st.area_key = anc.ancestor AND st.indicator_id = o.indicator_id AND st.year = o.year
WHERE o.indicator_id = ? AND list_contains(?::INTEGER[], o.year) AND ${POOLED}
GROUP BY anc.ancestor, o.year`;

/** The same from a public copy's published totals (withheld ones are absent; means are no totals). Params: indicator, years. */
export const TOTALS_FOR_YEARS_PUBLISHED = `
SELECT COALESCE(area_key, '') AS area_key, year, numerator, denominator, false AS withheld
FROM references_published WHERE indicator_id = ? AND basis = 'pooled' AND list_contains(?::INTEGER[], year)`;
