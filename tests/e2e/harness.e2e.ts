/**
 * The harness itself must be able to fail: a request to another origin is caught and recorded,
 * and a console error is recorded. Otherwise "no foreign request" in the atlas test proves nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSession, type Session } from './browser';

let session: Session;
beforeAll(async () => {
	session = await startSession();
});
afterAll(async () => {
	await session?.close();
});

it('records and blocks a request that leaves the site, and records console errors', async () => {
	// Without the app's CSP, so the request reaches the network layer where the recorder sits.
	const page = await session.newPage({ bypassCSP: true });
	await page.goto(session.baseUrl);
	const outcome = await page.evaluate(() =>
		fetch('https://tiles.example.org/0/0/0.png').then(
			() => 'loaded',
			() => 'blocked'
		)
	);
	expect(outcome).toBe('blocked');
	expect(session.foreignRequests).toEqual(['https://tiles.example.org/0/0/0.png']);
	await page.evaluate(() => console.error('Testfehler'));
	expect(session.consoleErrors).toContain('Testfehler');
	session.foreignRequests.length = 0;
	session.consoleErrors.length = 0;
});

it('reports a request the Content-Security-Policy stopped as an error', async () => {
	const page = await session.newPage();
	await page.goto(session.baseUrl);
	await page.evaluate(() => fetch('https://cdn.example.org/lib.js').catch(() => null));
	await expect.poll(() => session.consoleErrors.join('\n')).toContain('CSP-Verstoß: connect-src https://cdn.example.org/lib.js');
	session.consoleErrors.length = 0;
});

it('serves the engine wasm as application/wasm (DuckDB start hangs otherwise)', async () => {
	const page = await session.newPage();
	const types: string[] = [];
	page.on('response', (r) => {
		if (r.url().endsWith('.wasm')) types.push(r.headers()['content-type'] ?? '');
	});
	await page.goto(session.baseUrl);
	await page.waitForSelector('[data-testid=atlas]', { timeout: 60_000 });
	// the engine starts after the first map frame (src/lib/data/engine-gate.ts), so its wasm comes later
	await expect.poll(() => types.length, { timeout: 60_000 }).toBe(1);
	expect(types[0]).toBe('application/wasm');
});
