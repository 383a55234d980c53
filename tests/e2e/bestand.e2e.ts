/**
 * The Bestandsaufnahme walked by a coordinator in a real Chromium against the built site: record
 * an offer by clicking the map, a network with its members and a measure for a target; reload
 * (IndexedDB); see the offer on the map (pixels), in the matrix and on the Steckbrief, the network
 * in the coverage map and table, the measure on the target page, the profile and the slide
 * "Ziel, Maßnahmen, Stand"; export, delete and re-import each without loss; a malformed import
 * of each kind is refused with a German message naming file, row and column and changes nothing.
 * Expected numbers come from the committed package files with plain code, not from the app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './browser';
import { PACKAGE_DIR, areas } from './expected';
import { colourDistance, dominant, pixelsAt, waitForMapIdle } from './map-pixels';
import { labelPoint } from '../../src/lib/map/geo';

let session: Session;
let page: Page;
beforeAll(async () => {
	session = await startSession();
	page = await session.newPage();
});
afterAll(async () => {
	await session?.close();
});

const csv = (file: string) => csvParse(readFileSync(join(PACKAGE_DIR, file), 'utf8'));
const offers = csv('offers.csv');
const QUARTER = areas().features.find((f) => f.properties.key === '0603')!;
const QUARTER_POINT = labelPoint(QUARTER.geometry)!;
const NAME = 'Elterncafé Werftviertel';

async function download(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
	const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
	return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}
const attr = (sel: string, a: string) => page.getAttribute(sel, a);
async function offersReady() {
	await page.waitForSelector('[data-testid=offers-page]', { timeout: 60_000 });
	await waitForMapIdle(page);
}
/** The offers map has drawn the inventory as it is now. */
async function mapShowsRevision() {
	const rev = await attr('[data-testid=offers-page]', 'data-revision');
	await page.waitForSelector(`.map-wrap [data-applied$="|${rev}"]`, { timeout: 30_000 });
	await waitForMapIdle(page);
}

describe('offers', () => {
	let created = '';

	it('records an offer placed by a click on the map, counts it at once and draws it', async () => {
		await page.goto(session.baseUrl + 'angebote/');
		await offersReady();
		expect(await attr('[data-testid=inventory-note]', 'data-changes')).toBe('0');
		expect(await attr('[data-testid=offers-page]', 'data-count')).toBe(String(offers.length));
		await page.click('[data-testid=offer-new]');
		await page.fill('[data-testid=offer-name]', NAME);
		await page.fill('[data-testid=offer-provider]', 'Familienbildungsstätte Musterstadt');
		await page.fill('[data-testid=offer-category]', 'Elterncafé');
		await page.check('[data-phase=u3]');
		await page.fill('[data-testid=editor-name]', 'Koordinierungsstelle');
		// the picking mode is on for a new offer: click where Werftviertel lies on the map
		const xy = await page.evaluate((p) => {
			const map = (window as unknown as { __sozialraumMap: { project(l: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement } }).__sozialraumMap;
			const r = map.getCanvas().getBoundingClientRect();
			const q = map.project(p);
			return { x: r.left + q.x, y: r.top + q.y };
		}, QUARTER_POINT);
		await page.mouse.click(xy.x, xy.y);
		await page.waitForFunction(() => document.querySelector('[data-testid=offer-point]')?.textContent?.includes('Werftviertel'));
		expect(await page.inputValue('[data-testid=offer-area-key]')).toBe('0603');
		await page.click('[data-testid=offer-save]');
		await page.waitForSelector('[data-testid=inventory-note][data-changes="1"]');
		expect(await page.textContent('[data-testid=inventory-note]')).toContain('Angebotsbestand mit 1 lokalen Änderung');
		expect(await attr('[data-testid=offers-page]', 'data-count')).toBe(String(offers.length + 1));
		created = (await page.locator('[data-testid=offer-list] button[aria-pressed=true]').getAttribute('data-id'))!;
		expect(created).toMatch(/^L-/);
		expect(await page.textContent('[data-testid=offer-detail] h2')).toBe(NAME);
		// the map shows it: the selected offer's orange where it was placed
		await mapShowsRevision();
		const rgb = dominant(await pixelsAt(page, QUARTER_POINT, 2));
		expect(colourDistance(rgb, [0xd5, 0x5e, 0x00]), `pixel ${rgb}`).toBeLessThan(40);
	});

	it('keeps it across a reload, with who changed what in its history', async () => {
		await page.reload();
		await offersReady();
		await page.click(`[data-testid=offer-list] button[data-id="${created}"]`);
		expect(await page.textContent('[data-testid=offer-status]')).toContain('Hier erfasst');
		expect(await page.textContent('[data-testid=history]')).toContain('Koordinierungsstelle');
	});

	it('counts it in the need × coverage matrix, which says the inventory was edited', async () => {
		await page.goto(session.baseUrl + 'kette/?lebensphase=u3');
		await page.waitForSelector('[data-testid=phase-table][data-phase=u3]', { timeout: 60_000 });
		expect(await page.textContent('[data-testid=inventory-note]')).toContain('1 lokalen Änderung');
		const before = offers.filter((o) => o.area_key === '0603' && o.life_phases!.split('|').includes('u3')).length;
		const cell = await page.textContent('[data-testid=phase-table] tr[data-key="0603"] td:nth-of-type(5)');
		expect(cell?.trim()).toBe(String(before + 1));
	});

	it('shows it in the Bestand section of the Steckbrief', async () => {
		await page.goto(session.baseUrl + 'sozialraum/?id=0603&jahr=2025');
		await page.waitForSelector('[data-testid=area-inventory]', { timeout: 60_000 });
		await page.waitForFunction((n) => document.querySelector('[data-testid=area-inventory]')?.textContent?.includes(n), NAME);
		const here = offers.filter((o) => o.area_key === '0603').length;
		expect(await attr('[data-testid=area-inventory]', 'data-offers')).toBe(String(here + 1));
	});

	it('refuses a malformed list with row and column, then exports, deletes and re-imports without loss', async () => {
		await page.goto(session.baseUrl + 'angebote/');
		await offersReady();
		await page.click('[data-testid=offer-import-open]');
		const bad = 'Angebot;Zielgruppe;Sozialraum\nKrabbelgruppe;0-3;Werftviertel\nSpielkreis;Senioren;Werftviertel\n';
		await page.setInputFiles('[data-testid=offer-import-file]', { name: 'familien-navi.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'latin1') });
		await page.waitForSelector('[data-testid=offer-import-refused]');
		expect(await page.textContent('[data-testid=import-problems]')).toContain('familien-navi.csv, Zeile 3, Spalte „Zielgruppe“: „Senioren“: keine bekannte Lebensphase');
		expect(await page.locator('[data-testid=offer-import-apply]').count()).toBe(0);
		expect(await attr('[data-testid=offers-page]', 'data-count')).toBe(String(offers.length + 1));
		await page.click('[data-testid=offer-import] button:has-text("Schließen")');

		const file = await download(() => page.click('[data-testid=offer-export]'));
		expect(file.name).toBe('offers.csv');
		const exported = csvParse(file.bytes.toString('utf8'));
		expect(exported.length).toBe(offers.length + 1);
		expect(exported.find((r) => r.id === created)).toMatchObject({ name: NAME, area_key: '0603', life_phases: 'u3', category: 'Elterncafé' });
		// the package's own offers come out as they went in
		expect(exported.filter((r) => r.id !== created).map((r) => [r.id, r.name, r.lon, r.lat, r.places])).toEqual(offers.map((r) => [r.id, r.name, r.lon, r.lat, r.places]));

		// the list shows 100 offers a page: find the new one by its name, as a planner would
		await page.fill('[data-testid=offer-search]', NAME);
		await page.click(`[data-testid=offer-list] button[data-id="${created}"]`);
		await page.click('[data-testid=offer-delete]');
		await page.waitForSelector('[data-testid=inventory-note][data-changes="0"]');
		await page.click('[data-testid=offer-import-open]');
		await page.setInputFiles('[data-testid=offer-import-file]', { name: 'offers.csv', mimeType: 'text/csv', buffer: file.bytes });
		await page.waitForSelector('[data-testid=offer-import-counts]');
		expect(await page.textContent('[data-testid=offer-import-counts]')).toContain(`${offers.length + 1} Zeilen gelesen: 1 neu, ${offers.length} unverändert, 0 mit vorhandener Kennung und anderem Inhalt, 0 mögliche Dubletten`);
		await page.click('[data-testid=offer-import-apply]');
		await page.waitForSelector('[data-testid=inventory-note][data-changes="1"]');
		await page.click(`[data-testid=offer-list] button[data-id="${created}"]`);
		expect(await page.textContent('[data-testid=offer-detail] h2')).toBe(NAME);
	});
});

describe('networks', () => {
	const members = csv('network_members.csv');

	it('records a network for the Stadtbezirk without one, refusing a person’s name', async () => {
		await page.goto(session.baseUrl + 'netzwerke/');
		await page.waitForSelector('[data-testid=networks-page]', { timeout: 60_000 });
		const row = '[data-testid=coverage-table] tr[data-key="04"]';
		expect(await attr(row, 'data-status')).toBe('none');
		expect(await page.$$eval('[data-testid=coverage-map] svg path[fill="#d55e00"]', (ps) => ps.length)).toBe(1);
		await page.click('[data-testid=network-new]');
		await page.fill('[data-testid=network-name]', 'Starke Kinder – Starke Jugend Süd');
		await page.selectOption('[data-testid=network-level]', 'stadtbezirk');
		await page.selectOption('[data-testid=network-area]', '04');
		for (const [i, [institution, type]] of [['Kita Sonnenschein Süd', 'kita'], ['Frau Meier', 'hebamme'], ['Polizeiwache Süd', 'polizei']].entries()) {
			await page.click('[data-testid=member-add]');
			await page.locator('[data-testid=member-institution]').nth(i).fill(institution);
			await page.locator('[data-testid=member-type]').nth(i).selectOption(type);
		}
		await page.click('[data-testid=meeting-add]');
		await page.fill('[data-testid=meeting-date]', '2026-11-05');
		await page.fill('[data-testid=meeting-topic]', 'Gründungstreffen');
		await page.click('[data-testid=network-save]');
		await page.waitForFunction(() => document.querySelector('[data-testid=network-form]')?.textContent?.includes('Personennamen'));
		await page.locator('[data-testid=member-institution]').nth(1).fill('Hebammenpraxis Süd');
		await page.click('[data-testid=network-save]');
		await page.waitForSelector('[data-testid=networks-page][data-changes="1"]');
		expect(await attr(row, 'data-status')).toBe('gaps');
		expect((await attr(row, 'data-missing'))!.split(' ')).not.toContain('polizei');
	});

	it('keeps it across a reload and draws its area in the coverage map', async () => {
		await page.reload();
		await page.waitForSelector('[data-testid=networks-page][data-changes="1"]', { timeout: 60_000 });
		const n = await page.locator('[data-testid=network-card]').count();
		expect(n).toBe(csv('networks.csv').length + 1);
		// the map: Süd now in a "gaps" blue, no longer the orange of "no network"; Hafen still "within"
		const fills = await page.$$eval('[data-testid=coverage-map] svg path[fill]', (ps) => ps.map((p) => p.getAttribute('fill')));
		expect(fills).not.toContain('#d55e00');
		expect(fills).toContain('#fdd0a2');
	});

	it('refuses a malformed import, then exports, deletes and re-imports the networks without loss', async () => {
		const zip = await download(() => page.click('[data-testid=network-export]'));
		expect(zip.name).toMatch(/^netzwerke-musterstadt\.zip$/);
		await page.click('[data-testid=network-import-open]');
		const header = 'network_id,institution,tier,type,type_label\n';
		await page.setInputFiles('[data-testid=network-import-file]', [
			{ name: 'networks.csv', mimeType: 'text/csv', buffer: Buffer.from(readFileSync(join(PACKAGE_DIR, 'networks.csv'))) },
			{ name: 'network_members.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}N01,Kita Löwenzahn,operativ,kita,\nN01,Praxis Dr. Sommer,operativ,kinderarzt,\n`) }
		]);
		await page.waitForSelector('[data-testid=network-import-refused]');
		expect(await page.textContent('[data-testid=network-import-refused]')).toContain('network_members.csv, Zeile 3, Spalte „institution“: Das sieht nach einem Personennamen aus');
		expect(await attr('[data-testid=networks-page]', 'data-changes')).toBe('1');

		const mine = page.locator('[data-testid=network-card]').filter({ hasText: 'Starke Jugend Süd' });
		// the permalink kept it open across the reload (?netzwerk=…); open it only if it is not
		if ((await mine.locator('.title').getAttribute('aria-expanded')) !== 'true') await mine.locator('.title').click();
		await mine.locator('[data-testid=network-delete]').click();
		await page.waitForSelector('[data-testid=networks-page][data-changes="0"]');
		await page.setInputFiles('[data-testid=network-import-file]', { name: zip.name, mimeType: 'application/zip', buffer: zip.bytes });
		await page.waitForSelector('[data-testid=network-import-counts]');
		expect(await page.textContent('[data-testid=network-import-counts]')).toContain('1 neu, 5 unverändert, 0 mit vorhandener Kennung');
		await page.click('[data-testid=network-import-apply]');
		await page.waitForSelector('[data-testid=networks-page][data-changes="1"]');
		expect(await attr('[data-testid=coverage-table] tr[data-key="04"]', 'data-status')).toBe('gaps');
		// members and the meeting came back with it, and nothing else was added
		const back = page.locator('[data-testid=network-card]').filter({ hasText: 'Starke Jugend Süd' });
		expect(await back.locator('.meta').textContent()).toContain('3 Mitglieder · letztes Treffen 05.11.2026');
		expect(await page.locator('[data-testid=network-card]').count()).toBe(csv('networks.csv').length + 1);
		expect(members.length).toBeGreaterThan(40);
	});

	it('opens a network from its permalink, in English too', async () => {
		const id = await page.locator('[data-testid=network-card]').filter({ hasText: 'Starke Jugend Süd' }).getAttribute('data-id');
		// the same browser context, so the locally recorded network is there (IndexedDB)
		await page.evaluate(() => localStorage.setItem('sozialraum-monitor.locale', 'en'));
		try {
			await page.goto(`${session.baseUrl}netzwerke/?ebene=stadtbezirk&netzwerk=${encodeURIComponent(id!)}`);
			const card = page.locator(`[data-testid=network-card][data-id="${id}"]`);
			await card.locator('.title[aria-expanded=true]').waitFor({ timeout: 60_000 });
			expect(await card.textContent()).toContain('3 members');
			expect(await card.textContent()).toContain('Gründungstreffen');
		} finally {
			await page.evaluate(() => localStorage.setItem('sozialraum-monitor.locale', 'de'));
		}
	});
});

describe('measures', () => {
	const measures = csv('measures.csv');
	const forFz02 = measures.filter((m) => m.target_ids!.split('|').includes('FZ02')).length;

	it('records a measure for a target that relies on the new offer, and keeps it across a reload', async () => {
		await page.goto(session.baseUrl + 'ziele/ziel/?id=FZ02');
		await page.waitForSelector(`[data-testid=measures-panel][data-count="${forFz02}"]`, { timeout: 60_000 });
		await page.click('[data-testid=measure-new]');
		await page.fill('[data-testid=measure-name]', 'Elterncafé als Anlaufstelle für U3-Plätze');
		await page.fill('[data-testid=measure-responsible]', 'Jugendamt, Abt. 51.3 Kindertagesbetreuung');
		await page.selectOption('[data-testid=measure-status]', 'running');
		await page.fill('[data-testid=measure-start]', '2026-10-01');
		await page.fill('[data-testid=measure-offer-search]', 'Elterncafé Werftviertel');
		await page.locator('[data-testid=measure-form] input[data-offer^="L-"]').check();
		await page.click('[data-testid=measure-save]');
		await page.waitForSelector(`[data-testid=measures-panel][data-count="${forFz02 + 1}"]`);
		await page.reload();
		await page.waitForSelector(`[data-testid=measures-panel][data-count="${forFz02 + 1}"]`, { timeout: 60_000 });
		const item = page.locator('[data-testid=measure]').filter({ hasText: 'Elterncafé als Anlaufstelle' });
		expect(await item.locator('[data-status]').getAttribute('data-status')).toBe('running');
		expect(await item.textContent()).toContain(NAME);
	});

	it('shows it in the Steckbrief of an area the target concerns', async () => {
		await page.goto(session.baseUrl + 'sozialraum/?id=0603&jahr=2025');
		await page.waitForFunction(() => document.querySelector('[data-testid=area-inventory]')?.textContent?.includes('Elterncafé als Anlaufstelle'), null, { timeout: 60_000 });
	});

	it('refuses a malformed measures.csv, and round-trips the export', async () => {
		await page.goto(session.baseUrl + 'ziele/ziel/?id=FZ02');
		await page.waitForSelector(`[data-testid=measures-panel][data-count="${forFz02 + 1}"]`, { timeout: 60_000 });
		const file = await download(() => page.click('[data-testid=measure-export]'));
		expect(csvParse(file.bytes.toString('utf8')).length).toBe(measures.length + 1);
		await page.click('[data-testid=measure-import-open]');
		const broken = file.bytes.toString('utf8').replace(',running,', ',laufend,');
		await page.setInputFiles('[data-testid=measure-import-file]', { name: 'measures.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
		await page.waitForSelector('[data-testid=measure-import-refused]');
		expect(await page.textContent('[data-testid=measure-import-refused]')).toMatch(/measures\.csv, Zeile \d+, Spalte „status“: „laufend“ ist kein zulässiger Wert/);
		await page.setInputFiles('[data-testid=measure-import-file]', { name: 'measures.csv', mimeType: 'text/csv', buffer: file.bytes });
		await page.waitForSelector('[data-testid=measure-import-counts]');
		expect(await page.textContent('[data-testid=measure-import-counts]')).toContain(`0 neu, ${measures.length + 1} unverändert, 0 mit vorhandener Kennung`);
	});

	it('draws the slide "Ziel, Maßnahmen, Stand" with the measures, from today’s data', async () => {
		await page.click('[data-testid=add-measures-slide]');
		await page.goto(session.baseUrl + 'praesentation/');
		await page.waitForSelector('[data-testid=presentation]', { timeout: 60_000 });
		await page.waitForSelector('[data-testid=figure-measures]', { timeout: 60_000 });
		const text = await page.textContent('[data-testid=figure-measures]');
		expect(text).toContain(`Maßnahmen (${forFz02 + 1})`);
		expect(text).toContain('Elterncafé als Anlaufstelle für U3-Plätze');
		expect(await page.locator('[data-testid=figure-measures] [data-measure-status=running]').count()).toBeGreaterThan(0);
	});

	it('opens the permalink of "Ziel, Maßnahmen, Stand" at the measures, and they stay in view once the page has loaded', async () => {
		const p = await session.newPage();
		await p.goto(session.baseUrl + 'ziele/ziel/?id=FZ02&ansicht=massnahmen');
		// everything above the measures has drawn (the chart arrives last and pushed them down)
		await p.waitForSelector('[data-testid=target-chart]', { timeout: 60_000 });
		await p.waitForSelector('[data-testid=measures-panel] [data-testid=measure]', { timeout: 60_000 });
		const where = () =>
			p.evaluate(() => {
				const r = document.getElementById('massnahmen')!.getBoundingClientRect();
				return { top: Math.round(r.top), view: innerHeight, y: Math.round(scrollY), max: Math.round(document.documentElement.scrollHeight - innerHeight) };
			});
		// wait until the layout has settled: the same position over one second
		let last = await where();
		for (let i = 0; i < 20; i++) {
			await p.waitForTimeout(500);
			const now = await where();
			if (JSON.stringify(now) === JSON.stringify(last)) break;
			last = now;
		}
		const pos = await where();
		expect(pos.y, 'the page scrolled').toBeGreaterThan(0);
		expect(pos.top, `measures at ${pos.top}px of ${pos.view}px`).toBeGreaterThanOrEqual(-1);
		expect(pos.top).toBeLessThan(pos.view - 100);
		// at the top of the view, unless the page cannot scroll that far
		expect(Math.abs(pos.top) <= 2 || pos.y >= pos.max - 1, `measures at ${pos.top}px, scrolled ${pos.y} of ${pos.max}`).toBe(true);
		await p.close();
	});

	it('made no request to another origin and logged no error', () => {
		expect(session.foreignRequests).toEqual([]);
		expect(session.consoleErrors).toEqual([]);
	});
});
