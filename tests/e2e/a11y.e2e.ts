/**
 * WCAG 2.1 AA (BITV 2.0) checks with axe-core on every page, in German and English, plus a
 * keyboard-only walk through the atlas. axe is injected as a script, so these pages run with the
 * CSP bypassed (the CSP itself is tested in harness.e2e.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './browser';
import { waitForMapState } from './map-pixels';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Pages and how to know they are ready. New pages join this list. */
export const PAGES: { path: string; ready: string }[] = [
	{ path: '?indikator=sgb2_u15&sozialraum=0101', ready: '[data-testid=trend-chart]' },
	{ path: '?indikator=betreuung_u3&modus=vergleich', ready: '[data-testid=legend]' },
	{ path: 'sozialraum/?id=0603&jahr=2025', ready: '[data-testid=profile][data-ready=true]' },
	{ path: 'indikator/?id=sgb2_u15&jahr=2025', ready: '[data-testid=indicator-page][data-ready=true]' },
	{ path: 'praesentation/', ready: '[data-testid=presentation]' },
	{ path: 'ziele/', ready: '[data-testid=sparkline]' },
	{ path: 'ziele/ziel/?id=FZ01', ready: '[data-testid=target-chart]' },
	{ path: 'ziele/ziel/?id=FZ02', ready: '[data-testid=measures-panel]' },
	{ path: 'kette/', ready: '[data-testid=chain-matrix]' },
	{ path: 'angebote/', ready: '[data-testid=offer-list]' },
	{ path: 'netzwerke/', ready: '[data-testid=coverage-table]' },
	{ path: 'index/', ready: '[data-testid=why-class]' },
	{ path: 'import/', ready: '[data-testid=import-wizard]' },
	{ path: 'analyse/?sql=SELECT%20area_key%2C%20value%20FROM%20observations%20LIMIT%2060', ready: '[data-testid=result-table]' },
	{ path: 'datenqualitaet/', ready: '[data-testid=findings]' }
];

let session: Session;
beforeAll(async () => {
	session = await startSession();
});
afterAll(async () => {
	await session?.close();
});

interface AxeViolation { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }

async function axe(page: Page): Promise<AxeViolation[]> {
	await page.addScriptTag({ content: axeSource });
	return page.evaluate(async () => {
		const w = window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } };
		const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
		return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
	});
}

const describeViolations = (v: AxeViolation[]) => v.map((x) => `${x.id} (${x.impact}): ${x.help}\n  ${x.nodes.map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
	for (const lang of ['de', 'en'] as const) {
		for (const p of PAGES) {
			it(`${p.path || '/'} has no violations (${lang})`, async () => {
				const page = await session.newPage({ bypassCSP: true });
				await page.addInitScript((l) => localStorage.setItem('sozialraum-monitor.locale', l), lang);
				await page.goto(session.baseUrl + p.path);
				await page.waitForSelector(p.ready, { timeout: 60_000 });
				await page.waitForFunction((l) => document.documentElement.lang === l, lang, { timeout: 10_000 });
				const violations = await axe(page);
				expect(violations, describeViolations(violations)).toEqual([]);
				await page.close();
			});
		}
	}
});

// The default deck above is empty: the deck with the slide "Ziel, Maßnahmen, Stand" (target,
// its measures and their status) is checked too, in the list and while presenting.
describe('accessibility of a deck with the slide "Ziel, Maßnahmen, Stand"', () => {
	for (const lang of ['de', 'en'] as const) {
		it(`praesentation/ has no violations in the list and presenting (${lang})`, async () => {
			const page = await session.newPage({ bypassCSP: true });
			await page.addInitScript((l) => localStorage.setItem('sozialraum-monitor.locale', l), lang);
			await page.goto(session.baseUrl + 'ziele/ziel/?id=FZ02');
			await page.waitForSelector('[data-testid=add-measures-slide]:not([disabled])', { timeout: 60_000 });
			await page.click('[data-testid=add-measures-slide]');
			await page.waitForSelector('[data-testid=add-slide-status] a', { timeout: 30_000 });
			await page.goto(session.baseUrl + 'praesentation/');
			await page.waitForSelector('[data-testid=figure-measures]', { timeout: 60_000 });
			await page.waitForFunction((l) => document.documentElement.lang === l, lang, { timeout: 10_000 });
			expect(await page.locator('[data-testid=slide-item]').count()).toBe(1);
			const list = await axe(page);
			expect(list, describeViolations(list)).toEqual([]);
			await page.click('[data-testid=present-start]');
			await page.waitForSelector('[data-testid=presenter] [data-testid=figure-measures]', { timeout: 30_000 });
			const presenting = await axe(page);
			expect(presenting, describeViolations(presenting)).toEqual([]);
			await page.close();
		});
	}
});

describe('keyboard only', () => {
	it('reaches the indicator, year and a district in the table, and selects it with Enter', async () => {
		const page = await session.newPage();
		await page.goto(session.baseUrl);
		await page.waitForSelector('[data-testid=atlas]', { timeout: 60_000 });
		await waitForMapState(page, { indicator: 'sgb2_u15', year: Number(await page.getAttribute('[data-testid=atlas]', 'data-year')) });
		// Tab from the top: the skip link comes first and jumps to the content
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Zum Inhalt springen');
		await page.keyboard.press('Enter');
		const reached = new Set<string>();
		for (let i = 0; i < 60; i++) {
			await page.keyboard.press('Tab');
			const id = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement | null;
				return el?.id || el?.closest('[data-key]')?.getAttribute('data-key') || el?.tagName || '';
			});
			reached.add(id);
			if (/^\d{4}$/.test(id)) {
				await page.keyboard.press('Enter');
				await page.waitForFunction((k) => new URL(location.href).searchParams.get('sozialraum') === k, id);
				await page.waitForSelector('[data-testid=trend-chart]');
				break;
			}
		}
		expect(reached.has('indicator')).toBe(true);
		expect(reached.has('year')).toBe(true);
		// focus is visible: the focused element has an outline
		const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
		expect(outline).not.toBe('none');
		expect(session.consoleErrors).toEqual([]);
		expect(session.foreignRequests).toEqual([]);
	});
});
