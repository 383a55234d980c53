/** The atlas page's export menu: map as PNG, trend chart as SVG and PNG, table as CSV/XLSX, print. */
import type { Atlas } from '$lib/atlas/atlas.svelte';
import { t } from '$lib/i18n/i18n.svelte';
import type { ExportAction } from './actions';
import { atlasPng, atlasTitle, indicatorLabel, sourceLines } from './atlas-figure';
import { printImage } from './print';
import { atlasTable } from './atlas-table';
import { toCsv } from './csv';
import { toXlsx } from './xlsx';
import { keyFromList, type ChartMeta } from './chart-figure';
import { chartPngAction, chartSvgAction, type ChartExportSpec } from './chart-actions';
import { joinParts, territory } from './chart-meta';
import { downloadBlob, downloadText, fileName } from './download';
import { trendTable } from './trend-table';
import { i18n } from '$lib/i18n/i18n.svelte';
import { seriesNotes } from '$lib/geo/series-notes';

/** What the atlas' trend chart says about boundary changes (its years include the reference's, as on screen). */
export function trendChartNotes(atlas: Pick<Atlas, 'series' | 'city' | 'breaks' | 'selection'>): string[] {
	const years = [...new Set([...atlas.series.map((p) => p.year), ...atlas.city.map((p) => p.year)])];
	return seriesNotes(atlas.series, atlas.breaks, atlas.selection?.convert ?? null, t, i18n.intl, years);
}

export function atlasExportActions(atlas: Atlas, mapContainer: () => HTMLElement | undefined): ExportAction[] {
	const ready = !!(atlas.selection && atlas.indicator && atlas.model);
	const base = () => ['atlas', atlas.indicator!.id, atlas.selection!.year];
	const hasChart = ready && !!atlas.selection!.area;
	const figure = () => document.querySelector('[data-testid=trend-chart]');
	const trend: ChartExportSpec = {
		source: () => figure()?.querySelector<SVGSVGElement>(':scope > svg'),
		meta: (): ChartMeta => ({
			title: t('trend.title', { area: atlas.areaName }),
			subtitle: joinParts([`${indicatorLabel(atlas.indicator!)} (${atlas.indicator!.unit})`, territory(), t('figure.highlight', { area: atlas.areaName })]),
			key: keyFromList(figure()?.querySelector('ul.key')),
			// the break / conversion sentences the chart prints under itself lead the caption
			footer: [...trendChartNotes(atlas), ...sourceLines(atlas.indicator!.source)]
		}),
		name: () => [...base(), atlas.selection!.area!, 'entwicklung'],
		disabled: !hasChart,
		hint: hasChart ? undefined : t('export.svgHint')
	};
	return [
		{
			id: 'png',
			label: t('export.png'),
			disabled: !ready,
			run: async () => {
				const name = fileName(base(), 'png');
				downloadBlob(await atlasPng(atlas, mapContainer()), name);
				return name;
			}
		},
		chartSvgAction(trend, 'svg', t('export.svg')),
		chartPngAction(trend, 'chart-png'),
		{
			id: 'csv',
			label: t('export.csv'),
			disabled: !ready,
			run: () => {
				const name = fileName(base(), 'csv');
				downloadText(toCsv(atlasTable(atlas, location.href)), name, 'text/csv;charset=utf-8');
				return name;
			}
		},
		{
			// the selected area's years: converted estimates carry method and split share per row
			id: 'trend-csv',
			label: t('geo.trendCsv'),
			disabled: !hasChart,
			hint: hasChart ? undefined : t('export.svgHint'),
			run: () => {
				const sel = atlas.selection!;
				const name = fileName([...base(), sel.area!, 'entwicklung'], 'csv');
				const table = trendTable(
					{ indicator: atlas.indicator!, indicatorLabel: indicatorLabel(atlas.indicator!), areaKey: sel.area!, areaName: atlas.areaName, series: atlas.series, city: atlas.city, breaks: atlas.breaks, method: sel.convert ?? null, locale: i18n.intl },
					t
				);
				downloadText(toCsv(table), name, 'text/csv;charset=utf-8');
				return name;
			}
		},
		{
			id: 'xlsx',
			label: t('export.xlsx'),
			disabled: !ready,
			run: async () => {
				const name = fileName(base(), 'xlsx');
				const bytes = await toXlsx(atlasTable(atlas, location.href), t('export.sheetInfo'));
				downloadBlob(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), name);
				return name;
			}
		},
		{
			id: 'print',
			label: t('export.print'),
			disabled: !ready,
			run: async () => printImage(await atlasPng(atlas, mapContainer()), atlasTitle(atlas).title)
		}
	];
}
