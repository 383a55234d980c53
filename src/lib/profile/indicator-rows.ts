/**
 * The indicator page's table: every area with value, 95 % interval, comparison with the city, recent
 * trend and rank, plus sorting. Suppressed and missing rows always sort last, in either direction:
 * they have no value, and putting them first on "ascending" would make them look like the lowest.
 */
import type { AreaValue, SeriesPoint } from '$lib/data/engine';
import type { Indicator, ObservationFlag } from '$lib/data/types';
import { compareArea, type PolarityComparison } from '$lib/stats/compare';
import type { Interval } from '$lib/stats/intervals';
import { recentTrend, trendWithPolarity, type TrendWithPolarity } from '$lib/stats/trend';
import { ranks } from './ranks';

export interface AreaRow {
	key: string;
	name: string;
	district: string;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	flag: ObservationFlag;
	interval: Interval | null;
	comparison: PolarityComparison;
	trend: TrendWithPolarity;
	rank: number | null;
}

/** Per-year values of all areas (engine.valuesFor for each year) → one series per area. */
export function seriesByArea(years: readonly { year: number; rows: readonly AreaValue[] }[]): Map<string, SeriesPoint[]> {
	const out = new Map<string, SeriesPoint[]>();
	for (const { year, rows } of [...years].sort((a, b) => a.year - b.year)) {
		for (const r of rows) {
			const s = out.get(r.area_key) ?? [];
			s.push({ year, value: r.value, numerator: r.numerator, denominator: r.denominator, flag: r.flag });
			out.set(r.area_key, s);
		}
	}
	return out;
}

/** Values of a year on the newest boundary version, as engine.convertedValuesFor gives them. */
export type OlderYearRows = { year: number; rows: readonly (AreaValue & Pick<SeriesPoint, 'origin' | 'split_share'>)[] };

/**
 * The series the indicator page draws across a boundary change: every area's own values, and for
 * today's areas their earlier years from the crosswalk — exact regroupings always (they continue
 * the line), converted estimates only when a method was chosen. Converting puts everything onto
 * today's areas, so the areas that no longer exist are left out then (their converted successors
 * carry their counts).
 */
export function seriesAcrossVersions(
	own: ReadonlyMap<string, readonly SeriesPoint[]>,
	older: readonly OlderYearRows[],
	o: { convert: boolean; today: ReadonlySet<string> }
): Map<string, SeriesPoint[]> {
	const out = new Map<string, SeriesPoint[]>();
	for (const [key, points] of own) if (!o.convert || o.today.has(key)) out.set(key, [...points]);
	for (const { year, rows } of older) {
		for (const r of rows) {
			if (!r.origin || !o.today.has(r.area_key) || (r.origin === 'converted' && !o.convert)) continue;
			const s = out.get(r.area_key) ?? [];
			if (s.some((p) => p.year === year)) continue;
			s.push({ year, value: r.value, numerator: r.numerator, denominator: r.denominator, flag: r.flag, origin: r.origin, ...(r.split_share !== undefined ? { split_share: r.split_share } : {}) });
			out.set(r.area_key, s);
		}
	}
	for (const s of out.values()) s.sort((a, b) => a.year - b.year);
	return out;
}

export interface RowsInput {
	indicator: Indicator;
	year: number;
	values: readonly AreaValue[];
	series: Map<string, SeriesPoint[]>;
	city: number | null;
	districtNames: Map<string, string>;
}

export function indicatorRows(input: RowsInput): AreaRow[] {
	const { indicator, year } = input;
	const rank = ranks(input.values.map((r) => ({ key: r.area_key, value: r.value })));
	return input.values.map((r) => {
		const cmp =
			r.value === null
				? null
				: compareArea(r, input.city, { valueType: indicator.value_type, multiplier: indicator.multiplier, level: 0.95, polarity: indicator.polarity });
		const upTo = (input.series.get(r.area_key) ?? []).filter((p) => p.year <= year);
		const trend = recentTrend(upTo, { valueType: indicator.value_type, level: 0.998 });
		return {
			key: r.area_key,
			name: r.name,
			district: input.districtNames.get(r.parent) ?? r.parent,
			value: r.value,
			numerator: r.numerator,
			denominator: r.denominator,
			flag: r.flag,
			interval: cmp?.interval ?? null,
			comparison: cmp?.withPolarity ?? 'not_comparable',
			trend: trendWithPolarity(trend.trend, indicator.polarity),
			rank: rank.get(r.area_key)?.rank ?? null
		};
	});
}

export type SortKey = 'name' | 'district' | 'value' | 'numerator' | 'denominator' | 'rank' | 'comparison' | 'trend';
export type SortDir = 'asc' | 'desc';

const COMPARISON_ORDER: PolarityComparison[] = ['worse', 'higher', 'similar', 'lower', 'better', 'not_comparable'];
const TREND_ORDER: TrendWithPolarity[] = ['getting_worse', 'increasing', 'no_significant_change', 'decreasing', 'getting_better', 'cannot_be_calculated'];

function sortValue(r: AreaRow, key: SortKey): string | number | null {
	switch (key) {
		case 'name':
		case 'district':
			return r[key];
		case 'comparison':
			return r.comparison === 'not_comparable' ? null : COMPARISON_ORDER.indexOf(r.comparison);
		case 'trend':
			return r.trend === 'cannot_be_calculated' ? null : TREND_ORDER.indexOf(r.trend);
		default:
			return r[key];
	}
}

export function sortRows(rows: readonly AreaRow[], key: SortKey, dir: SortDir): AreaRow[] {
	const sign = dir === 'asc' ? 1 : -1;
	return [...rows].sort((a, b) => {
		const va = sortValue(a, key);
		const vb = sortValue(b, key);
		if (va === null || vb === null) {
			if (va !== vb) return va === null ? 1 : -1;
		} else {
			const c = typeof va === 'string' ? va.localeCompare(vb as string, 'de') : va - (vb as number);
			if (c !== 0) return sign * c;
		}
		// stable, readable tie-break: by name
		return a.name.localeCompare(b.name, 'de');
	});
}
