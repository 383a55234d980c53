/**
 * A console result on the map: each area of the finest level gets the value of the first result
 * row with its key; the atlas' choropleth model then classes and colours them (quantiles, 5
 * classes, neutral purple: a query's number has no known good direction). Areas the result does
 * not name are "no data"; a row flagged "suppressed" or a value shown as "•" is drawn hatched.
 */
import type { AreaInfo, AreaValue } from '$lib/data/engine';
import type { QueryResult } from '$lib/data/connector';
import type { Indicator } from '$lib/data/types';
import { choroplethModel, type ChoroplethModel } from '$lib/atlas/choropleth-model';
import { DEFAULT_VIEW } from '$lib/atlas/url-state';
import { SUPPRESSED } from '$lib/data/analysis/result-disclosure';
import type { ResultShape } from './result-shape';

export interface ResultMap {
	rows: AreaValue[];
	/** Result rows whose area had already been placed (the map shows the first). */
	duplicates: number;
	/** Decimals that show the values (up to 2). */
	decimals: number;
}

export function resultAreaValues(result: QueryResult, shape: ResultShape, valueColumn: number, areas: readonly AreaInfo[]): ResultMap {
	const key = shape.areaColumn!;
	const first = new Map<string, QueryResult['rows'][number]>();
	let duplicates = 0;
	for (const r of result.rows) {
		const k = String(r[key]);
		if (first.has(k)) duplicates++;
		else first.set(k, r);
	}
	let decimals = 0;
	const rows = areas.map((a): AreaValue => {
		const r = first.get(a.key);
		const v = r?.[valueColumn];
		const suppressed = v === SUPPRESSED || (shape.flagColumn !== null && r?.[shape.flagColumn] === 'suppressed');
		const value = typeof v === 'number' && Number.isFinite(v) && !suppressed ? v : null;
		if (value !== null) decimals = Math.max(decimals, Math.min(2, (String(value).split('.')[1] ?? '').length));
		return { area_key: a.key, name: a.name, parent: a.parent, value, numerator: null, denominator: null, flag: suppressed ? 'suppressed' : value === null ? 'missing' : '' };
	});
	return { rows, duplicates, decimals };
}

export function resultChoropleth(map: ResultMap, locale: 'de-DE' | 'en-GB'): ChoroplethModel {
	const indicator = { id: 'result', polarity: 'neutral', value_type: 'count', multiplier: 1, unit: '', decimals: map.decimals } as Indicator;
	return choroplethModel({ rows: map.rows, indicator, view: DEFAULT_VIEW, cityValue: null, locale, categoryLabel: () => '' });
}
