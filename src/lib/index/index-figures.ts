/**
 * The Sozialindex map as an exportable figure: the same SVG choropleth as slides and prints
 * (MapFigure), status classes as key with their SD ranges and counts, the cut-offs as subtitle and
 * the sources of the indicators that went into the index.
 */
import type { AreaCollection } from '$lib/data/engine';
import type { Indicator } from '$lib/data/types';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import type { ChartGraphic, ChartMeta } from '$lib/export/chart-figure-layout';
import { figureFooter, joinParts, territory } from '$lib/export/chart-meta';
import { mapSvgMarkup } from '$lib/export/map-image';
import { graphicFromMarkup } from '$lib/export/svg-inline';
import { legendMethod } from './describe';
import { statusLegend, statusStyles } from './map-model';
import type { IndexSettings } from './settings';
import type { StatusResult } from './status';

export interface IndexFigureInput {
	geometry: AreaCollection;
	parents?: AreaCollection;
	status: StatusResult;
	settings: IndexSettings;
	year: number;
	selected: string | null;
	indicators: Indicator[];
}

export function indexMapGraphic(i: IndexFigureInput): ChartGraphic {
	return graphicFromMarkup(
		mapSvgMarkup({
			areas: i.geometry,
			parents: i.parents,
			styles: statusStyles(i.status),
			selected: i.selected,
			label: t('index.mapLabel', { year: i.year }),
			width: 800,
			height: 600
		})
	);
}

export function indexMapMeta(i: IndexFigureInput): ChartMeta {
	const used = new Set(i.status.used.map((u) => u.id));
	const selected = i.status.areas.find((a) => a.key === i.selected);
	return {
		title: t('index.mapTitle', { year: i.year }),
		subtitle: joinParts([
			territory(),
			legendMethod(i.settings, i.status.included, t, i18n.intl),
			selected ? t('figure.highlight', { area: selected.name }) : null
		]),
		key: statusLegend(i.status, i.settings, t, i18n.intl).map((r) => ({
			label: `${r.label}: ${t('legend.count', { n: r.count })}`,
			mark: { kind: 'rect', fill: r.color }
		})),
		footer: figureFooter(i.indicators.filter((x) => used.has(x.id)).map((x) => x.source))
	};
}
