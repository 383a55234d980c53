/**
 * Table definitions: how each CSV of a data package becomes a DuckDB table. Column types are given
 * explicitly so area keys stay text ("0101" must not become 101) and a stray letter in a numeric
 * column fails loudly instead of turning the column into text.
 */
export interface TableSpec {
	table: string;
	resource: string;
	columns: Record<string, 'VARCHAR' | 'DOUBLE' | 'INTEGER'>;
	/**
	 * Columns a file may leave out (they are then NULL). A table with optional columns is read by
	 * its header (createTableByHeaderSql), so columns may also come in any order.
	 */
	optional?: string[];
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
			area_key: 'VARCHAR', lon: 'DOUBLE', lat: 'DOUBLE', places: 'DOUBLE', description: 'VARCHAR',
			category: 'VARCHAR', address: 'VARCHAR', valid_from: 'VARCHAR', valid_to: 'VARCHAR'
		},
		optional: ['description', 'category', 'address', 'valid_from', 'valid_to']
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
 * Optional tables of the Bestandsaufnahme (networks, their members and meetings, measures). A
 * package without them loads as before; the tables are then empty.
 */
export const INVENTORY_TABLES: TableSpec[] = [
	{
		table: 'networks',
		resource: 'networks',
		columns: { id: 'VARCHAR', name: 'VARCHAR', level: 'VARCHAR', area_key: 'VARCHAR', coordinator: 'VARCHAR', description: 'VARCHAR' },
		optional: ['description']
	},
	{
		table: 'network_members',
		resource: 'network_members',
		columns: { network_id: 'VARCHAR', institution: 'VARCHAR', tier: 'VARCHAR', type: 'VARCHAR', type_label: 'VARCHAR' },
		optional: ['type_label']
	},
	{
		table: 'network_meetings',
		resource: 'network_meetings',
		columns: { network_id: 'VARCHAR', date: 'VARCHAR', topic: 'VARCHAR' },
		optional: []
	},
	{
		table: 'measures',
		resource: 'measures',
		columns: {
			id: 'VARCHAR', name: 'VARCHAR', target_ids: 'VARCHAR', offer_ids: 'VARCHAR', responsible: 'VARCHAR',
			start: 'VARCHAR', end: 'VARCHAR', status: 'VARCHAR', description: 'VARCHAR'
		},
		optional: ['end', 'description']
	}
];

/**
 * Optional: published reference values (Stadtbezirke, whole territory with key "") that a public
 * package carries because its emptied cells cannot be summed into true totals. `basis` says
 * whether a row is pooled or a (weighted) mean of shares (stats/reference-mean).
 */
export const REFERENCES_TABLE: TableSpec = {
	table: 'references_published',
	resource: 'references',
	columns: {
		area_key: 'VARCHAR', indicator_id: 'VARCHAR', year: 'INTEGER', value: 'DOUBLE', numerator: 'DOUBLE', denominator: 'DOUBLE',
		basis: 'VARCHAR', weights: 'VARCHAR', areas_used: 'INTEGER'
	}
};

/** The columns of references.csv before `basis` existed (every row pooled). */
const REFERENCES_POOLED_ONLY: TableSpec = {
	...REFERENCES_TABLE,
	columns: { area_key: 'VARCHAR', indicator_id: 'VARCHAR', year: 'INTEGER', value: 'DOUBLE', numerator: 'DOUBLE', denominator: 'DOUBLE' }
};

/** Optional: crosswalk.csv, the shares of old areas on new ones (docs/levels-and-versions.md). */
export const CROSSWALK_TABLE: TableSpec = {
	table: 'crosswalk',
	resource: 'crosswalk',
	columns: { level: 'VARCHAR', from_version: 'VARCHAR', from_key: 'VARCHAR', to_version: 'VARCHAR', to_key: 'VARCHAR', weight: 'DOUBLE', method: 'VARCHAR' }
};

/** The spec that matches a package's references.csv: a public copy made before `basis` has six columns. */
export function referencesSpec(resource: { schema?: { fields: { name: string }[] } }): TableSpec {
	return resource.schema?.fields.some((f) => f.name === 'basis') ? REFERENCES_TABLE : REFERENCES_POOLED_ONLY;
}

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

/**
 * The same for a table read by its header: the file's columns get positional names (c0, c1, …) so
 * nothing from the file enters the SQL; known columns are selected by position under their own
 * names with their types, unknown ones are dropped, missing optional ones are NULL.
 */
export function createTableByHeaderSql(spec: TableSpec, fileName: string, header: readonly string[]): string {
	const fileColumns = header.map((h, i) => `'c${i}': '${spec.columns[h] ?? 'VARCHAR'}'`).join(', ');
	const select = Object.entries(spec.columns)
		.map(([name, type]) => {
			const i = header.indexOf(name);
			return i >= 0 ? `c${i} AS "${name}"` : `CAST(NULL AS ${type}) AS "${name}"`;
		})
		.join(', ');
	return `CREATE OR REPLACE TABLE ${spec.table} AS
		SELECT ${select} FROM read_csv('${fileName}', header = true, delim = ',', quote = '"', escape = '"',
			columns = {${fileColumns}}, auto_detect = false, strict_mode = true)`;
}

/** Columns a header lacks that the spec requires (not optional). */
export function missingColumns(spec: TableSpec, header: readonly string[]): string[] {
	return Object.keys(spec.columns).filter((c) => !header.includes(c) && !spec.optional?.includes(c));
}

/** Post-processing that keeps NULL out of text columns where "" has meaning, per table. */
export const NORMALISE_SQL: Record<string, string[]> = {
	observations: [`UPDATE observations SET flag = '' WHERE flag IS NULL`],
	offers: [`UPDATE offers SET topics = '' WHERE topics IS NULL`, `UPDATE offers SET description = '' WHERE description IS NULL`, `UPDATE offers SET category = '' WHERE category IS NULL`, `UPDATE offers SET address = '' WHERE address IS NULL`],
	networks: [`UPDATE networks SET coordinator = '' WHERE coordinator IS NULL`, `UPDATE networks SET description = '' WHERE description IS NULL`],
	network_members: [`UPDATE network_members SET type_label = '' WHERE type_label IS NULL`],
	network_meetings: [`UPDATE network_meetings SET topic = '' WHERE topic IS NULL`],
	measures: [`UPDATE measures SET offer_ids = '' WHERE offer_ids IS NULL`, `UPDATE measures SET description = '' WHERE description IS NULL`],
	targets: [`UPDATE targets SET scope_keys = '' WHERE scope_keys IS NULL`],
	// An older public copy lacks the basis columns: its rows are all pooled.
	references_published: [
		`ALTER TABLE references_published ADD COLUMN IF NOT EXISTS basis VARCHAR`,
		`ALTER TABLE references_published ADD COLUMN IF NOT EXISTS weights VARCHAR`,
		`ALTER TABLE references_published ADD COLUMN IF NOT EXISTS areas_used INTEGER`,
		`UPDATE references_published SET basis = 'pooled' WHERE basis IS NULL OR basis = ''`
	]
};
