/**
 * The offers page shows its list one page of 100 at a time (src/lib/ui/Pager.svelte): turned by
 * keyboard alone, every filtered offer on exactly one page, the filter over all offers and back
 * to the first page; the per-area table sorts over all areas by keyboard (aria-sort).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './browser';

let session: Session;
let page: Page;
beforeAll(async () => {
	session = await startSession();
	page = await session.newPage();
	await page.goto(`${session.baseUrl}angebote/`);
	await page.waitForSelector('[data-testid=offers-page] [data-testid=offer-list]', { timeout: 60_000 });
});
afterAll(async () => {
	await session?.close();
});

const pager = '[data-testid=offer-list-pager]';
const listIds = () => page.$$eval('[data-testid=offer-list] button[data-id]', (b) => b.map((x) => x.getAttribute('data-id')!));

describe('offers list in pages', () => {
	it('shows the first 100 of all offers and turns to the rest by keyboard', async () => {
		const total = Number(await page.getAttribute('[data-testid=offers-page]', 'data-count'));
		expect(total).toBeGreaterThan(100);
		expect(await page.getAttribute(pager, 'data-page')).toBe('1');
		expect(await page.getAttribute(pager, 'data-pages')).toBe(String(Math.ceil(total / 100)));
		const first = await listIds();
		expect(first).toHaveLength(100);
		expect(await page.textContent(`${pager} [role=status]`)).toBe(`1–100 von ${total}`);
		expect(await page.getAttribute(`${pager} [data-go=previous]`, 'aria-disabled')).toBe('true');

		await page.focus(`${pager} [data-go=previous]`);
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-go'))).toBe('next');
		await page.keyboard.press('Enter');
		await page.waitForSelector(`${pager}[data-page="2"]`);
		const second = await listIds();
		expect(second).toHaveLength(Math.min(100, total - 100));
		expect(second.filter((id) => first.includes(id))).toEqual([]);
		// the focus stays on the button, now at the end of the list
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-go'))).toBe('next');
		expect(await page.getAttribute(`${pager} [data-go=next]`, 'aria-disabled')).toBe(String(total <= 200));

		// back by typing the page number
		await page.fill(`${pager} input`, '1');
		await page.press(`${pager} input`, 'Enter');
		await page.waitForSelector(`${pager}[data-page="1"]`);
		expect(await listIds()).toEqual(first);
	});

	it('filters over all offers and starts again on the first page', async () => {
		const total = await page.getAttribute('[data-testid=offers-page]', 'data-count');
		await page.click(`${pager} [data-go=last]`);
		await page.waitForSelector(`${pager}[data-page="${await page.getAttribute(pager, 'data-pages')}"]`);
		await page.selectOption('[data-testid=offer-phase]', 'u3');
		await page.waitForFunction((t) => document.querySelector('[data-testid=offers-page]')?.getAttribute('data-count') !== t, total);
		const filtered = Number(await page.getAttribute('[data-testid=offers-page]', 'data-count'));
		expect(filtered).toBeGreaterThan(0);
		if (filtered > 100) expect(await page.getAttribute(pager, 'data-page')).toBe('1');
		else expect(await page.$(pager)).toBeNull();
		expect(await page.getAttribute('[data-testid=offer-list]', 'data-total')).toBe(String(filtered));
		expect((await listIds()).length).toBe(Math.min(filtered, 100));
		await page.selectOption('[data-testid=offer-phase]', '');
		await page.waitForSelector(`[data-testid=offers-page][data-count="${total}"]`);
	});

	it('sorts the per-area table over all areas by keyboard', async () => {
		await page.focus('[data-testid=offer-counts] [data-sort-column=offers]');
		await page.keyboard.press('Enter');
		await page.waitForSelector('[data-testid=offer-counts][data-sort=offers-desc]');
		expect(await page.getAttribute('[data-testid=offer-counts] th:has([data-sort-column=offers])', 'aria-sort')).toBe('descending');
		const counts = await page.$$eval('[data-testid=offer-counts] tbody tr td:nth-child(2)', (c) => c.map((x) => Number(x.textContent!.replace(/\./g, ''))));
		expect(counts.length).toBeGreaterThan(10);
		expect(counts).toEqual([...counts].sort((a, b) => b - a));
		await page.keyboard.press('Enter');
		await page.waitForSelector('[data-testid=offer-counts][data-sort=offers-asc]');
		expect(await page.getAttribute('[data-testid=offer-counts] th:has([data-sort-column=offers])', 'aria-sort')).toBe('ascending');
		expect(session.consoleErrors).toEqual([]);
		expect(session.foreignRequests).toEqual([]);
	});
});
