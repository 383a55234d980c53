/**
 * Levels and boundary versions in a real Chromium, on the versioned fixture package
 * (tests/fixtures/geo-versions: Ortsteil → Gemeinde → Kreis, Gebietsstand 2014 and 2021, a
 * crosswalk that splits "Südstadt-Heide" into "Heide-West" and "Heide-Ost"). The site is built
 * from that package into its own folder, like the public build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './browser';
import { colourDistance, dominant, pixelsAt, waitForLevel } from './map-pixels';
import { interiorPoint } from './expected';
import type { AreaProperties } from '../../src/lib/data/types';

const PACKAGE = 'tests/fixtures/geo-versions';
const OUT = '.svelte-kit/build-geo-versions';
let session: Session;

beforeAll(async () => {
	// GEO_E2E_REUSE=1 keeps an existing fixture build (re-running this file while working on it)
	if (!(process.env.GEO_E2E_REUSE && existsSync(`${OUT}/index.html`))) {
		const r = spawnSync('node', ['pipelines/tasks/build.mjs'], { env: { ...process.env, SOZIALRAUM_DATA: PACKAGE, SOZIALRAUM_OUT: OUT }, encoding: 'utf8' });
		expect(r.status, r.stdout + r.stderr).toBe(0);
	}
	session = await startSession([], { dir: OUT });
}, 300_000);
afterAll(async () => {
	await session?.close();
});

const ortsteile = JSON.parse(readFileSync(`${PACKAGE}/areas-ortsteil-2021.geojson`, 'utf8')) as FeatureCollection<Geometry, AreaProperties>;
const point = (key: string) => interiorPoint(ortsteile.features.find((f) => f.properties.key === key) as Feature<Geometry, AreaProperties>);
const colourAt = async (page: Page, key: string) => dominant(await pixelsAt(page, point(key), 2));


describe('area levels and boundary versions', () => {
	let page: Page;

	it('switches the atlas from Ortsteile to Gemeinden by keyboard: map, table and link follow', async () => {
		page = await session.newPage();
		await page.goto(session.baseUrl + '?jahr=2022');
		await page.waitForSelector('[data-testid=atlas]', { timeout: 60_000 });
		await waitForLevel(page, null);
		// two Ortsteile of the Gemeinde "Ostsüd" with very different values (17,5 % and 33,3 %)
		const [mitte, west, nord] = [await colourAt(page, 'O40'), await colourAt(page, 'O51'), await colourAt(page, 'O11')];
		expect(colourDistance(mitte, west), 'Ortsteile in different classes').toBeGreaterThan(20);
		expect(await page.$$eval('[data-testid=area-table] tbody tr', (r) => r.length)).toBe(6);
		// the level select offers Ortsteile and Gemeinden, not the one-area Kreis
		expect(await page.$$eval('[data-testid=level-select] option', (o) => o.map((x) => x.textContent?.trim()))).toEqual(['Ortsteile', 'Gemeinden']);

		await page.focus('[data-testid=level-select]');
		await page.keyboard.press('ArrowDown');
		await waitForLevel(page, 'gemeinde');
		expect(new URL(page.url()).searchParams.get('ebene')).toBe('gemeinde');
		// one polygon per Gemeinde now: both Ortsteile of Ostsüd carry the same colour, Nordheim another
		const [mitte2, west2, nord2] = [await colourAt(page, 'O40'), await colourAt(page, 'O51'), await colourAt(page, 'O11')];
		expect(colourDistance(mitte2, west2)).toBeLessThanOrEqual(3);
		expect(colourDistance(mitte2, nord2)).toBeGreaterThan(20);
		expect(colourDistance(mitte2, mitte) + colourDistance(west2, west) + colourDistance(nord2, nord)).toBeGreaterThan(20);
		await expect.poll(async () => (await page.$$eval('[data-testid=area-table] tbody tr', (r) => r.map((x) => x.getAttribute('data-key')))).sort(), { timeout: 10_000 }).toEqual(['G1', 'G23']);

		// the link restores the level
		const again = await session.newPage();
		await again.goto(page.url());
		await again.waitForSelector('[data-testid=atlas]', { timeout: 60_000 });
		await waitForLevel(again, 'gemeinde');
		expect(await again.inputValue('[data-testid=level-select]')).toBe('gemeinde');
		await again.close();
	});

	it('draws the map of an earlier year in the boundary version valid then', async () => {
		await page.selectOption('#year', '2018');
		await page.waitForFunction(() => document.querySelector('[data-testid=map-version]')?.textContent?.includes('Gebietsstand 2014'));
		await waitForLevel(page, 'gemeinde');
		// the table follows the map one painted frame later (src/routes/+page.svelte): wait for it
		await expect.poll(async () => (await page.$$eval('[data-testid=area-table] tbody tr', (r) => r.map((x) => x.getAttribute('data-key')))).sort(), { timeout: 10_000 }).toEqual(['G1', 'G2', 'G3']);
	});

	it('breaks the series of a split area by default and converts it on request, naming method and uncertainty', async () => {
		await page.goto(session.baseUrl + '?jahr=2022&sozialraum=O51');
		await page.waitForSelector('[data-testid=trend-chart]', { timeout: 60_000 });
		await page.waitForSelector('[data-testid=version-break]');
		expect(await page.getAttribute('[data-testid=version-break]', 'data-year')).toBe('2021');
		expect(await page.textContent('[data-testid=break-note]')).toContain('Gebietsstand 2014 → Gebietsstand 2021');
		expect(await page.$('[data-testid=conversion-note]')).toBeNull();

		await page.check('[data-testid=conversion-toggle]');
		await page.waitForSelector('[data-testid=conversion-note]');
		// the package's preferred method first (population before area, docs/levels-and-versions.md)
		let note = (await page.textContent('[data-testid=conversion-note]')) ?? '';
		expect(note).toContain('bevölkerungsgewichtet');
		expect(note).toContain('100\u00a0%');
		expect(new URL(page.url()).searchParams.get('umrechnung')).toBe('bevoelkerung');
		await page.selectOption('[data-testid=conversion-method]', 'area');
		await page.waitForFunction(() => document.querySelector('[data-testid=conversion-note]')?.textContent?.includes('flächengewichtet'));
		note = (await page.textContent('[data-testid=conversion-note]')) ?? '';
		expect(note).toContain('100\u00a0%');
		expect(new URL(page.url()).searchParams.get('umrechnung')).toBe('flaeche');
		expect(await page.$('[data-testid=version-break]')).toBeNull();
		// converted years are drawn (dashed line with hollow dots) and marked in the table
		const dots = await page.$$eval('[data-testid=trend-chart] circle.dot.converted', (c) => c.length);
		const marked = await page.$$eval('[data-testid=trend-chart] tbody tr', (rows) => rows.filter((r) => r.textContent?.includes('umgerechnet (flächengewichtet)')).length);
		// 2018 of Südstadt-Heide has 2 cases (withheld): its converted value is withheld too, but the row still says how it was converted
		expect(dots).toBe(2);
		expect(marked).toBe(3);
	});

	it('shows the profile of a Gemeinde from its key', async () => {
		const p = await session.newPage();
		await p.goto(session.baseUrl + 'sozialraum/?id=G23&jahr=2022');
		await p.waitForSelector('[data-testid=profile][data-ready=true]', { timeout: 60_000 });
		expect(await p.getAttribute('[data-testid=profile]', 'data-level')).toBe('gemeinde');
		expect(await p.textContent('[data-testid=profile] h1')).toContain('Ostsüd');
		expect(await p.inputValue('#profile-level')).toBe('gemeinde');
		// down a level: the first Ortsteil inside Ostsüd
		await p.selectOption('#profile-level', 'ortsteil');
		await p.waitForFunction(() => document.querySelector('[data-testid=profile]')?.getAttribute('data-level') === 'ortsteil');
		expect(['O21', 'O40', 'O51', 'O52']).toContain(new URL(p.url()).searchParams.get('id'));
		await p.close();
	});

	it('sent no request off the site and logged no error', () => {
		expect(session.foreignRequests).toEqual([]);
		expect(session.consoleErrors).toEqual([]);
	});
});
