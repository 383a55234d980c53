/**
 * Geometry of an exported map figure (PNG, and the picture on each PPTX slide): title band, map,
 * legend column, footer with source and Datenstand. Pure: text widths come from an injected
 * `measure`, so the layout is testable without a canvas and the e2e test can find the map area in
 * the exported PNG.
 */

export interface Rect {
	x: number;
	y: number;
	w: number;
	h: number;
}

export type Measure = (text: string, font: string) => number;

/** A legend as both the slide (HTML) and the canvas draw it; all texts already translated. */
export interface LegendItem {
	swatch: { kind: 'color'; color: string } | { kind: 'hatch' };
	label: string;
	count: string;
}
export interface LegendSpec {
	title: string;
	method: string;
	items: LegendItem[];
}

export const FONT = 'system-ui, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif';
export const FONTS = {
	title: `700 30px ${FONT}`,
	subtitle: `400 20px ${FONT}`,
	legendTitle: `700 19px ${FONT}`,
	legendMethod: `400 15px ${FONT}`,
	legendLabel: `400 17px ${FONT}`,
	legendCount: `400 14px ${FONT}`,
	footer: `400 15px ${FONT}`
} as const;
export const LINE = { title: 38, subtitle: 28, legendTitle: 25, legendMethod: 20, legendLabel: 22, legendCount: 18, footer: 21 } as const;
export const PAD = 28;
export const SWATCH = { w: 34, h: 22, gap: 12 };

/** Greedy word wrap; a single word wider than the line is kept whole rather than cut. */
export function wrapText(text: string, maxWidth: number, measure: Measure, font: string): string[] {
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		// only ordinary spaces break: a no-break space keeps "19,3 %" together
		for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
			const next = line ? `${line} ${word}` : word;
			if (line && measure(next, font) > maxWidth) {
				lines.push(line);
				line = word;
			} else line = next;
		}
		if (line) lines.push(line);
	}
	return lines;
}

export interface LegendBlock {
	titleLines: string[];
	methodLines: string[];
	items: { item: LegendItem; lines: string[]; y: number; h: number }[];
	height: number;
}

/** Where each legend row goes inside a column of the given width (y relative to the column top). */
export function legendBlock(spec: LegendSpec, width: number, measure: Measure): LegendBlock {
	const titleLines = wrapText(spec.title, width, measure, FONTS.legendTitle);
	const methodLines = wrapText(spec.method, width, measure, FONTS.legendMethod);
	let y = titleLines.length * LINE.legendTitle + methodLines.length * LINE.legendMethod + 12;
	const textWidth = width - SWATCH.w - SWATCH.gap;
	const items = spec.items.map((item) => {
		const lines = wrapText(item.label, textWidth, measure, FONTS.legendLabel);
		const h = Math.max(SWATCH.h, lines.length * LINE.legendLabel) + LINE.legendCount + 10;
		const row = { item, lines, y, h };
		y += h;
		return row;
	});
	return { titleLines, methodLines, items, height: y };
}

export interface FigureLayout {
	width: number;
	height: number;
	title: Rect | null;
	map: Rect;
	legend: Rect;
	footer: Rect | null;
}

export interface FigureInput {
	map: { w: number; h: number };
	legendWidth: number;
	legendHeight: number;
	/** Lines of title + subtitle (0 = no title band). */
	titleHeight: number;
	/** Height of the footer text (0 = no footer band). */
	footerHeight: number;
}

/** Title on top, map left, legend right (at least as tall as it needs), footer at the bottom. */
export function figureLayout(i: FigureInput): FigureLayout {
	const width = PAD + i.map.w + PAD + i.legendWidth + PAD;
	const top = i.titleHeight > 0 ? PAD + i.titleHeight + 12 : PAD;
	const bodyHeight = Math.max(i.map.h, i.legendHeight);
	const footerTop = top + bodyHeight + 16;
	const height = footerTop + (i.footerHeight > 0 ? i.footerHeight + PAD : PAD - 16);
	return {
		width,
		height,
		title: i.titleHeight > 0 ? { x: PAD, y: PAD, w: width - 2 * PAD, h: i.titleHeight } : null,
		map: { x: PAD, y: top, w: i.map.w, h: i.map.h },
		legend: { x: PAD + i.map.w + PAD, y: top, w: i.legendWidth, h: i.legendHeight },
		footer: i.footerHeight > 0 ? { x: PAD, y: footerTop, w: width - 2 * PAD, h: i.footerHeight } : null
	};
}

/** The largest rectangle with the source's aspect ratio that fits in the box, centred. */
export function fitContain(srcW: number, srcH: number, box: Rect): Rect {
	const s = Math.min(box.w / srcW, box.h / srcH);
	const w = srcW * s;
	const h = srcH * s;
	return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h };
}

/** True when every pixel (RGBA) is within `tolerance` of the first: an empty or failed map render. */
export function isBlank(data: Uint8ClampedArray | Uint8Array, tolerance = 6): boolean {
	const [r, g, b] = [data[0], data[1], data[2]];
	for (let i = 4; i < data.length; i += 4) {
		if (Math.abs(data[i] - r) > tolerance || Math.abs(data[i + 1] - g) > tolerance || Math.abs(data[i + 2] - b) > tolerance) return false;
	}
	return true;
}
