/**
 * The atlas' first interactive map on a cold load comes from the build's precomputed files, and
 * DuckDB-wasm starts only after that map's first frame (src/lib/atlas/atlas.svelte.ts,
 * src/lib/data/engine-gate.ts): the map must show the right colours without the engine, the
 * engine's files must be requested after the first coloured frame, and once the engine is there the
 * atlas must still recolour correctly. Order of events only, never durations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './browser';
import { colourDistance, dominant, pixelsAt, waitForMapIdle, waitForMapState } from './map-pixels';
import { areas, descriptor, expectedValues, indicators, interiorPoint, latestYear } from './expected';
import { classify, classOf } from '../../src/lib/stats/classify';
import { classColors, hexToRgb, NO_DATA_COLOR } from '../../src/lib/map/colors';

let session: Session;
beforeAll(async () => {
	session = await startSession();
});
afterAll(async () => {
	await session?.close();
});

const features = areas().features;
const point = (key: string) => interiorPoint(features.find((f) => f.properties.key === key)!);
const defaultIndicator = descriptor().sozialraum.default_indicator;

/** Quantiles with 5 classes, the atlas default: the colour each area with a value must have. */
function expectedColours(indicatorId: string, year: number): Map<string, string> {
	const ind = indicators().find((i) => i.id === indicatorId)!;
	const rows = expectedValues(indicatorId, year).filter((r) => !r.suppressed);
	const cls = classify(rows.map((r) => r.value), { method: 'quantile', k: 5 });
	const colors = classColors(ind.polarity, cls.breaks.length);
	return new Map(rows.map((r) => [r.key, r.value === null ? NO_DATA_COLOR : colors[classOf(r.value, cls)!]]));
}

/** Every area of three different colours (a one-colour map cannot pass) must be drawn in its colour. */
async function expectColours(page: Page, indicatorId: string, year: number) {
	const expected = expectedColours(indicatorId, year);
	const byColour = new Map<string, string>();
	for (const [key, hex] of expected) if (hex !== NO_DATA_COLOR && !byColour.has(hex)) byColour.set(hex, key);
	expect(byColour.size).toBeGreaterThanOrEqual(3);
	for (const [hex, key] of byColour) {
		const got = dominant(await pixelsAt(page, point(key), 2));
		expect(colourDistance(got, hexToRgb(hex)), `area ${key}: drew rgb(${got}) instead of ${hex}`).toBeLessThanOrEqual(3);
	}
}

/**
 * Before the page runs: when the map's first frame with colours is drawn (the first MapLibre
 * `idle` after the map got its first `data-applied` signature), note the time on the page's clock
 * and tell the test (`__firstFrameDrawn`, a binding), so it lands in the request log in order.
 */
function recordFirstFrame() {
	const w = window as unknown as { __firstFrame?: number; __firstFrameDrawn(): void; __sozialraumMap?: { once(e: string, f: () => void): void } };
	let watching = false;
	new MutationObserver(() => {
		if (watching) return;
		const el = document.querySelector('[data-testid=atlas] [data-applied]');
		if (!el?.getAttribute('data-applied') || !w.__sozialraumMap) return;
		watching = true;
		w.__sozialraumMap.once('idle', () => {
			w.__firstFrame = performance.now();
			w.__firstFrameDrawn();
		});
	}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-applied'] });
}

const FRAME = '(first coloured map frame)';

describe('first interactive map', () => {
	let page: Page;
	let year: number;

	it('draws the default indicator in the right colours on a cold load, before the engine is requested', async () => {
		page = await session.newPage();
		// every request the page and its workers make (DuckDB fetches its wasm in its worker), in order
		const log: string[] = [];
		page.on('request', (r) => log.push(r.url()));
		await page.exposeFunction('__firstFrameDrawn', () => log.push(FRAME));
		await page.addInitScript(recordFirstFrame);
		await page.goto(session.baseUrl);
		await page.waitForSelector('[data-testid=atlas]', { timeout: 60_000 });
		year = latestYear(defaultIndicator);
		expect(await page.getAttribute('[data-testid=atlas]', 'data-indicator')).toBe(defaultIndicator);
		expect(await page.getAttribute('[data-testid=atlas]', 'data-year')).toBe(String(year));
		await page.waitForFunction(() => (window as unknown as { __firstFrame?: number }).__firstFrame !== undefined, null, { timeout: 60_000 });
		await waitForMapState(page, { indicator: defaultIndicator, year });
		await expectColours(page, defaultIndicator, year);

		// the engine starts after that frame: its files were all requested later (and it does start)
		await expect.poll(() => log.some((u) => /duckdb[^/]*\.wasm$/.test(u)), { timeout: 60_000, interval: 100 }).toBe(true);
		const frameAt = log.indexOf(FRAME);
		expect(frameAt).toBeGreaterThan(0);
		const engineFiles = log.map((u, i) => ({ u, i })).filter((r) => /duckdb/i.test(r.u));
		expect(engineFiles.length).toBeGreaterThan(1);
		for (const r of engineFiles) expect(r.i, `${r.u} was requested before the first map frame`).toBeGreaterThan(frameAt);
		// the app marks the engine's start, also after the frame (page clock)
		const { firstFrame, started } = await page.evaluate(() => ({
			firstFrame: (window as unknown as { __firstFrame: number }).__firstFrame,
			started: performance.getEntriesByName('engine:start')[0]?.startTime
		}));
		expect(started).toBeGreaterThan(firstFrame);
	});

	it('still recolours correctly once the engine has taken over', async () => {
		// the targets panel is the engine's: its "Ziel anlegen" link appears once the engine is ready
		await page.waitForSelector('[data-testid=targets-for-view] .more a', { timeout: 60_000 });
		const other = indicators().find((i) => i.id !== defaultIndicator && i.life_phase === 'u3')!;
		await page.selectOption('[data-testid=indicator-select]', other.id);
		const otherYear = Number(await page.getAttribute('[data-testid=atlas]', 'data-year'));
		await waitForMapState(page, { indicator: other.id, year: otherYear });
		await expectColours(page, other.id, otherYear);
		// and back: the first indicator's colours again
		await page.selectOption('[data-testid=indicator-select]', defaultIndicator);
		await waitForMapState(page, { indicator: defaultIndicator, year });
		await waitForMapIdle(page);
		await expectColours(page, defaultIndicator, year);
		expect(session.consoleErrors).toEqual([]);
		expect(session.foreignRequests).toEqual([]);
		await page.close();
	});
});
