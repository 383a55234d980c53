/**
 * The atlas in a real headless Chromium against the built site: the map really draws the colours
 * the data demand, selection draws the trend, the URL restores the view, and nothing leaves
 * localhost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './browser';
import { colourDistance, dominant, pixelsAt, waitForMapIdle, waitForMapState } from './map-pixels';
import { areas, descriptor, expectedCityValue, expectedValues, indicators, interiorPoint, latestYear, type ExpectedValue } from './expected';
import { classify, classOf, type ClassMethod } from '../../src/lib/stats/classify';
import { compareArea } from '../../src/lib/stats/compare';
import { classColors, COMPARISON_COLORS, hexToRgb, NO_DATA_COLOR } from '../../src/lib/map/colors';

let session: Session;
beforeAll(async () => {
	session = await startSession();
});
afterAll(async () => {
	await session?.close();
});

const features = areas().features;
const point = (key: string) => interiorPoint(features.find((f) => f.properties.key === key)!);

/** The colour each area must have: the atlas default is quantiles with 5 classes. */
function expectedColours(indicatorId: string, year: number, method: ClassMethod = 'quantile'): Map<string, string | 'suppressed'> {
	const ind = indicators().find((i) => i.id === indicatorId)!;
	const rows = expectedValues(indicatorId, year);
	const cls = classify(rows.map((r) => r.value), { method, k: 5 });
	const colors = classColors(ind.polarity, cls.breaks.length);
	return new Map(
		rows.map((r) => [r.key, r.suppressed ? 'suppressed' : r.value === null ? NO_DATA_COLOR : colors[classOf(r.value, cls)!]])
	);
}

/** Three areas in three different classes, so a uniformly coloured map cannot pass. */
function threeDistinct(expected: Map<string, string | 'suppressed'>, rows: ExpectedValue[]): string[] {
	const seen = new Map<string, string>();
	for (const r of rows) {
		const c = expected.get(r.key)!;
		if (r.value !== null && !seen.has(c)) seen.set(c, r.key);
	}
	const keys = [...seen.values()];
	expect(keys.length).toBeGreaterThanOrEqual(3);
	return [keys[0], keys[Math.floor(keys.length / 2)], keys[keys.length - 1]];
}

async function expectAreaColour(page: Page, key: string, hex: string) {
	const got = dominant(await pixelsAt(page, point(key), 2));
	expect(colourDistance(got, hexToRgb(hex)), `area ${key}: drew rgb(${got}) instead of ${hex}`).toBeLessThanOrEqual(3);
}

async function openAtlas(query = ''): Promise<Page> {
	const page = await session.newPage();
	await page.goto(session.baseUrl + query);
	await page.waitForSelector('[data-testid=atlas]', { timeout: 60_000 });
	const indicator = (await page.getAttribute('[data-testid=atlas]', 'data-indicator'))!;
	const year = Number(await page.getAttribute('[data-testid=atlas]', 'data-year'));
	await waitForMapState(page, { indicator, year });
	return page;
}

const defaultIndicator = descriptor().sozialraum.default_indicator;
const defaultYear = latestYear(defaultIndicator);

describe('atlas', () => {
	let page: Page;

	it('shows the default indicator with the colours its values demand at three area centres', async () => {
		page = await openAtlas();
		expect(await page.getAttribute('[data-testid=atlas]', 'data-indicator')).toBe(defaultIndicator);
		expect(await page.getAttribute('[data-testid=atlas]', 'data-year')).toBe(String(defaultYear));
		const expected = expectedColours(defaultIndicator, defaultYear);
		for (const key of threeDistinct(expected, expectedValues(defaultIndicator, defaultYear))) {
			await expectAreaColour(page, key, expected.get(key) as string);
		}
		await expect(page.textContent('[data-testid=fictional-note]')).resolves.toContain('Fiktive Beispieldaten');
	});

	it('hatches a suppressed area instead of colouring it', async () => {
		// the demo city has tiny areas whose small counts are suppressed: find one in some indicator
		const hit = indicators()
			.map((i) => ({ id: i.id, year: latestYear(i.id) }))
			.map((c) => ({ ...c, row: expectedValues(c.id, c.year).find((r) => r.suppressed) }))
			.find((c) => c.row);
		expect(hit, 'the demo data must contain a suppressed area').toBeTruthy();
		const p = await openAtlas(`?indikator=${hit!.id}&jahr=${hit!.year}`);
		const px = await pixelsAt(p, point(hit!.row!.key), 6);
		const dark = px.filter((q) => q[0] < 140).length;
		const light = px.filter((q) => q[0] > 220).length;
		expect(dark).toBeGreaterThan(10);
		expect(light).toBeGreaterThan(10);
		expect(await p.textContent('[data-testid=legend]')).toContain('geheim gehalten');
		const cell = await p.textContent(`[data-testid=area-table] tr[data-key="${hit!.row!.key}"]`);
		expect(cell).toContain('•');
		expect(cell).toContain('geheim gehalten');
		await p.close();
	});

	it('selecting an area on the map draws its trend against the city and puts it in the URL', async () => {
		const rows = expectedValues(defaultIndicator, defaultYear).filter((r) => r.value !== null);
		const key = rows[0].key;
		const name = features.find((f) => f.properties.key === key)!.properties.name;
		const screen = await page.evaluate((ll) => {
			const map = (window as unknown as { __sozialraumMap: { project(l: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement } }).__sozialraumMap;
			const r = map.getCanvas().getBoundingClientRect();
			const p = map.project(ll);
			return { x: r.left + p.x, y: r.top + p.y };
		}, point(key));
		await page.mouse.click(screen.x, screen.y);
		await page.waitForSelector('[data-testid=trend-chart]');
		expect(await page.textContent('[data-testid=trend-chart] figcaption')).toContain(name);
		expect(new URL(page.url()).searchParams.get('sozialraum')).toBe(key);
		// both lines are drawn with real geometry (the area's series arrives after the click)
		await page.waitForFunction(() =>
			[...document.querySelectorAll('[data-testid=trend-chart] path.line')].every((e) => (e.getAttribute('d') ?? '').length > 20)
		);
		const paths = await page.$$eval('[data-testid=trend-chart] path.line', (els) => els.map((e) => e.getAttribute('d') ?? ''));
		expect(paths).toHaveLength(2);
		for (const d of paths) expect(d.length).toBeGreaterThan(20);
	});

	it('recolours the map when the indicator and then the year change', async () => {
		const other = indicators().find((i) => i.id !== defaultIndicator && i.life_phase === 'u3')!;
		await page.selectOption('[data-testid=indicator-select]', other.id);
		await page.waitForFunction((id) => document.querySelector('[data-testid=atlas]')?.getAttribute('data-indicator') === id, other.id);
		const year = Number(await page.getAttribute('[data-testid=atlas]', 'data-year'));
		await waitForMapState(page, { indicator: other.id, year });
		let expected = expectedColours(other.id, year);
		for (const key of threeDistinct(expected, expectedValues(other.id, year))) await expectAreaColour(page, key, expected.get(key) as string);

		const earlier = year - 5;
		await page.selectOption('#year', String(earlier));
		await waitForMapState(page, { indicator: other.id, year: earlier });
		expected = expectedColours(other.id, earlier);
		for (const key of threeDistinct(expected, expectedValues(other.id, earlier))) await expectAreaColour(page, key, expected.get(key) as string);
		expect(new URL(page.url()).searchParams.get('jahr')).toBe(String(earlier));
	});

	it('goes back to the previous view with the browser history', async () => {
		await page.goBack();
		await page.waitForFunction((y) => document.querySelector('[data-testid=atlas]')?.getAttribute('data-year') !== String(y), latestYear(defaultIndicator) - 5);
		await page.goBack();
		await page.waitForFunction((id) => document.querySelector('[data-testid=atlas]')?.getAttribute('data-indicator') === id, defaultIndicator);
	});

	it('a permalink reopens the same view in a fresh page', async () => {
		const key = expectedValues(defaultIndicator, defaultYear).find((r) => r.value !== null)!.key;
		const ind = indicators().find((i) => i.life_phase === '16_27')!;
		const year = latestYear(ind.id) - 2;
		const fresh = await openAtlas(`?indikator=${ind.id}&jahr=${year}&sozialraum=${key}`);
		expect(await fresh.getAttribute('[data-testid=atlas]', 'data-indicator')).toBe(ind.id);
		expect(await fresh.getAttribute('[data-testid=atlas]', 'data-year')).toBe(String(year));
		expect(await fresh.inputValue('[data-testid=indicator-select]')).toBe(ind.id);
		await fresh.waitForSelector('[data-testid=trend-chart]');
		const expected = expectedColours(ind.id, year);
		for (const k of threeDistinct(expected, expectedValues(ind.id, year))) await expectAreaColour(fresh, k, expected.get(k) as string);
	});

	it('switches the class method from the legend options and recolours by natural breaks', async () => {
		const p = await openAtlas();
		await p.selectOption('[data-testid=method-select]', 'naturalBreaks');
		await waitForMapState(p, { indicator: defaultIndicator, year: defaultYear, method: 'naturalBreaks' });
		const expected = expectedColours(defaultIndicator, defaultYear, 'naturalBreaks');
		for (const key of threeDistinct(expected, expectedValues(defaultIndicator, defaultYear))) await expectAreaColour(p, key, expected.get(key) as string);
		expect(await p.textContent('[data-testid=legend]')).toContain('Natürliche Brüche');
		page = p;
	});

	it('colours areas by significance against the city in comparison mode', async () => {
		await page.check('[data-testid=mode-compare]');
		await waitForMapState(page, { indicator: defaultIndicator, year: defaultYear, mode: 'compare', method: 'naturalBreaks' });
		const ind = indicators().find((i) => i.id === defaultIndicator)!;
		const city = expectedCityValue(defaultIndicator, defaultYear);
		const byCategory = new Map<string, string>();
		for (const r of expectedValues(defaultIndicator, defaultYear)) {
			if (r.value === null) continue;
			const c = compareArea(r, city, { valueType: ind.value_type, multiplier: ind.multiplier, level: 0.95, polarity: ind.polarity });
			if (!byCategory.has(c.withPolarity)) byCategory.set(c.withPolarity, r.key);
		}
		// the demo city has districts significantly better and significantly worse than the city
		expect(byCategory.has('better') && byCategory.has('worse')).toBe(true);
		for (const [category, key] of byCategory) await expectAreaColour(page, key, COMPARISON_COLORS[category as keyof typeof COMPARISON_COLORS]);
		const legend = await page.textContent('[data-testid=legend]');
		expect(legend).toContain('signifikant schlechter als der Stadtwert');
		expect(legend).toContain('signifikant besser als der Stadtwert');
	});

	it('made no request outside the site and logged no error', () => {
		expect(session.foreignRequests).toEqual([]);
		expect(session.consoleErrors).toEqual([]);
	});
});

describe('first paint without the engine', () => {
	it('shows the prerendered default map with the right colours while the engine is still loading', async () => {
		const page = await session.newPage();
		// hold back the engine: the preview must not need it
		await page.route('**/*.wasm', () => undefined);
		await page.goto(session.baseUrl, { waitUntil: 'domcontentloaded' });
		await page.waitForSelector('[data-testid=map-preview] path[data-key]');
		const expected = expectedColours(defaultIndicator, defaultYear);
		const fills = await page.$$eval('[data-testid=map-preview] path[data-key]', (els) =>
			Object.fromEntries(els.map((e) => [e.getAttribute('data-key'), e.getAttribute('fill')]))
		);
		expect(Object.keys(fills)).toHaveLength(features.length);
		for (const [key, colour] of expected) {
			if (colour === 'suppressed') expect(fills[key]).toMatch(/^url\(#hatch/);
			else expect(fills[key], key).toBe(colour);
		}
		expect(await page.textContent('[data-testid=map-preview]')).toContain('Daten werden geladen');
		await page.close();
	});
});

describe('Sozialindex layer', () => {
	it('offers the index in the indicator picker and draws the highest-index area in the top status class', async () => {
		const page = await openAtlas();
		await page.selectOption('[data-testid=indicator-select]', 'sozialindex');
		await page.waitForFunction(() => document.querySelector('[data-testid=atlas]')?.getAttribute('data-indicator') === 'sozialindex');
		expect(await page.textContent('[data-testid=legend]')).toContain('Statusklassen');
		await page.waitForSelector('[data-testid=area-table] tbody tr[data-key]');
		await page.waitForFunction(() => !!document.querySelector('.map[data-applied^="sozialindex|"]'));
		await waitForMapIdle(page);
		// the table is sorted by value: its first row is the most disadvantaged area
		const top = (await page.getAttribute('[data-testid=area-table] tbody tr[data-key]', 'data-key'))!;
		// the legend lists the four status classes, then (if any) the excluded areas in no-data grey
		const colours = (await page.$$eval('[data-testid=legend] li[data-color]', (els) => els.map((e) => e.getAttribute('data-color')!))).filter(
			(c) => c.toLowerCase() !== NO_DATA_COLOR
		);
		expect(colours).toHaveLength(4);
		await expectAreaColour(page, top, colours[colours.length - 1]);
		await page.close();
	});
});
