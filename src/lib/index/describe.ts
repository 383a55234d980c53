/**
 * The method in plain language, generated from the settings and the result, so the text in a report
 * always matches what was computed ("Der Index fasst 3 Indikatoren zusammen …"). Translated through
 * the caller's t(); numbers are formatted for the locale.
 */
import type { MessageKey } from '$lib/i18n/messages';
import type { Params } from '$lib/i18n/translate';
import { formatAsEntered, formatNumber, type StatsLocale } from '$lib/stats/format';
import type { IndexSettings } from './settings';
import type { StatusResult } from './status';
import type { DynamicsResult } from './dynamics';

export type Translate = (key: MessageKey, params?: Params) => string;

export interface DescribeContext {
	label: (id: string) => string;
	year: number;
	locale: StatsLocale;
	t: Translate;
}

/** "a, b und c" / "a, b and c". */
export function joinList(items: readonly string[], t: Translate): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} ${t('index.and')} ${items[items.length - 1]}`;
}

/** A signed SD multiple for text, exactly as entered: "−1", "+1,5", "−0,999", "0". */
export function signedSd(x: number, locale: StatsLocale): string {
	const s = formatAsEntered(Math.abs(x), locale);
	return x === 0 ? s : `${x < 0 ? '\u2212' : '+'}${s}`;
}

/** The status cut-offs as text parameters c0, c1, c2. */
export function cutParams(s: Pick<IndexSettings, 'statusCuts'>, locale: StatsLocale): { c0: string; c1: string; c2: string } {
	const [c0, c1, c2] = s.statusCuts.map((c) => signedSd(c, locale));
	return { c0, c1, c2 };
}

/** The SD range of a status class, worded for the tie rule: "über −1 bis +1 SD" or "ab −1 bis unter +1 SD". */
export function classRange(cls: 1 | 2 | 3 | 4, s: Pick<IndexSettings, 'statusCuts' | 'cutTie'>, t: Translate, locale: StatsLocale): string {
	return t(s.cutTie === 'upper' ? `index.classRangeUpper.${cls}` : `index.classRange.${cls}`, cutParams(s, locale));
}

/** The method line of every status legend (page, atlas, slide, figure): cut-offs, which SD, how many areas. */
export function legendMethod(s: Pick<IndexSettings, 'statusCuts' | 'sd'>, included: number, t: Translate, locale: StatsLocale): string {
	return t('index.legendMethodSd', { ...cutParams(s, locale), sd: t(`index.sd.${s.sd}.short`), n: included });
}

/** The population-minimum sentence: who was excluded, nobody, or why no minimum applied. */
function populationSentence(s: IndexSettings, status: StatusResult, t: Translate, locale: StatsLocale): string {
	if (status.populationMinimum === 'noPopulation') return t('index.method.populationUnknown');
	if (status.populationMinimum === 'off') return t('index.method.populationOff');
	const small = status.areas.filter((a) => a.exclusion?.reason === 'population').map((a) => a.name);
	const min = formatNumber(s.minPopulation, 0, locale);
	return small.length ? t('index.method.population', { min, list: joinList(small, t) }) : t('index.method.populationNone', { min });
}

export function describeMethod(s: IndexSettings, status: StatusResult, dynamics: DynamicsResult | null, ctx: DescribeContext): string[] {
	const { t, label, locale } = ctx;
	const pct = (share: number) => formatNumber(share * 100, 0, locale);
	const equal = status.used.every((u) => Math.abs(u.share - status.used[0].share) < 1e-9);
	const list = status.used.map((u) => (equal ? label(u.id) : t('index.method.weighted', { indicator: label(u.id), share: pct(u.share) })));
	const out: string[] = [t(status.used.length === 1 ? 'index.method.introOne' : 'index.method.intro', { n: status.used.length, list: joinList(list, t) })];
	const better = status.used.filter((u) => u.orientation === 'higher_is_better').map((u) => label(u.id));
	out.push(better.length ? t('index.method.orientationBetter', { list: joinList(better, t) }) : t('index.method.orientationWorse'));
	if (status.skipped.length) out.push(t('index.method.skipped', { list: joinList(status.skipped.map(label), t) }));
	out.push(t(`index.method.${s.method}`));
	out.push(t(equal ? 'index.method.meanEqual' : 'index.method.meanWeighted'));
	out.push(populationSentence(s, status, t, locale));
	const missing = status.areas.filter((a) => a.exclusion?.reason === 'missing').map((a) => a.name);
	if (missing.length) out.push(t('index.method.missing', { list: joinList(missing, t) }));
	const upper = s.cutTie === 'upper';
	out.push(t(upper ? 'index.method.classesUpper' : 'index.method.classes', { n: status.included, year: ctx.year, ...cutParams(s, locale) }));
	out.push(t(`index.method.sd.${s.sd}`, { n: status.included, factor: formatNumber(Math.sqrt(status.included / Math.max(1, status.included - 1)), 3, locale) }));
	out.push(t(upper ? 'index.method.tie.upper' : 'index.method.tie.lower'));
	if (dynamics) {
		const [d0, d1] = s.dynamicsCuts.map((c) => signedSd(c, locale));
		out.push(t(upper ? 'index.method.dynamicsUpper' : 'index.method.dynamics', { from: dynamics.fromYear, to: dynamics.toYear, d0, d1, n: dynamics.included }));
	} else {
		out.push(t('index.method.noDynamics', { span: s.dynamicsSpan }));
	}
	return out;
}
