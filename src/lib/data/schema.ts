/**
 * Table definitions: how each CSV of a data package becomes a DuckDB table. Column types are given
 * explicitly so area keys stay text ("0101" must not become 101) and a stray letter in a numeric
 * column fails loudly instead of turning the column into text.
 */
export interface TableSpec {
	table: string;
	resource: string;
	columns: Record<string, 'VARCHAR' | 'DOUBLE' | 'INTEGER'>;
}

export const TABLES: TableSpec[] = [
	{
		table: 'indicators',
		resource: 'indicators',
		columns: {
			id: 'VARCHAR', label_de: 'VARCHAR', label_en: 'VARCHAR', unit: 'VARCHAR', multiplier: 'DOUBLE',
			value_type: 'VARCHAR', polarity: 'VARCHAR', life_phase: 'VARCHAR', topic: 'VARCHAR',
			definition_de: 'VARCHAR', definition_en: 'VARCHAR', numerator_label_de: 'VARCHAR',
			denominator_label_de: 'VARCHAR', source: 'VARCHAR', decimals: 'INTEGER'
		}
	},
	{
		table: 'observations',
		resource: 'observations',
		columns: {
			area_key: 'VARCHAR', indicator_id: 'VARCHAR', year: 'INTEGER', value: 'DOUBLE',
			numerator: 'DOUBLE', denominator: 'DOUBLE', flag: 'VARCHAR'
		}
	},
	{
		table: 'population',
		resource: 'population',
		columns: { area_key: 'VARCHAR', year: 'INTEGER', age_group: 'VARCHAR', persons: 'DOUBLE' }
	},
	{
		table: 'offers',
		resource: 'offers',
		columns: {
			id: 'VARCHAR', name: 'VARCHAR', provider: 'VARCHAR', life_phases: 'VARCHAR', topics: 'VARCHAR',
			area_key: 'VARCHAR', lon: 'DOUBLE', lat: 'DOUBLE', places: 'DOUBLE', description: 'VARCHAR'
		}
	},
	{
		table: 'targets',
		resource: 'targets',
		columns: {
			id: 'VARCHAR', indicator_id: 'VARCHAR', scope_type: 'VARCHAR', scope_keys: 'VARCHAR',
			baseline_year: 'INTEGER', baseline_value: 'DOUBLE', target_value: 'DOUBLE', target_year: 'INTEGER',
			owner: 'VARCHAR', decision: 'VARCHAR', note: 'VARCHAR', status: 'VARCHAR'
		}
	}
];

/**
 * Optional: published reference values (Stadtbezirke, whole territory with key "") that a public
 * package carries because its emptied cells cannot be summed into true totals.
 */
export const REFERENCES_TABLE: TableSpec = {
	table: 'references_published',
	resource: 'references',
	columns: { area_key: 'VARCHAR', indicator_id: 'VARCHAR', year: 'INTEGER', value: 'DOUBLE', numerator: 'DOUBLE', denominator: 'DOUBLE' }
};

/** Optional: crosswalk.csv, the shares of old areas on new ones (docs/levels-and-versions.md). */
export const CROSSWALK_TABLE: TableSpec = {
	table: 'crosswalk',
	resource: 'crosswalk',
	columns: { level: 'VARCHAR', from_version: 'VARCHAR', from_key: 'VARCHAR', to_version: 'VARCHAR', to_key: 'VARCHAR', weight: 'DOUBLE', method: 'VARCHAR' }
};

/** SQL that builds a table from a registered CSV file (strict: no silently skipped rows). */
export function createTableSql(spec: TableSpec, fileName: string): string {
	const cols = Object.entries(spec.columns)
		.map(([name, type]) => `'${name}': '${type}'`)
		.join(', ');
	// The file name is ours (generated), not user input; identifiers come from this file.
	return `CREATE OR REPLACE TABLE ${spec.table} AS
		SELECT * FROM read_csv('${fileName}', header = true, delim = ',', quote = '"', escape = '"',
			columns = {${cols}}, auto_detect = false, strict_mode = true)`;
}

/** Post-processing that keeps NULL out of text columns where "" has meaning, per table. */
export const NORMALISE_SQL: Record<string, string[]> = {
	observations: [`UPDATE observations SET flag = '' WHERE flag IS NULL`],
	offers: [`UPDATE offers SET topics = '' WHERE topics IS NULL`],
	targets: [`UPDATE targets SET scope_keys = '' WHERE scope_keys IS NULL`]
};
