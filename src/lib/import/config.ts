/**
 * The import configuration: everything a planner decides in the wizard, as JSON. The CLI
 * (pipelines/import/import.ts) reads it from a file; the wizard builds it step by step; both run
 * it through the same pipeline (pipeline.ts). docs/import.md documents every field.
 */
import type { CrsCode } from './crs';
import type { IndicatorMeta } from './indicator-meta';
import type { ColumnMapping } from './mapping';
import type { PlaceholderAction } from './placeholders';
import type { TableOptions } from './prepare-table';
import type { PackageMeta } from './build-package';

export interface GeometryConfig {
	/** .geojson / .json / .topojson, or .shp + .dbf (+ .prj, .cpg), or one .zip. */
	files: string[];
	/** Which layer when the files hold several (0-based; TopoJSON objects, several shapefiles). */
	layer?: number;
	/** CRS of the coordinates; default: from .prj / GeoJSON, else guessed (with a warning). */
	crs?: CrsCode;
	keyField?: string;
	nameField?: string;
	/** Pad digit-only keys with leading zeros to this width; "auto" = the widest key seen. */
	keyWidth?: number | 'auto';
	simplifyMetres?: number;
	/** DBF encoding, overrides the .cpg file. */
	dbfEncoding?: string;
}

export interface TableConfig extends TableOptions {
	file: string;
	/** Column roles; omitted roles are suggested from the header (and reported as suggested). */
	columns?: ColumnMapping;
	/** Year for the whole table when it has no year column. */
	year?: number;
	/** Indicator (label or id) for the whole table when it has no indicator column. */
	indicator?: string;
}

export interface ImportConfig {
	package: Omit<PackageMeta, 'created' | 'level'> & { created?: string; level?: PackageMeta['level'] };
	geometry: GeometryConfig;
	tables: TableConfig[];
	/** Metadata per indicator; `match` lists the labels used in the tables. */
	indicators: (Partial<IndicatorMeta> & { id: string })[];
	/** What each placeholder symbol means (must cover every symbol found). */
	placeholders?: Record<string, PlaceholderAction>;
	/** Also match rows by area name (umlauts, "St."/"Sankt", "/" vs "-" normalised). */
	matchByName?: boolean;
	/** Confirmed name → key decisions for names that are not equal after normalisation. */
	nameMatches?: Record<string, string>;
	/** CLI only: output folder, relative to the config file. */
	output?: string;
}

export const DEFAULT_LEVEL: PackageMeta['level'] = { id: 'sozialraum', label_de: 'Sozialraum', label_en: 'Social area' };
