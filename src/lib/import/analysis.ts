/**
 * What the wizard needs to see of an ImportResult, small enough to post from the worker to the page
 * without copying a million rows: previews, reports, suggestions, counts, and the package files
 * (as bytes, transferable) once built.
 */
import { suggestAreaFields } from './areas';
import type { CrsCode } from './crs';
import { cellText } from './grid';
import type { IndicatorMeta } from './indicator-meta';
import type { JoinReport } from './join';
import { suggestMapping, type ColumnMapping } from './mapping';
import type { ImportResult } from './pipeline';
import type { PlaceholderFinding } from './placeholders';
import type { ImportProblem } from './problems';
import type { MapIssue } from './map-check';
import type { GeometrySource } from './geo-read';
import { versionLabel } from './versions';
import { detectWide } from './reshape';

export interface TableSummary {
	file: string;
	kind: 'csv' | 'spreadsheet';
	sheetNames: string[];
	sheet?: string;
	encoding?: string;
	delimiter?: string;
	decimal: string;
	/** 1-based, as the spreadsheet shows it. */
	headerRow: number;
	headerRows: number;
	columns: string[];
	wide: boolean;
	/** Whether the header has year columns at all (the "years as columns" switch makes sense). */
	yearColumns: boolean;
	/** The first rows of the file as read, text only. */
	head: string[][];
	/** The first rows of the long table the mapping works on. */
	longColumns: string[];
	preview: string[][];
	rowCount: number;
	suggested: ColumnMapping;
}

export interface GeometrySummary {
	file: string;
	fields: string[];
	featureCount: number;
	crs: { code: CrsCode; from: 'file' | 'guess'; sure: boolean } | null;
	sample: Record<string, string>[];
	suggested: { keyField: string; nameField: string };
}

/** One map of one level, as the wizard shows it where the map is first read. */
export interface MapSummary extends GeometrySummary {
	/** The config's files of this map (identifies it in the wizard). */
	files: string[];
	level: string;
	levelLabel: string;
	version?: string;
	versionLabel?: string;
	/** The level's key rule in German with examples. */
	keyRuleText: string;
	/** How parents were found, in German; absent on the top level. */
	parentNote?: string;
	/** Attribute with the parent's key, when one was used. */
	parentField?: string;
	/** Whether there is a level above (so a parent attribute makes sense). */
	hasParentLevel: boolean;
	issues: MapIssue[];
}

export interface Analysis {
	problems: ImportProblem[];
	/** The finest level's newest map (the single map of a one-level import). */
	geometry: GeometrySummary | null;
	/** Every map of every level, finest level first. */
	maps: MapSummary[];
	/** Levels finest first, with the whole territory when added. */
	levels: { id: string; label: string; maps: number; crosswalk?: 'given' | 'area' }[];
	tables: TableSummary[];
	join: JoinReport | null;
	placeholders: PlaceholderFinding[];
	indicators: IndicatorMeta[];
	areaCount: number;
	observationCount: number;
	/** Built and validated package: path → bytes. Only when the build succeeded. */
	files: Record<string, Uint8Array> | null;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function geometrySummary(src: GeometrySource): GeometrySummary {
	return {
		file: src.file,
		fields: src.fields,
		featureCount: src.features.length,
		crs: src.crs,
		sample: src.features.slice(0, 8).map((f) => Object.fromEntries(src.fields.map((k) => [k, text(f.properties[k])]))),
		suggested: suggestAreaFields(src)
	};
}

export function summarise(r: ImportResult): Analysis {
	const src = r.geometry;
	const maps: MapSummary[] = r.levels.flatMap((l, i) =>
		l.maps.flatMap((m) => {
			if (!m.source) return [];
			const pm = m.parentMethod;
			const above = r.levels[i + 1]?.config.label_de;
			const parentNote = !pm || pm.kind === 'top' ? undefined : pm.kind === 'field' ? `${above}: aus dem Attribut „${pm.field}“` : `${above}: nach der Lage (Punkt in Fläche)`;
			return [{
				...geometrySummary(m.source),
				files: m.ref.geometry.files,
				level: l.config.id,
				levelLabel: l.config.label_de,
				...(m.ref.version ? { version: m.ref.version.id, versionLabel: versionLabel(m.ref.version) } : {}),
				keyRuleText: l.keyRuleText,
				...(parentNote ? { parentNote } : {}),
				...(pm?.kind === 'field' ? { parentField: pm.field } : {}),
				hasParentLevel: i + 1 < r.levels.length,
				issues: m.issues
			}];
		})
	);
	const crosswalkOf = (id: string) => r.crosswalk.find((c) => c.level === id)?.method;
	const levels: Analysis['levels'] = r.levels.map((l) => ({ id: l.config.id, label: l.config.label_de, maps: l.maps.length, ...(crosswalkOf(l.config.id) ? { crosswalk: crosswalkOf(l.config.id) as 'given' | 'area' } : {}) }));
	if (r.territory) levels.push({ id: r.territory.level.id, label: r.territory.level.label_de, maps: 0 });
	const enc = new TextEncoder();
	const files = r.package?.data ? Object.fromEntries(Object.entries(r.package.files).map(([k, v]) => [k, enc.encode(v)])) : null;
	const join = r.join && { ...r.join, unmatchedTable: r.join.unmatchedTable.slice(0, 200).map((g) => ({ ...g, places: g.places.map((p) => ({ ...p, rows: p.rows.slice(0, 20) })) })), totalRows: r.join.totalRows.slice(0, 50) };
	return {
		problems: r.problems,
		geometry: src && geometrySummary(src),
		maps,
		levels,
		tables: r.tables.map((t) => ({
			file: t.file,
			kind: t.kind,
			sheetNames: t.sheetNames,
			sheet: t.sheet,
			encoding: t.encoding,
			delimiter: t.delimiter,
			decimal: t.decimal,
			headerRow: t.layout.headerRow + 1,
			headerRows: t.layout.headerRows,
			columns: t.layout.columns,
			wide: t.wide,
			yearColumns: detectWide(t.layout.columns) !== null,
			head: t.head.slice(0, 14).map((row) => row.map(cellText)),
			longColumns: t.long.columns,
			preview: t.long.rows.slice(0, 8).map((row) => row.cells.map(cellText)),
			rowCount: t.long.rows.length,
			suggested: suggestMapping(t.long)
		})),
		join,
		placeholders: r.placeholders,
		indicators: r.indicators,
		areaCount: r.areas.length,
		observationCount: r.observations.length,
		files
	};
}
