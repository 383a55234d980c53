/**
 * Any chart as a figure file: PNG (2×, for reports and slides) or standalone SVG (for editing).
 * Both come from one composed SVG document (chart-figure-layout.ts), so they show the same thing.
 * Browser only: text is measured on a canvas with the same system-font stack the SVG names, the
 * picture is decoded from a blob: URL (allowed by the CSP; nothing leaves the origin).
 *
 *   const blob = await chartFigurePng(svgElement, { title, subtitle, key, footer });
 *   const text = chartFigureSvg(svgElement, meta);
 */
import { t } from '$lib/i18n/i18n.svelte';
import { isBlank } from './figure-layout';
import { canvasToBlob } from './figure';
import { composeChartFigure, type ChartFigureLayout, type ChartGraphic, type ChartMeta, type KeyItem } from './chart-figure-layout';
import { chartGraphic } from './svg-inline';
import { svgToImage } from './map-image';

export type { ChartGraphic, ChartMeta, KeyItem } from './chart-figure-layout';
/** A chart's own `<svg>` (styles are inlined from the page) or markup composed for the export. */
export type ChartSource = SVGSVGElement | ChartGraphic;

let probe: CanvasRenderingContext2D | null = null;
/** Width of a text in a canvas font: the measure the figure layouts wrap with. */
export function measureText(text: string, font: string): number {
	probe ??= document.createElement('canvas').getContext('2d')!;
	probe.font = font;
	return probe.measureText(text).width;
}

function graphicOf(chart: ChartSource): ChartGraphic {
	return 'markup' in chart ? chart : chartGraphic(chart);
}

/** The chart's own text alternative (aria-label) describes it best when the caller has none. */
function withDescription(chart: ChartSource, meta: ChartMeta): ChartMeta {
	if (meta.description || 'markup' in chart) return meta;
	const label = chart.getAttribute('aria-label');
	return label ? { ...meta, description: label } : meta;
}

/** Compose the figure: markup at `scale` × its CSS size, plus the layout (for tests and checks). */
export function chartFigure(chart: ChartSource, meta: ChartMeta, scale = 1): { markup: string; layout: ChartFigureLayout } {
	return composeChartFigure(graphicOf(chart), withDescription(chart, meta), measureText, { scale });
}

/** The figure as a standalone SVG document (UTF-8 text with XML declaration). */
export function chartFigureSvg(chart: ChartSource, meta: ChartMeta): string {
	return chartFigure(chart, meta).markup;
}

/**
 * The figure as PNG at `scale` device pixels per CSS pixel (2 by default: sharp in print and on a
 * projector). Throws rather than hand out a picture whose chart area came out empty.
 */
export async function chartFigurePng(chart: ChartSource, meta: ChartMeta, options: { scale?: number } = {}): Promise<Blob> {
	const scale = options.scale ?? 2;
	const { markup, layout } = chartFigure(chart, meta, scale);
	// the SVG's own pixel size is already scaled: the browser rasterises the vectors at that size
	const image = await svgToImage(markup);
	const canvas = document.createElement('canvas');
	canvas.width = Math.round(layout.width * scale);
	canvas.height = Math.round(layout.height * scale);
	const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
	const r = layout.chart;
	const region = ctx.getImageData(Math.floor(r.x * scale), Math.floor(r.y * scale), Math.max(1, Math.floor(r.w * scale)), Math.max(1, Math.floor(r.h * scale)));
	if (isBlank(region.data)) throw new Error(t('figure.blank'));
	return canvasToBlob(canvas);
}

/**
 * Read an on-screen key (a list beside the chart's <svg>) into key items: an entry's pictogram is
 * either a little SVG (copied with its styles) or a swatch element whose top border is a line
 * sample or whose background is a colour patch (with its symbol, if it shows one).
 */
export function keyFromList(list: Element | null | undefined): KeyItem[] {
	if (!list) return [];
	return [...list.querySelectorAll(':scope > li')].map((li) => {
		const svg = li.querySelector<SVGSVGElement>('svg');
		const swatch = svg ? null : li.querySelector<HTMLElement>('span');
		const label = [...li.childNodes]
			.filter((node) => node !== svg && node !== swatch)
			// separate elements' texts ("Lücke" + "3 Sozialräume"), keep text nodes as they are
			.map((node) => (node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : ` ${node.textContent ?? ''} `))
			.join('')
			.replace(/\s+/g, ' ')
			.trim();
		if (svg) return { label, mark: { kind: 'svg', graphic: chartGraphic(svg) } };
		const style = swatch ? getComputedStyle(swatch) : null;
		if (style && parseFloat(style.borderTopWidth) > 0 && swatch!.offsetHeight <= parseFloat(style.borderTopWidth) + 1) {
			const dash = style.borderTopStyle === 'dashed' ? '6 3' : style.borderTopStyle === 'dotted' ? '2 3' : undefined;
			return { label, mark: { kind: 'line', color: style.borderTopColor, width: Math.max(2, parseFloat(style.borderTopWidth)), dash } };
		}
		const symbol = swatch?.textContent?.trim() || undefined;
		return { label, mark: { kind: 'rect', fill: style?.backgroundColor ?? '#ffffff', symbol, ink: style?.color } };
	});
}
