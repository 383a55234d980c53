/**
 * The served layout of a package (written at build time by pipelines/serve/prepare.ts): one
 * observation file per indicator with the disclosure decision in a `withheld` column, and the
 * withheld totals in one small table. Shared by the build step and the engine so both agree on
 * file names and columns.
 */
import type { TableSpec } from './schema';

export const PART_COLUMNS = ['area_key', 'indicator_id', 'year', 'value', 'numerator', 'denominator', 'flag', 'withheld'] as const;

/** Numbered, not named after the indicator: ids are data, file names must stay safe everywhere. */
export function partPath(index: number): string {
	return `parts/obs-${String(index).padStart(3, '0')}.csv`;
}

export const PART_TABLE: TableSpec = {
	table: 'observation_part',
	resource: 'observation_parts',
	columns: {
		area_key: 'VARCHAR', indicator_id: 'VARCHAR', year: 'INTEGER', value: 'DOUBLE',
		numerator: 'DOUBLE', denominator: 'DOUBLE', flag: 'VARCHAR', withheld: 'VARCHAR'
	}
};

export const SUPPRESSED_TOTALS_TABLE: TableSpec = {
	table: 'suppressed_totals',
	resource: 'suppressed_totals',
	columns: { area_key: 'VARCHAR', indicator_id: 'VARCHAR', year: 'INTEGER', reason: 'VARCHAR' }
};
