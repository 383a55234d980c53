/**
 * Chart exports in a real Chromium against the built site: on six pages a chart is saved as PNG
 * and as SVG through its export menu. The PNG is decoded and must not be blank: the expected size
 * (2× the figure), many colours, ink in the title band and in the chart area, the chart's own colours
 * there. The SVG must parse as XML, carry namespace, <title>/<desc> and the title text, and contain
 * the chart's marks — as many as the data demand. Nothing may leave the site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { startSession, type Session } from './browser';
import { waitForMapState } from './map-pixels';
import { areas, descriptor, expectedValues, indicators } from './expected';
import { COMPARISON_COLORS } from '../../src/lib/map/colors';
import { CATEGORY_STYLE } from '../../src/lib/chain/categories';
import { STATUS_COLORS } from '../../src/lib/index/map-model';
import { FIGURE_PAD, TEXT } from '../../src/lib/export/chart-figure-layout';

let session: Session;
beforeAll(async () => {
	session = await startSession();
});
afterAll(async () => {
	await session?.close();
});

interface Rect { x: number; y: number; w: number; h: number }

async function download(page: Page, menu: string, entry: string): Promise<{ d: Download; bytes: Buffer }> {
	await page.click(`${menu} button.trigger`);
	const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`${menu} [data-export=${entry}]`)]);
	const bytes = readFileSync((await d.path())!);
	// the menu says what it saved
	await page.waitForFunction((m) => document.querySelector(`${m} [data-testid=export-status]`)?.textContent?.startsWith('Gespeichert:'), menu);
	return { d, bytes };
}

interface SvgFacts {
	parseError: boolean;
	namespace: string | null;
	width: number;
	height: number;
	viewBox: string | null;
	title: string;
	desc: string;
	labelledBy: string | null;
	/** Where the chart sits in the figure (the nested <svg>). */
	chart: Rect;
	texts: string[];
	counts: Record<string, number>;
	external: boolean;
}

/** Parse the SVG file in the page (the browser's own XML parser) and report what it holds. */
async function svgFacts(page: Page, text: string, selectors: Record<string, string>): Promise<SvgFacts> {
	return page.evaluate(
		({ text, selectors }) => {
			const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
			const root = doc.documentElement;
			const nested = root.querySelector(':scope > svg');
			const num = (el: Element | null, a: string) => Number(el?.getAttribute(a));
			const counts: Record<string, number> = {};
			for (const [k, s] of Object.entries(selectors)) counts[k] = nested ? nested.querySelectorAll(s).length : 0;
			return {
				parseError: !!doc.querySelector('parsererror') || root.nodeName !== 'svg',
				namespace: root.namespaceURI,
				width: num(root, 'width'),
				height: num(root, 'height'),
				viewBox: root.getAttribute('viewBox'),
				title: root.querySelector(':scope > title')?.textContent ?? '',
				desc: root.querySelector(':scope > desc')?.textContent ?? '',
				labelledBy: root.getAttribute('aria-labelledby'),
				chart: { x: num(nested, 'x'), y: num(nested, 'y'), w: num(nested, 'width'), h: num(nested, 'height') },
				texts: [...root.querySelectorAll(':scope > g > text')].map((t) => t.textContent ?? ''),
				counts,
				external: /<link|<style|@import|url\((?!#)|href="(?!#)/.test(text)
			};
		},
		{ text, selectors }
	);
}

interface PngFacts {
	width: number;
	height: number;
	/** Distinct colours (4 bits per channel) in the whole picture. */
	distinct: number;
	regions: Record<string, { ink: number; matches: Record<string, number> }>;
}

/**
 * Decode the PNG in the page and measure regions of it: share of non-white pixels ("ink") and how
 * many pixels have each given colour (±3 per channel).
 */
async function pngFacts(page: Page, bytes: Buffer, regions: Record<string, Rect>, colours: string[]): Promise<PngFacts> {
	return page.evaluate(
		async ({ b64, regions, colours }) => {
			const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
			const bmp = await createImageBitmap(new Blob([bin], { type: 'image/png' }));
			const c = document.createElement('canvas');
			c.width = bmp.width;
			c.height = bmp.height;
			const ctx = c.getContext('2d', { willReadFrequently: true })!;
			ctx.drawImage(bmp, 0, 0);
			const all = ctx.getImageData(0, 0, c.width, c.height).data;
			const distinct = new Set<number>();
			for (let i = 0; i < all.length; i += 4) distinct.add(((all[i] >> 4) << 8) | ((all[i + 1] >> 4) << 4) | (all[i + 2] >> 4));
			const rgb = colours.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
			const out: Record<string, { ink: number; matches: Record<string, number> }> = {};
			for (const [name, r] of Object.entries(regions)) {
				const data = ctx.getImageData(Math.round(r.x), Math.round(r.y), Math.max(1, Math.round(r.w)), Math.max(1, Math.round(r.h))).data;
				let ink = 0;
				const matches: Record<string, number> = Object.fromEntries(colours.map((h) => [h, 0]));
				for (let i = 0; i < data.length; i += 4) {
					if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) ink++;
					rgb.forEach((col, j) => {
						if (Math.abs(col[0] - data[i]) <= 3 && Math.abs(col[1] - data[i + 1]) <= 3 && Math.abs(col[2] - data[i + 2]) <= 3) matches[colours[j]]++;
					});
				}
				out[name] = { ink: ink / (data.length / 4), matches };
			}
			return { width: bmp.width, height: bmp.height, distinct: distinct.size, regions: out };
		},
		{ b64: bytes.toString('base64'), regions, colours }
	);
}

const scaled = (r: Rect, s: number): Rect => ({ x: r.x * s, y: r.y * s, w: r.w * s, h: r.h * s });

/** The common checks of a figure pair; returns the facts for chart-specific ones. */
async function checkFigure(
	page: Page,
	menu: string,
	o: { file: string; title: string; marks: Record<string, string>; colours: string[]; entries?: { png: string; svg: string } }
) {
	const entries = o.entries ?? { png: 'png', svg: 'svg' };
	const svg = await download(page, menu, entries.svg);
	expect(svg.d.suggestedFilename()).toBe(`${o.file}.svg`);
	const text = svg.bytes.toString('utf8');
	expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
	const s = await svgFacts(page, text, o.marks);
	expect(s.parseError).toBe(false);
	expect(s.namespace).toBe('http://www.w3.org/2000/svg');
	expect(s.viewBox).toBe(`0 0 ${s.width} ${s.height}`);
	expect(s.title).toBe(o.title);
	expect(s.desc.length).toBeGreaterThan(10);
	expect(s.labelledBy).toBe('chart-figure-title chart-figure-desc');
	// the title is drawn, possibly wrapped over lines
	expect(s.texts.join(' ')).toContain(o.title.split(' ').slice(0, 3).join(' '));
	// source, Datenstand and the fictional-data note travel with every figure
	expect(s.texts.some((t) => t.startsWith('Datenstand: '))).toBe(true);
	if (descriptor().sozialraum.fictional) expect(s.texts.some((t) => t.startsWith('Fiktive Beispieldaten'))).toBe(true);
	expect(s.external).toBe(false);

	const png = await download(page, menu, entries.png);
	expect(png.d.suggestedFilename()).toBe(`${o.file}.png`);
	expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	const titleBand = { x: FIGURE_PAD, y: FIGURE_PAD, w: s.width - 2 * FIGURE_PAD, h: TEXT.title.line };
	const p = await pngFacts(page, png.bytes, { title: scaled(titleBand, 2), chart: scaled(s.chart, 2) }, o.colours);
	// 2× the figure's CSS size
	expect(p.width).toBe(2 * s.width);
	expect(p.height).toBe(2 * s.height);
	expect(p.distinct, JSON.stringify(p)).toBeGreaterThan(20);
	expect(p.regions.title.ink, 'title band').toBeGreaterThan(0.05);
	expect(p.regions.chart.ink, 'chart area').toBeGreaterThan(0.03);
	return { svg: s, png: p };
}

const label = (id: string) => indicators().find((i) => i.id === id)!.label_de;
const unit = (id: string) => indicators().find((i) => i.id === id)!.unit;

describe('chart exports', () => {
	let page: Page;
	const id = 'sgb2_u15';
	const year = 2025;

	it('indicator page: the ranking as SVG with one bar per published value, and as a PNG that is not blank', async () => {
		page = await session.newPage();
		await page.goto(`${session.baseUrl}indikator/?id=${id}&jahr=${year}&sozialraum=0101`);
		await page.waitForSelector('[data-testid=indicator-page][data-ready=true]', { timeout: 60_000 });
		const published = expectedValues(id, year).filter((r) => r.value !== null && !r.suppressed).length;
		const colours = [COMPARISON_COLORS.better, COMPARISON_COLORS.worse, COMPARISON_COLORS.similar];
		const menu = '[data-testid=chart-export]:has([data-testid=ranking])';
		const { svg, png } = await checkFigure(page, menu, {
			file: `indikator_${id.replace('_', '-')}_${year}_rangfolge_0101`,
			title: `${label(id)} (${unit(id)}): Rangfolge der Sozialräume ${year}`,
			marks: { bars: colours.map((c) => `rect[fill="${c}"]`).join(',') },
			colours
		});
		expect(svg.counts.bars).toBe(published);
		// bars in at least two comparison colours are really drawn in the chart area
		expect(Object.values(png.regions.chart.matches).filter((n) => n > 200).length, JSON.stringify(png.regions.chart.matches)).toBeGreaterThanOrEqual(2);
		expect(png.regions.title.matches[COMPARISON_COLORS.worse]).toBe(0);
	});

	it('indicator page: the all-areas trends keep one line per area and the city line', async () => {
		const menu = '[data-testid=chart-export]:has([data-testid=trends-all])';
		const { svg, png } = await checkFigure(page, menu, {
			file: `indikator_${id.replace('_', '-')}_${year}_entwicklung_0101`,
			title: `${label(id)} (${unit(id)}): Entwicklung aller Sozialräume 2014–${year}`,
			marks: { lines: 'path' },
			colours: ['#1d4e89', '#a34400']
		});
		// every area's path, the city's and the highlighted area's on top
		expect(svg.counts.lines).toBeGreaterThanOrEqual(expectedValues(id, year).length + 2);
		expect(png.regions.chart.matches['#1d4e89']).toBeGreaterThan(300);
		expect(png.regions.chart.matches['#a34400']).toBeGreaterThan(300);
	});

	it('indicator page: the map keeps suppressed areas hatched, never coloured (disclosure control)', async () => {
		const hidden = indicators()
			.map((i) => ({ id: i.id, year: 2025 }))
			.find((c) => expectedValues(c.id, c.year).some((r) => r.suppressed))!;
		const rows = expectedValues(hidden.id, hidden.year);
		await page.goto(`${session.baseUrl}indikator/?id=${hidden.id}&jahr=${hidden.year}`);
		await page.waitForSelector(`[data-testid=indicator-page][data-indicator=${hidden.id}][data-ready=true]`, { timeout: 60_000 });
		const { svg } = await checkFigure(page, '[data-testid=map-export]', {
			file: `indikator_${hidden.id.replace(/_/g, '-')}_${hidden.year}_karte`,
			title: `${label(hidden.id)} (${unit(hidden.id)}): Karte ${hidden.year}`,
			marks: { hatched: 'path[fill^="url(#"]' },
			colours: []
		});
		expect(svg.counts.hatched).toBe(rows.filter((r) => r.suppressed).length);
		expect(svg.texts.some((t) => t.startsWith('geheim gehalten (Kleinzahl): '))).toBe(true);
	});

	it('target detail page: the target chart with its marks and key', async () => {
		await page.goto(`${session.baseUrl}ziele/ziel/?id=FZ01`);
		await page.waitForSelector('[data-testid=target-chart]', { timeout: 60_000 });
		const where = (await page.textContent('#chart-heading'))!;
		const { svg, png } = await checkFigure(page, '.chart-head', {
			file: 'ziel_fz01_sgb2-u15',
			title: `${label('sgb2_u15')} (%): ${where}`,
			marks: { dots: 'circle', errorbars: 'path' },
			colours: ['#1d4e89']
		});
		expect(svg.counts.dots).toBeGreaterThanOrEqual(5);
		expect(png.regions.chart.matches['#1d4e89']).toBeGreaterThan(300);
		// the key below the chart: five entries as on screen
		expect(svg.texts).toEqual(expect.arrayContaining(['Ist-Wert', 'Soll-Pfad', 'Prognose (Trend)', 'Zielwert']));
	});

	it('prevention chain: the matrix as a figure with one coloured cell per area and phase', async () => {
		await page.goto(`${session.baseUrl}kette/`);
		await page.waitForSelector('[data-testid=chain-matrix]', { timeout: 60_000 });
		const rows = Number(await page.getAttribute('[data-testid=chain-page]', 'data-rows'));
		const fills = Object.values(CATEGORY_STYLE).map((s) => s.color);
		const { svg, png } = await checkFigure(page, '.head:has([data-testid=matrix-sort])', {
			file: `praeventionskette_${year}_matrix`,
			title: 'Präventionskette: Sozialräume × Lebensphasen, Kategorie je Zelle',
			marks: { cells: fills.map((c) => `rect[fill="${c}"]`).join(',') },
			colours: [CATEGORY_STYLE.gap.color, CATEGORY_STYLE.covered.color]
		});
		expect(svg.counts.cells).toBe(rows * 6);
		expect(png.regions.chart.matches[CATEGORY_STYLE.gap.color]).toBeGreaterThan(1000);
		expect(png.regions.chart.matches[CATEGORY_STYLE.covered.color]).toBeGreaterThan(1000);
	});

	it('profile: the indicator table with one spine chart per indicator', async () => {
		await page.goto(`${session.baseUrl}sozialraum/?id=0603&jahr=${year}`);
		await page.waitForSelector('[data-testid=profile][data-ready=true]', { timeout: 60_000 });
		const rows = await page.$$eval('[data-testid=profile-table] tbody tr[data-indicator]', (trs) => trs.length);
		const spines = await page.$$eval('[data-testid=profile-table] svg.spine', (s) => s.length);
		const name = areas().features.find((f) => f.properties.key === '0603')!.properties.name;
		const { svg, png } = await checkFigure(page, '[data-testid=profile-chart-export]', {
			file: `steckbrief_0603_${name.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/[^a-z0-9]+/g, '-')}_${year}_indikatoren`,
			title: `Steckbrief ${name}: alle Indikatoren im Vergleich, ${year}`,
			marks: { spines: 'svg[viewBox="0 0 176 22"]', bands: 'rect[fill="#e8eef5"]' },
			colours: [COMPARISON_COLORS.worse, '#9c9c9c']
		});
		expect(rows).toBeGreaterThan(20);
		expect(svg.counts.spines).toBe(spines);
		expect(svg.counts.bands).toBe(await page.$$eval('[data-testid=profile-table] tbody[data-phase]', (b) => b.length));
		expect(png.regions.chart.matches['#9c9c9c']).toBeGreaterThan(500);
	});

	it('atlas: the trend chart of the selected area as PNG from the atlas menu', async () => {
		await page.goto(`${session.baseUrl}?indikator=${id}&jahr=${year}&sozialraum=0101`);
		await page.waitForSelector('[data-testid=trend-chart]', { timeout: 60_000 });
		await waitForMapState(page, { indicator: id, year });
		const { png } = await checkFigure(page, '.map-tools [data-testid=export-menu]', {
			file: `atlas_${id.replace('_', '-')}_${year}_0101_entwicklung`,
			title: 'Entwicklung: Altstadt und Stadt',
			marks: {},
			colours: ['#b30000', '#1f4e79'],
			entries: { png: 'chart-png', svg: 'svg' }
		});
		// the area's line and the city's, as in the on-screen chart
		expect(png.regions.chart.matches['#b30000']).toBeGreaterThan(300);
		expect(png.regions.chart.matches['#1f4e79']).toBeGreaterThan(300);
	});

	it('Sozialindex: the status map with one shape per area in the class colours', async () => {
		await page.goto(`${session.baseUrl}index/`);
		await page.waitForSelector('[data-testid=why-class]', { timeout: 60_000 });
		const year = (await page.textContent('#ix-map-h'))!.match(/\d{4}/)![0];
		const { svg, png } = await checkFigure(page, '.map-head', {
			file: `sozialindex_${year}_statusklassen`,
			title: `Statusindex ${year}: Klassen`,
			marks: { areas: STATUS_COLORS.map((c) => `path[fill="${c}"]`).join(',') },
			colours: [...STATUS_COLORS],
			entries: { png: 'png', svg: 'svg' }
		});
		const included = Number(await page.getAttribute('[data-testid=index-page]', 'data-included'));
		expect(svg.counts.areas).toBe(included);
		expect(Object.values(png.regions.chart.matches).filter((n) => n > 2000).length, JSON.stringify(png.regions.chart.matches)).toBeGreaterThanOrEqual(3);
	});

	it('made no request outside the site and logged no error', () => {
		expect(session.foreignRequests).toEqual([]);
		expect(session.consoleErrors).toEqual([]);
	});
});
