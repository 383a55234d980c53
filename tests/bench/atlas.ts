/**
 * One cold run of the atlas page in a fresh headless Chromium (fresh profile: nothing cached): first
 * coloured map, engine ready, bytes, then interactions (indicator and year changes, selections on the
 * map) and the memory peaks over the whole run.
 */
import { chromium, type Page } from 'playwright-core';
import { chromiumPath } from '../e2e/browser';
import { BENCH_ARGS } from './gpu';
import { chromiumPssMiB } from './machine';
import { changeAndWait, changeAndWaitSvg, installProbe, waitForTrend, type BenchMarks, type ChangeTiming, type SelectTiming } from './probe';
import type { LoggedResponse, LoggingServer } from './server';

export const VIEWPORT = { width: 1440, height: 1000 };

/**
 * tsx (esbuild, keepNames) wraps named inner functions in `__name(fn, "name")`; functions handed to
 * the page are serialised with that call inside, so the page needs a `__name` too.
 */
export const ESBUILD_NAME_SHIM = { content: 'globalThis.__name = globalThis.__name || ((f) => f);' };

export type FileKind = 'html' | 'css' | 'js' | 'engine' | 'map-worker' | 'data' | 'other';

export function fileKind(path: string): FileKind {
	const p = path.split('?')[0];
	if (/duckdb/.test(p)) return 'engine';
	if (/maplibre-gl-worker/.test(p)) return 'map-worker';
	if (/\.(csv|geojson|arrow)$/.test(p)) return 'data';
	if (/\.m?js$/.test(p)) return 'js';
	if (/\.css$/.test(p)) return 'css';
	if (p.endsWith('/') || p.endsWith('.html')) return 'html';
	return 'other';
}

export interface ClickTarget {
	key: string;
	lonLat: [number, number];
}

export interface RunOptions {
	server: LoggingServer;
	/** Path and query to open, relative to the server root. */
	path?: string;
	recolourChanges: number;
	clicks: ClickTarget[];
	/** Seed for the choice of indicators/years, so runs differ but are reproducible. */
	run: number;
	timeoutMs: number;
	pixelCheck: boolean;
	/** false: Chromium without WebGL, so the app draws its SVG map (CPU only, no SwiftShader). */
	webgl?: boolean;
	/** How the map recolours (src/lib/map/maplibre-choropleth.ts); the app's default when not given. */
	recolour?: 'expression' | 'feature-state';
}

export interface RunResult {
	marks: BenchMarks & { fcp?: number };
	/** Milliseconds after navigation start, from the server log. */
	waterfall: {
		htmlEnd?: number;
		engineWasmEnd?: number;
		firstDataStart?: number;
		lastDataEnd?: number;
		lazyJsStart?: number;
		mapWorkerStart?: number;
	};
	bytes: { initial: number; total: number; initialByKind: Partial<Record<FileKind, number>>; totalByKind: Partial<Record<FileKind, number>> };
	/** Files fetched before the first coloured map (for gzip sizes of the initial JavaScript). */
	initialFiles: { file: string; path: string; kind: FileKind; bytes: number; start: number }[];
	recolour: (ChangeTiming & { kind: 'indicator' | 'year' })[];
	select: SelectTiming[];
	heapPeakMiB: number;
	pssPeakMiB: number;
	pssBaselineMiB: number;
	pixels?: { coloured: number; colours: number };
	errors: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function coldRun(o: RunOptions): Promise<RunResult> {
	const webgl = o.webgl !== false;
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: webgl ? BENCH_ARGS : [...BENCH_ARGS, '--disable-webgl', '--disable-3d-apis'] });
	const errors: string[] = [];
	try {
		const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'de-DE' });
		await context.addInitScript(ESBUILD_NAME_SHIM);
		await context.addInitScript(installProbe);
		if (o.recolour) await context.addInitScript({ content: `globalThis.__benchRecolour = ${JSON.stringify(o.recolour)};` });
		const page = await context.newPage();
		page.on('pageerror', (e) => errors.push(String(e)));
		page.on('console', (m) => {
			if (m.type() === 'error') errors.push(m.text());
		});
		const cdp = await context.newCDPSession(page);
		await cdp.send('Performance.enable');
		let heapPeak = 0;
		let pssPeak = 0;
		const pssBaseline = chromiumPssMiB();
		let sampling = true;
		const sampler = (async () => {
			while (sampling) {
				try {
					const { metrics } = await cdp.send('Performance.getMetrics');
					const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
					heapPeak = Math.max(heapPeak, used / 2 ** 20);
				} catch {
					/* page navigating or closed */
				}
				pssPeak = Math.max(pssPeak, chromiumPssMiB());
				await sleep(250);
			}
		})();

		o.server.log.length = 0;
		await page.goto(o.server.url + (o.path ?? ''), { waitUntil: 'commit', timeout: o.timeoutMs });
		await page.waitForFunction(() => (window as unknown as { __bench: BenchMarks }).__bench.firstMap !== undefined, null, {
			timeout: o.timeoutMs,
			polling: 100
		});
		const { marks, timeOrigin, fcp } = await page.evaluate(() => ({
			marks: { ...(window as unknown as { __bench: BenchMarks }).__bench },
			timeOrigin: performance.timeOrigin,
			fcp: performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime
		}));
		const rel = (t: number | undefined) => (t === undefined ? undefined : Math.round((t - timeOrigin) * 10) / 10);
		const firstMapWall = timeOrigin + marks.firstMap!;
		const log = [...o.server.log];
		const initial = log.filter((r) => r.start <= firstMapWall);
		const find = (f: (r: LoggedResponse) => boolean) => log.find(f);
		const data = log.filter((r) => fileKind(r.path) === 'data');
		const lazyJs = log.find((r) => fileKind(r.path) === 'js' && marks.atlas !== undefined && r.start >= timeOrigin + marks.atlas - 50);
		const result: RunResult = {
			marks: { ...marks, fcp },
			waterfall: {
				htmlEnd: rel(find((r) => fileKind(r.path) === 'html')?.end),
				engineWasmEnd: rel(find((r) => /duckdb.*\.wasm/.test(r.path))?.end),
				firstDataStart: rel(data[0]?.start),
				lastDataEnd: rel(data.filter((r) => r.start <= firstMapWall).reduce<number | undefined>((m, r) => (m === undefined || r.end > m ? r.end : m), undefined)),
				lazyJsStart: rel(lazyJs?.start),
				mapWorkerStart: rel(find((r) => fileKind(r.path) === 'map-worker')?.start)
			},
			bytes: { initial: 0, total: 0, initialByKind: {}, totalByKind: {} },
			initialFiles: initial
				.filter((r) => r.file)
				.map((r) => ({ file: r.file!, path: r.path, kind: fileKind(r.path), bytes: r.bytes, start: rel(r.start)! })),
			recolour: [],
			select: [],
			heapPeakMiB: 0,
			pssPeakMiB: 0,
			pssBaselineMiB: Math.round(pssBaseline),
			errors
		};

		if (o.pixelCheck && webgl) result.pixels = await mapPixels(page);
		result.recolour = await recolourSeries(page, o, errors, webgl);
		if (webgl) result.select = await selectSeries(page, o, errors);

		await sleep(300);
		sampling = false;
		await sampler;
		const all = [...o.server.log];
		for (const [target, list] of [
			['initial', all.filter((r) => r.start <= firstMapWall)],
			['total', all]
		] as const) {
			const byKind: Partial<Record<FileKind, number>> = {};
			for (const r of list) byKind[fileKind(r.path)] = (byKind[fileKind(r.path)] ?? 0) + r.bytes;
			result.bytes[target] = list.reduce((s, r) => s + r.bytes, 0);
			result.bytes[target === 'initial' ? 'initialByKind' : 'totalByKind'] = byKind;
		}
		result.heapPeakMiB = Math.round(heapPeak * 10) / 10;
		result.pssPeakMiB = Math.round(pssPeak);
		await context.close();
		return result;
	} finally {
		await browser.close();
	}
}

/** Share of map pixels that are not background, and how many distinct colours (a blank map has 1). */
async function mapPixels(page: Page): Promise<{ coloured: number; colours: number }> {
	return page.evaluate(() => {
		const canvas = (window as unknown as { __sozialraumMap: { getCanvas(): HTMLCanvasElement } }).__sozialraumMap.getCanvas();
		const copy = document.createElement('canvas');
		copy.width = canvas.width;
		copy.height = canvas.height;
		const ctx = copy.getContext('2d')!;
		ctx.drawImage(canvas, 0, 0);
		const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
		const colours = new Set<number>();
		let coloured = 0;
		let total = 0;
		for (let i = 0; i < data.length; i += 4 * 7) {
			total++;
			const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
			colours.add((r << 16) | (g << 8) | b);
			// background #f4f6f8 and the outline greys do not count
			if (Math.abs(r - g) > 12 || Math.abs(g - b) > 12) coloured++;
		}
		return { coloured: Math.round((coloured / total) * 1000) / 1000, colours: colours.size };
	});
}

async function recolourSeries(page: Page, o: RunOptions, errors: string[], webgl: boolean): Promise<RunResult['recolour']> {
	const out: RunResult['recolour'] = [];
	const indicators = await page.$$eval('[data-testid=indicator-select] option', (els) => els.map((e) => (e as HTMLOptionElement).value));
	for (let k = 0; k < o.recolourChanges; k++) {
		const kind = k % 2 === 0 ? 'indicator' : 'year';
		const current = (await page.getAttribute('[data-testid=atlas]', 'data-indicator')) ?? '';
		let value: string;
		let expect: string;
		if (kind === 'indicator') {
			const candidates = indicators.filter((id) => id !== current);
			value = candidates[(k * 7 + o.run * 3) % candidates.length];
			expect = `${value}|`;
		} else {
			const years = await page.$$eval('#year option', (els) => els.map((e) => (e as HTMLOptionElement).value));
			const year = (await page.getAttribute('[data-testid=atlas]', 'data-year')) ?? '';
			const others = years.filter((y) => y !== year);
			if (others.length === 0) continue;
			value = others[(k * 5 + o.run) % others.length];
			expect = `${current}|${value}|`;
		}
		try {
			const t = await page.evaluate(webgl ? changeAndWait : changeAndWaitSvg, {
				selector: kind === 'indicator' ? '[data-testid=indicator-select]' : '#year',
				value,
				expect,
				timeoutMs: o.timeoutMs
			});
			out.push({ ...t, kind });
		} catch (e) {
			errors.push(`recolour ${kind} → ${value}: ${(e as Error).message}`);
		}
		// Let the page settle (table, legend) so the next change starts from a quiet state.
		await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
	}
	return out;
}

async function selectSeries(page: Page, o: RunOptions, errors: string[]): Promise<SelectTiming[]> {
	const out: SelectTiming[] = [];
	for (const target of o.clicks) {
		const previous = new URL(page.url()).searchParams.get('sozialraum');
		const point = await page.evaluate((ll) => {
			const map = (window as unknown as { __sozialraumMap: { project(l: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement } }).__sozialraumMap;
			const r = map.getCanvas().getBoundingClientRect();
			const p = map.project(ll);
			(window as unknown as { __bench: BenchMarks }).__bench.mouseDown = undefined;
			return { x: r.left + p.x, y: r.top + p.y };
		}, target.lonLat);
		try {
			const waiting = page.evaluate(waitForTrend, { previous, timeoutMs: o.timeoutMs });
			await page.mouse.click(point.x, point.y);
			out.push(await waiting);
		} catch (e) {
			errors.push(`select ${target.key}: ${(e as Error).message}`);
		}
		await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
	}
	return out;
}
