/**
 * The documented views of the SQL console (/analyse/): what a planner can query, column by column.
 * Each is a table of the console's own database, filled from the engine with the published rows
 * only (published.ts); the page documents them from this list (German and English texts in the
 * i18n catalogue `analyse`, keys `sql.view.<view>` and `sql.col.<view>.<column>`).
 *
 * Adding a view is one entry here (plus its texts). The view of derived indicators comes with
 * them: its entry already stands below and becomes active as soon as the engine's `indicators`
 * table has the column `derived` (issue #15, part 1).
 */
import { COMPUTED_TOTALS, PACKAGE_TOTALS, PUBLISHED_OBSERVATIONS } from './published';

export type ViewColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN' | 'VARCHAR[]';

export interface ViewColumn {
	name: string;
	type: ViewColumnType;
	/** A typical value, shown in the documentation. */
	example: string;
}

export interface EngineFacts {
	/** The package carries its own published totals (public copy). */
	packageTotals: boolean;
	/** Column names of the engine's indicators table. */
	indicatorColumns: string[];
}

export interface ConsoleView {
	name: string;
	columns: ViewColumn[];
	/** SQL on the engine that yields the view's rows (published data only); null = view not available. */
	source(facts: EngineFacts): string | null;
	/** Tables the engine must have loaded first (served layout loads them on first use). */
	needs?: ('observations' | 'population' | 'offers')[];
}

const col = (name: string, type: ViewColumnType, example: string): ViewColumn => ({ name, type, example });

const INDICATOR_COLUMNS: ViewColumn[] = [
	col('id', 'VARCHAR', 'sgb2_u15'),
	col('label_de', 'VARCHAR', 'SGB-II-Quote unter 15 Jahren'),
	col('label_en', 'VARCHAR', 'Children under 15 receiving SGB II benefits'),
	col('unit', 'VARCHAR', '%'),
	col('multiplier', 'DOUBLE', '100'),
	col('value_type', 'VARCHAR', 'proportion'),
	col('polarity', 'VARCHAR', 'higher_is_worse'),
	col('life_phase', 'VARCHAR', 'kontext'),
	col('topic', 'VARCHAR', 'Soziale Lage'),
	col('definition_de', 'VARCHAR', 'Anteil der Kinder unter 15 Jahren …'),
	col('numerator_label_de', 'VARCHAR', 'Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften'),
	col('denominator_label_de', 'VARCHAR', 'Kinder unter 15 Jahren'),
	col('source', 'VARCHAR', 'Statistik der Bundesagentur für Arbeit'),
	col('decimals', 'INTEGER', '1')
];

const indicatorSelect = (columns: ViewColumn[]) => `SELECT ${columns.map((c) => c.name).join(', ')} FROM indicators ORDER BY rowid`;

export const CONSOLE_VIEWS: ConsoleView[] = [
	{
		name: 'areas',
		columns: [
			col('key', 'VARCHAR', '0101'),
			col('name', 'VARCHAR', 'Altstadt'),
			col('level', 'VARCHAR', 'sozialraum'),
			col('parent', 'VARCHAR', '01'),
			col('level_rank', 'INTEGER', '0'),
			col('version', 'VARCHAR', "'' | 2021"),
			col('valid_from', 'INTEGER', '2021'),
			col('valid_to', 'INTEGER', '9999')
		],
		source: () => `SELECT key, name, level, parent, level_rank, version, valid_from, valid_to FROM areas ORDER BY level_rank, key, valid_from`
	},
	{
		name: 'indicators',
		columns: INDICATOR_COLUMNS,
		source: () => indicatorSelect(INDICATOR_COLUMNS)
	},
	{
		name: 'observations',
		columns: [
			col('area_key', 'VARCHAR', '0101'),
			col('area_name', 'VARCHAR', 'Altstadt'),
			col('indicator_id', 'VARCHAR', 'sgb2_u15'),
			col('year', 'INTEGER', '2025'),
			col('value', 'DOUBLE', '21.4'),
			col('numerator', 'DOUBLE', '214'),
			col('denominator', 'DOUBLE', '1000'),
			col('flag', 'VARCHAR', "'' | suppressed | missing | provisional | break")
		],
		source: () => PUBLISHED_OBSERVATIONS,
		needs: ['observations']
	},
	{
		name: 'reference_values',
		columns: [
			col('area_key', 'VARCHAR', '01'),
			col('area_name', 'VARCHAR', 'Mitte'),
			col('level', 'VARCHAR', 'stadtbezirk'),
			col('indicator_id', 'VARCHAR', 'sgb2_u15'),
			col('year', 'INTEGER', '2025'),
			col('value', 'DOUBLE', '19.2'),
			col('numerator', 'DOUBLE', '2310'),
			col('denominator', 'DOUBLE', '12030'),
			col('areas_used', 'INTEGER', '7'),
			col('flag', 'VARCHAR', "'' | suppressed")
		],
		source: (f) => (f.packageTotals ? PACKAGE_TOTALS : COMPUTED_TOTALS),
		needs: ['observations']
	},
	{
		name: 'population',
		columns: [col('area_key', 'VARCHAR', '0101'), col('year', 'INTEGER', '2025'), col('age_group', 'VARCHAR', '0_2'), col('persons', 'DOUBLE', '231')],
		source: () => `SELECT area_key, year, age_group, persons FROM population ORDER BY area_key, year, age_group`,
		needs: ['population']
	},
	{
		name: 'offers',
		columns: [
			col('id', 'VARCHAR', 'A001'),
			col('name', 'VARCHAR', 'Familienzentrum Lindenhof'),
			col('provider', 'VARCHAR', 'AWO Unterbezirk Musterstadt'),
			col('life_phases', 'VARCHAR[]', "['u3', '3_6']"),
			col('topics', 'VARCHAR[]', "['Familie', 'Beratung']"),
			col('area_key', 'VARCHAR', '0202'),
			col('lon', 'DOUBLE', '7.2931'),
			col('lat', 'DOUBLE', '51.4977'),
			col('places', 'DOUBLE', '75'),
			col('description', 'VARCHAR', 'Kindertageseinrichtung …')
		],
		source: () => `SELECT id, name, provider, life_phases, topics, area_key, lon, lat, places, description FROM offers ORDER BY id`,
		needs: ['offers']
	},
	{
		name: 'targets',
		columns: [
			col('id', 'VARCHAR', 'FZ01'),
			col('indicator_id', 'VARCHAR', 'sgb2_u15'),
			col('scope_type', 'VARCHAR', 'sozialraum'),
			col('scope_keys', 'VARCHAR[]', "['0603']"),
			col('baseline_year', 'INTEGER', '2021'),
			col('baseline_value', 'DOUBLE', '41.2'),
			col('target_value', 'DOUBLE', '35'),
			col('target_year', 'INTEGER', '2028'),
			col('owner', 'VARCHAR', 'Jugendamt, Abt. 51.2'),
			col('status', 'VARCHAR', 'adopted')
		],
		source: () => `SELECT id, indicator_id, scope_type, scope_keys, baseline_year, baseline_value, target_value, target_year, owner, status FROM targets ORDER BY id`
	},
	{
		// comes with derived indicators (issue #15 part 1): ordinary rows of `indicators`, marked `derived`
		name: 'derived_indicators',
		columns: INDICATOR_COLUMNS,
		source: (f) => (f.indicatorColumns.includes('derived') ? `${indicatorSelect(INDICATOR_COLUMNS).replace(' ORDER BY', ' WHERE derived ORDER BY')}` : null)
	}
];

/** Names a query may use (views and nothing else lives in the console's database). */
export const VIEW_NAMES = CONSOLE_VIEWS.map((v) => v.name);
