/**
 * Feinziele in a real Chromium against the built site: the package's targets with a status each (the
 * same status the assessment gives on the raw package data), a target made in the form survives a
 * reload (IndexedDB), JSON export → delete all → import gives the same list, a malformed file is
 * refused with a German message and changes nothing, delete is undoable, conflicts are asked for,
 * and the pages pass axe (WCAG 2.1 AA).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { csvParse } from 'd3';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './browser';
import { PACKAGE_DIR, areas, descriptor, indicators } from './expected';
import { assessTarget } from '../../src/lib/targets/assess';
import { decodeFile } from '../../src/lib/targets/file-format';
import type { SeriesPoint } from '../../src/lib/data/engine';
import type { Target } from '../../src/lib/data/types';

let session: Session;
beforeAll(async () => {
	session = await startSession();
});
afterAll(async () => {
	await session?.close();
});

const pkgTargets = decodeFile('targets.csv', readFileSync(join(PACKAGE_DIR, 'targets.csv'), 'utf8')).records;
const observations = csvParse(readFileSync(join(PACKAGE_DIR, 'observations.csv'), 'utf8'));

/** The series a target is measured on, summed from the raw CSV with plain code (not the engine). */
function expectedSeries(t: Target): SeriesPoint[] {
	const base = areas().features.map((f) => f.properties);
	const keys = t.scope_type === 'city' ? base.map((a) => a.key) : t.scope_type === 'stadtbezirk' ? base.filter((a) => a.parent === t.scope_keys[0]).map((a) => a.key) : t.scope_keys;
	const mult = indicators().find((i) => i.id === t.indicator_id)!.multiplier;
	const byYear = new Map<number, { n: number; d: number; flag: string }>();
	for (const r of observations) {
		if (r.indicator_id !== t.indicator_id || !keys.includes(r.area_key!) || r.numerator === '' || r.denominator === '') continue;
		const y = byYear.get(Number(r.year)) ?? { n: 0, d: 0, flag: '' };
		byYear.set(Number(r.year), { n: y.n + Number(r.numerator), d: y.d + Number(r.denominator), flag: keys.length === 1 ? r.flag! : '' });
	}
	return [...byYear].sort((a, b) => a[0] - b[0]).map(([year, s]) => ({ year, value: (s.n / s.d) * mult, numerator: s.n, denominator: s.d, flag: s.flag as SeriesPoint['flag'] }));
}

const cards = '[data-testid=target-card]';
async function waitForCards(page: Page, n: number) {
	await page.waitForFunction(
		({ sel, n }) => {
			const c = [...document.querySelectorAll(sel)];
			return c.length === n && c.every((e) => e.getAttribute('data-status') !== 'loading');
		},
		{ sel: cards, n },
		{ timeout: 60_000 }
	);
}
/** What the list shows: id, status and the visible text of each card. */
const snapshot = (page: Page) => page.$$eval(cards, (els) => els.map((e) => `${e.getAttribute('data-id')}|${e.getAttribute('data-status')}|${(e as HTMLElement).innerText}`));
async function openTargets(page: Page) {
	await page.goto(session.baseUrl + 'ziele/');
	await page.waitForSelector('[data-testid=targets-page][data-status=ready]', { timeout: 60_000 });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
async function axeViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ content: axeSource });
	return page.evaluate(async () => {
		const w = window as unknown as { axe: { run(d: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } };
		const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
		return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	});
}

describe('Feinziele', () => {
	let page: Page;
	let created = '';

	it('shows the package targets, each with the status the raw data give', async () => {
		page = await session.newPage();
		await openTargets(page);
		await waitForCards(page, pkgTargets.length);
		const shown = await page.$$eval(cards, (els) => els.map((e) => [e.getAttribute('data-id'), e.getAttribute('data-status')]));
		const expected = pkgTargets.map((t) => [t.id, assessTarget(t, expectedSeries(t), indicators().find((i) => i.id === t.indicator_id)!).status]);
		expect(shown).toEqual(expected);
		for (const text of await page.$$eval(`${cards} [data-testid=status-light]`, (els) => els.map((e) => e.textContent?.trim()))) {
			expect(['auf Kurs', 'nicht auf Kurs', 'nicht bewertbar']).toContain(text);
		}
		expect(await page.$$eval(`${cards} [data-testid=sparkline]`, (els) => els.length)).toBe(pkgTargets.length);
	});

	it('creates a target with the form; it is still there after a reload', async () => {
		await page.click('[data-testid=new-target]');
		await page.selectOption('[data-testid=form-indicator]', 'sgb2_u15');
		await page.fill('[data-testid=area-filter]', 'Altstadt');
		await page.check('input[data-key="0101"]');
		await page.waitForFunction(() => document.querySelector('[data-testid=form-baseline]')?.textContent?.includes('Ausgangswert aus den Daten'));
		await page.selectOption('[data-testid=form-baseline-year]', '2022');
		await page.check('[data-testid=rule-points]');
		await page.fill('[data-testid=form-amount]', '−3');
		await page.fill('[data-testid=form-target-year]', '2030');
		await page.fill('[data-testid=form-owner]', 'Jugendamt, Abt. 51.2');
		expect(await page.textContent('[data-testid=form-resolved]')).toMatch(/Zielwert: \d+,\d\s%/);
		await page.click('[data-testid=form-save]');
		await waitForCards(page, pkgTargets.length + 1);
		created = (await page.$$eval(cards, (els) => els.map((e) => e.getAttribute('data-id')!))).at(-1)!;
		expect(created).toMatch(/^Z-/);
		const before = await snapshot(page);
		expect(before.at(-1)).toContain('Altstadt');
		expect(before.at(-1)).toContain('Entwurf');
		await page.reload();
		await waitForCards(page, pkgTargets.length + 1);
		expect(await snapshot(page)).toEqual(before);
	});

	it('exports JSON, deletes all, imports the file and shows the identical list', async () => {
		const before = await snapshot(page);
		const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-json]')]);
		const text = readFileSync((await download.path())!, 'utf8');
		const file = JSON.parse(text);
		expect(file).toMatchObject({ format: 'sozialraum-monitor/feinziele', version: 1 });
		expect(file.targets.map((t: Target) => t.id)).toEqual(before.map((s) => s.split('|')[0]));
		await page.click('[data-testid=delete-all]');
		await waitForCards(page, 0);
		await page.setInputFiles('[data-testid=import-file]', { name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
		await waitForCards(page, before.length);
		expect(await snapshot(page)).toEqual(before);
		// lossless: a second export holds exactly the same targets
		const [again] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-json]')]);
		expect(JSON.parse(readFileSync((await again.path())!, 'utf8')).targets).toEqual(file.targets);
	});

	it('refuses a malformed file with a German message naming file, row and column, and keeps the targets', async () => {
		const before = await snapshot(page);
		const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
		const csv = readFileSync((await download.path())!, 'utf8').replace(',2030,', ',20x0,');
		await page.setInputFiles('[data-testid=import-file]', { name: 'kaputt.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		const error = await page.waitForSelector('[data-testid=import-error]');
		const message = await error.textContent();
		expect(message).toMatch(/kaputt\.csv, Zeile \d+, Spalte „target_year“: „20x0“ ist keine ganze Zahl\./);
		expect(message).toContain('Es wurde nichts geändert.');
		expect(await snapshot(page)).toEqual(before);
		await page.reload();
		await waitForCards(page, before.length);
		expect(await snapshot(page)).toEqual(before);
	});

	it('asks per conflict when an import has the same id with other content', async () => {
		const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-json]')]);
		const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
		file.targets[1].owner = 'Andere Stelle';
		await page.setInputFiles('[data-testid=import-file]', { name: 'kollegin.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
		await page.waitForSelector(`[data-testid=conflict][data-id="${file.targets[1].id}"]`);
		expect(await page.textContent('[data-testid=import-panel]')).toContain('Andere Stelle');
		await page.check(`[data-testid=conflict][data-id="${file.targets[1].id}"] [data-testid=choice-theirs]`);
		await page.click('[data-testid=import-apply]');
		await page.waitForFunction((id) => document.querySelector(`[data-id="${id}"]`)?.textContent?.includes('Andere Stelle'), file.targets[1].id);
		await page.click('[data-testid=undo]');
		await page.waitForFunction((id) => !document.querySelector(`[data-id="${id}"]`)?.textContent?.includes('Andere Stelle'), file.targets[1].id);
	});

	it('deletes a target on its detail page, and undo brings it back', async () => {
		const before = await snapshot(page);
		await page.click(`[data-id="${created}"] h3 a`);
		await page.waitForSelector('[data-testid=target-chart]', { timeout: 60_000 });
		expect(new URL(page.url()).searchParams.get('id')).toBe(created);
		expect(await page.textContent('[data-testid=sentence]')).toMatch(/^Die Kennzahl „SGB-II-Quote unter 15 Jahren“ liegt in Altstadt 2025 bei /);
		await page.click('[data-testid=delete]');
		await page.waitForSelector('[data-testid=targets-page]');
		await waitForCards(page, before.length - 1);
		expect(await page.textContent('[data-testid=undo]')).toContain(`Ziel ${created} gelöscht`);
		await page.click('[data-testid=undo]');
		await waitForCards(page, before.length);
		expect(await snapshot(page)).toEqual(before);
		await page.reload();
		await waitForCards(page, before.length);
		expect(await snapshot(page)).toEqual(before);
	});

	it('edits a package target on its detail page (kept as a local change, undoable)', async () => {
		const id = pkgTargets[1].id;
		await page.goto(session.baseUrl + 'ziele/ziel/?id=' + id);
		await page.waitForSelector('[data-testid=target-chart]', { timeout: 60_000 });
		await page.click('[data-testid=edit]');
		await page.check('[data-testid=rule-absolute]');
		await page.fill('[data-testid=form-amount]', '40');
		await page.click('[data-testid=form-save]');
		await page.waitForFunction(() => document.querySelector('[data-testid=sentence]')?.textContent?.includes('40,0'));
		expect(await page.textContent('[data-testid=target-detail] .sub')).toContain('lokal geändert');
		await page.click('[data-testid=undo]');
		await page.waitForFunction(() => !document.querySelector('[data-testid=target-detail] .sub')?.textContent?.includes('lokal geändert'));
		expect(await page.textContent('[data-testid=sentence]')).toContain(`Ziel ${pkgTargets[1].target_year}: 45,0`);
	});

	it('passes axe on the overview with the form open and on a detail page', async () => {
		const p = await session.newPage({ bypassCSP: true });
		await openTargets(p);
		await waitForCards(p, pkgTargets.length);
		await p.click('[data-testid=new-target]');
		await p.waitForSelector('[data-testid=target-form]');
		expect(await axeViolations(p)).toEqual([]);
		await p.goto(session.baseUrl + 'ziele/ziel/?id=' + pkgTargets[0].id);
		await p.waitForSelector('[data-testid=target-chart]', { timeout: 60_000 });
		expect(await axeViolations(p)).toEqual([]);
		await p.close();
	});

	it('made no request outside the site and logged no error', () => {
		expect(descriptor().name).toBeTruthy();
		expect(session.foreignRequests).toEqual([]);
		expect(session.consoleErrors).toEqual([]);
	});
});
