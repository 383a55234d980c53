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

export interface Analysis {
	problems: ImportProblem[];
	geometry: GeometrySummary | null;
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

export function summarise(r: ImportResult): Analysis {
	const src = r.geometry;
	const enc = new TextEncoder();
	const files = r.package?.data ? Object.fromEntries(Object.entries(r.package.files).map(([k, v]) => [k, enc.encode(v)])) : null;
	const join = r.join && { ...r.join, unmatchedTable: r.join.unmatchedTable.slice(0, 200).map((g) => ({ ...g, places: g.places.map((p) => ({ ...p, rows: p.rows.slice(0, 20) })) })), totalRows: r.join.totalRows.slice(0, 50) };
	return {
		problems: r.problems,
		geometry: src && {
			file: src.file,
			fields: src.fields,
			featureCount: src.features.length,
			crs: src.crs,
			sample: src.features.slice(0, 8).map((f) => Object.fromEntries(src.fields.map((k) => [k, text(f.properties[k])]))),
			suggested: suggestAreaFields(src)
		},
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
