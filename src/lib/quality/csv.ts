/**
 * The findings as a CSV for German spreadsheets (src/lib/export/csv): one row per finding, with
 * kind, check, indicator, years, area keys and names and the sentence the page shows.
 */
import type { Indicator } from '$lib/data/types';
import { toCsv } from '$lib/export/csv';
import type { MessageKey } from '$lib/i18n/messages';
import type { StatsLocale } from '$lib/stats/format';
import { findingText, yearsText, type Translate } from './describe';
import type { Finding } from './types';

export function findingsCsv(findings: readonly Finding[], indicators: ReadonlyMap<string, Indicator>, areaName: (key: string) => string, label: (i: Indicator) => string, t: Translate, locale: StatsLocale): string {
	return toCsv({
		name: t('q.title'),
		columns: ['q.csv.severity', 'q.csv.check', 'q.csv.indicatorId', 'q.csv.indicator', 'q.csv.years', 'q.csv.areaKeys', 'q.csv.areas', 'q.csv.finding'].map((k) => ({ label: t(k as MessageKey) })),
		rows: findings.map((f) => {
			const ind = indicators.get(f.indicator_id);
			const keys = f.level_area !== undefined ? [f.level_area] : f.areas;
			return [
				t(`q.severity.${f.severity}`),
				t(`q.check.${f.check}`),
				f.indicator_id,
				ind ? label(ind) : '',
				yearsText(f.years),
				keys.join(' '),
				keys.map(areaName).join('; '),
				findingText(f, ind, t, locale)
			];
		}),
		meta: []
	});
}
