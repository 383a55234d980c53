import { describe, expect, it } from 'vitest';
import {
	chartFigureLayout,
	composeChartFigure,
	escapeXml,
	FIGURE_PAD,
	gridGraphic,
	layoutKey,
	MARK,
	MIN_CONTENT_WIDTH,
	placeSvg,
	TEXT,
	type ChartGraphic,
	type ChartMeta
} from './chart-figure-layout';
import type { Measure } from './figure-layout';

/** 7 px per character, whatever the font: easy to reason about. */
const measure: Measure = (text) => text.length * 7;

const chart: ChartGraphic = {
	markup: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 620 300" width="620" height="300"><rect x="10" y="10" width="50" height="80" style="fill:rgb(0, 114, 178)"/></svg>',
	width: 620,
	height: 300
};
const meta: ChartMeta = {
	title: 'SGB-II-Quote unter 15 Jahren (%): Rangfolge der Sozialräume 2025',
	subtitle: 'Musterstadt · Stadtwert 2025: 19,3 % · hervorgehoben: Altstadt',
	key: [
		{ label: 'signifikant besser als die Stadt', mark: { kind: 'rect', fill: '#0072b2' } },
		{ label: 'Stadtwert', mark: { kind: 'line', color: '#1d4e89', width: 2 } }
	],
	footer: ['Quelle: Jobcenter <fiktiv> & Co.', 'Datenstand: 30.06.2026', 'Fiktive Beispieldaten: „Musterstadt“ ist erfunden.']
};

describe('chartFigureLayout', () => {
	const l = chartFigureLayout(chart, meta, measure);

	it('stacks title, subtitle, chart, key and footer without overlap', () => {
		expect(l.title.y).toBe(FIGURE_PAD);
		expect(l.subtitle.y).toBe(l.title.y + l.title.lines.length * TEXT.title.line);
		expect(l.chart.y).toBeGreaterThanOrEqual(l.subtitle.y + l.subtitle.lines.length * TEXT.subtitle.line);
		expect(l.keyRect!.y).toBeGreaterThanOrEqual(l.chart.y + l.chart.h);
		expect(l.footer.y).toBeGreaterThanOrEqual(l.keyRect!.y + l.keyRect!.h);
		expect(l.height).toBeGreaterThanOrEqual(l.footer.y + l.footer.lines.length * TEXT.footer.line + FIGURE_PAD);
	});

	it('keeps the chart at its own size, inside the padding', () => {
		expect(l.chart).toMatchObject({ x: FIGURE_PAD, w: 620, h: 300 });
		expect(l.width).toBe(620 + 2 * FIGURE_PAD);
	});

	it('wraps a title longer than the chart is wide', () => {
		const long = `${meta.title}, ${meta.subtitle}`;
		// 133 characters × 7 px > 620 px
		const wrapped = chartFigureLayout(chart, { ...meta, title: long }, measure);
		expect(wrapped.title.lines.length).toBe(2);
		expect(wrapped.title.lines.join(' ')).toBe(long);
		expect(wrapped.chart.y).toBe(l.chart.y + TEXT.title.line);
	});

	it('gives a narrow chart a minimum width for the texts', () => {
		const small = chartFigureLayout({ width: 84, height: 22 }, { title: 'T', footer: [] }, measure);
		expect(small.width).toBe(MIN_CONTENT_WIDTH + 2 * FIGURE_PAD);
		expect(small.keyRect).toBeNull();
		expect(small.subtitle.lines).toEqual([]);
	});

	it('writes every footer line', () => {
		expect(l.footer.lines).toEqual(meta.footer);
	});
});

describe('layoutKey', () => {
	it('puts entries side by side while they fit, then starts a new row', () => {
		const items = ['eins', 'zwei', 'drei'].map((label) => ({ label, mark: { kind: 'dot' as const, fill: '#000' } }));
		// each entry: 28 + 6 + 4 × 7 = 62 px, plus 20 px spacing
		const { placed, height } = layoutKey(items, 150, measure);
		expect(placed.map((p) => [p.x, p.y])).toEqual([
			[0, 0],
			[82, 0],
			[0, TEXT.key.line + 4]
		]);
		expect(height).toBe(2 * TEXT.key.line + 4);
	});

	it('wraps a label that does not fit a row on its own', () => {
		const { placed } = layoutKey([{ label: 'aaaa bbbb cccc dddd', mark: { kind: 'hatch' } }], MARK.w + MARK.gap + 70, measure);
		expect(placed[0].lines).toEqual(['aaaa bbbb', 'cccc dddd']);
	});

	it('is empty without entries', () => {
		expect(layoutKey([], 500, measure)).toEqual({ placed: [], height: 0 });
	});
});

describe('placeSvg', () => {
	it('replaces the element’s own position and size and keeps the viewBox', () => {
		expect(placeSvg('<svg x="3" width="620" height="300" viewBox="0 0 620 300"><g/></svg>', { x: 20, y: 66, w: 620, h: 300 })).toBe(
			'<svg x="20" y="66" width="620" height="300" viewBox="0 0 620 300"><g/></svg>'
		);
	});
	it('rejects markup that is not an <svg>', () => {
		expect(() => placeSvg('<div></div>', { x: 0, y: 0, w: 1, h: 1 })).toThrow();
	});
});

describe('composeChartFigure', () => {
	const { markup, layout } = composeChartFigure(chart, meta, measure);

	it('is a standalone SVG document with namespace, title and description', () => {
		expect(markup).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" version="1.1" /);
		expect(markup).toContain(`width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}"`);
		expect(markup).toContain('role="img" aria-labelledby="chart-figure-title chart-figure-desc"');
		expect(markup).toContain(`<title id="chart-figure-title">${escapeXml(meta.title)}</title>`);
		// without an explicit description, subtitle and footer describe the figure
		expect(markup).toContain('<desc id="chart-figure-desc">Musterstadt · Stadtwert 2025: 19,3 % · hervorgehoben: Altstadt Quelle: Jobcenter &lt;fiktiv&gt; &amp; Co.');
		expect(markup.trimEnd().endsWith('</svg>')).toBe(true);
	});

	it('names system fonts only and references nothing outside the file', () => {
		expect(markup).toMatch(/font-family='system-ui,[^']*sans-serif'/);
		expect(markup).not.toMatch(/@import|@font-face|url\((?!#)|href=|<link|<style/);
	});

	it('nests the chart at its place in the layout', () => {
		expect(markup).toContain(`<svg x="${FIGURE_PAD}" y="${layout.chart.y}" width="620" height="300" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 620 300">`);
		expect(markup).toContain('style="fill:rgb(0, 114, 178)"');
	});

	it('writes title, key labels and footer as escaped text', () => {
		expect(markup).toContain('>SGB-II-Quote unter 15 Jahren (%): Rangfolge der Sozialräume 2025</text>');
		expect(markup).toContain('>Quelle: Jobcenter &lt;fiktiv&gt; &amp; Co.</text>');
		expect(markup).toContain('>Datenstand: 30.06.2026</text>');
		expect(markup).toMatch(/<rect [^>]*fill="#0072b2"[^>]*\/><g font-size="13" fill="#1a1a1a"><text [^>]*>signifikant besser als die Stadt<\/text>/);
		expect(markup).toMatch(/<line [^>]*stroke="#1d4e89" stroke-width="2"\/>/);
	});

	it('uses an explicit description when given', () => {
		const { markup: m } = composeChartFigure(chart, { ...meta, description: 'Altstadt liegt vorn & oben' }, measure);
		expect(m).toContain('<desc id="chart-figure-desc">Altstadt liegt vorn &amp; oben</desc>');
	});

	it('scales the pixel size for the PNG but keeps the drawing coordinates', () => {
		const { markup: m } = composeChartFigure(chart, meta, measure, { scale: 2 });
		expect(m).toContain(`width="${layout.width * 2}" height="${layout.height * 2}" viewBox="0 0 ${layout.width} ${layout.height}"`);
	});

	it('defines the hatch pattern only when a key entry needs it', () => {
		expect(markup).not.toContain('<pattern');
		const { markup: m } = composeChartFigure(chart, { ...meta, key: [{ label: 'geheim gehalten', mark: { kind: 'hatch' } }] }, measure);
		expect(m).toContain('<pattern id="chart-figure-hatch"');
		expect(m).toContain('fill="url(#chart-figure-hatch)"');
	});

	it('draws a pictogram key entry from its own SVG', () => {
		const pict: ChartGraphic = { markup: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 28 10"><line x1="0" x2="28" y1="5" y2="5"/></svg>', width: 28, height: 10 };
		const { markup: m } = composeChartFigure(chart, { ...meta, key: [{ label: 'Soll-Pfad', mark: { kind: 'svg', graphic: pict } }] }, measure);
		expect(m).toMatch(/<svg x="20" y="[\d.]+" width="28" height="14" xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 28 10"><line/);
	});
});

describe('gridGraphic', () => {
	const map = (fill: string): ChartGraphic => ({ markup: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 250"><rect fill="${fill}"/></svg>`, width: 320, height: 250 });
	const items = ['#111', '#222', '#333', '#444'].map((f, i) => ({ title: `Phase ${i + 1}`, graphic: map(f) }));

	it('puts small multiples in rows of `columns`, each under its title', () => {
		const g = gridGraphic(items, 3, measure);
		const titleHeight = TEXT.key.line + 4;
		expect(g.width).toBe(3 * 320 + 2 * 14);
		expect(g.height).toBe(2 * (titleHeight + 250) + 14);
		expect(g.markup).toContain(`<svg x="0" y="${titleHeight}" width="320" height="250" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 250"><rect fill="#111"/>`);
		expect(g.markup).toContain(`<svg x="0" y="${titleHeight + 250 + 14 + titleHeight}" width="320" height="250"`);
		expect(g.markup).toContain('>Phase 4</text>');
		expect(g.markup).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 988 /);
	});

	it('never makes more columns than there are pictures', () => {
		expect(gridGraphic(items.slice(0, 2), 3, measure).width).toBe(2 * 320 + 14);
	});

	it('refuses an empty grid', () => {
		expect(() => gridGraphic([], 3, measure)).toThrow();
	});
});
