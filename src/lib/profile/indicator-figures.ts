/**
 * What the indicator page's charts and map say about themselves when exported: title with
 * indicator, chart and year, the city value and highlighted area, a key for their marks and the
 * source footer. The keys name the same colours the chart components draw.
 */
import type { AreaCollection } from '$lib/data/engine';
import type { Indicator } from '$lib/data/types';
import type { ChoroplethModel } from '$lib/atlas/choropleth-model';
import { t } from '$lib/i18n/i18n.svelte';
import { COMPARISON_COLORS, NO_DATA_COLOR } from '$lib/map/colors';
import type { PolarityComparison } from '$lib/stats/compare';
import type { ChartGraphic, ChartMeta, KeyItem } from '$lib/export/chart-figure-layout';
import { mapSvgMarkup } from '$lib/export/map-image';
import { graphicFromMarkup } from '$lib/export/svg-inline';
import { keyFromList } from '$lib/export/chart-figure';
import { comparisonKey, figureFooter, indicatorFigureText } from '$lib/export/chart-meta';

export interface IndicatorFigureInput {
	indicator: Indicator;
	year: number;
	city: number | null;
	/** Set when the reference is a mean of shares: its name, used instead of "Stadtwert". */
	cityName?: string;
	/** Name of the highlighted area, if any. */
	area: string | null;
}

/** The chart ink colours (RankingBars, DotHistogram, FunnelPlot, TrendsAll). */
const CITY = '#1d4e89';
const ACCENT = '#a34400';

const cityLine = (i: IndicatorFigureInput): KeyItem => ({ label: i.cityName ?? t('figure.key.city'), mark: { kind: 'line', color: CITY, width: 2 } });

/** Comparison categories the chart actually drew, recognised by their fill colours. */
export function comparisonsDrawn(root: Element): PolarityComparison[] {
	const byColor = new Map(Object.entries(COMPARISON_COLORS).map(([k, v]) => [v.toLowerCase(), k as PolarityComparison]));
	const found = new Set<PolarityComparison>();
	for (const el of root.querySelectorAll('figure > svg [fill]')) {
		const c = byColor.get((el.getAttribute('fill') ?? '').toLowerCase());
		if (c) found.add(c);
	}
	return [...found];
}

/** Notes printed under a chart (e.g. the areas without a value) belong in the figure too. */
function notes(root: Element, selector: string): string[] {
	return [...root.querySelectorAll(selector)].map((e) => e.textContent?.trim() ?? '').filter(Boolean);
}

function base(i: IndicatorFigureInput, chart: string) {
	return indicatorFigureText(i.indicator, chart, { year: i.year, city: i.city, cityName: i.cityName, area: i.area });
}

export function rankingMeta(i: IndicatorFigureInput, root: Element): ChartMeta {
	return {
		...base(i, t('ranking.title', { year: i.year })),
		key: [...comparisonKey(comparisonsDrawn(root)), cityLine(i), { label: t('figure.key.interval'), mark: { kind: 'line', color: '#1a1a1a', width: 1.2 } }],
		footer: [...notes(root, '.excluded'), ...figureFooter([i.indicator.source])]
	};
}

export function distributionMeta(i: IndicatorFigureInput): ChartMeta {
	const key: KeyItem[] = [{ label: t('figure.key.area'), mark: { kind: 'dot', fill: '#8c8c8c', stroke: '#ffffff' } }];
	if (i.area) key.push({ label: i.area, mark: { kind: 'dot', fill: ACCENT } });
	key.push(cityLine(i));
	return { ...base(i, t('dist.title', { year: i.year })), key, footer: figureFooter([i.indicator.source]) };
}

export function funnelMeta(i: IndicatorFigureInput, root: Element): ChartMeta {
	return {
		...base(i, t('funnel.title', { year: i.year })),
		key: [...comparisonKey(comparisonsDrawn(root)), ...keyFromList(root.querySelector('ul.key'))],
		footer: figureFooter([i.indicator.source])
	};
}

/** `geoNotes`: what the page prints under the chart about boundary changes (series-notes.seriesSetNotes), first in the caption. */
export function trendsMeta(i: IndicatorFigureInput, root: Element, geoNotes: readonly string[] = []): ChartMeta {
	const title = root.querySelector('figcaption strong')?.textContent?.trim() ?? '';
	const key: KeyItem[] = [
		{ label: t('figure.key.areas'), mark: { kind: 'line', color: '#b8b8b8', width: 1.5 } },
		{ label: i.cityName ?? t('trend.city'), mark: { kind: 'line', color: CITY, width: 3 } }
	];
	if (i.area) key.push({ label: i.area, mark: { kind: 'line', color: ACCENT, width: 2.8 } });
	key.push({ label: `${t('ind.year')} ${i.year}`, mark: { kind: 'line', color: '#767676', width: 1, dash: '3 3' } });
	return { ...base(i, title), key, footer: [...geoNotes, ...figureFooter([i.indicator.source])] };
}

/** The indicator page's map as the SVG choropleth (same colours as on screen), for export. */
export function mapGraphic(areas: AreaCollection, model: ChoroplethModel, selected: string | null, label: string): ChartGraphic {
	return graphicFromMarkup(mapSvgMarkup({ areas, styles: model.styles, selected, label, width: 800, height: 600 }));
}

/** Legend rows with counts, then the suppressed (hatched) and the areas without data. */
export function mapMeta(i: IndicatorFigureInput, model: ChoroplethModel): ChartMeta {
	const count = (n: number) => t('legend.count', { n });
	const key: KeyItem[] = model.legend.map((r) => ({ label: `${r.label}: ${count(r.count)}`, mark: { kind: 'rect', fill: r.color } }));
	if (model.suppressed > 0) key.push({ label: `${t('legend.suppressed')}: ${count(model.suppressed)}`, mark: { kind: 'hatch' } });
	if (model.missing > 0) key.push({ label: `${t('legend.noData')}: ${count(model.missing)}`, mark: { kind: 'rect', fill: NO_DATA_COLOR } });
	const text = base(i, t('ind.map', { year: i.year }));
	return { ...text, subtitle: `${text.subtitle} · ${t('ind.mapMethod')}`, key, footer: figureFooter([i.indicator.source]) };
}
