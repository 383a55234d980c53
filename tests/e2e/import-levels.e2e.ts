/**
 * The import wizard with real municipal geography, in headless Chromium against the built site:
 * a two-level map (Berlin-shaped Planungsräume inside Bezirksregionen, EPSG:25833, parent
 * attribute BZR_ID) and an MSS-like table whose keys are those of the newer boundary version.
 * With only the 2019 map the wizard says that no key fits; with the 2021 map added as second
 * boundary version it says which years fit which version ("0 von 4 Schlüsseln passen zur
 * geladenen Karte (Gebietsstand 2019), 4 passen zum Gebietsstand 2021"). The package is built,
 * loaded, and the atlas draws the 2021 areas in the colours their values demand (pixels read back).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './browser';
import { colourDistance, dominant, pixelsAt, waitForMapIdle } from './map-pixels';
import { berlinPoint, mssCounts, PLR_2021 } from '../fixtures/import/fixture-levels';
import { classify, classOf } from '../../src/lib/stats/classify';
import { classColors, hexToRgb } from '../../src/lib/map/colors';

const FIXTURES = 'tests/fixtures/import/files';
const file = (name: string) => join(FIXTURES, name);
let session: Session;

beforeAll(async () => {
	session = await startSession();
});
afterAll(async () => {
	await session?.close();
});

const idle = (page: Page) => page.waitForFunction(() => !document.querySelector('[data-testid=import-progress]'), undefined, { timeout: 120_000 });
async function next(page: Page) {
	await page.click('[data-testid=next]');
	await idle(page);
}
async function goTo(page: Page, step: string) {
	await page.getByRole('navigation', { name: 'Schritte des Imports' }).getByRole('button', { name: step }).click();
	await idle(page);
}
const problems = async (page: Page) => (await page.locator('[data-testid=import-problems]').textContent()) ?? '';

describe('import wizard: levels and boundary versions', () => {
	it('imports a two-level map and a table on a newer boundary version, says which keys fit which version, and draws the map', async () => {
		const page = await session.newPage();
		await page.goto(session.baseUrl + 'import/');
		await page.waitForSelector('[data-testid=import-wizard][data-ready=true]');

		// 1. the older Planungsräume, the Bezirksregionen and a table on the 2021 keys
		await page.setInputFiles('[data-testid=import-files]', [file('lor-plr-2019.geojson'), file('lor-bzr.geojson'), file('mss-2021.csv')]);
		await page.waitForSelector('[data-testid=next]:not([disabled])');
		await next(page);

		// the preview names the levels (from the file names) and how parents were found, where the maps are read
		expect(await page.locator('[data-testid=map-level]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['Planungsraum', 'Bezirksregion']);
		await page.fill('[data-testid=territory]', 'Beispielbezirk');
		await page.locator('[data-testid=territory]').press('Tab');
		await idle(page);
		expect(await page.textContent('[data-testid=level-chain]')).toBe('Planungsraum → Bezirksregion → Stadt (ganzes Gebiet)');
		expect(await page.textContent('[data-testid=parent-note]')).toBe('Übergeordnete Gebiete – Bezirksregion: aus dem Attribut „BZR_ID“.');
		expect(await page.locator('[data-testid=map-clean]').count()).toBe(2);

		// 2. matching: not one key fits the loaded map, and the wizard says what to do
		await next(page); // columns
		expect(await page.textContent('[data-testid=population-note]')).toContain('Ohne Einwohnerzahlen fehlen');
		await next(page); // matching
		expect(await problems(page)).toContain('mss-2021.csv: 0 von 4 Schlüsseln passen zur geladenen Karte; Zeilen 2–17 werden nicht übernommen. Gehören die Schlüssel zu einem anderen Gebietsstand? Dann laden Sie dessen Karte als weiteren Gebietsstand der Ebene „Planungsraum“');

		// 3. the 2021 map as second boundary version of the same level (level and year from its name)
		await goTo(page, 'Dateien');
		await page.setInputFiles('[data-testid=import-files]', [file('lor-plr-2021.geojson')]);
		await next(page);
		expect(await page.locator('[data-testid=map-level]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['Planungsraum', 'Bezirksregion', 'Planungsraum']);
		expect(await page.locator('[data-testid=map-valid-from]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['2019', '2021']);
		expect(await page.textContent('[data-testid=level-chain]')).toBe('Planungsraum (2 Gebietsstände) → Bezirksregion → Stadt (ganzes Gebiet)');
		await next(page);
		await next(page);
		const text = await problems(page);
		expect(text).toContain('mss-2021.csv: Jahre 2019–2020: 0 von 4 Schlüsseln passen zur geladenen Karte (Gebietsstand 2019), 4 passen zum Gebietsstand 2021; Zeilen 2, 3, 6, 7, 10, 11 … (8 Zeilen) werden nicht übernommen.');
		expect(await page.textContent('[data-testid=join-versions]')).toContain('Gebietsstand 2021');
		expect(await page.textContent('[data-testid=join-summary]')).toBe('4 von 7 Gebieten der Karte haben Daten; 8 von 16 Tabellenzeilen wurden zugeordnet.');

		// 4. indicator, package, load
		await next(page);
		const form = page.locator('[data-testid=indicator-form]').first();
		await form.getByLabel('Bezeichnung').fill('SGB-II-Quote unter 15 Jahren');
		await form.getByLabel('Richtung').selectOption('higher_is_worse');
		await next(page);
		await page.fill('[data-testid=pkg-title]', 'LOR-Beispiel');
		await page.click('[data-testid=build]');
		await idle(page);
		expect(await page.textContent('[data-testid=build-ok]')).toContain('Gebiete: 4, Indikatoren: 1, Werte: 8');
		await page.click('[data-testid=load]');
		await page.waitForSelector('[data-testid=load-result]', { timeout: 60_000 });
		expect(await page.textContent('[data-testid=load-result]')).toContain('Geladen.');

		// 5. the atlas shows the 2021 Planungsräume in the colours their 2022 values demand
		await page.click('[data-testid=load-result] a');
		await page.waitForSelector('[data-testid=area-table]', { timeout: 60_000 });
		await expect.poll(async () => (await page.textContent('[data-testid=atlas]')) ?? '', { timeout: 30_000 }).toContain('Südhafen Ost');
		expect(await page.getAttribute('[data-testid=atlas]', 'data-year')).toBe('2022');
		await waitForMapIdle(page);
		const values = PLR_2021.map((_, i) => (mssCounts(i, 2022).n / mssCounts(i, 2022).d) * 100);
		const cls = classify(values, { method: 'quantile', k: 5 });
		const colours = classColors('higher_is_worse', cls.breaks.length);
		const drawn: string[] = [];
		for (const [i, p] of PLR_2021.entries()) {
			// a quarter in from the corner: the label sits at the centre
			const got = dominant(await pixelsAt(page, berlinPoint(p.r, 0.3, 0.3), 3));
			const want = colours[classOf(values[i], cls)!];
			expect(colourDistance(got, hexToRgb(want)), `${p.key} ${p.name}: drew rgb(${got}) instead of ${want}`).toBeLessThanOrEqual(3);
			drawn.push(got.join(','));
		}
		// a uniformly coloured map cannot pass: the four areas are drawn in at least three colours
		expect(new Set(drawn).size).toBeGreaterThanOrEqual(3);

		expect(session.foreignRequests).toEqual([]);
		expect(session.consoleErrors, session.consoleErrors.join('\n')).toEqual([]);
	}, 300_000);
});
