/**
 * The plain-language summary of a district profile, built only from computed facts. Wording rules,
 * so the text never claims more than the statistics support:
 * - "deutlich über/unter" only when the 95 % interval excludes the city value (compareArea);
 *   otherwise "über/unter … Unterschied nicht signifikant", or "entspricht" when both round equal;
 * - "steigt/sinkt seit {Jahr}" only for a significant recent trend (99.8 %, last five points);
 * - suppressed values are named as suppressed, never described;
 * - a mean of shares standing in for the city value is called what it is, without a significance claim.
 * Sentences avoid grammatical gender ("Beim Indikator „…“ liegt der Wert …"), because indicator
 * labels come from the data package and may be singular, plural, or any gender.
 */
import type { Indicator } from '$lib/data/types';
import type { MessageKey } from '$lib/i18n/messages';
import type { KeyFacts } from './facts';
import type { ProfileRow } from './rows';
import { pickDiverse, strength } from './notable';
import { isMeanReference, referenceName } from '$lib/stats/reference-label';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface SummaryFormat {
	t: Translate;
	label: (ind: Indicator) => string;
	/** Indicator value with unit, e.g. "31,2 %". */
	value: (v: number | null, ind: Indicator) => string;
	/** Plain count, e.g. "8.385". */
	count: (n: number) => string;
	/** Percentage with one decimal, e.g. "19,7 %". */
	percent: (p: number) => string;
}

export interface SummaryInput {
	areaName: string;
	districtName: string | null;
	year: number;
	/** Population of the chosen year (null when none was delivered). */
	facts: KeyFacts | null;
	factsYear: number | null;
	rows: readonly ProfileRow[];
	/** Indicator always described first (the package's default, usually child poverty). */
	headline: string | null;
	maxWorse?: number;
	maxBetter?: number;
}

export interface Summary {
	intro: string[];
	headline: string | null;
	worse: string[];
	better: string[];
	notes: string[];
}

const SIGNIFICANT = new Set(['better', 'worse', 'higher', 'lower']);

function trendClause(row: ProfileRow, f: SummaryFormat): string {
	const from = row.trend.years[0];
	switch (row.trend.trend) {
		case 'increasing':
			return f.t('profile.sum.trend.up', { from });
		case 'decreasing':
			return f.t('profile.sum.trend.down', { from });
		case 'no_significant_change':
			return f.t('profile.sum.trend.flat', { from });
		default:
			return '';
	}
}

/** One sentence about one indicator; null when there is no value or no city value to compare. */
export function indicatorSentence(row: ProfileRow, f: SummaryFormat): string | null {
	if (row.value === null || row.city === null) return null;
	const ind = row.indicator;
	const params = {
		label: f.label(ind),
		value: f.value(row.value, ind),
		city: f.value(row.city, ind),
		trend: trendClause(row, f)
	};
	// A mean of shares has no interval to test against: say what it is, claim no (non-)significance.
	if (isMeanReference(row.cityKind)) {
		const ref = { ...params, name: referenceName(row.cityKind, f.t) };
		if (params.value === params.city) return f.t('profile.sum.ind.equalRef', ref);
		return f.t(row.value > row.city ? 'profile.sum.ind.aboveRef' : 'profile.sum.ind.belowRef', ref);
	}
	if (SIGNIFICANT.has(row.comparison) && row.interval) {
		return f.t(row.interval.lower > row.city ? 'profile.sum.ind.sigAbove' : 'profile.sum.ind.sigBelow', params);
	}
	// Equal as shown: "über 18,4 % … (18,4 %)" would read as a contradiction.
	if (params.value === params.city) return f.t('profile.sum.ind.equal', params);
	return f.t(row.value > row.city ? 'profile.sum.ind.above' : 'profile.sum.ind.below', params);
}

export function profileSummary(input: SummaryInput, f: SummaryFormat): Summary {
	const { rows } = input;
	const intro: string[] = [];
	if (input.facts && input.facts.total !== null && input.factsYear !== null) {
		const fx = input.facts;
		const base = { year: input.factsYear, area: input.areaName, district: input.districtName ?? '', total: f.count(fx.total!) };
		if (fx.under18 !== null && fx.under18Share !== null) {
			const key = input.districtName ? 'profile.sum.facts' : 'profile.sum.factsNoDistrict';
			intro.push(f.t(key, { ...base, children: f.count(fx.under18), share: f.percent(fx.under18Share) }));
		}
	}
	const comparable = rows.filter((r) => r.comparison !== 'not_comparable');
	const count = (c: string) => comparable.filter((r) => r.comparison === c).length;
	if (comparable.length > 0) {
		intro.push(
			f.t('profile.sum.count', {
				year: input.year,
				n: comparable.length,
				worse: count('worse'),
				better: count('better'),
				similar: count('similar')
			})
		);
		const neutral = count('higher') + count('lower');
		if (neutral > 0) intro.push(f.t(neutral === 1 ? 'profile.sum.countNeutralOne' : 'profile.sum.countNeutral', { count: neutral }));
	}
	const head = rows.find((r) => r.indicator.id === input.headline) ?? null;
	const rest = rows.filter((r) => r !== head);
	const top = (c: 'worse' | 'better', max: number) =>
		pickDiverse(
			rest.filter((r) => r.comparison === c).sort((a, b) => strength(b) - strength(a)),
			head ? [head.indicator.topic] : [],
			max
		)
			.map((r) => indicatorSentence(r, f))
			.filter((s): s is string => s !== null);
	const notes: string[] = [];
	const suppressed = rows.filter((r) => r.flag === 'suppressed').map((r) => f.label(r.indicator));
	if (suppressed.length > 0) notes.push(f.t('profile.sum.suppressed', { list: suppressed.join('; ') }));
	const missing = rows.filter((r) => r.value === null && r.flag !== 'suppressed').map((r) => f.label(r.indicator));
	if (missing.length > 0) notes.push(f.t('profile.sum.missing', { year: input.year, list: missing.join('; ') }));
	return {
		intro,
		headline: head ? indicatorSentence(head, f) : null,
		worse: top('worse', input.maxWorse ?? 3),
		better: top('better', input.maxBetter ?? 2),
		notes
	};
}
