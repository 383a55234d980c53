/**
 * Without WebGL (blocked GPUs, remote desktops, old laptops) the atlas falls back to the SVG map:
 * it says so, draws one path per area in the colours the data demand, areas can be selected with
 * the mouse and with Enter, and the PNG export still holds the map.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './browser';
import { areas, descriptor, expectedValues, indicators, latestYear } from './expected';
import { classify, classOf } from '../../src/lib/stats/classify';
import { classColors, NO_DATA_COLOR } from '../../src/lib/map/colors';

let session: Session;
beforeAll(async () => {
	// the harness adds SwiftShader flags for WebGL; these two switch WebGL off again
	session = await startSession(['--disable-webgl', '--disable-3d-apis']);
});
afterAll(async () => {
	await session?.close();
});

const features = areas().features;
const nameOf = (key: string) => features.find((f) => f.properties.key === key)!.properties.name;
const indicator = descriptor().sozialraum.default_indicator;
const year = latestYear(indicator);

/** Fill per area name, as atlas.e2e.ts computes it: quantiles, 5 classes, hatched when suppressed. */
function expectedFills(indicatorId: string, y: number): Map<string, string | 'suppressed'> {
	const ind = indicators().find((i) => i.id === indicatorId)!;
	const rows = expectedValues(indicatorId, y);
	const cls = classify(rows.map((r) => r.value), { method: 'quantile', k: 5 });
	const colors = classColors(ind.polarity, cls.breaks.length);
	return new Map(rows.map((r) => [nameOf(r.key), r.suppressed ? 'suppressed' : r.value === null ? NO_DATA_COLOR : colors[classOf(r.value, cls)!]]));
}

async function svgFills(page: Page): Promise<[string, string][]> {
	return page.$$eval('[data-testid=atlas] .map-wrap svg path[role=button]', (ps) => ps.map((p) => [p.getAttribute('aria-label')!, p.getAttribute('fill')!] as [string, string]));
}

describe('atlas without WebGL', () => {
	let page: Page;

	it('really runs without WebGL2 (the flags win over the SwiftShader flags)', async () => {
		page = await session.newPage();
		await page.goto(session.baseUrl + `?indikator=${indicator}&jahr=${year}`);
		expect(await page.evaluate(() => !!document.createElement('canvas').getContext('webgl2'))).toBe(false);
		expect(await page.evaluate(() => !!document.createElement('canvas').getContext('webgl'))).toBe(false);
	});

	it('says that the interactive map is unavailable and draws the SVG map instead', async () => {
		await page.waitForSelector('[data-testid=atlas]', { timeout: 60_000 });
		await page.waitForSelector(`[data-applied^="${indicator}|${year}|values|quantile|5|"]`, { timeout: 30_000 });
		expect(await page.textContent('[data-testid=atlas] .map-wrap [role=status]')).toContain('braucht WebGL');
		expect(await page.$('canvas.maplibregl-canvas')).toBeNull();
	});

	it('has one path per area, filled with the class colour the data demand (hatched when suppressed)', async () => {
		const want = expectedFills(indicator, year);
		await expect.poll(async () => (await svgFills(page)).length).toBe(features.length);
		const got = await svgFills(page);
		expect(new Set(got.map(([name]) => name))).toEqual(new Set(features.map((f) => f.properties.name)));
		expect(new Set(got.map(([, fill]) => fill)).size).toBeGreaterThanOrEqual(5);
		for (const [name, fill] of got) {
			const w = want.get(name)!;
			if (w === 'suppressed') expect(fill, name).toMatch(/^url\(#hatch-/);
			else expect(fill, name).toBe(w);
		}
	});

	it('recolours for another indicator with suppressed areas, hatching them', async () => {
		const hit = indicators()
			.map((i) => ({ id: i.id, y: latestYear(i.id) }))
			.find((c) => expectedValues(c.id, c.y).some((r) => r.suppressed))!;
		await page.goto(session.baseUrl + `?indikator=${hit.id}&jahr=${hit.y}`);
		await page.waitForSelector(`[data-applied^="${hit.id}|${hit.y}|values|"]`, { timeout: 60_000 });
		const want = expectedFills(hit.id, hit.y);
		await expect.poll(async () => (await svgFills(page)).length).toBe(features.length);
		const got = new Map(await svgFills(page));
		for (const [name, w] of want) {
			if (w === 'suppressed') expect(got.get(name), name).toMatch(/^url\(#hatch-/);
			else expect(got.get(name), name).toBe(w);
		}
	});

	it('selects an area by click and by Enter, and puts it in the URL', async () => {
		const keys = expectedValues(indicator, year).filter((r) => r.value !== null).map((r) => r.key);
		await page.goto(session.baseUrl + `?indikator=${indicator}&jahr=${year}`);
		await page.waitForSelector(`[data-testid=atlas] .map-wrap svg path[aria-label="${nameOf(keys[0])}"]`, { timeout: 60_000 });
		await page.click(`[data-testid=atlas] .map-wrap svg path[aria-label="${nameOf(keys[0])}"]`);
		await page.waitForFunction((k) => new URL(location.href).searchParams.get('sozialraum') === k, keys[0]);
		await page.waitForSelector('[data-testid=trend-chart]');
		expect(await page.getAttribute(`[data-testid=atlas] .map-wrap svg path[aria-label="${nameOf(keys[0])}"]`, 'aria-pressed')).toBe('true');

		await page.focus(`[data-testid=atlas] .map-wrap svg path[aria-label="${nameOf(keys[1])}"]`);
		await page.keyboard.press('Enter');
		await page.waitForFunction((k) => new URL(location.href).searchParams.get('sozialraum') === k, keys[1]);
		expect(await page.textContent('[data-testid=trend-chart] figcaption')).toContain(nameOf(keys[1]));
	});

	it('still exports the map as a PNG with the map in it', async () => {
		await page.click('[data-testid=export-menu] button.trigger');
		const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-export=png]')]);
		const b64 = readFileSync((await d.path())!).toString('base64');
		const colors = await page.$$eval('[data-testid=legend] li[data-color]', (lis) => lis.map((li) => li.getAttribute('data-color')!));
		const share = await page.evaluate(
			async ({ b64, colors }) => {
				const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
				const c = document.createElement('canvas');
				c.width = bmp.width;
				c.height = bmp.height;
				const ctx = c.getContext('2d')!;
				ctx.drawImage(bmp, 0, 0);
				const x0 = Math.round(bmp.width * 0.08), y0 = Math.round(bmp.height * 0.2);
				const data = ctx.getImageData(x0, y0, Math.round(bmp.width * 0.52), Math.round(bmp.height * 0.6)).data;
				const rgb = colors.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
				let n = 0;
				for (let i = 0; i < data.length; i += 4) if (rgb.some((q) => Math.max(Math.abs(q[0] - data[i]), Math.abs(q[1] - data[i + 1]), Math.abs(q[2] - data[i + 2])) <= 3)) n++;
				return n / (data.length / 4);
			},
			{ b64, colors }
		);
		expect(share).toBeGreaterThan(0.3);
	});

	it('made no request outside the site and logged no error', () => {
		expect(session.foreignRequests).toEqual([]);
		expect(session.consoleErrors).toEqual([]);
	});
});
