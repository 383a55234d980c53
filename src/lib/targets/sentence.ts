/**
 * The assessment in plain words, built only from the facts of the assessment (value, Soll, target,
 * interval, projection), in German or English. Example:
 * „Die Kennzahl „SGB-II-Quote unter 15 Jahren“ liegt in Werftviertel 2025 bei 46,0 % (Ziel 2030: 25,0 %,
 * Soll 2025: 32,9 %). Das Ziel ist nicht auf Kurs: … Der Trend der letzten Jahre lässt das Ziel
 * voraussichtlich verfehlen (…).“
 */
import type { Indicator, Target } from '$lib/data/types';
import type { Locale } from '$lib/i18n/messages';
import { intlLocale, translate } from '$lib/i18n/translate';
import { formatValue } from '$lib/stats/format';
import type { Assessment } from './assess';
import { clampToRange } from './model';
import { MIN_PROJECTION_POINTS } from './project';

export interface SentenceContext {
	target: Target;
	indicator: Indicator;
	/** From scopePhrase(): "in Werftviertel". */
	scope: string;
	locale: Locale;
}

export function assessmentSentence(a: Assessment, ctx: SentenceContext): string {
	const { target: t, indicator: ind, scope, locale } = ctx;
	const tr = translate.bind(null, locale);
	const fmt = (v: number | null) => formatValue(v, ind.unit, ind.decimals, intlLocale(locale));
	const label = locale === 'de' ? ind.label_de : ind.label_en || ind.label_de;
	const parts: string[] = [];

	if (a.year === null) return tr('targets.sentence.no_data', { indicator: label, scope });
	if (a.status === 'not_assessable') {
		if (a.reason === 'suppressed') parts.push(tr('targets.sentence.suppressed', { scope, year: a.year }));
		else if (a.reason === 'not_after_baseline') parts.push(tr('targets.sentence.not_after_baseline', { year: t.baseline_year }));
		else parts.push(tr('targets.sentence.no_value', { scope, year: a.year }));
	} else if (a.latest) {
		const value = fmt(a.latest.value) + (a.latest.provisional ? ` (${tr('targets.provisional')})` : '');
		parts.push(tr('targets.sentence.value', { indicator: label, scope, year: a.year, value, targetYear: t.target_year, target: fmt(t.target_value), required: fmt(a.required) }));
		const ci = { lower: fmt(a.latest.lower), upper: fmt(a.latest.upper) };
		if (a.reached) parts.push(tr('targets.sentence.reached'));
		else if (a.reason === 'good_side') parts.push(tr('targets.sentence.good_side'));
		else if (a.reason === 'within_interval') parts.push(tr('targets.sentence.within_interval', ci));
		else parts.push(tr('targets.sentence.wrong_side', { ...ci, side: tr(a.goal === 'lower' ? 'targets.sentence.higher' : 'targets.sentence.lower') }));
	}

	const p = a.projection;
	if (p.at) {
		const params = { targetYear: t.target_year, value: fmt(clampToRange(p.at.value, ind)), lower: fmt(clampToRange(p.at.lower, ind)), upper: fmt(clampToRange(p.at.upper, ind)) };
		if (p.status === 'likely_met') parts.push(tr('targets.sentence.likely_met', params));
		else if (p.status === 'likely_missed') parts.push(tr('targets.sentence.likely_missed', params));
		else parts.push(tr('targets.sentence.uncertain', params));
	} else if (p.reason === 'too_few_points' || p.reason === 'series_break') {
		parts.push(tr(`targets.sentence.${p.reason}`, { n: MIN_PROJECTION_POINTS }));
	} else if (p.reason === 'target_year_passed') {
		parts.push(tr('targets.sentence.target_year_passed', { targetYear: t.target_year }));
	}
	return parts.join(' ');
}
