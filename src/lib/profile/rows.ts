/**
 * One indicator of the district profile: the area's value in the chosen year against the city, with
 * everything a row of the Steckbrief shows — 95 % interval, polarity-aware comparison (Fingertips
 * rule via compareArea), recent trend (last five points up to the chosen year), rank among the
 * areas, and the spread of all areas for the spine chart. Pure: the page hands in what the engine
 * returned.
 */
import type { AreaValue, ReferencePoint, SeriesPoint } from '$lib/data/engine';
import type { Indicator, ObservationFlag } from '$lib/data/types';
import { compareArea, type PolarityComparison } from '$lib/stats/compare';
import type { Interval } from '$lib/stats/intervals';
import { recentTrend, trendWithPolarity, type TrendResult, type TrendWithPolarity } from '$lib/stats/trend';
import { quantileType7 } from '$lib/stats/classify';
import { ranks, type Rank } from './ranks';
import type { ReferenceKind } from '$lib/stats/reference-label';

/** Spread of the published values of all areas in one year. */
export interface Spread {
	min: number;
	q25: number;
	median: number;
	q75: number;
	max: number;
	n: number;
}

export interface ProfileRow {
	indicator: Indicator;
	year: number;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	/** 'missing' also when the area has no row at all for the year. */
	flag: ObservationFlag;
	city: number | null;
	/** What `city` is: the pooled city value, or a mean of shares standing in for it (then labelled). */
	cityKind: ReferenceKind | null;
	interval: Interval | null;
	comparison: PolarityComparison;
	trend: TrendResult;
	trendWord: TrendWithPolarity;
	rank: Rank | null;
	spread: Spread | null;
	/** The area's and the city's series up to the chosen year (sparkline). */
	series: { year: number; value: number | null }[];
	citySeries: { year: number; value: number | null }[];
}

export interface RowInput {
	indicator: Indicator;
	year: number;
	areaKey: string;
	/** All base areas for the indicator and year (engine.valuesFor). */
	values?: readonly AreaValue[];
	/**
	 * Instead of `values`: the area's own row with its rank and the year's spread, precomputed at
	 * build time from the same values by the same functions (src/lib/data/precomputed.ts).
	 */
	precomputed?: { own: AreaValue | undefined; rank: Rank | null; spread: Spread | null };
	/** The area's series (engine.seriesFor). */
	series: readonly SeriesPoint[];
	/** City reference per year (engine.referenceSeries). */
	city: readonly ReferencePoint[];
	/** Confidence level of the comparison; the profile uses 95 %. */
	level?: number;
}

export function spreadOf(values: readonly (number | null)[]): Spread | null {
	const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
	if (v.length === 0) return null;
	return {
		min: v[0],
		q25: quantileType7(v, 0.25),
		median: quantileType7(v, 0.5),
		q75: quantileType7(v, 0.75),
		max: v[v.length - 1],
		n: v.length
	};
}

export function profileRow(input: RowInput): ProfileRow {
	const { indicator, year, areaKey } = input;
	const values = input.values ?? [];
	const own = input.precomputed ? input.precomputed.own : values.find((r) => r.area_key === areaKey);
	const cityPoint = input.city.find((p) => p.year === year) ?? null;
	const city = cityPoint?.value ?? null;
	const value = own?.value ?? null;
	const cmp =
		value === null
			? null
			: compareArea(own!, city, {
					valueType: indicator.value_type,
					multiplier: indicator.multiplier,
					level: input.level ?? 0.95,
					polarity: indicator.polarity
				});
	// The trend ends at the chosen year: a profile of 2022 must not report what happened after.
	const upTo = input.series.filter((p) => p.year <= year);
	const trend = recentTrend(upTo, { valueType: indicator.value_type, level: 0.998 });
	return {
		indicator,
		year,
		value,
		numerator: own?.numerator ?? null,
		denominator: own?.denominator ?? null,
		flag: own ? own.flag : 'missing',
		city,
		cityKind: cityPoint ? { basis: cityPoint.basis, weights: cityPoint.weights } : null,
		interval: cmp?.interval ?? null,
		comparison: cmp?.withPolarity ?? 'not_comparable',
		trend,
		trendWord: trendWithPolarity(trend.trend, indicator.polarity),
		rank: value === null ? null : input.precomputed ? input.precomputed.rank : (ranks(values.map((r) => ({ key: r.area_key, value: r.value }))).get(areaKey) ?? null),
		spread: input.precomputed ? input.precomputed.spread : spreadOf(values.map((r) => r.value)),
		series: upTo.map((p) => ({ year: p.year, value: p.value })),
		citySeries: input.city.filter((p) => p.year <= year).map((p) => ({ year: p.year, value: p.value }))
	};
}
