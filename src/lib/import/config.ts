/**
 * The import configuration: everything a planner decides in the wizard, as JSON. The CLI
 * (pipelines/import/import.ts) reads it from a file; the wizard builds it step by step; both run
 * it through the same pipeline (pipeline.ts). docs/import.md documents every field.
 */
import type { CrsCode } from './crs';
import type { IndicatorMeta } from './indicator-meta';
import type { KeySetting } from './keys';
import type { ColumnMapping } from './mapping';
import type { MendAction } from './mend';
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
	/**
	 * Attribute holding the key of the containing area on the next level up (e.g. Berlin's
	 * „BZR_ID“). Absent: suggested when an attribute's values are the next level's keys, else the
	 * parent is found by point-in-polygon containment. `""` = never use an attribute.
	 */
	parentField?: string;
	/**
	 * How digit-only keys are written: pad with leading zeros to this width, `"strip"` the zeros,
	 * `0` leave them, `"auto"` (default) = the widest key when lengths differ. One rule per level:
	 * it applies to this map, to the parent keys naming this level and (finest level) to the tables.
	 */
	keyWidth?: KeySetting;
	simplifyMetres?: number;
	/** DBF encoding, overrides the .cpg file. */
	dbfEncoding?: string;
}

/** One boundary version (Gebietsstand) of a level: the complete level as it was in those years. */
export interface VersionConfig {
	/** Short id, e.g. "2021". */
	id: string;
	label_de?: string;
	label_en?: string;
	/** First and last reporting year (inclusive); null = since always / still valid. */
	valid_from: number | null;
	valid_to: number | null;
	geometry: GeometryConfig;
}

/** Weights between two versions of a level (docs/levels-and-versions.md, crosswalk.csv). */
export interface CrosswalkConfig extends TableOptions {
	/** A table of the statistics office: old key, new key and optionally the share. */
	file?: string;
	/** Column names; absent = suggested from the header ("alt", "neu", "Anteil"). */
	columns?: { from?: string; to?: string; weight?: string };
	/** Versions the table maps between (default: the two oldest without a file of their own). */
	from_version?: string;
	to_version?: string;
	/** Compute area weights by intersecting the versions' polygons (for pairs without a file). */
	compute?: boolean;
}

export interface LevelConfig {
	/** Lower case, [a-z][a-z0-9_]*: "ortsteil". */
	id: string;
	label_de: string;
	label_en: string;
	label_plural_de?: string;
	label_plural_en?: string;
	/** The map of the level (one boundary version) … */
	geometry?: GeometryConfig;
	/** … or its versions, oldest first. */
	versions?: VersionConfig[];
	crosswalks?: CrosswalkConfig[];
}

/** The top level (the whole territory), added when the coarsest map has more than one area. */
export interface TerritoryConfig {
	id: string;
	label_de: string;
	label_en: string;
	/** Key of the one area (default "0"). */
	key?: string;
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
	/** One map, one level (`package.level`, default Sozialraum): the form before levels existed. */
	geometry?: GeometryConfig;
	/** 1–4 levels with a map each, finest first. Tables are joined to the finest level. */
	levels?: LevelConfig[];
	/** The whole territory as top level; default for two or more levels: „Stadt“ (or „Kreis“). */
	territory?: TerritoryConfig | false;
	tables: TableConfig[];
	/** Metadata per indicator; `match` lists the labels used in the tables. */
	indicators: (Partial<IndicatorMeta> & { id: string })[];
	/** What each placeholder symbol means (must cover every symbol found). */
	placeholders?: Record<string, PlaceholderAction>;
	/**
	 * Also propose areas by name for rows whose key has no polygon (rows without any key always get
	 * proposals). A proposal is used only when confirmed in `nameMatches`. Default off.
	 */
	matchByName?: boolean;
	/** Confirmed name → area key decisions: the only way a row is matched by its name. */
	nameMatches?: Record<string, string>;
	/** Confirmed repairs of the maps (rename, drop, merge, …); each is recorded in the package. */
	mend?: MendAction[];
	/** CLI only: output folder, relative to the config file. */
	output?: string;
}

export const DEFAULT_LEVEL: PackageMeta['level'] = { id: 'sozialraum', label_de: 'Sozialraum', label_en: 'Social area' };

/** Levels of a config, finest first: `levels`, or the single `geometry` as one level. */
export function levelsOf(config: ImportConfig): LevelConfig[] {
	if (config.levels?.length) return config.levels;
	const level = config.package.level ?? DEFAULT_LEVEL;
	return [{ ...level, geometry: config.geometry ?? { files: [] } }];
}

/** One map of a level: its only geometry, or one version. */
export interface MapRef {
	level: LevelConfig;
	version: VersionConfig | null;
	geometry: GeometryConfig;
}

export function mapsOf(level: LevelConfig): MapRef[] {
	if (level.versions?.length) return level.versions.map((v) => ({ level, version: v, geometry: v.geometry }));
	return [{ level, version: null, geometry: level.geometry ?? { files: [] } }];
}

/** Every file a config reads. */
export function configFiles(config: ImportConfig): string[] {
	const maps = levelsOf(config).flatMap(mapsOf).flatMap((m) => m.geometry.files);
	const crosswalks = levelsOf(config).flatMap((l) => l.crosswalks ?? []).flatMap((c) => (c.file ? [c.file] : []));
	return [...new Set([...maps, ...config.tables.map((t) => t.file), ...crosswalks])];
}
