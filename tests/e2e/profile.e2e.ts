/**
 * District profile and indicator page in a real headless Chromium against the built site: the
 * profile shows exactly the package's values (a suppressed one as "•", never a number), its PDF
 * carries the title and prints the SVG map instead of the WebGL one, the indicator page ranks the
 * areas in the data's order, links keep year and indicator, and nothing leaves localhost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3';
import { startSession, type Session } from './browser';
import { PACKAGE_DIR, areas, descriptor, expectedCityValue, expectedValues, indicators, latestYear } from './expected';

let session: Session;
beforeAll(async () => {
	session = await startSession();
});
afterAll(async () => {
	await session?.close();
});

const de = (v: number, decimals: number) =>
	new Intl.NumberFormat('de-DE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(v);
const features = areas().features;
const nameOf = (key: string) => features.find((f) => f.properties.key === key)!.properties.name;
const inds = indicators();
const year = Math.max(...inds.map((i) => latestYear(i.id)));

/** The first area (in key order) with a suppressed cell in the latest year: the test must see one. */
const area = features
	.map((f) => f.properties.key)
	.sort()
	.find((k) => inds.some((i) => expectedValues(i.id, year).find((r) => r.key === k)?.suppressed))!;

/** Competition rank (1 = highest) among published values, as "n von m". */
function expectedRank(id: string, key: string): string {
	const vals = expectedValues(id, year).filter((r) => r.value !== null);
	const own = vals.find((r) => r.key === key)!.value!;
	return `${1 + vals.filter((r) => r.value! > own).length} von ${vals.length}`;
}

/** The PDF's document title (Chromium writes it as UTF-16BE hex in the Info dictionary). */
function pdfTitle(pdf: Buffer): string {
	const m = /\/Title\s*<FEFF([0-9A-Fa-f]*)>/.exec(pdf.toString('latin1'));
	if (!m) return '';
	const bytes = Buffer.from(m[1], 'hex');
	let s = '';
	for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes.readUInt16BE(i));
	return s;
}

async function open(path: string, ready = '[data-ready=true]'): Promise<Page> {
	const page = await session.newPage();
	await page.goto(session.baseUrl + path);
	await page.waitForSelector(ready, { timeout: 60_000 });
	return page;
}

describe('district profile', () => {
	let page: Page;

	it('shows every indicator with exactly the value, city value and rank of the data package', async () => {
		expect(area, 'the demo data must have an area with a suppressed cell').toBeTruthy();
		page = await open(`sozialraum/?id=${area}&jahr=${year}`);
		expect(await page.textContent('h1')).toContain(nameOf(area));
		let suppressedSeen = 0;
		for (const ind of inds) {
			const row = page.locator(`[data-testid=profile-table] tr[data-indicator="${ind.id}"]`);
			const exp = expectedValues(ind.id, year).find((r) => r.key === area)!;
			const cell = (await row.locator('[data-col=value]').textContent())!;
			if (exp.suppressed) {
				suppressedSeen++;
				expect(await row.getAttribute('data-flag')).toBe('suppressed');
				expect(cell).toContain('•');
				expect(cell).toContain('geheim gehalten');
				// never a number, never 0
				expect(cell, `${ind.id} must not show a number`).not.toMatch(/\d/);
				expect(await row.locator('[data-col=rank]').textContent()).toBe('–');
			} else if (exp.value === null) {
				expect(cell).toContain('keine Daten');
			} else {
				expect(await row.locator('[data-col=value] .v').textContent(), ind.id).toBe(de(exp.value, ind.decimals));
				expect(await row.locator('[data-col=rank]').textContent(), ind.id).toBe(expectedRank(ind.id, area));
			}
			expect(await row.locator('[data-col=city]').textContent(), ind.id).toBe(de(expectedCityValue(ind.id, year), ind.decimals));
		}
		expect(suppressedSeen).toBeGreaterThan(0);
	});

	it('shows the key facts from the population table and a summary', async () => {
		const pop = csvParse(readFileSync(join(PACKAGE_DIR, 'population.csv'), 'utf8')).filter(
			(r) => r.area_key === area && Number(r.year) === year
		);
		const total = Number(pop.find((r) => r.age_group === 'insgesamt')!.persons);
		expect(await page.textContent('[data-fact=total]')).toBe(de(total, 0));
		const summary = (await page.textContent('[data-testid=summary]'))!;
		expect(summary).toContain(nameOf(area));
		// the headline indicator is always described, and the suppressed cell is named as suppressed
		expect(summary).toContain(inds.find((i) => i.id === descriptor().sozialraum.default_indicator)!.label_de);
		expect(summary).toContain('geheim gehalten');
	});

	it('prints as a PDF with the title, the SVG locator map and without the app navigation', async () => {
		await page.emulateMedia({ media: 'print' });
		expect(await page.isVisible('[data-testid=locator-map] svg path')).toBe(true);
		expect(await page.isVisible('nav[aria-label="Hauptnavigation"]')).toBe(false);
		expect(await page.isVisible('[data-testid=print]')).toBe(false);
		const pdf = await page.pdf({ landscape: true, format: 'A4' });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdfTitle(pdf)).toContain(`Sozialraum-Steckbrief: ${nameOf(area)}`);
		const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
		expect(pages).toBeGreaterThanOrEqual(2);
		await page.emulateMedia({ media: 'screen' });
	});

	it('links keep the year: next district and an indicator page', async () => {
		const next = await page.getAttribute('[data-testid=next-area]', 'href');
		const nextUrl = new URL(next!, page.url());
		expect(nextUrl.searchParams.get('jahr')).toBe(String(year));
		const first = inds[0];
		await page.click(`[data-testid=profile-table] tr[data-indicator="${first.id}"] a`);
		await page.waitForSelector(`[data-testid=indicator-page][data-indicator="${first.id}"][data-ready=true]`, { timeout: 30_000 });
		const url = new URL(page.url());
		expect(url.pathname).toMatch(/\/indikator\/$/);
		expect(url.searchParams.get('jahr')).toBe(String(year));
		expect(url.searchParams.get('sozialraum')).toBe(area);
	});
});

describe('indicator page', () => {
	it('ranks the areas in the order of the data, with suppressed areas named apart', async () => {
		// an indicator with suppressed areas in the latest year, so exclusion is tested too
		const ind = inds.find((i) => expectedValues(i.id, year).some((r) => r.suppressed))!;
		const page = await open(`indikator/?id=${ind.id}&jahr=${year}`);
		const rows = expectedValues(ind.id, year);
		const expected = rows
			.filter((r) => r.value !== null)
			.sort((a, b) => b.value! - a.value! || nameOf(a.key).localeCompare(nameOf(b.key), 'de'))
			.map((r) => r.key);
		const drawn = await page.$$eval('[data-testid=ranking] g.bar', (gs) => gs.map((g) => g.getAttribute('data-key')));
		expect(drawn).toEqual(expected);
		// the table, sorted by value (default), lists the same order and the suppressed areas last
		const table = await page.$$eval('[data-testid=indicator-table] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-key')));
		expect(table.slice(0, expected.length)).toEqual(expected);
		for (const r of rows.filter((x) => x.suppressed)) {
			expect(await page.textContent('[data-testid=ranking] .excluded')).toContain(nameOf(r.key));
			const cell = (await page.textContent(`[data-testid=indicator-table] tr[data-key="${r.key}"] [data-col=value]`))!;
			expect(cell).toContain('•');
			expect(cell).not.toMatch(/\d/);
		}
		expect(await page.textContent('[data-testid=city-value]')).toContain(de(expectedCityValue(ind.id, year), ind.decimals));
		await page.close();
	});

	it('prints the SVG map, not the WebGL map', async () => {
		const id = inds[0].id;
		const page = await open(`indikator/?id=${id}&jahr=${year}&sozialraum=${area}`);
		await page.waitForSelector(`[data-applied="${id}|${year}"]`, { timeout: 30_000 });
		expect(await page.isVisible('.maplibregl-canvas')).toBe(true);
		await page.emulateMedia({ media: 'print' });
		expect(await page.isVisible('[data-testid=print-map] svg path')).toBe(true);
		expect(await page.isVisible('.maplibregl-canvas')).toBe(false);
		expect(await page.isVisible('.maplibregl-ctrl')).toBe(false);
		expect(await page.isVisible('nav[aria-label="Hauptnavigation"]')).toBe(false);
		const pdf = await page.pdf({ landscape: true, format: 'A4' });
		expect(pdfTitle(pdf)).toContain(inds[0].label_de);
		await page.close();
	});

	it('made no request outside the site and logged no error', () => {
		expect(session.foreignRequests).toEqual([]);
		expect(session.consoleErrors).toEqual([]);
	});
});

describe('Sozialindex on the profile', () => {
	it('shows the status class of the area, or says it is not included', async () => {
		const page = await session.newPage();
		await page.goto(`${session.baseUrl}sozialraum/?id=0603&jahr=${year}`);
		await page.waitForSelector('[data-testid=profile-index]', { timeout: 60_000 });
		const text = (await page.textContent('[data-testid=profile-index]'))!;
		expect(text).toMatch(/Statusklasse [1-4] \((hoch|mittel|niedrig|sehr niedrig)\)|nicht einbezogen/);
		// the tiny Stadtwald is below the population minimum and must never get a class
		await page.goto(`${session.baseUrl}sozialraum/?id=0407&jahr=${year}`);
		await page.waitForFunction(() => document.querySelector('[data-testid=profile-index]')?.textContent?.includes('nicht einbezogen'), null, { timeout: 60_000 });
		await page.close();
	});
});
