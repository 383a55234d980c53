/**
 * What a console result can be shown as, read from its columns and values: a map when a text
 * column holds area keys of the finest level and there is a number to colour by; a line chart when
 * a column holds years; a bar chart when a text column names the bars. Pure, so the page only asks.
 */
import type { QueryResult } from '$lib/data/connector';

export interface ResultShape {
	/** Column holding area keys of the finest level (most of its values are keys). */
	areaColumn: number | null;
	/** Numeric columns that can be drawn (not the year column). */
	valueColumns: number[];
	/** Column of whole numbers between 1900 and 2100, preferably named year/jahr. */
	yearColumn: number | null;
	/** Text column naming bars or series (an area name before a key). */
	labelColumn: number | null;
	/** Column "flag": rows flagged "suppressed" are drawn hatched on the map. */
	flagColumn: number | null;
}

export type ChartKind = 'line' | 'bar';

/** Share of an area column's values that must be known area keys. */
const AREA_SHARE = 0.8;

const YEAR_NAMES = /^(year|jahr|berichtsjahr)$/i;
const NAME_HINT = /name|label|bezeichnung|indikator/i;

export function resultShape(result: QueryResult, areaKeys: ReadonlySet<string>): ResultShape {
	const { columns, rows } = result;
	const values = (i: number) => rows.map((r) => r[i]).filter((v) => v !== null && v !== undefined);
	let areaColumn: number | null = null;
	let best = 0;
	columns.forEach((c, i) => {
		if (c.kind !== 'text') return;
		const v = values(i);
		if (v.length === 0) return;
		const share = v.filter((x) => areaKeys.has(String(x))).length / v.length;
		if (share >= AREA_SHARE && share > best) {
			best = share;
			areaColumn = i;
		}
	});
	const isYear = (i: number) => {
		if (columns[i].kind !== 'number') return false;
		const v = values(i);
		return v.length > 0 && v.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 1900 && x <= 2100);
	};
	const yearCandidates = columns.map((_, i) => i).filter(isYear);
	const yearColumn = yearCandidates.find((i) => YEAR_NAMES.test(columns[i].name)) ?? (yearCandidates.length > 0 && yearCandidates.length < columns.filter((c) => c.kind === 'number').length ? yearCandidates[0] : null);
	const valueColumns = columns.map((c, i) => i).filter((i) => columns[i].kind === 'number' && i !== yearColumn);
	const texts = columns.map((_, i) => i).filter((i) => columns[i].kind === 'text' && columns[i].name.toLowerCase() !== 'flag');
	const labelColumn = texts.find((i) => i !== areaColumn && NAME_HINT.test(columns[i].name)) ?? texts.find((i) => i !== areaColumn) ?? (areaColumn ?? null);
	const flag = columns.findIndex((c) => c.name.toLowerCase() === 'flag' && c.kind === 'text');
	return { areaColumn, valueColumns, yearColumn: yearColumn ?? null, labelColumn, flagColumn: flag >= 0 ? flag : null };
}

export function chartKind(shape: ResultShape): ChartKind | null {
	if (shape.valueColumns.length === 0) return null;
	if (shape.yearColumn !== null) return 'line';
	return shape.labelColumn !== null ? 'bar' : null;
}

export function canMap(shape: ResultShape): boolean {
	return shape.areaColumn !== null && shape.valueColumns.length > 0;
}

/** The value column shown by default: the last number (the one a query usually computes last). */
export function defaultValueColumn(shape: ResultShape): number | null {
	return shape.valueColumns.length ? shape.valueColumns[shape.valueColumns.length - 1] : null;
}
