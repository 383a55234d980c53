/**
 * Atlas views as slides: the slide made from what the atlas shows (title, plain-language caption,
 * permalink), and the way back — an Atlas state loaded from a slide's URL through the same code the
 * atlas page uses, so the slide shows the same classes, colours and suppression.
 */
import { Atlas } from '$lib/atlas/atlas.svelte';
import { atlasSearch } from '$lib/atlas/url-state';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import { formatValue } from '$lib/stats/format';
import { indicatorLabel } from '$lib/export/atlas-figure';
import { atlasCaption } from './caption';
import { isMeanReference, referenceName } from '$lib/stats/reference-label';
import type { NewSlide } from './slides';

export function atlasSlide(atlas: Atlas): NewSlide {
	const sel = atlas.selection!;
	const ind = atlas.indicator!;
	const fmt = (v: number | null) => formatValue(v, ind.unit, ind.decimals, i18n.intl);
	const caption = atlasCaption(
		{
			rows: atlas.rows,
			year: sel.year,
			city: fmt(atlas.cityValue),
			cityName: isMeanReference(atlas.cityPoint) ? referenceName(atlas.cityPoint, t) : undefined,
			mode: sel.view.mode,
			comparison: (key) => atlas.model?.details.get(key)?.comparison,
			directional: ind.polarity !== 'neutral',
			selected: sel.area,
			format: fmt
		},
		t
	);
	return {
		kind: 'atlas',
		title: t(sel.view.mode === 'compare' ? 'present.atlasTitleCompare' : 'present.atlasTitle', { indicator: indicatorLabel(ind), year: sel.year }),
		caption,
		url: '/' + atlasSearch(sel)
	};
}

export function queryOf(url: string): URLSearchParams {
	const q = url.indexOf('?');
	return new URLSearchParams(q < 0 ? '' : url.slice(q + 1).split('#')[0]);
}

/** A ready Atlas for a slide's URL (browser only: it starts the engine). */
export async function loadAtlasView(url: string): Promise<Atlas> {
	const atlas = new Atlas();
	atlas.categoryLabel = (c) => t(`compare.${c}`);
	atlas.locale = i18n.intl;
	await atlas.start();
	if (atlas.status === 'error') throw new Error(atlas.error);
	atlas.fromUrl(queryOf(url));
	await atlas.refresh();
	return atlas;
}
