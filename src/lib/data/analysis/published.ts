/**
 * The published data: what every page may show, as SQL over the engine's tables. Withheld cells
 * (primary and secondary disclosure control, `suppressed_cells`) come out with flag "suppressed"
 * and no numbers, withheld totals (`suppressed_totals`) likewise, with the same fragments the read
 * queries use (queries.ts). The SQL console copies exactly these rows into its own database, and
 * the data-quality report checks exactly these rows, so neither can show more than the atlas.
 */
import { OBSERVATION_COLUMNS, WITHHELD_JOIN } from '../queries';

/** Observations of the finest level, disclosure control applied (one row each: the area's version valid in the year). */
const publishedObservations = (where: string) => `
SELECT o.area_key, a.name AS area_name, o.indicator_id, o.year, ${OBSERVATION_COLUMNS}
FROM observations o
JOIN areas a ON a.key = o.area_key AND a.level_rank = 0 AND o.year BETWEEN a.valid_from AND a.valid_to
${WITHHELD_JOIN}
${where}
ORDER BY o.indicator_id, o.area_key, o.year`;

export const PUBLISHED_OBSERVATIONS = publishedObservations('');

/** PUBLISHED_OBSERVATIONS of one indicator (parameter: its id): the quality report one indicator at a time. */
export const PUBLISHED_OBSERVATIONS_OF = publishedObservations('WHERE o.indicator_id = ?');

/** How many of one indicator's published cells have a value (parameter: its id): what the report's chance threshold counts. */
export const PUBLISHED_USABLE_CELLS_OF = `
SELECT COUNT(*)::INTEGER AS n FROM (${PUBLISHED_OBSERVATIONS_OF})
WHERE value IS NOT NULL AND COALESCE(flag, '') NOT IN ('suppressed', 'missing')`;

/**
 * Totals of every coarser area (any depth; the ancestry and the names of the boundary version valid
 * in the year, so a key that two versions share is counted once) computed from the finest
 * areas: pooled numerators over pooled denominators, counting only areas with both numbers (as the
 * engine's reference series). A total listed in `suppressed_totals` has no numbers; the whole
 * territory is listed there under "" as well as under its own key.
 */
export const COMPUTED_TOTALS = `
WITH anc AS (
	SELECT key, ancestor, ancestor_level, valid_from, valid_to FROM area_ancestors WHERE depth > 0 AND ancestor <> ''
),
top AS (SELECT max(level_rank) AS r FROM areas),
sums AS (
	SELECT anc.ancestor AS area_key, anc.ancestor_level, o.indicator_id, o.year,
		SUM(o.numerator) AS numerator, SUM(o.denominator) AS denominator, COUNT(*) AS areas_used
	FROM observations o
	JOIN anc ON anc.key = o.area_key AND o.year BETWEEN anc.valid_from AND anc.valid_to
	JOIN indicators i ON i.id = o.indicator_id
	WHERE o.numerator IS NOT NULL AND (o.denominator IS NOT NULL OR i.value_type = 'count')
	GROUP BY ALL
),
marked AS (
	SELECT s.*, a.name AS area_name, a.level, i.value_type, i.multiplier,
		EXISTS (SELECT 1 FROM suppressed_totals st WHERE st.indicator_id = s.indicator_id AND st.year = s.year
			AND (st.area_key = s.area_key OR (a.level_rank = (SELECT r FROM top) AND st.area_key = ''))) AS withheld
	FROM sums s
	JOIN areas a ON a.key = s.area_key AND a.level = s.ancestor_level AND s.year BETWEEN a.valid_from AND a.valid_to
	JOIN indicators i ON i.id = s.indicator_id
)
SELECT area_key, area_name, level, indicator_id, year,
	CASE WHEN withheld THEN NULL WHEN value_type = 'count' THEN numerator
	     ELSE numerator / NULLIF(denominator, 0) * multiplier END AS value,
	CASE WHEN withheld THEN NULL ELSE numerator END AS numerator,
	CASE WHEN withheld THEN NULL ELSE denominator END AS denominator,
	areas_used,
	CASE WHEN withheld THEN 'suppressed' ELSE '' END AS flag
FROM marked
ORDER BY indicator_id, area_key, year`;

/**
 * Totals a public copy carries (`references_published`, written by pipelines/publish): there the
 * withheld cells are empty, so sums over the cells would not be the true totals. The whole
 * territory comes as key "" and is shown under the top area's key.
 */
export const PACKAGE_TOTALS = `
WITH top AS (SELECT key, name, level FROM areas WHERE level_rank = (SELECT max(level_rank) FROM areas) LIMIT 1),
r AS (
	SELECT CASE WHEN COALESCE(rp.area_key, '') = '' THEN (SELECT key FROM top) ELSE rp.area_key END AS area_key,
		rp.indicator_id, rp.year, rp.value, rp.numerator, rp.denominator,
		COALESCE(rp.area_key, '') = '' AS territory
	FROM references_published rp
)
SELECT DISTINCT ON (r.area_key, r.indicator_id, r.year)
	r.area_key, a.name AS area_name, a.level, r.indicator_id, r.year, r.value, r.numerator, r.denominator,
	NULL::BIGINT AS areas_used, '' AS flag
FROM r JOIN areas a ON a.key = r.area_key
ORDER BY r.area_key, r.indicator_id, r.year, r.territory`;
