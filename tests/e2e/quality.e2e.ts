/**
 * The data-quality report (/datenqualitaet/) in real Chromium: it lists every deliberate flaw of
 * the demo generator, follows a finding's link to the area profile, filters through the URL,
 * prints on A4 with Datenstand and exports its findings as CSV. The report shown is the one the
 * build stored (pre/quality.json) and equals the one the browser computes when that file is
 * missing; another minimum denominator is computed in the browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './browser';
import { FLAWS } from '../../pipelines/demo/flaws';

let session: Session;
let page: Page;
beforeAll(async () => {
	session = await startSession();
	page = await session.newPage();
	await page.goto(`${session.baseUrl}datenqualitaet/`);
	await page.waitForSelector('[data-testid=quality-page][data-ready=true] [data-testid=findings]', { timeout: 90_000 });
});
afterAll(async () => {
	await session?.close();
});

const row = (f: (typeof FLAWS)[number]) =>
	`[data-testid=findings] tr[data-check="${f.check}"][data-indicator="${f.indicator_id}"]${f.area_key ? `[data-areas~="${f.area_key}"]` : '[data-areas=""]'}[data-years~="${f.year}"]`;

describe('data-quality report', () => {
	it('lists every deliberate flaw of the demo as a finding to check, and says how many there are', async () => {
		for (const f of FLAWS) {
			expect(await page.$$(row(f)), `${f.check} ${f.indicator_id} ${f.area_key ?? ''} ${f.year}`).toHaveLength(1);
			expect(await page.textContent(`${row(f)} .badge`)).toBe('Prüfen');
		}
		// measured: the 6 flaws and 3 chance deviations (src/lib/data/analysis/quality-demo.spec.ts)
		expect(Number(await page.getAttribute('[data-testid=quality-summary]', 'data-warnings'))).toBeLessThanOrEqual(9);
		expect(await page.textContent('[data-testid=quality-summary]')).toMatch(/Befunde zum Prüfen/);
		expect(await page.textContent(row(FLAWS[2]))).toContain('größer als Nenner');
	});

	it('follows a finding\'s link to the profile of the area, with indicator and year', async () => {
		const spike = FLAWS.find((f) => f.check === 'own_outlier')!;
		await Promise.all([page.waitForURL(/\/sozialraum\//), page.click(`${row(spike)} a[data-link=profile]`)]);
		const url = new URL(page.url());
		expect(url.searchParams.get('id')).toBe(spike.area_key);
		expect(url.searchParams.get('indikator')).toBe(spike.indicator_id);
		expect(url.searchParams.get('jahr')).toBe(String(spike.year));
		await page.waitForSelector('[data-testid=profile][data-ready=true]', { timeout: 60_000 });
		await page.goBack();
		await page.waitForSelector('[data-testid=findings]', { timeout: 60_000 });
	});

	it('filters by kind through the URL: "nur Prüfen" shows only the warnings', async () => {
		await page.check('[data-testid=severity-warning]');
		await page.waitForFunction(() => new URL(location.href).searchParams.get('art') === 'pruefen');
		const kinds = await page.$$eval('[data-testid=findings] tbody .badge', (b) => [...new Set(b.map((x) => x.textContent))]);
		expect(kinds).toEqual(['Prüfen']);
		const link = page.url();
		const other = await session.newPage();
		await other.goto(link);
		await other.waitForSelector('[data-testid=findings]', { timeout: 90_000 });
		expect(await other.getAttribute('[data-testid=findings]', 'data-count')).toBe(await page.getAttribute('[data-testid=findings]', 'data-count'));
		await other.close();
	});

	it('prints on A4 with Datenstand: no controls, no app navigation, the findings and the method', async () => {
		await page.emulateMedia({ media: 'print' });
		const shown = await page.evaluate(() => ({
			controls: getComputedStyle(document.querySelector('.controls')!).display,
			nav: getComputedStyle(document.querySelector('header nav')!).display,
			findings: getComputedStyle(document.querySelector('[data-testid=findings]')!).display,
			stamp: [...document.querySelectorAll('.sm-print-only')].map((e) => (getComputedStyle(e).display !== 'none' ? e.textContent : '')).join(' '),
			page: document.querySelector('style[data-print-page]')?.textContent ?? ''
		}));
		expect(shown.controls).toBe('none');
		expect(shown.nav).toBe('none');
		expect(shown.findings).not.toBe('none');
		expect(shown.stamp).toContain('Datenstand: 30.06.2026');
		expect(shown.page).toMatch(/A4/);
		const pdf = await page.pdf({ preferCSSPageSize: true });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(1);
		await page.emulateMedia({ media: 'screen' });
	});

	it('exports the findings shown as CSV for a German spreadsheet', async () => {
		const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid=quality-csv]')]);
		expect(d.suggestedFilename()).toBe('datenqualitaet_2026-06-30.csv');
		const lines = readFileSync((await d.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
		expect(lines[0]).toBe('Art;Prüfung;Indikator-Kennung;Indikator;Jahre;Gebietsschlüssel;Gebiete;Befund');
		expect(lines.length - 1).toBe(Number(await page.getAttribute('[data-testid=findings]', 'data-count')));
		expect(lines.some((l) => l.startsWith('Prüfen;Ausreißer gegenüber Nachbargebieten;u_untersuchung;') && l.includes(';2014–2025;0202;Lindenhof;'))).toBe(true);
		expect(session.consoleErrors).toEqual([]);
		expect(session.foreignRequests).toEqual([]);
	});
});

describe('many findings (Musterkreis: over 400)', () => {
	it('shows 100 findings a page on screen, all of them when printed, and a new filter on page one', async () => {
		const many = await session.newPage({ firstVisit: true });
		await many.addInitScript(() => localStorage.setItem('sozialraum-monitor.paket', 'musterkreis'));
		await many.goto(`${session.baseUrl}datenqualitaet/`);
		await many.waitForSelector('[data-testid=quality-page][data-ready=true] [data-testid=findings-pager]', { timeout: 90_000 });
		const total = Number(await many.getAttribute('[data-testid=findings]', 'data-count'));
		expect(total).toBeGreaterThan(200);
		expect(await many.locator('[data-testid=findings] tbody tr').count()).toBe(100);
		expect(await many.textContent('[data-testid=findings-pager-rows]')).toBe(`1–100 von ${total.toLocaleString('de-DE')}`);
		const rows = () => many.$$eval('[data-testid=findings] tbody tr', (rs) => rs.map((r) => r.textContent));
		const first = await rows();
		await many.click('[data-testid=findings-pager-next]');
		await many.waitForSelector('[data-testid=findings-pager-rows]:text-matches("^101–200 ")');
		const second = await rows();
		expect(second).toHaveLength(100);
		expect(second.some((r) => first.includes(r))).toBe(false);
		// printing: every finding (the pager is not printed)
		await many.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
		await expect.poll(() => many.locator('[data-testid=findings] tbody tr').count()).toBe(total);
		await many.evaluate(() => window.dispatchEvent(new Event('afterprint')));
		await expect.poll(() => many.locator('[data-testid=findings] tbody tr').count()).toBe(100);
		expect(await many.textContent('[data-testid=findings-pager-rows]')).toMatch(/^101–200 /);
		// another filter is another list: it starts on page one
		await many.check('[data-testid=severity-info]');
		await many.waitForFunction((n) => Number(document.querySelector('[data-testid=findings]')?.getAttribute('data-count')) < n, total);
		const hints = Number(await many.getAttribute('[data-testid=findings]', 'data-count'));
		if (hints > 100) expect(await many.textContent('[data-testid=findings-pager-rows]')).toMatch(/^1–100 /);
		else expect(await many.locator('[data-testid=findings-pager]').count()).toBe(0);
		await many.close();
	});
});

describe('stored report (pipelines/serve/precompute-quality.ts)', () => {
	const ready = '[data-testid=quality-page][data-ready=true] [data-testid=findings]';
	const shown = (p: Page) => p.$eval('[data-testid=quality-page]', (e) => (e as HTMLElement).innerText);

	it('is shown for the built-in package without reading any indicator file, exactly as the report the browser computes without it', async () => {
		const stored = await session.newPage();
		const parts: string[] = [];
		stored.on('request', (r) => {
			if (/\/obs-\d+[^/]*\.csv/.test(r.url())) parts.push(r.url());
		});
		await stored.goto(`${session.baseUrl}datenqualitaet/`);
		await stored.waitForSelector(ready, { timeout: 90_000 });
		expect(await stored.getAttribute('[data-testid=quality-page]', 'data-source')).toBe('stored');
		expect(parts).toEqual([]);

		// without the stored file (it cannot be read) the page computes the report from the engine
		const computed = await session.newPage();
		let refused = 0;
		await computed.route(/\/quality[^/]*\.json/, (r) => (refused++, r.abort()));
		await computed.goto(`${session.baseUrl}datenqualitaet/`);
		await computed.waitForSelector(ready, { timeout: 90_000 });
		expect(refused).toBe(1);
		expect(await computed.getAttribute('[data-testid=quality-page]', 'data-source')).toBe('computed');
		expect(Number(await computed.getAttribute('[data-testid=findings]', 'data-count'))).toBeGreaterThan(10);
		expect(await shown(stored)).toBe(await shown(computed));
		await computed.close();

		// another minimum denominator is computed in the browser, the default is the stored one again
		await stored.fill('[data-testid=min-denominator]', '40');
		await stored.press('[data-testid=min-denominator]', 'Enter');
		await stored.waitForSelector('[data-testid=quality-page][data-source=computed][data-min="40"]', { timeout: 90_000 });
		expect(parts.length).toBeGreaterThan(0);
		const at40 = await stored.getAttribute('[data-testid=findings]', 'data-count');
		await stored.fill('[data-testid=min-denominator]', '20');
		await stored.press('[data-testid=min-denominator]', 'Enter');
		await stored.waitForSelector('[data-testid=quality-page][data-source=stored][data-min="20"]', { timeout: 30_000 });
		expect(await stored.getAttribute('[data-testid=findings]', 'data-count')).not.toBe(at40);
		await stored.close();
	});
});
