/**
 * Own (derived) indicators in a real Chromium against the built site: a planner defines a
 * "Betreuungsquote unter 6" on /eigene-indikatoren/ (a bad formula first gets a German message),
 * the atlas lists it marked as own and colours the map with it (pixels), its values equal the sum of
 * the two parts' raw counts from the package CSV (computed here with plain code, not the engine),
 * every area where a part is withheld stays withheld, the Steckbrief shows it, a reload keeps it
 * (IndexedDB), and JSON export → delete → import brings it back unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { csvParse } from 'd3';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './browser';
import { PACKAGE_DIR, areas, expectedValues, interiorPoint, latestYear } from './expected';
import { colourDistance, dominant, pixelsAt, waitForMapState } from './map-pixels';
import { classify, classOf } from '../../src/lib/stats/classify';
import { classColors, hexToRgb } from '../../src/lib/map/colors';

let session: Session;
beforeAll(async () => {
	session = await startSession();
});
afterAll(async () => {
	await session?.close();
});

const LABEL = 'Betreuungsquote unter 6 Jahren';
const ID = 'eigen_betreuungsquote_unter_6_jahren';
const FORMULA = 'zaehler = betreuung_u3.zaehler + kita_3_6.zaehler; nenner = betreuung_u3.nenner + kita_3_6.nenner; faktor = 100; typ = anteil';
const PARTS = ['betreuung_u3', 'kita_3_6'];
const year = Math.min(...PARTS.map((id) => latestYear(id)));
const features = areas().features;
const point = (key: string) => interiorPoint(features.find((f) => f.properties.key === key)!);
const de1 = (v: number) => new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);

/** Σ numerators / Σ denominators × 100 per area from the raw observations; null where a part has no count. */
function expectedDerived(): Map<string, number | null> {
	const rows = csvParse(readFileSync(join(PACKAGE_DIR, 'observations.csv'), 'utf8')).filter((r) => PARTS.includes(r.indicator_id!) && Number(r.year) === year);
	const out = new Map<string, number | null>();
	for (const f of features) {
		const key = f.properties.key;
		const mine = PARTS.map((p) => rows.find((r) => r.indicator_id === p && r.area_key === key));
		if (mine.some((r) => !r || r.numerator === '' || r.denominator === '')) {
			out.set(key, null);
			continue;
		}
		const n = mine.reduce((s, r) => s + Number(r!.numerator), 0);
		const d = mine.reduce((s, r) => s + Number(r!.denominator), 0);
		out.set(key, d > 0 ? (n / d) * 100 : null);
	}
	return out;
}
/** Areas where a part's cell is withheld by the package's own disclosure control. */
const partWithheld = () => new Set(PARTS.flatMap((p) => expectedValues(p, year).filter((r) => r.suppressed).map((r) => r.key)));

async function openPage(page: Page, query = '') {
	await page.goto(session.baseUrl + 'eigene-indikatoren/' + query);
	await page.waitForSelector('[data-testid=derived-page][data-status=ready]', { timeout: 60_000 });
}
const cardIds = (page: Page) => page.$$eval('[data-testid=derived-card]', (els) => els.map((e) => e.getAttribute('data-id')));

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
async function axeViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ content: axeSource });
	return page.evaluate(async () => {
		const w = window as unknown as { axe: { run(d: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } };
		const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
		return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	});
}

describe('own indicators', () => {
	let page: Page;

	it('refuses a formula with an unknown part in German, then saves the formula line with the form following it', async () => {
		page = await session.newPage();
		await openPage(page, '?neu');
		await page.waitForSelector('[data-testid=derived-form]');
		await page.fill('[data-testid=derived-label]', LABEL);
		await page.fill('[data-testid=derived-formula]', 'zaehler = betreuung_u3.zaehler + gibtsnicht.zaehler; nenner = betreuung_u3.nenner; faktor = 100; typ = anteil');
		// the check runs a moment after typing; an answer for an earlier draft may show first
		await page.waitForFunction(() => document.querySelector('[data-testid=derived-errors]')?.textContent?.includes('gibtsnicht'), null, { timeout: 30_000 });
		const errors = (await page.textContent('[data-testid=derived-errors]'))!;
		expect(errors).toMatch(/„gibtsnicht/);
		expect(errors).not.toContain('Bitte einen Namen angeben');
		await page.click('[data-testid=derived-save]');
		// The refused save is finished when focus moves to the check with the message and the button
		// is enabled again (no fixed wait); then no card may have appeared.
		await page.waitForFunction(
			() =>
				document.activeElement?.getAttribute('data-testid') === 'derived-check' &&
				!!document.querySelector('[data-testid=derived-check] [data-testid=derived-errors]')?.textContent?.includes('gibtsnicht') &&
				!(document.querySelector('[data-testid=derived-save]') as HTMLButtonElement | null)?.disabled,
			null,
			{ timeout: 30_000 }
		);
		expect(await page.textContent('[data-testid=derived-errors]')).toMatch(/„gibtsnicht/);
		expect(await cardIds(page)).toEqual([]);

		await page.fill('[data-testid=derived-formula]', FORMULA);
		await page.selectOption('[data-testid=derived-polarity]', 'higher_is_better');
		// the rows follow the formula line
		expect(await page.inputValue('[data-testid=numerator-part-1]')).toBe('kita_3_6.zaehler');
		expect(await page.inputValue('[data-testid=denominator-part-0]')).toBe('betreuung_u3.nenner');
		await page.waitForFunction((y) => document.querySelector('[data-testid=derived-summary]')?.textContent?.includes(`Stadtwert ${y}`), year, { timeout: 30_000 });
		await page.click('[data-testid=derived-save]');
		await page.waitForSelector(`[data-testid=derived-card][data-id="${ID}"]`, { timeout: 30_000 });
		expect(await page.textContent(`[data-id="${ID}"] [data-testid=derived-card-formula]`)).toContain('kita_3_6.zaehler');
		expect(await page.textContent(`[data-id="${ID}"]`)).toContain('eigener Indikator');
	});

	it('is still there after a reload (IndexedDB)', async () => {
		await page.reload();
		await page.waitForSelector('[data-testid=derived-page][data-status=ready]', { timeout: 60_000 });
		expect(await cardIds(page)).toEqual([ID]);
	});

	it('appears in the atlas picker marked as own, with the raw data’s values and withheld parts withheld', async () => {
		await page.goto(`${session.baseUrl}?indikator=${ID}&jahr=${year}`);
		await waitForMapState(page, { indicator: ID, year });
		const option = await page.textContent(`[data-testid=indicator-select] option[value="${ID}"]`);
		expect(option).toBe(`${LABEL} (eigener Indikator)`);
		expect(await page.textContent('[data-testid=derived-mark]')).toContain('kita_3_6.zaehler');

		const rows = await page.$$eval('[data-testid=area-table] tbody tr', (trs) =>
			trs.map((tr) => ({ key: tr.getAttribute('data-key')!, value: tr.querySelectorAll('td')[0].textContent!.trim() }))
		);
		expect(rows.length).toBeGreaterThan(10);
		const exp = expectedDerived();
		const hidden = partWithheld();
		let compared = 0, withheldSeen = 0;
		for (const r of rows) {
			if (hidden.has(r.key)) {
				expect(r.value, `area ${r.key}: a part is withheld`).toBe('•');
				withheldSeen++;
			} else if (r.value !== '•' && exp.get(r.key) != null) {
				// the unit follows a (narrow) no-break space
				expect(r.value.replace(/\s/g, ' '), `area ${r.key}`).toBe(`${de1(exp.get(r.key)!)} %`);
				compared++;
			}
		}
		expect(compared).toBeGreaterThan(10);
		expect(withheldSeen, 'the demo data must withhold a part somewhere').toBeGreaterThan(0);
	});

	it('colours the atlas map with its values (pixels at three areas in different classes)', async () => {
		const exp = expectedDerived();
		const hidden = partWithheld();
		const shown = await page.$$eval('[data-testid=area-table] tbody tr', (trs) =>
			trs.filter((tr) => tr.querySelectorAll('td')[0].textContent!.trim() !== '•').map((tr) => tr.getAttribute('data-key')!)
		);
		const published = features.map((f) => f.properties.key).filter((k) => !hidden.has(k) && shown.includes(k) && exp.get(k) != null);
		// the atlas classifies every published value (quantiles, 5 classes), as for a shipped indicator
		const all = await page.$$eval('[data-testid=area-table] tbody tr', (trs) => trs.length);
		expect(all).toBe(features.length);
		const cls = classify(published.map((k) => exp.get(k)!), { method: 'quantile', k: 5 });
		const colours = classColors('higher_is_better', cls.breaks.length);
		const byClass = new Map<string, string>();
		for (const k of published) byClass.set(colours[classOf(exp.get(k)!, cls)!], k);
		expect(byClass.size).toBeGreaterThanOrEqual(3);
		for (const [hex, key] of [...byClass].slice(0, 3)) {
			const got = dominant(await pixelsAt(page, point(key), 2));
			expect(colourDistance(got, hexToRgb(hex)), `area ${key}: drew rgb(${got}) instead of ${hex}`).toBeLessThanOrEqual(3);
		}
	});

	it('shows in the Steckbrief with the same value', async () => {
		const exp = expectedDerived();
		const hidden = partWithheld();
		const key = features.map((f) => f.properties.key).find((k) => !hidden.has(k) && (exp.get(k) ?? 0) > 0)!;
		const duckdb = (p: Page) => {
			const seen: string[] = [];
			p.on('request', (r) => void (/duckdb[^/]*\.wasm$/.test(r.url()) && seen.push(r.url())));
			return seen;
		};
		const withOwn = duckdb(page);
		await page.goto(`${session.baseUrl}sozialraum/?id=${key}&jahr=${year}`);
		await page.waitForSelector('[data-ready=true]', { timeout: 60_000 });
		const row = page.locator(`[data-testid=profile-table] tr[data-indicator="${ID}"]`);
		expect(await row.textContent()).toContain('eigener Indikator');
		expect(await row.locator('[data-col=value] .v').textContent()).toBe(de1(exp.get(key)!));
		// the own row is the engine's (the precomputed files do not know it) ...
		expect(withOwn.length).toBeGreaterThan(0);
		// ... while a browser without own indicators gets the shipped rows and no own row. (The Bestand
		// section of the Steckbrief uses the engine, so DuckDB is fetched there too; refusing its wasm
		// here left a late "Failed to fetch" in the session's errors under load.)
		const fresh = await session.newPage();
		await fresh.goto(`${session.baseUrl}sozialraum/?id=${key}&jahr=${year}`);
		await fresh.waitForSelector('[data-ready=true]', { timeout: 60_000 });
		expect(await fresh.locator(`[data-testid=profile-table] tr[data-indicator="${ID}"]`).count()).toBe(0);
		expect(await fresh.locator('[data-testid=profile-table] tr[data-indicator]').count()).toBeGreaterThan(5);
		await fresh.close();
	});

	it('exports the definition for adoption, deletes it, imports the file and gets it back unchanged', async () => {
		await openPage(page);
		const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=derived-export]')]);
		const text = readFileSync((await download.path())!, 'utf8');
		const file = JSON.parse(text);
		expect(file.indicators.map((i: { id: string }) => i.id)).toEqual([ID]);
		expect(file.indicators[0].formula).toBe(FORMULA);
		const before = await page.textContent(`[data-id="${ID}"]`);
		await page.click(`[data-id="${ID}"] [data-testid=derived-delete]`);
		await page.waitForFunction(() => document.querySelectorAll('[data-testid=derived-card]').length === 0);
		await page.setInputFiles('[data-testid=derived-import]', { name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
		await page.waitForSelector(`[data-id="${ID}"]`, { timeout: 30_000 });
		expect(await page.textContent(`[data-id="${ID}"]`)).toBe(before);
		// a file that is not ours: a German message naming the file, nothing changes
		await page.setInputFiles('[data-testid=derived-import]', { name: 'falsch.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"x"}') });
		expect(await (await page.waitForSelector('[data-testid=derived-import-error]')).textContent()).toContain('falsch.json');
		expect(await cardIds(page)).toEqual([ID]);
	});

	it('passes axe (WCAG 2.1 AA) with the list and the form open', async () => {
		const p = await session.newPage({ bypassCSP: true });
		await p.goto(session.baseUrl + 'eigene-indikatoren/?neu');
		await p.waitForSelector('[data-testid=derived-form]', { timeout: 60_000 });
		await p.fill('[data-testid=derived-label]', LABEL);
		await p.fill('[data-testid=derived-formula]', 'zaehler = gibtsnicht.zaehler; nenner = betreuung_u3.nenner');
		await p.waitForSelector('[data-testid=derived-errors]', { timeout: 30_000 });
		expect(await axeViolations(p)).toEqual([]);
		await p.close();
		expect(session.foreignRequests).toEqual([]);
		expect(session.consoleErrors).toEqual([]);
	});
});

// On the public build the same definition must not reveal a withheld cell (a part withheld in the
// published copy withholds the derived cell). public-build.e2e.ts makes that build; the order of
// files in a run is not fixed, so it is made here when absent — this test never skips.
const PUBLIC = '.svelte-kit/build-public';
describe('own indicators on the public build', () => {
	beforeAll(() => {
		if (existsSync(join(PUBLIC, 'index.html'))) return;
		const r = spawnSync('node', ['pipelines/tasks/build.mjs', '--oeffentlich'], { env: { ...process.env, SOZIALRAUM_OUT: PUBLIC }, encoding: 'utf8' });
		expect(r.status, r.stdout + r.stderr).toBe(0);
	}, 300_000);

	it('withholds the derived value wherever a part is withheld', async () => {
		const pub = await startSession([], { dir: PUBLIC });
		try {
			const page = await pub.newPage();
			await page.goto(pub.baseUrl + 'eigene-indikatoren/?neu');
			await page.waitForSelector('[data-testid=derived-form]', { timeout: 60_000 });
			await page.fill('[data-testid=derived-label]', LABEL);
			await page.fill('[data-testid=derived-formula]', FORMULA);
			await page.waitForSelector('[data-testid=derived-summary]', { timeout: 30_000 });
			await page.click('[data-testid=derived-save]');
			await page.waitForSelector(`[data-id="${ID}"]`, { timeout: 30_000 });
			await page.goto(`${pub.baseUrl}?indikator=${ID}&jahr=${year}`);
			await page.waitForSelector(`[data-testid=atlas][data-indicator="${ID}"] [data-testid=area-table] tbody tr`, { timeout: 60_000 });
			expect(await page.textContent(`[data-testid=indicator-select] option[value="${ID}"]`)).toBe(`${LABEL} (eigener Indikator)`);
			const rows = await page.$$eval('[data-testid=area-table] tbody tr', (trs) =>
				trs.map((tr) => [tr.getAttribute('data-key')!, [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent!.trim())] as const)
			);
			expect(rows.length).toBe(features.length);
			const hidden = partWithheld();
			expect(hidden.size).toBeGreaterThan(0);
			// and the rest is really shown (a page that withheld everything would pass the loop below)
			expect(rows.filter(([key, cells]) => !hidden.has(key) && /\d/.test(cells[0])).length).toBeGreaterThan(10);
			for (const [key, cells] of rows) if (hidden.has(key)) expect(cells, `area ${key}`).toEqual(['•', '•', '•']);
			expect(pub.foreignRequests).toEqual([]);
		} finally {
			await pub.close();
		}
	}, 120_000);
});
