/**
 * Draws a map figure onto a canvas: title, the map picture, a large legend (same rows as on screen,
 * hatched "geheim gehalten" included) and a footer with source and Datenstand. Used by the PNG
 * export of the atlas and by the pictures on PPTX slides. Browser only.
 */
import { SUPPRESSED_BACKGROUND, SUPPRESSED_STRIPE } from '$lib/map/colors';
import { FONTS, LINE, SWATCH, figureLayout, fitContain, legendBlock, wrapText, type FigureLayout, type LegendSpec, type Measure, type Rect } from './figure-layout';

export const MAP_BACKGROUND = '#f4f6f8';
const INK = '#1a1a1a';
const MUTED = '#4d4d4d';

export interface FigureSpec {
	/** The map picture and the size (CSS px) it is drawn at. */
	map: { image: CanvasImageSource; w: number; h: number };
	legend: LegendSpec;
	title?: string;
	subtitle?: string;
	/** Source, Datenstand, notes: one line each (wrapped when long). */
	footer?: string[];
	legendWidth?: number;
	/** Device pixels per CSS px (2 gives a sharp picture on a projector). */
	scale?: number;
}

function measurer(ctx: CanvasRenderingContext2D): Measure {
	return (text, font) => {
		ctx.font = font;
		return ctx.measureText(text).width;
	};
}

function drawLines(ctx: CanvasRenderingContext2D, lines: string[], x: number, y: number, font: string, lineHeight: number, color: string): number {
	ctx.font = font;
	ctx.fillStyle = color;
	ctx.textBaseline = 'top';
	for (const line of lines) {
		ctx.fillText(line, x, y);
		y += lineHeight;
	}
	return y;
}

function drawSwatch(ctx: CanvasRenderingContext2D, item: LegendSpec['items'][number], r: Rect) {
	ctx.save();
	if (item.swatch.kind === 'color') {
		ctx.fillStyle = item.swatch.color;
		ctx.fillRect(r.x, r.y, r.w, r.h);
	} else {
		ctx.fillStyle = SUPPRESSED_BACKGROUND;
		ctx.fillRect(r.x, r.y, r.w, r.h);
		ctx.beginPath();
		ctx.rect(r.x, r.y, r.w, r.h);
		ctx.clip();
		ctx.strokeStyle = SUPPRESSED_STRIPE;
		ctx.lineWidth = 3;
		for (let d = -r.h; d < r.w + r.h; d += 8) {
			ctx.beginPath();
			ctx.moveTo(r.x + d, r.y + r.h);
			ctx.lineTo(r.x + d + r.h, r.y);
			ctx.stroke();
		}
	}
	ctx.restore();
	ctx.strokeStyle = '#555555';
	ctx.lineWidth = 1;
	ctx.strokeRect(r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1);
}

function drawLegend(ctx: CanvasRenderingContext2D, spec: LegendSpec, box: Rect, measure: Measure) {
	const block = legendBlock(spec, box.w, measure);
	let y = drawLines(ctx, block.titleLines, box.x, box.y, FONTS.legendTitle, LINE.legendTitle, INK);
	drawLines(ctx, block.methodLines, box.x, y, FONTS.legendMethod, LINE.legendMethod, MUTED);
	const textX = box.x + SWATCH.w + SWATCH.gap;
	for (const row of block.items) {
		drawSwatch(ctx, row.item, { x: box.x, y: box.y + row.y + 1, w: SWATCH.w, h: SWATCH.h });
		y = drawLines(ctx, row.lines, textX, box.y + row.y, FONTS.legendLabel, LINE.legendLabel, INK);
		drawLines(ctx, [row.item.count], textX, y, FONTS.legendCount, LINE.legendCount, MUTED);
	}
}

/** Compose the figure; returns the canvas and where the map went (tests read its pixels). */
export function drawFigure(spec: FigureSpec): { canvas: HTMLCanvasElement; layout: FigureLayout } {
	const scale = spec.scale ?? 1;
	const legendWidth = spec.legendWidth ?? 340;
	const canvas = document.createElement('canvas');
	const ctx = canvas.getContext('2d')!;
	const measure = measurer(ctx);
	const textWidth = spec.map.w + legendWidth + 28;
	const titleLines = spec.title ? wrapText(spec.title, textWidth, measure, FONTS.title) : [];
	const subtitleLines = spec.subtitle ? wrapText(spec.subtitle, textWidth, measure, FONTS.subtitle) : [];
	const footerLines = (spec.footer ?? []).flatMap((l) => wrapText(l, textWidth, measure, FONTS.footer));
	const layout = figureLayout({
		map: { w: spec.map.w, h: spec.map.h },
		legendWidth,
		legendHeight: legendBlock(spec.legend, legendWidth, measure).height,
		titleHeight: titleLines.length * LINE.title + subtitleLines.length * LINE.subtitle,
		footerHeight: footerLines.length * LINE.footer
	});
	canvas.width = Math.round(layout.width * scale);
	canvas.height = Math.round(layout.height * scale);
	ctx.scale(scale, scale);
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, layout.width, layout.height);
	if (layout.title) {
		const y = drawLines(ctx, titleLines, layout.title.x, layout.title.y, FONTS.title, LINE.title, INK);
		drawLines(ctx, subtitleLines, layout.title.x, y, FONTS.subtitle, LINE.subtitle, MUTED);
	}
	ctx.fillStyle = MAP_BACKGROUND;
	ctx.fillRect(layout.map.x, layout.map.y, layout.map.w, layout.map.h);
	const fit = fitContain(spec.map.w, spec.map.h, layout.map);
	ctx.drawImage(spec.map.image, fit.x, fit.y, fit.w, fit.h);
	drawLegend(ctx, spec.legend, layout.legend, measure);
	if (layout.footer) drawLines(ctx, footerLines, layout.footer.x, layout.footer.y, FONTS.footer, LINE.footer, MUTED);
	return { canvas, layout };
}

export function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob> {
	return new Promise((resolve, reject) =>
		canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG konnte nicht erzeugt werden.'))), 'image/png')
	);
}
