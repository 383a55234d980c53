/** The atlas page's export menu: map as PNG, trend chart as SVG, table as CSV/XLSX, print. */
import type { Atlas } from '$lib/atlas/atlas.svelte';
import { t } from '$lib/i18n/i18n.svelte';
import type { ExportAction } from './actions';
import { atlasPng, atlasTitle, indicatorLabel, sourceLines } from './atlas-figure';
import { printImage } from './print';
import { atlasTable } from './atlas-table';
import { toCsv } from './csv';
import { toXlsx } from './xlsx';
import { chartSvg, type KeyItem } from './svg-chart';
import { downloadBlob, downloadText, fileName } from './download';

/** The trend chart's key is an HTML list beside the <svg>: read its swatches' line colour and style. */
function trendKey(figure: Element): KeyItem[] {
	return [...figure.querySelectorAll('.key li')].map((li) => {
		const swatch = li.querySelector('.swatch');
		const style = swatch ? getComputedStyle(swatch) : null;
		return {
			label: li.textContent?.trim() ?? '',
			color: style?.borderTopColor ?? '#000000',
			dash: style?.borderTopStyle === 'dashed' ? '6 3' : undefined
		};
	});
}

export function atlasExportActions(atlas: Atlas, mapContainer: () => HTMLElement | undefined): ExportAction[] {
	const ready = !!(atlas.selection && atlas.indicator && atlas.model);
	const base = () => ['atlas', atlas.indicator!.id, atlas.selection!.year];
	const hasChart = ready && !!atlas.selection!.area;
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
		{
			id: 'svg',
			label: t('export.svg'),
			disabled: !hasChart,
			hint: hasChart ? undefined : t('export.svgHint'),
			run: () => {
				const figure = document.querySelector('[data-testid=trend-chart]');
				const svg = figure?.querySelector<SVGSVGElement>('svg');
				if (!figure || !svg) throw new Error(t('export.svgHint'));
				const name = fileName([...base(), atlas.selection!.area!, 'entwicklung'], 'svg');
				const markup = chartSvg(svg, {
					title: t('trend.title', { area: atlas.areaName }),
					subtitle: indicatorLabel(atlas.indicator!),
					key: trendKey(figure),
					footer: sourceLines(atlas.indicator!.source)
				});
				downloadText(markup, name, 'image/svg+xml;charset=utf-8');
				return name;
			}
		},
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
