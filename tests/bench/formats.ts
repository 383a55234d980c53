/**
 * Format comparison for the observations, in the browser engine (page: tests/bench/formats): the
 * app's load today (every table, the whole observations.csv, disclosure control over every cell)
 * versus one file per indicator (CSV or Arrow IPC) fetched when the indicator is first shown.
 * Every run is cold (fresh browser, empty cache) and measures: engine start; what must be loaded
 * before the first indicator (`prepare`); the first view (default indicator: fetch, ingest,
 * disclosure control, map query); switching to three other indicators.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../e2e/browser';
import { BENCH_ARGS } from './gpu';
import { ESBUILD_NAME_SHIM } from './atlas';
import { chromiumPssMiB } from './machine';
import { BENCH_DIR, gzipSize } from './prepare';
import { serveLogged } from './server';
import type { FormatsApi, Mode } from './formats/main';

export interface FormatCase {
	id: string;
	mode: Mode;
	/** Package folder (observations.csv and/or parts/). */
	pkg: string;
	label: string;
}

export interface Step {
	fetchMs: number;
	ingestMs: number;
	suppressionMs: number;
	queryMs: number;
	/** Wall time of the whole step, seen from Node. */
	totalMs: number;
	bytes: number;
}

export interface FormatRun {
	engineMs: number;
	prepareMs: number;
	first: Step;
	/** Navigation → map query result of the default indicator (engine start included). */
	firstViewMs: number;
	switches: Step[];
	memoryMiB: number | null;
	pssPeakMiB: number;
	error?: string;
}

export interface FormatResult {
	case: FormatCase;
	runs: FormatRun[];
	info: CaseInfo;
	/** Bytes of what the first view fetches beyond the engine, raw and gzip. */
	firstBytes: number;
	firstBytesGzip: number | null;
}

export async function buildFormatsPage(log: (s: string) => void): Promise<string> {
	log('building the format benchmark page (tests/bench/formats) …');
	await new Promise<void>((res, rej) => {
		const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'tests/bench/formats/vite.config.ts'], { stdio: 'inherit' });
		child.on('exit', (code) => (code === 0 ? res() : rej(new Error(`formats page build failed (${code})`))));
	});
	return join(BENCH_DIR, 'formats-site');
}

/** A folder that serves the page plus the package folders (symlinked) under /p/<n>/. */
async function servingRoot(site: string, pkgs: string[]): Promise<string> {
	const root = join(BENCH_DIR, 'formats-root');
	await rm(root, { recursive: true, force: true });
	await mkdir(join(root, 'p'), { recursive: true });
	for (const entry of readdirSync(site)) symlinkSync(resolve(site, entry), join(root, entry));
	pkgs.forEach((p, i) => symlinkSync(resolve(p), join(root, 'p', String(i))));
	return root;
}

export interface CaseInfo {
	defaultIndicator: string;
	year: number;
	others: string[];
}

export async function caseInfo(pkg: string, mode: Mode): Promise<CaseInfo> {
	const descriptor = JSON.parse(await readFile(join(pkg, 'datapackage.json'), 'utf8'));
	const def = descriptor.sozialraum.default_indicator as string;
	let ids: string[];
	if (mode === 'app') {
		ids = (await readFile(join(pkg, 'indicators.csv'), 'utf8')).split('\n').slice(1).map((l) => l.split(',')[0]).filter(Boolean);
	} else {
		const ext = mode === 'csv-part' ? '.csv' : '.arrow';
		ids = readdirSync(join(pkg, 'parts', mode === 'csv-part' ? 'csv' : 'arrow')).filter((f) => f.endsWith(ext)).map((f) => f.slice(0, -ext.length));
	}
	const others = ids.filter((i) => i !== def).sort().slice(0, 3);
	const years = /(\d{4})–(\d{4})/.exec(descriptor.description ?? '');
	return { defaultIndicator: def, year: years ? Number(years[2]) : 2025, others };
}

const partPath = (mode: Mode, id: string) => (mode === 'csv-part' ? `parts/csv/${id}.csv` : `parts/arrow/${id}.arrow`);

/** Files the first view fetches (besides the engine). */
function firstFiles(pkg: string, mode: Mode, info: CaseInfo): string[] {
	const d = JSON.parse(readFileSync(join(pkg, 'datapackage.json'), 'utf8'));
	if (mode === 'app') {
		return [...new Set<string>([...d.resources.map((r: { path: string }) => r.path), ...d.sozialraum.levels.map((l: { path: string }) => l.path)])].map((p) => join(pkg, p));
	}
	return [...d.sozialraum.levels.map((l: { path: string }) => join(pkg, l.path)), join(pkg, 'indicators.csv'), join(pkg, partPath(mode, info.defaultIndicator))];
}

export async function runFormats(cases: FormatCase[], runs: number, timeoutMs: number, log: (s: string) => void): Promise<Record<string, FormatResult>> {
	const site = await buildFormatsPage(log);
	const pkgs = [...new Set(cases.map((c) => c.pkg))];
	const root = await servingRoot(site, pkgs);
	const server = await serveLogged(root);
	const out: Record<string, FormatResult> = {};
	try {
		for (const c of cases) {
			const info = await caseInfo(c.pkg, c.mode);
			const base = `p/${pkgs.indexOf(c.pkg)}/`;
			const list: FormatRun[] = [];
			for (let r = 0; r < runs; r++) {
				log(`  formats ${c.id}: run ${r + 1}/${runs}`);
				list.push(await oneRun(server.url, base, c.mode, info, timeoutMs));
				if (list[list.length - 1].error) log(`    error: ${list[list.length - 1].error}`);
			}
			const files = firstFiles(c.pkg, c.mode, info);
			const firstBytes = files.reduce((s, f) => s + statSync(f).size, 0);
			// gzip of hundreds of MB takes long: only below 400 MB.
			const firstBytesGzip = firstBytes < 400e6 ? files.reduce((s, f) => s + gzipSize(f), 0) : null;
			out[c.id] = { case: c, runs: list, info, firstBytes, firstBytesGzip };
		}
	} finally {
		await server.close();
	}
	return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function oneRun(url: string, base: string, mode: Mode, info: CaseInfo, timeoutMs: number): Promise<FormatRun> {
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: BENCH_ARGS });
	const nan: Step = { fetchMs: NaN, ingestMs: NaN, suppressionMs: NaN, queryMs: NaN, totalMs: NaN, bytes: 0 };
	const run: FormatRun = { engineMs: NaN, prepareMs: NaN, first: nan, firstViewMs: NaN, switches: [], memoryMiB: null, pssPeakMiB: 0 };
	let sampling = true;
	const sampler = (async () => {
		while (sampling) {
			run.pssPeakMiB = Math.max(run.pssPeakMiB, Math.round(chromiumPssMiB()));
			await sleep(250);
		}
	})();
	try {
		const context = await browser.newContext();
		await context.addInitScript(ESBUILD_NAME_SHIM);
		const page = await context.newPage();
		page.setDefaultTimeout(timeoutMs);
		const t0 = Date.now();
		await page.goto(url);
		await page.waitForSelector('body[data-ready="1"]');
		type W = { __formats: FormatsApi };
		run.engineMs = (await page.evaluate((b) => (window as unknown as W).__formats.start(b), base)).ms;
		run.prepareMs = (await page.evaluate((m) => (window as unknown as W).__formats.prepare(m), mode)).ms;
		const step = async (id: string, load: boolean): Promise<Step> => {
			const t = Date.now();
			const l = load
				? await page.evaluate((a) => (window as unknown as W).__formats.load(a.mode, a.path, a.id), { mode, path: partPath(mode, id), id })
				: { fetchMs: 0, ingestMs: 0, suppressionMs: 0, bytes: 0 };
			const q = await page.evaluate((a) => (window as unknown as W).__formats.query(a.id, a.year), { id, year: info.year });
			if (q.withValue === 0) throw new Error(`no values for ${id} ${info.year}`);
			return { ...l, queryMs: q.ms, totalMs: Date.now() - t };
		};
		run.first = await step(info.defaultIndicator, mode !== 'app');
		run.firstViewMs = Date.now() - t0;
		for (const id of info.others) run.switches.push(await step(id, mode !== 'app'));
		run.memoryMiB = await page.evaluate(() => (window as unknown as W).__formats.memory());
		await context.close();
	} catch (e) {
		run.error = (e as Error).message.split('\n')[0];
	} finally {
		sampling = false;
		await sampler;
		await browser.close();
	}
	return run;
}
