/**
 * How a derived (own) indicator is marked wherever indicators are listed: its name with
 * "(eigener Indikator)", so a planner never mistakes it for an official one.
 */
import type { Indicator } from '$lib/data/types';
import { i18n, t } from '$lib/i18n/i18n.svelte';

export function indicatorName(ind: Pick<Indicator, 'label_de' | 'label_en' | 'derived'>): string {
	const name = i18n.locale === 'de' ? ind.label_de : ind.label_en || ind.label_de;
	return ind.derived ? `${name} (${t('derived.mark')})` : name;
}
