/**
 * Shared end-to-end harness: serves the built site on loopback and drives Debian's Chromium with
 * playwright-core. Every request that would leave the site's own origin is aborted AND recorded, so
 * a test can assert that none happened; console errors are recorded the same way.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { serve } from '../../pipelines/tasks/serve.mjs';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
	// WebGL2 through SwiftShader, so MapLibre renders without a GPU.
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader'
];

export function chromiumPath(): string {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
	const found = candidates.find((p): p is string => !!p && existsSync(p));
	if (!found) throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
	return found;
}

export interface Session {
	browser: Browser;
	baseUrl: string;
	/** Requests to any other origin (aborted). Must stay empty. */
	foreignRequests: string[];
	/** console.error messages and uncaught page errors. Must stay empty. */
	consoleErrors: string[];
	/**
	 * A page in a fresh context. The site bundles several packages and asks which one on a first
	 * visit; pages start as a returning visitor who chose the default package, unless `firstVisit`.
	 */
	newPage(options?: { bypassCSP?: boolean; firstVisit?: boolean }): Promise<Page>;
	close(): Promise<void>;
}

export async function startSession(extraArgs: string[] = [], options: { dir?: string } = {}): Promise<Session> {
	const server = await serve(options.dir ?? 'build', 0);
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...extraArgs] });
	const origin = new URL(server.url).origin;
	const foreignRequests: string[] = [];
	const consoleErrors: string[] = [];
	const contexts: BrowserContext[] = [];

	async function newPage(options: { bypassCSP?: boolean; firstVisit?: boolean } = {}): Promise<Page> {
		const context = await browser.newContext({
			viewport: { width: 1440, height: 1000 },
			deviceScaleFactor: 1,
			locale: 'de-DE',
			bypassCSP: options.bypassCSP ?? false
		});
		// The CSP stops a foreign request before the network sees it: report those as errors too.
		await context.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (e) =>
				console.error(`CSP-Verstoß: ${e.violatedDirective} ${e.blockedURI}`)
			);
		});
		if (!options.firstVisit) {
			await context.addInitScript((key) => {
				try {
					if (localStorage.getItem(key) === null) localStorage.setItem(key, 'musterstadt');
				} catch {
					// storage disabled (about:blank): nothing to remember
				}
			}, 'sozialraum-monitor.paket');
		}
		contexts.push(context);
		await context.route('**/*', (route) => {
			const url = route.request().url();
			if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
			foreignRequests.push(url);
			return route.abort('blockedbyclient');
		});
		const page = await context.newPage();
		page.on('console', (msg) => {
			if (msg.type() === 'error') consoleErrors.push(msg.text());
		});
		page.on('pageerror', (err) => consoleErrors.push(String(err)));
		return page;
	}

	return {
		browser,
		baseUrl: server.url,
		foreignRequests,
		consoleErrors,
		newPage,
		async close() {
			for (const c of contexts) await c.close();
			await browser.close();
			await server.close();
		}
	};
}
