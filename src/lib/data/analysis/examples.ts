/**
 * Example queries of the console, each a question a planner asks (titles in the i18n catalogue,
 * key `sql.example.<id>`). They use the package's own default indicator and latest year only
 * through SQL, so they work with any data package that has these views.
 */
export interface ExampleQuery {
	id: string;
	sql: string;
}

const LATEST = (indicator: string) => `(SELECT max(year) FROM observations WHERE indicator_id = '${indicator}' AND value IS NOT NULL)`;

export function exampleQueries(defaultIndicator: string): ExampleQuery[] {
	const ind = defaultIndicator.replace(/'/g, "''");
	return [
		{
			id: 'rise_without_fz',
			sql: `SELECT neu.area_key, neu.area_name,
	alt.value AS wert_2020, neu.value AS wert_aktuell,
	round(neu.value - alt.value, 1) AS anstieg
FROM observations neu
JOIN observations alt
	ON alt.area_key = neu.area_key AND alt.indicator_id = neu.indicator_id AND alt.year = 2020
WHERE neu.indicator_id = 'sgb2_u15'
	AND neu.year = ${LATEST('sgb2_u15')}
	AND neu.value - alt.value > 5
	AND NOT EXISTS (
		SELECT 1 FROM offers f
		WHERE f.area_key = neu.area_key AND f.name LIKE 'Familienzentrum%'
	)
ORDER BY anstieg DESC`
		},
		{
			id: 'latest_map',
			sql: `SELECT area_key, area_name, value, flag
FROM observations
WHERE indicator_id = '${ind}' AND year = ${LATEST(ind)}
ORDER BY value DESC NULLS LAST`
		},
		{
			id: 'city_trend',
			sql: `SELECT year, value
FROM reference_values
WHERE indicator_id = '${ind}'
	AND area_key = (SELECT key FROM areas ORDER BY level_rank DESC LIMIT 1)
ORDER BY year`
		},
		{
			id: 'offers_per_area',
			sql: `SELECT a.key AS area_key, a.name AS area_name, count(o.id) AS angebote
FROM areas a
LEFT JOIN offers o ON o.area_key = a.key
WHERE a.level_rank = 0
GROUP BY ALL
ORDER BY angebote, area_name`
		},
		{
			id: 'children_under_6',
			sql: `SELECT area_key, sum(persons) AS persons_unter_6
FROM population
WHERE age_group IN ('0_2', '3_5') AND year = (SELECT max(year) FROM population)
GROUP BY area_key
ORDER BY persons_unter_6 DESC`
		},
		{
			id: 'withheld_per_indicator',
			sql: `SELECT i.label_de AS indikator, count(*) FILTER (WHERE o.flag = 'suppressed') AS geheim_gehalten, count(*) AS zellen
FROM observations o JOIN indicators i ON i.id = o.indicator_id
GROUP BY ALL
ORDER BY geheim_gehalten DESC`
		}
	];
}
