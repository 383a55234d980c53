/**
 * Cold loads of the other pages: the Sozialraum profile (its own readiness signal,
 * `[data-testid=profile][data-ready=true]`) and every other prerendered page of the build, judged
 * by a generic "usable": nothing loading any more and the DOM quiet for 1.5 s (see waitSettled).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../e2e/browser';
import { BENCH_ARGS } from './gpu';
import { ESBUILD_NAME_SHIM, VIEWPORT } from './atlas';
import { chromiumPssMiB } from './machine';
import { installProbe, waitForSelectorFrame, waitSettled } from './probe';
import type { LoggingServer } from './server';

export interface PageRun {
	path: string;
	/** Navigation start → usable (ms). */
	usable?: number;
	heapPeakMiB: number;
	pssPeakMiB: number;
	bytes: number;
	error?: string;
}

/** Page folders of the build (prerendered index.html), atlas (root) excluded. */
export function builtPages(site: string): string[] {
	return readdirSync(site, { withFileTypes: true })
		.filter((d) => d.isDirectory() && d.name !== '_app' && existsSync(join(site, d.name, 'index.html')))
		.map((d) => d.name)
		.sort();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function pageRun(server: LoggingServer, path: string, mode: 'profile' | 'settled', timeoutMs: number): Promise<PageRun> {
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: BENCH_ARGS });
	const run: PageRun = { path, heapPeakMiB: 0, pssPeakMiB: 0, bytes: 0 };
	let sampling = true;
	let sampler: Promise<void> = Promise.resolve();
	try {
		const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'de-DE' });
		await context.addInitScript(ESBUILD_NAME_SHIM);
		await context.addInitScript(installProbe);
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(String(e)));
		const cdp = await context.newCDPSession(page);
		await cdp.send('Performance.enable');
		sampler = (async () => {
			while (sampling) {
				try {
					const { metrics } = await cdp.send('Performance.getMetrics');
					run.heapPeakMiB = Math.max(run.heapPeakMiB, Math.round(((metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20) * 10) / 10);
				} catch {
					/* navigating */
				}
				run.pssPeakMiB = Math.max(run.pssPeakMiB, Math.round(chromiumPssMiB()));
				await sleep(250);
			}
		})();
		server.log.length = 0;
		await page.goto(server.url + path, { waitUntil: 'commit', timeout: timeoutMs });
		if (mode === 'profile') {
			const r = await page.evaluate(waitForSelectorFrame, { selector: '[data-testid=profile][data-ready="true"]', timeoutMs });
			run.usable = Math.round(r.frame);
		} else {
			const r = await page.evaluate(waitSettled, { quietMs: 1500, timeoutMs });
			run.usable = Math.round(r.usable);
			if (r.error) run.error = r.error;
		}
		if (errors.length && !run.error) run.error = errors[0].slice(0, 200);
		run.bytes = server.log.reduce((s, r) => s + r.bytes, 0);
		await context.close();
	} catch (e) {
		run.error = (e as Error).message.split('\n')[0].slice(0, 200);
	} finally {
		sampling = false;
		await sampler;
		await browser.close();
	}
	return run;
}
