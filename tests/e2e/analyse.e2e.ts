/**
 * The SQL console (/analyse/) in real Chromium against the built site: run a query and see the
 * table the data demand, switch to the map and check its pixels, open the permalink, refuse a
 * write, point at a syntax error, cancel a long query (and measure that it stops), export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './browser';
import { colourDistance, dominant, pixelsAt, waitForMapIdle } from './map-pixels';
import { areas, descriptor, expectedValues, indicators, interiorPoint, latestYear } from './expected';
import { classify, classOf } from '../../src/lib/stats/classify';
import { classColors, hexToRgb } from '../../src/lib/map/colors';

let session: Session;
beforeAll(async () => {
	session = await startSession();
});
afterAll(async () => {
	await session?.close();
});

/** An indicator whose latest year has withheld cells (the tiny areas), the default one if it has. */
const IND = [descriptor().sozialraum.default_indicator, ...indicators().map((i) => i.id)].find((id) => expectedValues(id, latestYear(id)).some((r) => r.suppressed))!;
const YEAR = latestYear(IND);
const LATEST = `SELECT area_key, area_name, value, flag\nFROM observations\nWHERE indicator_id = '${IND}' AND year = ${YEAR}\nORDER BY value DESC NULLS LAST`;
const features = areas().features;
const point = (key: string) => interiorPoint(features.find((f) => f.properties.key === key)!);

async function openConsole(search = ''): Promise<Page> {
	const page = await session.newPage();
	await page.goto(`${session.baseUrl}analyse/${search}`);
	await page.waitForSelector('[data-testid=sql-console]', { timeout: 90_000 });
	return page;
}

async function runQuery(page: Page, sql: string): Promise<void> {
	await page.fill('[data-testid=sql-text]', sql);
	await page.focus('[data-testid=sql-text]');
	await page.keyboard.press('Control+Enter');
	await page.waitForSelector('[data-testid=sql-result], [data-testid=sql-error]', { timeout: 60_000 });
}

describe('SQL console', () => {
	let page: Page;

	it('runs a query with Ctrl+Enter and shows the rows the data package demands, withheld cells empty', async () => {
		page = await openConsole();
		await runQuery(page, LATEST);
		const expected = expectedValues(IND, YEAR);
		expect(await page.getAttribute('[data-testid=result-table]', 'data-rows')).toBe(String(expected.length));
		const rows = await page.$$eval('[data-testid=result-table] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
		const top = [...expected].filter((r) => r.value !== null).sort((a, b) => b.value! - a.value!)[0];
		expect(rows[0][0]).toBe(top.key);
		expect(rows[0][2]).toBe(new Intl.NumberFormat('de-DE', { maximumFractionDigits: 3 }).format(top.value!));
		const withheld = expected.filter((r) => r.suppressed).map((r) => r.key);
		expect(withheld.length).toBeGreaterThan(0);
		for (const key of withheld) {
			const row = rows.find((r) => r[0] === key)!;
			expect(row[2]).toBe('–');
			expect(row[3]).toBe('suppressed');
		}
		expect(await page.textContent('[data-testid=sql-count]')).toContain(`${expected.length} Zeilen`);
	});

	it('shows the result on the map in the colours of its classes (pixels), withheld areas hatched', async () => {
		await page.check('[data-testid=view-map]');
		await page.waitForSelector('[data-testid=result-map] [data-applied^="value|"]', { timeout: 60_000 });
		await waitForMapIdle(page);
		const expected = expectedValues(IND, YEAR);
		const cls = classify(expected.map((r) => r.value), { method: 'quantile', k: 5 });
		const colours = classColors('neutral', cls.breaks.length);
		const valued = expected.filter((r) => r.value !== null).sort((a, b) => a.value! - b.value!);
		for (const r of [valued[0], valued[Math.floor(valued.length / 2)], valued[valued.length - 1]]) {
			const got = dominant(await pixelsAt(page, point(r.key), 2));
			const want = hexToRgb(colours[classOf(r.value, cls)!]);
			expect(colourDistance(got, want), `area ${r.key}: rgb(${got})`).toBeLessThanOrEqual(3);
		}
		const hidden = expected.find((r) => r.suppressed)!;
		const px = await pixelsAt(page, point(hidden.key), 6);
		expect(px.filter((q) => q[0] < 140).length).toBeGreaterThan(10);
		expect(px.filter((q) => q[0] > 220).length).toBeGreaterThan(10);
		expect(await page.textContent('[data-testid=legend]')).toContain('geheim gehalten');
	});

	it('keeps the query and the view in the URL: the permalink opens, runs and maps it', async () => {
		await page.waitForFunction(() => new URL(location.href).searchParams.get('ansicht') === 'karte');
		const link = page.url();
		expect(new URL(link).searchParams.get('sql')).toBe(LATEST);
		const other = await session.newPage();
		await other.goto(link);
		await other.waitForSelector('[data-testid=result-map] [data-applied^="value|"]', { timeout: 90_000 });
		expect(await other.inputValue('[data-testid=sql-text]')).toBe(LATEST);
		await other.close();
	});

	it('exports the result as CSV with semicolons, decimal commas and the withheld cells empty', async () => {
		await page.check('[data-testid=view-table]');
		await page.click('[data-testid=sql-result] button.trigger');
		const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid=sql-result] [data-export=csv]')]);
		expect(d.suggestedFilename()).toMatch(/^abfrage_.*\.csv$/);
		const text = readFileSync((await d.path())!, 'utf8');
		const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
		expect(lines[0]).toBe('area_key;area_name;value;flag');
		expect(lines).toHaveLength(expectedValues(IND, YEAR).length + 1);
		const hidden = expectedValues(IND, YEAR).find((r) => r.suppressed)!;
		expect(lines.find((l) => l.startsWith(`${hidden.key};`))).toMatch(/;;suppressed$/);
		expect(lines[1]).toMatch(/^\d{4};[^;]+;\d+,\d+;/);
	});

	it('refuses a write with a German message, and the data stay as they were', async () => {
		await runQuery(page, `DELETE FROM observations WHERE indicator_id = '${IND}'`);
		expect(await page.getAttribute('[data-testid=sql-error]', 'data-key')).toBe('sql.refuse.write');
		expect(await page.textContent('[data-testid=sql-error]')).toContain('Die Konsole liest nur');
		await runQuery(page, `SELECT count(*) AS n FROM observations WHERE indicator_id = '${IND}'`);
		expect(await page.textContent('[data-testid=result-table] tbody td')).toBe(String(expectedValues(IND, YEAR).length * 12));
	});

	it('names the line and column of a syntax error and puts the cursor there', async () => {
		await runQuery(page, 'SELECT area_key\nFROM observations WHERE year = = 2025');
		expect(await page.textContent('[data-testid=sql-error]')).toContain('Syntaxfehler in Zeile 2, Spalte 32');
		const caret = await page.$eval('[data-testid=sql-text]', (el) => ({ start: (el as HTMLTextAreaElement).selectionStart, focused: document.activeElement === el }));
		expect(caret).toEqual({ start: 47, focused: true });
	});

	it('cancels a long query: it stops (measured) and the console answers the next one', async () => {
		await page.fill('[data-testid=sql-text]', 'SELECT sum(a.range * b.range) FROM range(300000) a, range(300000) b');
		await page.click('[data-testid=sql-run]');
		await page.waitForSelector('[data-testid=sql-cancel]');
		await page.waitForTimeout(1500);
		await page.click('[data-testid=sql-cancel]');
		await page.waitForSelector('[data-testid=sql-error][data-key="sql.error.cancelled"]', { timeout: 30_000 });
		const ms = Number(await page.getAttribute('[data-testid=sql-error]', 'data-stopped-ms'));
		const terminated = await page.getAttribute('[data-testid=sql-error]', 'data-terminated');
		console.log(`cancel: stopped ${ms} ms after the request (${terminated === 'true' ? 'worker terminated' : "DuckDB's interrupt"})`);
		expect(Number.isFinite(ms)).toBe(true);
		expect(await page.textContent('[data-testid=sql-error]')).toContain('abgebrochen');
		await runQuery(page, 'SELECT 42 AS antwort');
		expect(await page.textContent('[data-testid=result-table] tbody td')).toBe('42');
	});

	it('draws a line chart for a result with years', async () => {
		await runQuery(page, `SELECT year, value FROM reference_values WHERE indicator_id = '${IND}' AND area_key = (SELECT key FROM areas ORDER BY level_rank DESC LIMIT 1) ORDER BY year`);
		await page.check('[data-testid=view-chart]');
		await page.waitForSelector('[data-testid=result-chart][data-kind=line] path[d^="M"]');
		expect(await page.$$eval('[data-testid=result-chart] circle', (c) => c.length)).toBe(12);
		expect(session.consoleErrors).toEqual([]);
		expect(session.foreignRequests).toEqual([]);
	});
});
