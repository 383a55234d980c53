/** The two entries every chart's export menu has: the composed figure as PNG and as SVG. */
import { t } from '$lib/i18n/i18n.svelte';
import type { ExportAction } from './actions';
import { chartFigurePng, chartFigureSvg, type ChartMeta, type ChartSource } from './chart-figure';
import { downloadBlob, downloadText, fileName } from './download';

export interface ChartExportSpec {
	/** The chart's <svg> or a graphic composed for the export; read when the entry runs. */
	source: () => ChartSource | null | undefined;
	meta: () => ChartMeta;
	/** Parts of the file name ("indikator", id, year, chart); fileName() makes them safe. */
	name: () => (string | number)[];
	kind?: 'chart' | 'map';
	disabled?: boolean;
	hint?: string;
}

function need(spec: ChartExportSpec) {
	const source = spec.source();
	if (!source) throw new Error(t('figure.notDrawn'));
	return source;
}

export function chartPngAction(spec: ChartExportSpec, id = 'png', label?: string): ExportAction {
	return {
		id,
		label: label ?? t(spec.kind === 'map' ? 'figure.mapPng' : 'figure.png'),
		disabled: spec.disabled,
		hint: spec.hint,
		run: async () => {
			const name = fileName(spec.name(), 'png');
			downloadBlob(await chartFigurePng(need(spec), spec.meta()), name);
			return name;
		}
	};
}

export function chartSvgAction(spec: ChartExportSpec, id = 'svg', label?: string): ExportAction {
	return {
		id,
		label: label ?? t(spec.kind === 'map' ? 'figure.mapSvg' : 'figure.svg'),
		disabled: spec.disabled,
		hint: spec.hint,
		run: () => {
			const name = fileName(spec.name(), 'svg');
			downloadText(chartFigureSvg(need(spec), spec.meta()), name, 'image/svg+xml;charset=utf-8');
			return name;
		}
	};
}

export function chartExportActions(spec: ChartExportSpec): ExportAction[] {
	return [chartPngAction(spec), chartSvgAction(spec)];
}
