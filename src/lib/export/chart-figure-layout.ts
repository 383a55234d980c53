/**
 * The figure around an exported chart: title and subtitle above, the chart at its own size, its key
 * below, then source, Datenstand and (for demo data) the fictional-data note. One SVG document is
 * the result; the PNG export rasterises that same document, so both files show the same picture.
 * Pure: text widths come from an injected `measure` (a canvas in the browser, a stub in specs), so
 * wrapping and geometry are tested without a DOM.
 */
import { SUPPRESSED_BACKGROUND, SUPPRESSED_STRIPE } from '$lib/map/colors';
import { FONT, wrapText, type Measure, type Rect } from './figure-layout';

/** A chart as standalone markup: one `<svg>` element with a viewBox `0 0 width height`, styles inline. */
export interface ChartGraphic {
	markup: string;
	width: number;
	height: number;
}

/** How a key entry is drawn; the same marks the chart uses, so the key can be matched by eye. */
export type KeyMark =
	| { kind: 'line'; color: string; width?: number; dash?: string }
	| { kind: 'rect'; fill: string; stroke?: string; symbol?: string; ink?: string }
	| { kind: 'dot'; fill: string; stroke?: string }
	| { kind: 'hatch' }
	/** A pictogram of its own (e.g. the on-screen key's little SVG), drawn into the mark box. */
	| { kind: 'svg'; graphic: ChartGraphic };

export interface KeyItem {
	label: string;
	mark: KeyMark;
}

/** Everything a chart says about itself in an export; all texts already translated. */
export interface ChartMeta {
	/** What is shown: indicator, chart, year, area. Also the SVG `<title>`. */
	title: string;
	subtitle?: string;
	/** Text alternative (SVG `<desc>`); the chart's own summary when the caller has one. */
	description?: string;
	key?: KeyItem[];
	/** Source, Datenstand, fictional-data note: one entry each, wrapped when long. */
	footer: string[];
}

interface TextStyle {
	size: number;
	weight: 400 | 700;
	line: number;
	color: string;
}
export const TEXT = {
	title: { size: 20, weight: 700, line: 26, color: '#1a1a1a' },
	subtitle: { size: 14, weight: 400, line: 20, color: '#4d4d4d' },
	key: { size: 13, weight: 400, line: 18, color: '#1a1a1a' },
	footer: { size: 12, weight: 400, line: 17, color: '#4d4d4d' }
} as const satisfies Record<string, TextStyle>;

/** The canvas font string for a text style (what `measure` is asked about). */
export const cssFont = (s: TextStyle) => `${s.weight} ${s.size}px ${FONT}`;

export const FIGURE_PAD = 20;
/** Narrow charts still get a readable title line. */
export const MIN_CONTENT_WIDTH = 480;
export const MARK = { w: 28, h: 14, gap: 6, spacing: 20 };

export interface TextBlock {
	lines: string[];
	/** Top of the first line. */
	y: number;
}

export interface KeyPlacement {
	item: KeyItem;
	x: number;
	y: number;
	lines: string[];
}

export interface ChartFigureLayout {
	width: number;
	height: number;
	title: TextBlock;
	subtitle: TextBlock;
	chart: Rect;
	key: KeyPlacement[];
	/** The band the key occupies (null without key). */
	keyRect: Rect | null;
	footer: TextBlock;
}

/**
 * Key entries flow left to right and wrap into rows like words; an entry whose label does not fit a
 * row on its own gets the row to itself and a wrapped label.
 */
export function layoutKey(items: KeyItem[], width: number, measure: Measure): { placed: KeyPlacement[]; height: number } {
	const font = cssFont(TEXT.key);
	const labelMax = width - MARK.w - MARK.gap;
	const placed: KeyPlacement[] = [];
	let x = 0;
	let y = 0;
	let rowHeight = 0;
	for (const item of items) {
		const lines = wrapText(item.label, labelMax, measure, font);
		const w = MARK.w + MARK.gap + Math.max(0, ...lines.map((l) => measure(l, font)));
		if (x > 0 && x + w > width) {
			y += rowHeight + 4;
			x = 0;
			rowHeight = 0;
		}
		placed.push({ item, x, y, lines });
		rowHeight = Math.max(rowHeight, lines.length * TEXT.key.line);
		x += w + MARK.spacing;
	}
	return { placed, height: placed.length ? y + rowHeight : 0 };
}

/** Where everything goes. The chart keeps its own size (1 viewBox unit = 1 px of the figure). */
export function chartFigureLayout(chart: { width: number; height: number }, meta: ChartMeta, measure: Measure): ChartFigureLayout {
	const content = Math.max(chart.width, MIN_CONTENT_WIDTH);
	const width = Math.ceil(content + 2 * FIGURE_PAD);
	const titleLines = wrapText(meta.title, content, measure, cssFont(TEXT.title));
	const subtitleLines = meta.subtitle ? wrapText(meta.subtitle, content, measure, cssFont(TEXT.subtitle)) : [];
	const footerLines = meta.footer.flatMap((l) => wrapText(l, content, measure, cssFont(TEXT.footer)));
	let y = FIGURE_PAD;
	const title = { lines: titleLines, y };
	y += titleLines.length * TEXT.title.line;
	const subtitle = { lines: subtitleLines, y };
	y += subtitleLines.length * TEXT.subtitle.line + 12;
	const chartRect = { x: FIGURE_PAD, y, w: chart.width, h: chart.height };
	y += chart.height + 12;
	const key = layoutKey(meta.key ?? [], content, measure);
	const keyRect = key.placed.length ? { x: FIGURE_PAD, y, w: content, h: key.height } : null;
	const placed = key.placed.map((p) => ({ ...p, x: p.x + FIGURE_PAD, y: p.y + y }));
	if (keyRect) y += key.height + 12;
	const footer = { lines: footerLines, y };
	y += footerLines.length * TEXT.footer.line;
	return { width, height: Math.ceil(y + FIGURE_PAD), title, subtitle, chart: chartRect, key: placed, keyRect, footer };
}

export function escapeXml(s: string): string {
	return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Numbers in attributes: short, and never "1e-7". */
const n = (v: number) => String(Math.round(v * 100) / 100);

/**
 * Place an `<svg>` element's markup at a rectangle of the figure: its own x / y / width / height
 * (if any) give way to the figure's; the viewBox stays and scales the content.
 */
export function placeSvg(markup: string, r: Rect): string {
	const open = /^\s*<svg\b([^>]*?)(\/?)>/.exec(markup);
	if (!open) throw new Error('Keine SVG-Grafik.');
	const attrs = open[1].replace(/\s(x|y|width|height)="[^"]*"/g, '');
	return `<svg x="${n(r.x)}" y="${n(r.y)}" width="${n(r.w)}" height="${n(r.h)}"${attrs}${open[2]}>` + markup.slice(open[0].length);
}

/** Baseline of a line of text whose box starts at `top`: centred in its line height. */
const baseline = (top: number, s: TextStyle) => top + (s.line + s.size * 0.72) / 2;

function textBlock(block: TextBlock, s: TextStyle, x: number): string {
	if (!block.lines.length) return '';
	const lines = block.lines.map((l, i) => `<text x="${n(x)}" y="${n(baseline(block.y + i * s.line, s))}">${escapeXml(l)}</text>`).join('');
	return `<g font-size="${s.size}"${s.weight === 700 ? ' font-weight="700"' : ''} fill="${s.color}">${lines}</g>`;
}

const HATCH_ID = 'chart-figure-hatch';

function keyMark(mark: KeyMark, x: number, y: number): string {
	const cy = y + MARK.h / 2;
	switch (mark.kind) {
		case 'line':
			return `<line x1="${n(x)}" x2="${n(x + MARK.w)}" y1="${n(cy)}" y2="${n(cy)}" stroke="${escapeXml(mark.color)}" stroke-width="${mark.width ?? 3}"${mark.dash ? ` stroke-dasharray="${escapeXml(mark.dash)}"` : ''}/>`;
		case 'rect': {
			const rect = `<rect x="${n(x + 0.5)}" y="${n(y + 0.5)}" width="${MARK.w - 1}" height="${MARK.h - 1}" fill="${escapeXml(mark.fill)}" stroke="${escapeXml(mark.stroke ?? '#555555')}"/>`;
			const sym = mark.symbol
				? `<text x="${n(x + MARK.w / 2)}" y="${n(cy + 4)}" font-size="11" font-weight="700" text-anchor="middle" fill="${escapeXml(mark.ink ?? '#000000')}">${escapeXml(mark.symbol)}</text>`
				: '';
			return rect + sym;
		}
		case 'dot':
			return `<circle cx="${n(x + MARK.w / 2)}" cy="${n(cy)}" r="5" fill="${escapeXml(mark.fill)}" stroke="${escapeXml(mark.stroke ?? '#1a1a1a')}"/>`;
		case 'hatch':
			return `<rect x="${n(x + 0.5)}" y="${n(y + 0.5)}" width="${MARK.w - 1}" height="${MARK.h - 1}" fill="url(#${HATCH_ID})" stroke="#555555"/>`;
		case 'svg':
			return placeSvg(mark.graphic.markup, { x, y, w: MARK.w, h: MARK.h });
	}
}

function keyBlock(placed: KeyPlacement[]): string {
	const s = TEXT.key;
	const items = placed.map((p) => {
		// the mark sits on the first line of its label
		const mark = keyMark(p.item.mark, p.x, p.y + (s.line - MARK.h) / 2);
		const tx = p.x + MARK.w + MARK.gap;
		const text = p.lines.map((l, i) => `<text x="${n(tx)}" y="${n(baseline(p.y + i * s.line, s))}">${escapeXml(l)}</text>`).join('');
		return mark + `<g font-size="${s.size}" fill="${s.color}">${text}</g>`;
	});
	return items.join('');
}

/** The hatch of suppressed areas (same look as the map's), only when a key entry uses it. */
function defs(meta: ChartMeta): string {
	if (!meta.key?.some((k) => k.mark.kind === 'hatch')) return '';
	return (
		`<defs><pattern id="${HATCH_ID}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
		`<rect width="8" height="8" fill="${SUPPRESSED_BACKGROUND}"/><rect width="2.5" height="8" fill="${SUPPRESSED_STRIPE}"/></pattern></defs>`
	);
}

export interface ComposeOptions {
	/** Pixel size factor for width/height (the PNG renders at 2×); the viewBox stays. */
	scale?: number;
}

/**
 * The standalone SVG document: XML declaration, namespace, `<title>` and `<desc>` for screen readers
 * and file browsers, white background, presentation attributes only (no stylesheet, no external
 * reference, system fonts only).
 */
export function composeChartFigure(
	chart: ChartGraphic,
	meta: ChartMeta,
	measure: Measure,
	options: ComposeOptions = {}
): { markup: string; layout: ChartFigureLayout } {
	const layout = chartFigureLayout(chart, meta, measure);
	const scale = options.scale ?? 1;
	const desc = meta.description ?? [meta.subtitle, ...meta.footer].filter(Boolean).join(' ');
	const markup =
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${n(layout.width * scale)}" height="${n(layout.height * scale)}" viewBox="0 0 ${layout.width} ${layout.height}"` +
		` role="img" aria-labelledby="chart-figure-title chart-figure-desc" font-family='${FONT}'>` +
		`<title id="chart-figure-title">${escapeXml(meta.title)}</title>` +
		`<desc id="chart-figure-desc">${escapeXml(desc)}</desc>` +
		defs(meta) +
		`<rect width="${layout.width}" height="${layout.height}" fill="#ffffff"/>` +
		textBlock(layout.title, TEXT.title, FIGURE_PAD) +
		textBlock(layout.subtitle, TEXT.subtitle, FIGURE_PAD) +
		placeSvg(chart.markup, layout.chart) +
		keyBlock(layout.key) +
		textBlock(layout.footer, TEXT.footer, FIGURE_PAD) +
		`</svg>\n`;
	return { markup, layout };
}

/**
 * Small multiples (e.g. one map per life phase) as one graphic: a grid of equally sized cells, each
 * with its title above. All graphics are drawn at the size of the first.
 */
export function gridGraphic(items: { title: string; graphic: ChartGraphic }[], columns: number, measure: Measure): ChartGraphic {
	if (!items.length) throw new Error('Keine Grafik.');
	const gap = 14;
	const { width: w, height: h } = items[0].graphic;
	const titleLines = items.map((i) => wrapText(i.title, w, measure, `700 ${TEXT.key.size}px ${FONT}`));
	const titleHeight = Math.max(...titleLines.map((l) => l.length)) * TEXT.key.line + 4;
	const cols = Math.max(1, Math.min(columns, items.length));
	const rows = Math.ceil(items.length / cols);
	const width = cols * w + (cols - 1) * gap;
	const height = rows * (titleHeight + h) + (rows - 1) * gap;
	const cells = items.map((item, i) => {
		const x = (i % cols) * (w + gap);
		const y = Math.floor(i / cols) * (titleHeight + h + gap);
		const title = titleLines[i].map((l, j) => `<text x="${n(x)}" y="${n(baseline(y + j * TEXT.key.line, TEXT.key))}">${escapeXml(l)}</text>`).join('');
		return `<g font-size="${TEXT.key.size}" font-weight="700" fill="#1a1a1a">${title}</g>` + placeSvg(item.graphic.markup, { x, y: y + titleHeight, w, h });
	});
	return { markup: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}">${cells.join('')}</svg>`, width, height };
}
