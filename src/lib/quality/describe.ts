/**
 * A finding in words: the sentence of its check (catalogue `analyse`, keys `q.msg.<check>`) with
 * the numbers formatted in the indicator's unit and the locale, and compact year lists
 * ("2014–2025", "2016, 2019, 2024").
 */
import type { Indicator } from '$lib/data/types';
import type { MessageKey } from '$lib/i18n/messages';
import { formatNumber, formatValue, type StatsLocale } from '$lib/stats/format';
import type { Finding } from './types';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Consecutive years as ranges: [2014…2025] → "2014–2025"; [2016, 2019] → "2016, 2019". */
export function yearsText(years: readonly number[]): string {
	const sorted = [...new Set(years)].sort((a, b) => a - b);
	const parts: string[] = [];
	for (let i = 0; i < sorted.length; ) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
		parts.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
		i = j + 1;
	}
	return parts.join(', ');
}

export function findingText(f: Finding, indicator: Indicator | undefined, t: Translate, locale: StatsLocale): string {
	const d = f.detail;
	const v = (x: number | undefined) => formatValue(x ?? null, indicator?.unit, indicator?.decimals ?? 1, locale);
	const n = (x: number | undefined, decimals = 0) => formatNumber(x ?? null, decimals, locale);
	switch (f.check) {
		case 'missing_areas':
			return d.zeroDenominator ? t('q.msg.missing_areas_zero', { missing: n(d.missing), total: n(d.total), zero: n(d.zeroDenominator) }) : t('q.msg.missing_areas', { missing: n(d.missing), total: n(d.total) });
		case 'missing_year':
			return t('q.msg.missing_year');
		case 'suppressed':
			return t('q.msg.suppressed', { cells: n(d.cells) });
		case 'small_denominator':
			return t('q.msg.small_denominator', { cells: n(d.cells), minimum: n(d.minimum), lowest: n(d.lowest) });
		case 'numerator_above_denominator':
			return t('q.msg.numerator_above_denominator', { numerator: n(d.numerator), denominator: n(d.denominator), value: v(d.value) });
		case 'own_outlier':
			return t('q.msg.own_outlier', { value: v(d.value), expected: v(d.expected), z: n(d.z, 1) });
		case 'jump':
			return t('q.msg.jump', { before: v(d.before), after: v(d.after), z: n(d.z, 1) });
		case 'neighbour_outlier':
			return t('q.msg.neighbour_outlier', { yearsFound: n(d.yearsFound), value: v(d.value), expected: v(d.expected), z: n(d.z, 1) });
		case 'series_break':
			return t('q.msg.series_break', { before: v(d.before), after: v(d.after), jumped: n(d.jumped), scored: n(d.scored) });
		case 'documented_break':
			return t('q.msg.documented_break');
		case 'level_sum':
			return t('q.msg.level_sum', { value: n(d.value), expected: n(d.expected), parts: n(d.parts) });
	}
}
