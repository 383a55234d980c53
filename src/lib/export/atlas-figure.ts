/**
 * What an atlas view says about itself in exports and on slides: title, legend (the same rows as
 * the on-screen legend, suppressed areas included as hatched), method, source and Datenstand.
 */
import type { Atlas } from '$lib/atlas/atlas.svelte';
import type { Indicator } from '$lib/data/types';
import { shownPackage } from '$lib/packages/choice.svelte';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import { formatDate } from '$lib/i18n/dates';
import { formatValue } from '$lib/stats/format';
import { NO_DATA_COLOR } from '$lib/map/colors';
import type { LegendSpec } from './figure-layout';
import { drawFigure, canvasToBlob } from './figure';
import { liveMapCanvas, mapSvgMarkup, svgToImage } from './map-image';
import { INDEX_INDICATOR_ID } from '$lib/index/as-indicator';
import { legendMethod as indexLegendMethod } from '$lib/index/describe';
import { isMeanReference, referenceName } from '$lib/stats/reference-label';

export function indicatorLabel(ind: Indicator): string {
	return i18n.locale === 'de' ? ind.label_de : ind.label_en;
}

/** The reference line under the atlas legend: "Stadtwert 2024: 12,3 %" or the mean it is instead. */
export function cityLine(atlas: Atlas): string {
	const ind = atlas.indicator!;
	const year = atlas.selection!.year;
	const value = formatValue(atlas.cityValue, ind.unit, ind.decimals, i18n.intl);
	return isMeanReference(atlas.cityPoint) ? t('reference.line', { name: referenceName(atlas.cityPoint, t), year, value }) : t('atlas.cityValue', { year, value });
}

/** The legend's method line: the atlas page's legend and every export and slide of it. */
export function methodText(atlas: Atlas): string {
	const sel = atlas.selection!;
	const ind = atlas.indicator!;
	// The index layer has the builder's classes whatever the map options say.
	if (sel.indicator === INDEX_INDICATOR_ID && atlas.indexLayer) {
		return `${t('atlas.indexClasses')} · ${indexLegendMethod(atlas.indexLayer.settings, atlas.indexLayer.status.included, t, i18n.intl)}`;
	}
	if (sel.view.mode === 'compare') {
		const params = { value: formatValue(atlas.cityValue, ind.unit, ind.decimals, i18n.intl), level: t(sel.view.level === 0.998 ? 'view.level.998' : 'view.level.95') };
		return isMeanReference(atlas.cityPoint) ? t('legend.method.compareRef', { ...params, name: referenceName(atlas.cityPoint, t) }) : t('legend.method.compare', params);
	}
	const k = atlas.model?.legend.length ?? 0;
	return `${t(`view.method.${sel.view.method}`)}, ${t('view.k')}: ${k}${sel.view.fixed ? ' · ' + t('legend.fixedYears') : ''}`;
}

export function atlasLegend(atlas: Atlas): LegendSpec {
	const model = atlas.model!;
	const count = (n: number) => t('legend.count', { n });
	const items: LegendSpec['items'] = model.legend.map((r) => ({ swatch: { kind: 'color', color: r.color }, label: r.label, count: count(r.count) }));
	if (model.suppressed > 0) items.push({ swatch: { kind: 'hatch' }, label: t('legend.suppressed'), count: count(model.suppressed) });
	if (model.missing > 0) items.push({ swatch: { kind: 'color', color: NO_DATA_COLOR }, label: t('legend.noData'), count: count(model.missing) });
	return { title: indicatorLabel(atlas.indicator!), method: methodText(atlas), items };
}

export function datenstandDate(): string {
	return formatDate(shownPackage.sozialraum.datenstand, i18n.intl);
}

export function datenstandText(): string {
	return t('app.datenstand', { date: datenstandDate() });
}

/** Source, Datenstand and (for the demo package) the fictional-data note: on every export and slide. */
export function sourceLines(source: string): string[] {
	const lines = [t('app.source', { source }), datenstandText()];
	if (shownPackage.sozialraum.fictional) lines.push(t('export.fictional', { territory: shownPackage.sozialraum.territory_de }));
	return lines;
}

export function atlasTitle(atlas: Atlas): { title: string; subtitle: string } {
	const ind = atlas.indicator!;
	const year = atlas.selection!.year;
	return {
		title: t('export.title', { indicator: indicatorLabel(ind), year }),
		subtitle: t(isMeanReference(atlas.cityPoint) ? 'export.subtitleRef' : 'export.subtitle', {
			territory: shownPackage.sozialraum.territory_de,
			year,
			value: formatValue(atlas.cityValue, ind.unit, ind.decimals, i18n.intl),
			name: referenceName(atlas.cityPoint, t)
		})
	};
}

/** The map off-screen as SVG, rasterised: same colours as the live map, independent of WebGL. */
export async function svgMapPicture(atlas: Atlas, w = 900, h = 675) {
	const markup = mapSvgMarkup({
		areas: atlas.areas!,
		parents: atlas.parents,
		styles: atlas.model!.styles,
		selected: atlas.selection?.area ?? null,
		label: atlasTitle(atlas).title,
		width: w,
		height: h
	});
	return { image: await svgToImage(markup), w, h };
}

/** PNG of the atlas map with title, legend, source and Datenstand. */
export async function atlasPng(atlas: Atlas, container: HTMLElement | undefined): Promise<Blob> {
	const live = await liveMapCanvas(container);
	const map = live ? { image: live, w: live.clientWidth, h: live.clientHeight } : await svgMapPicture(atlas);
	const { title, subtitle } = atlasTitle(atlas);
	const { canvas } = drawFigure({
		map,
		title,
		subtitle,
		legend: atlasLegend(atlas),
		footer: sourceLines(atlas.indicator!.source),
		scale: Math.max(1, Math.min(2, window.devicePixelRatio || 1))
	});
	return canvasToBlob(canvas);
}
