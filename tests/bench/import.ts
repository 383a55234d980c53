/**
 * Browser import of a 50 MB CSV through the import wizard (/import/), with the import tests' own
 * "huge" fixture (tests/fixtures/import/huge.ts: 2,000 block areas, 1 million rows, semicolons and
 * decimal commas, plus UTM grid geometry). Walks the wizard like tests/e2e/import.e2e.ts and times:
 * files chosen → first analysis done; → checked package built; the longest main-thread task.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chromiumPath } from '../e2e/browser';
import { BENCH_ARGS } from './gpu';
import { ESBUILD_NAME_SHIM, VIEWPORT } from './atlas';
import { chromiumPssMiB } from './machine';
import { BENCH_DIR } from './prepare';
import type { LoggingServer } from './server';

export interface ImportRun {
	csvBytes: number;
	firstAnalysisMs?: number;
	checkedMs?: number;
	longestTaskMs?: number;
	pssPeakMiB: number;
	error?: string;
}

/** Write the fixture files once (the generator is the import tests' own). */
export async function importFixture(): Promise<string[] | null> {
	const fixture = 'tests/fixtures/import/huge.ts';
	if (!existsSync(fixture)) return null;
	const dir = join(BENCH_DIR, 'import-50mb');
	const files = [join(dir, 'bloecke.geojson'), join(dir, 'gross.csv')];
	if (!files.every((f) => existsSync(f))) {
		const { hugeCsv, hugeGeometry } = (await import('../fixtures/import/huge')) as { hugeCsv(): Uint8Array; hugeGeometry(): Uint8Array };
		mkdirSync(dir, { recursive: true });
		writeFileSync(files[0], hugeGeometry());
		writeFileSync(files[1], hugeCsv());
	}
	return files;
}

const idle = (page: Page, timeout: number) =>
	page.waitForFunction(() => !document.querySelector('[data-testid=import-progress]'), undefined, { timeout, polling: 100 });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function importRun(server: LoggingServer, files: string[], timeoutMs: number): Promise<ImportRun> {
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: BENCH_ARGS });
	const run: ImportRun = { csvBytes: statSync(files[1]).size, pssPeakMiB: 0 };
	let sampling = true;
	const sampler = (async () => {
		while (sampling) {
			run.pssPeakMiB = Math.max(run.pssPeakMiB, Math.round(chromiumPssMiB()));
			await sleep(250);
		}
	})();
	try {
		const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'de-DE' });
		await context.addInitScript(ESBUILD_NAME_SHIM);
		const page = await context.newPage();
		page.setDefaultTimeout(timeoutMs);
		await page.goto(server.url + 'import/');
		await page.waitForSelector('[data-testid=import-wizard][data-ready=true]');
		await page.evaluate(() => {
			const w = window as unknown as { longest: number };
			w.longest = 0;
			new PerformanceObserver((list) => {
				for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
			}).observe({ type: 'longtask', buffered: false });
		});
		const next = async () => {
			await page.click('[data-testid=next]');
			await idle(page, timeoutMs);
		};
		const started = Date.now();
		await page.setInputFiles('[data-testid=import-files]', files);
		await page.waitForSelector('[data-testid=next]:not([disabled])');
		await next();
		run.firstAnalysisMs = Date.now() - started;
		for (let i = 0; i < 4; i++) await next();
		await page.fill('[data-testid=pkg-title]', 'Großer Test');
		await page.fill('[data-testid=pkg-territory]', 'Testkreis');
		await page.click('[data-testid=build]');
		await idle(page, timeoutMs);
		await page.waitForSelector('[data-testid=build-ok]');
		run.checkedMs = Date.now() - started;
		run.longestTaskMs = Math.round(await page.evaluate(() => (window as unknown as { longest: number }).longest));
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
