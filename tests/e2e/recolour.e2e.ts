/**
 * The map's two recolour paths (src/lib/map/maplibre-choropleth.ts) draw the same pixels: one
 * feature-state write per area (the app's default) and one data-driven expression per layer (the
 * benchmark switches with `__benchRecolour`). Both pages show the same
 * indicator with a suppressed (hatched) area, a selected area and a hovered one, first as opened
 * and then after a recolour; their canvases must be identical to the byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './browser';
import { waitForMapIdle, waitForMapState } from './map-pixels';
import { areas, descriptor, expectedValues, indicators, interiorPoint, latestYear } from './expected';

let session: Session;
beforeAll(async () => {
	session = await startSession();
});
afterAll(async () => {
	await session?.close();
});

const features = areas().features;
const point = (key: string) => interiorPoint(features.find((f) => f.properties.key === key)!);

// An indicator whose latest year has a suppressed area, so the hatch layer is part of the comparison.
const hit = indicators()
	.map((i) => ({ id: i.id, year: latestYear(i.id) }))
	.map((c) => ({ ...c, row: expectedValues(c.id, c.year).find((r) => r.suppressed) }))
	.find((c) => c.row)!;
const selected = features.find((f) => f.properties.key !== hit.row!.key)!.properties.key;
const hovered = features.filter((f) => f.properties.key !== hit.row!.key && f.properties.key !== selected)[3].properties.key;

async function open(via: 'expression' | 'feature-state'): Promise<Page> {
	const page = await session.newPage();
	// both set explicitly, so the comparison does not depend on which path is the default
	await page.addInitScript({ content: `globalThis.__benchRecolour = ${JSON.stringify(via)};` });
	await page.goto(`${session.baseUrl}?indikator=${hit.id}&jahr=${hit.year}&sozialraum=${selected}`);
	await page.waitForSelector('[data-testid=atlas]', { timeout: 60_000 });
	await waitForMapState(page, { indicator: hit.id, year: hit.year });
	await hover(page);
	return page;
}

async function hover(page: Page) {
	const at = await page.evaluate((ll) => {
		const map = (window as unknown as { __sozialraumMap: { project(l: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement } }).__sozialraumMap;
		const r = map.getCanvas().getBoundingClientRect();
		const p = map.project(ll);
		return { x: r.left + p.x, y: r.top + p.y };
	}, point(hovered));
	await page.mouse.move(at.x, at.y);
	await waitForMapIdle(page);
}

function fillColor(page: Page): Promise<unknown> {
	return page.evaluate(() => (window as unknown as { __sozialraumMap: { getPaintProperty(l: string, p: string): unknown } }).__sozialraumMap.getPaintProperty('fill', 'fill-color'));
}

/** The canvas as PNG, and how many distinct colours it has (a blank or one-colour map has ≤ 3). */
async function snapshot(page: Page): Promise<{ png: string; colours: number }> {
	return page.evaluate(() => {
		const canvas = (window as unknown as { __sozialraumMap: { getCanvas(): HTMLCanvasElement } }).__sozialraumMap.getCanvas();
		const copy = document.createElement('canvas');
		copy.width = canvas.width;
		copy.height = canvas.height;
		const ctx = copy.getContext('2d')!;
		ctx.drawImage(canvas, 0, 0);
		const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
		const colours = new Set<number>();
		for (let i = 0; i < data.length; i += 4) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
		return { png: copy.toDataURL('image/png'), colours: colours.size };
	});
}

describe('recolour paths', () => {
	let byExpression: Page;
	let byState: Page;

	it('draw the same pixels when the atlas opens (colours, hatch, selection, hover)', async () => {
		byExpression = await open('expression');
		byState = await open('feature-state');
		// each page really took its own path (else the comparison would be of one path with itself)
		expect(JSON.stringify(await fillColor(byExpression))).toMatch(/^\["match"/);
		expect(JSON.stringify(await fillColor(byState))).toContain('feature-state');
		const [a, b] = [await snapshot(byExpression), await snapshot(byState)];
		expect(a.colours).toBeGreaterThan(5);
		expect(a.png === b.png, 'the two recolour paths drew different pixels').toBe(true);
	});

	it('draw the same pixels after a recolour to another indicator', async () => {
		const other = descriptor().sozialraum.default_indicator === hit.id ? indicators().find((i) => i.id !== hit.id)!.id : descriptor().sozialraum.default_indicator;
		for (const page of [byExpression, byState]) {
			await page.selectOption('[data-testid=indicator-select]', other);
			const year = Number(await page.getAttribute('[data-testid=atlas]', 'data-year'));
			await waitForMapState(page, { indicator: other, year });
			await hover(page);
		}
		const [a, b] = [await snapshot(byExpression), await snapshot(byState)];
		expect(a.colours).toBeGreaterThan(5);
		expect(a.png === b.png, 'the two recolour paths drew different pixels after a recolour').toBe(true);
		expect(session.consoleErrors).toEqual([]);
		expect(session.foreignRequests).toEqual([]);
	});

	it('draws without multisampling on the CPU renderer (SwiftShader here), where it would cost ≈ 45 % of a frame', async () => {
		const attrs = await byState.evaluate(() => {
			const canvas = (window as unknown as { __sozialraumMap: { getCanvas(): HTMLCanvasElement } }).__sozialraumMap.getCanvas();
			const gl = canvas.getContext('webgl2')!;
			const info = gl.getExtension('WEBGL_debug_renderer_info');
			return { renderer: String(gl.getParameter(info!.UNMASKED_RENDERER_WEBGL)), antialias: gl.getContextAttributes()!.antialias, preserve: gl.getContextAttributes()!.preserveDrawingBuffer };
		});
		expect(attrs.renderer).toContain('SwiftShader');
		expect(attrs.antialias).toBe(false);
		// kept for the PNG export and for these pixel reads
		expect(attrs.preserve).toBe(true);
	});
});
