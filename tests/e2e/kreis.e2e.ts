/**
 * Musterkreis, the second bundled package, in a real headless Chromium against the built site: a
 * planner chooses it on the first visit, then walks every page and sees the Kreis (its Gemeinden
 * and Ortsteile, the package's level labels, no city wording), the map really coloured at the
 * Ortsteile; switching back to Musterstadt works, and a link with ?paket= opens the Kreis in a
 * fresh browser. Nothing leaves localhost, nothing logs an error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './browser';
import { colourDistance, dominant, pixelsAt, waitForMapState } from './map-pixels';
import { areas, descriptor, expectedValues, indicators, interiorPoint, latestYear } from './expected';
import { classify, classOf } from '../../src/lib/stats/classify';
import { classColors, hexToRgb, NO_DATA_COLOR } from '../../src/lib/map/colors';

const KREIS = 'data/musterkreis';
const ortsteile = areas(KREIS).features;
const gemeinden = JSON.parse(readFileSync(join(KREIS, 'areas-gemeinde-2021.geojson'), 'utf8')).features as { properties: { key: string; name: string } }[];
const offers = csvParse(readFileSync(join(KREIS, 'offers.csv'), 'utf8'));
const defaultIndicator = descriptor(KREIS).sozialraum.default_indicator;
const defaultYear = latestYear(defaultIndicator, KREIS);

/** City words a Kreis must not show (the product's name aside). */
const CITY_WORDS = /Stadtbezirk|Sozialr(a|ä)um(?!-Monitor)|Stadtwert|Stadt gesamt/;

/** The default map's colours at one Ortsteil per class present, as the package's values demand. */
async function expectKreisColours(p: Page) {
	const ind = indicators(KREIS).find((i) => i.id === defaultIndicator)!;
	const rows = expectedValues(defaultIndicator, defaultYear, KREIS);
	const cls = classify(rows.map((r) => r.value), { method: 'quantile', k: 5 });
	const colors = classColors(ind.polarity, cls.breaks.length);
	const colourOf = (key: string) => {
		const r = rows.find((x) => x.key === key)!;
		return r.value === null ? NO_DATA_COLOR : colors[classOf(r.value, cls)!];
	};
	// One Ortsteil per class present: a uniformly coloured (or grey) map cannot pass.
	const picked = new Map<string, string>();
	for (const r of rows) if (!r.suppressed && r.value !== null && !picked.has(colourOf(r.key))) picked.set(colourOf(r.key), r.key);
	expect(picked.size).toBeGreaterThanOrEqual(4);
	for (const [hex, key] of picked) {
		const f = ortsteile.find((o) => o.properties.key === key)!;
		const got = dominant(await pixelsAt(p, interiorPoint(f), 2));
		expect(colourDistance(got, hexToRgb(hex)), `${f.properties.name}: rgb(${got}) instead of ${hex}`).toBeLessThanOrEqual(3);
	}
}

let session: Session;
let page: Page;
beforeAll(async () => {
	session = await startSession();
	page = await session.newPage({ firstVisit: true });
});
afterAll(async () => {
	await session?.close();
});

async function goto(path: string, ready: string) {
	await page.goto(session.baseUrl + path);
	await page.waitForSelector(ready, { timeout: 60_000 });
}
const mainText = () => page.innerText('main');
const territory = () => page.textContent('[data-testid=shown-territory]');

describe('the package choice at start', () => {
	it('asks on the first visit, with the default package shown meanwhile', async () => {
		await page.goto(session.baseUrl);
		const choice = await page.waitForSelector('[data-testid=package-choice]', { timeout: 30_000 });
		const text = await choice.innerText();
		expect(text).toContain('Welches Datenpaket möchten Sie ansehen?');
		expect(text).toContain('Musterstadt – kreisfreie Stadt mit Sozialräumen');
		expect(text).toContain('Musterkreis – Kreis mit Gemeinden und Ortsteilen');
		expect(await territory()).toBe('Musterstadt');
	});

	it('opens Musterkreis when chosen, names it in the address and does not ask again', async () => {
		await Promise.all([page.waitForURL(/paket=musterkreis/), page.click('[data-package=musterkreis]')]);
		await page.waitForSelector('[data-testid=atlas]', { timeout: 60_000 });
		expect(await territory()).toBe('Musterkreis');
		expect(await page.textContent('[data-testid=fictional-note]')).toContain('„Musterkreis“ ist erfunden');
		expect(await page.$('[data-testid=package-choice]')).toBeNull();
		expect(await page.title()).toContain('Musterkreis');
	});
});

describe('every page on Musterkreis', () => {
	it('atlas: the Kreis map with the colours its values demand at the Ortsteile', async () => {
		await goto('', '[data-testid=atlas]');
		expect(await page.getAttribute('[data-testid=atlas]', 'data-indicator')).toBe(defaultIndicator);
		await waitForMapState(page, { indicator: defaultIndicator, year: defaultYear });
		await expectKreisColours(page);
		const table = await page.innerText('[data-testid=area-table]');
		expect(table).toContain('Bahnhofsviertel');
		expect(await page.textContent('[data-testid=legend]')).toContain('geheim gehalten');
	});

	it('atlas export: the CSV lists every Ortsteil with its Gemeinde, withheld cells as •', async () => {
		await page.click('.map-tools [data-testid=export-menu] button.trigger');
		const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('.map-tools [data-testid=export-menu] [data-export=csv]')]);
		const text = readFileSync((await d.path())!, 'utf8').replace(/^\uFEFF/, '');
		expect(d.suggestedFilename()).toMatch(/\.csv$/);
		const rows = expectedValues(defaultIndicator, defaultYear, KREIS);
		const lines = text.split(/\r?\n/);
		const header = lines.findIndex((l) => l.startsWith('Schlüssel;'));
		expect(lines[header]).toContain(';Gemeinde;');
		const body = lines.slice(header + 1).filter((l) => /^\d{10};/.test(l)).map((l) => l.split(';'));
		expect(body.map((c) => c[0]).sort()).toEqual(rows.map((r) => r.key).sort());
		const gemeindeNames = new Set(gemeinden.map((g) => g.properties.name));
		for (const c of body) expect(gemeindeNames.has(c[2]), `${c[1]}: ${c[2]}`).toBe(true);
		const withheld = rows.filter((r) => r.suppressed);
		expect(withheld.length).toBeGreaterThan(0);
		for (const r of withheld) expect(body.find((c) => c[0] === r.key)![4]).toBe('•');
		expect(text).not.toMatch(CITY_WORDS);
	});

	it('atlas: level labels from the package, no city wording', async () => {
		const text = await mainText();
		expect(text).toContain('Ortsteil');
		expect(text).toContain('Kreis');
		expect(text).not.toMatch(CITY_WORDS);
	});

	it('Steckbrief of an Ortsteil names it, its Gemeinde and the Kreis', async () => {
		const key = '0599900402';
		await goto(`sozialraum/?id=${key}`, '[data-testid=profile][data-ready=true]');
		const text = await mainText();
		expect(text).toContain('Bahnhofsviertel');
		expect(text).toContain('Altenwalde');
		expect(text).toContain('Musterkreis');
		expect(text).not.toMatch(CITY_WORDS);
	});

	it('indicator page ranks the Ortsteile of the Kreis', async () => {
		await goto(`indikator/?id=${defaultIndicator}`, '[data-testid=indicator-page][data-ready=true]');
		const text = await mainText();
		expect(text).toContain('Bahnhofsviertel');
		expect(text).toContain('Ortsteil');
		expect(text).not.toMatch(CITY_WORDS);
	});

	it('Feinziele on Gemeinden, the Kreis and Ortsteile', async () => {
		await goto('ziele/', '[data-testid=targets-page][data-status=ready]');
		await page.waitForFunction(() => {
			const c = [...document.querySelectorAll('[data-testid=target-card]')];
			return c.length === 4 && c.every((e) => e.getAttribute('data-status') !== 'loading');
		}, null, { timeout: 60_000 });
		const text = await mainText();
		for (const name of ['Altenwalde', 'Auetal', 'Musterkreis']) expect(text).toContain(name);
		expect(text).not.toMatch(CITY_WORDS);
	});

	it('one Feinziel: the target on the Gemeinde formed in 2021', async () => {
		await goto('ziele/ziel/?id=FZ03', '[data-testid=target-chart]');
		const text = await mainText();
		expect(text).toContain('Auetal');
		expect(text).not.toMatch(CITY_WORDS);
	});

	it('Präventionskette: every Ortsteil of the Kreis in the matrix', async () => {
		await goto('kette/', '[data-testid=chain-matrix]');
		// every Ortsteil is a row; the matrix shows them 50 a page (chain.e2e.ts turns the pages)
		expect(Number(await page.getAttribute('[data-testid=chain-matrix]', 'data-rows'))).toBe(ortsteile.length);
		expect(await page.locator('[data-testid=chain-matrix] tbody tr').count()).toBe(Math.min(ortsteile.length, 50));
		const text = await mainText();
		expect(text).toContain('Ortsteil');
		expect(text).not.toMatch(CITY_WORDS);
	});

	it('Angebote: the Kreis-level offers and one Familienbüro per Gemeinde', async () => {
		await goto('angebote/', `[data-testid=offers-page][data-count="${offers.length}"]`);
		await page.fill('#f-search', 'Kreisjugendamt');
		await page.waitForFunction(() => document.querySelector('[data-testid=offer-list]')?.textContent?.includes('Babybesuchsdienst des Kreisjugendamts'), null, { timeout: 30_000 });
		await page.fill('#f-search', 'Familienbüro');
		await page.waitForSelector(`[data-testid=offers-page][data-count="${gemeinden.length}"]`, { timeout: 30_000 });
		const text = await mainText();
		for (const g of gemeinden) expect(text).toContain(`Familienbüro ${g.properties.name}`);
		expect(text).not.toMatch(CITY_WORDS);
	});

	it('Sozialindex over the Ortsteile', async () => {
		await goto('index/', '[data-testid=index-page]');
		await page.waitForFunction((n) => document.querySelectorAll('[data-testid=index-table] tbody tr').length === n, ortsteile.length, { timeout: 60_000 });
		const text = await mainText();
		expect(text).toContain('Ortsteil');
		expect(text).not.toMatch(CITY_WORDS);
	});

	it('Präsentation: an atlas slide of the Kreis map, the deck names the Kreis', async () => {
		await goto('', '[data-testid=atlas]');
		await waitForMapState(page, { indicator: defaultIndicator, year: defaultYear });
		await page.click('[data-testid=add-slide]');
		await expect.poll(() => page.textContent('[data-testid=add-slide-status]')).toContain('Folie 1');
		await goto('praesentation/', '[data-testid=slide-item] [data-testid=map-figure]');
		await page.waitForFunction(() => document.querySelector('[data-testid=shown-territory]')?.textContent === 'Musterkreis');
		expect(await page.locator('[data-testid=slide-item]').count()).toBe(1);
		// title and caption are inputs: their values, not the page text, carry the slide's words
		const title = await page.inputValue('[data-testid=slide-title]');
		const caption = await page.inputValue('[data-testid=slide-caption-input]');
		expect(title).toContain(indicators(KREIS).find((i) => i.id === defaultIndicator)!.label_de);
		expect(`${title} ${caption} ${await mainText()}`).not.toMatch(CITY_WORDS);
	});
});

describe('the first map of Musterkreis from the build\'s precomputed files', () => {
	it('is coloured as its values demand, and steps to a year of the old boundaries, while DuckDB-wasm is held back', async () => {
		const held = await session.newPage({ firstVisit: true });
		// hold back the engine: whatever the atlas shows now came from the precomputed files
		const wasm: string[] = [];
		await held.route('**/*.wasm', (route) => void wasm.push(route.request().url()));
		await held.goto(`${session.baseUrl}?paket=musterkreis`);
		await held.waitForSelector('[data-testid=atlas]', { timeout: 60_000 });
		await waitForMapState(held, { indicator: defaultIndicator, year: defaultYear });
		await expectKreisColours(held);
		// the legend shows exactly the classes the map was checked against
		const legend = (await held.$$eval('[data-testid=legend] li[data-color]', (els) => els.map((e) => e.getAttribute('data-color')!.toLowerCase()))).filter((c) => c !== NO_DATA_COLOR.toLowerCase());
		const ind = indicators(KREIS).find((i) => i.id === defaultIndicator)!;
		const cls = classify(expectedValues(defaultIndicator, defaultYear, KREIS).map((r) => r.value), { method: 'quantile', k: 5 });
		expect(legend).toEqual(classColors(ind.polarity, cls.breaks.length).map((c) => c.toLowerCase()));
		// 2018: the Ortsteile of Oberau and Niederau (Gebietsstand 2014), drawn in a legend colour
		await held.goto(`${session.baseUrl}?paket=musterkreis&jahr=2018`);
		await waitForMapState(held, { indicator: defaultIndicator, year: 2018 });
		await held.waitForSelector('[data-testid=area-table] tr[data-key="0599902801"]');
		expect(await held.$('[data-testid=area-table] tr[data-key="0599903601"]')).toBeNull();
		const legend2018 = await held.$$eval('[data-testid=legend] li[data-color]', (els) => els.map((e) => e.getAttribute('data-color')!));
		const old = (JSON.parse(readFileSync(join(KREIS, 'areas-ortsteil-2014.geojson'), 'utf8')).features as typeof ortsteile).find((f) => f.properties.key === '0599902801')!;
		const got = dominant(await pixelsAt(held, interiorPoint(old), 2));
		const nearest = Math.min(...legend2018.map((hex) => colourDistance(got, hexToRgb(hex))));
		expect(nearest, `${old.properties.name}: rgb(${got}) is no legend colour (${legend2018.join(', ')})`).toBeLessThanOrEqual(3);
		// the engine never answered: its wasm is asked for once the first map is drawn (the engine
		// starts after the first frame, src/lib/data/engine-gate.ts) and held by the route above
		await expect.poll(() => wasm.length, { timeout: 30_000 }).toBeGreaterThan(0);
		await held.close();
	});
});

describe('switching and links', () => {
	it('switches back to Musterstadt from the header, on the same page', async () => {
		await goto('indikator/', '[data-testid=indicator-page][data-ready=true]');
		await page.click('[data-testid=package-switch]');
		await page.waitForSelector('[data-testid=package-choice]');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('package-choice-heading');
		await Promise.all([page.waitForURL(/indikator\/\?paket=musterstadt/), page.click('[data-package=musterstadt]')]);
		await page.waitForSelector('[data-testid=indicator-page][data-ready=true]', { timeout: 60_000 });
		expect(await territory()).toBe('Musterstadt');
		// remembered: a plain link opens Musterstadt again, without asking
		await goto('', '[data-testid=atlas]');
		expect(await territory()).toBe('Musterstadt');
		expect(await page.$('[data-testid=package-choice]')).toBeNull();
		expect(new URL(page.url()).searchParams.get('paket')).toBe('musterstadt');
	});

	it('a permalink with ?paket= opens the Kreis view in a fresh browser', async () => {
		const fresh = await session.newPage({ firstVisit: true });
		const key = '0599903602';
		await fresh.goto(`${session.baseUrl}sozialraum/?id=${key}&paket=musterkreis`);
		await fresh.waitForSelector(`[data-testid=profile][data-area="${key}"][data-ready=true]`, { timeout: 60_000 });
		expect(await fresh.textContent('[data-testid=shown-territory]')).toBe('Musterkreis');
		expect(await fresh.innerText('main')).toContain('Niederau');
		expect(await fresh.$('[data-testid=package-choice]')).toBeNull();
		// the address keeps naming the package (a copied address opens the same data)
		expect(new URL(fresh.url()).searchParams.get('paket')).toBe('musterkreis');
		expect(new URL(fresh.url()).searchParams.get('id')).toBe(key);
		await fresh.close();
	});

	it('sent no request off the site and logged no error', () => {
		expect(session.foreignRequests).toEqual([]);
		expect(session.consoleErrors).toEqual([]);
	});
});
