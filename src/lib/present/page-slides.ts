/**
 * The slide each page adds with "Zur Präsentation hinzufügen": a title, a first caption the
 * planner edits, and the permalink that reproduces the view. The slide itself is drawn from that
 * URL with today's data (content.ts); the caption is the only text stored from the moment of adding.
 */
import { isMeanReference, referenceName } from '$lib/stats/reference-label';
import type { Indicator } from '$lib/data/types';
import { indicatorLabel } from '$lib/export/atlas-figure';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import type { IndicatorPageState } from '$lib/profile/indicator.svelte';
import { indicatorSearch, profileSearch, type ProfileSelection } from '$lib/profile/links';
import { formatValue } from '$lib/stats/format';
import type { Target } from '$lib/data/types';
import { atlasCaption } from './caption';
import { MEASURES_VIEW, TARGET_VIEW_PARAM, type NewSlide } from './slides';

export function profileSlide(sel: ProfileSelection, areaName: string, headline: string | null): NewSlide {
	return {
		kind: 'profile',
		title: t('present.profileTitle', { area: areaName, year: sel.year }),
		caption: headline ?? '',
		url: '/sozialraum/' + profileSearch(sel)
	};
}

export function targetSlide(target: Pick<Target, 'id' | 'target_year' | 'note'>, indicator: Indicator, scope: string): NewSlide {
	return {
		kind: 'target',
		title: t('present.targetTitle', { indicator: indicatorLabel(indicator), year: target.target_year, scope }),
		caption: target.note ?? '',
		url: `/ziele/ziel/?id=${encodeURIComponent(target.id)}`
	};
}

/** "Ziel, Maßnahmen, Stand": the target's status and chart with the measures meant to reach it. */
export function measuresSlide(target: Pick<Target, 'id' | 'target_year' | 'note'>, indicator: Indicator, scope: string): NewSlide {
	return {
		kind: 'measures',
		title: t('measures.slide.title', { indicator: indicatorLabel(indicator), scope }),
		caption: target.note ?? '',
		url: `/ziele/ziel/?id=${encodeURIComponent(target.id)}&${TARGET_VIEW_PARAM}=${MEASURES_VIEW}`
	};
}

export function indicatorSlide(page: IndicatorPageState): NewSlide {
	const sel = page.selection!;
	const ind = page.indicator!;
	const fmt = (v: number | null) => formatValue(v, ind.unit, ind.decimals, i18n.intl);
	const caption = atlasCaption(
		{
			rows: page.values,
			year: sel.year,
			city: fmt(page.cityPoint?.value ?? null),
			cityName: isMeanReference(page.cityPoint) ? referenceName(page.cityPoint, t) : undefined,
			mode: 'values',
			comparison: () => undefined,
			directional: ind.polarity !== 'neutral',
			selected: sel.area,
			format: fmt
		},
		t
	);
	return {
		kind: 'indicator',
		title: t('present.atlasTitle', { indicator: indicatorLabel(ind), year: sel.year }),
		caption,
		url: '/indikator/' + indicatorSearch(sel)
	};
}
