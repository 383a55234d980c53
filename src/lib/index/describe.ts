/**
 * The method in plain language, generated from the settings and the result, so the text in a report
 * always matches what was computed ("Der Index fasst 3 Indikatoren zusammen …"). Translated through
 * the caller's t(); numbers are formatted for the locale.
 */
import type { MessageKey } from '$lib/i18n/messages';
import type { Params } from '$lib/i18n/translate';
import { formatNumber, type StatsLocale } from '$lib/stats/format';
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

/** A signed SD multiple for text: "−1", "+1,5", "0". */
export function signedSd(x: number, locale: StatsLocale): string {
	const s = formatNumber(Math.abs(x), Number.isInteger(x) ? 0 : 1, locale);
	return x === 0 ? s : `${x < 0 ? '\u2212' : '+'}${s}`;
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
	const small = status.areas.filter((a) => a.exclusion?.reason === 'population').map((a) => a.name);
	out.push(
		small.length
			? t('index.method.population', { min: formatNumber(s.minPopulation, 0, locale), list: joinList(small, t) })
			: t('index.method.populationNone', { min: formatNumber(s.minPopulation, 0, locale) })
	);
	const missing = status.areas.filter((a) => a.exclusion?.reason === 'missing').map((a) => a.name);
	if (missing.length) out.push(t('index.method.missing', { list: joinList(missing, t) }));
	const [c0, c1, c2] = s.statusCuts.map((c) => signedSd(c, locale));
	out.push(t('index.method.classes', { n: status.included, year: ctx.year, c0, c1, c2 }));
	if (dynamics) {
		const [d0, d1] = s.dynamicsCuts.map((c) => signedSd(c, locale));
		out.push(t('index.method.dynamics', { from: dynamics.fromYear, to: dynamics.toYear, d0, d1, n: dynamics.included }));
	} else {
		out.push(t('index.method.noDynamics', { span: s.dynamicsSpan }));
	}
	return out;
}
