/**
 * The benchmark (`npm run bench`): builds the site with the demo and with generated packages of
 * 1,000, 5,000 and 20,000 areas, measures cold loads and interactions in headless Chromium, and
 * writes docs/performance.json plus the generated part of docs/performance.md. Timings are
 * reported, never asserted.
 *
 *   npx tsx tests/bench/run.ts [--runs 5] [--sizes demo,1000,5000,20000] [--budget 20]
 *                              [--formats] [--skip-pages] [--no-build] [--quick] [--extreme]
 *                              [--recolour expression|feature-state] [--atlas-only] [--bands on|off]
 *
 * --budget (minutes): when the run would exceed it, later sizes get fewer cold runs (noted in the
 * output). --quick: one run, demo and 1,000 only, no formats, no page sweep (a smoke test).
 * --extreme: also try the app's load path on the full 20,000 × 100 × 20 package (1.8 GB CSV).
 * --recolour: how the MapLibre map recolours (default: the app's). --atlas-only: only the atlas'
 * cold runs (no SVG map, profile, first-view prototype, page sweep or import), e.g. to compare two
 * recolour variants on the same build. --bands off: the map draws the original geometry at every
 * zoom although the build wrote simplified zoom bands (e.g. --sizes 5000d, bands on against off).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../e2e/browser';
import { BENCH_ARGS, BENCH_GPU, webglRenderer } from './gpu';
import { coldRun, type RunResult } from './atlas';
import { clickTargets } from './targets';
import { DEFAULT_SIZES, FULL, SIZES, SVG_RUNS } from './config';
import { buildFirstViewSite, firstViewRun, type FirstViewRun } from './first-view';
import { runFormats, type FormatCase, type FormatResult } from './formats';
import { describeMachine, loadAverage, type Machine } from './machine';
import { importFixture, importRun, type ImportRun } from './import';
import { builtPages, pageRun, type PageRun } from './pages';
import { buildSite, ensurePackage, gzipSize, type SizeSpec } from './prepare';
import { writeReport } from './report';
import { serveLogged } from './server';
import { percentile, round, summarise, type Summary } from './stats';

const { values } = parseArgs({
	options: {
		runs: { type: 'string', default: '5' },
		sizes: { type: 'string', default: DEFAULT_SIZES.join(',') },
		budget: { type: 'string', default: '20' },
		formats: { type: 'boolean', default: false },
		'skip-pages': { type: 'boolean', default: false },
		'no-build': { type: 'boolean', default: false },
		quick: { type: 'boolean', default: false },
		extreme: { type: 'boolean', default: false },
		json: { type: 'string', default: 'docs/performance.json' },
		md: { type: 'string', default: 'docs/performance.md' },
		timeout: { type: 'string', default: '180' },
		recolour: { type: 'string' },
		'atlas-only': { type: 'boolean', default: false },
		bands: { type: 'string' }
	}
});

const started = Date.now();
const quick = values.quick;
const RUNS = quick ? 1 : Math.max(1, Number(values.runs));
const BUDGET_MS = Number(values.budget) * 60_000;
const TIMEOUT = Number(values.timeout) * 1000;
const sizes = SIZES.filter((s) => (quick ? ['demo', '1000'] : values.sizes!.split(',')).includes(s.id));
const log = (s: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}`);
const notes: string[] = [];
const RECOLOUR = values.recolour as 'expression' | 'feature-state' | undefined;
if (RECOLOUR && RECOLOUR !== 'expression' && RECOLOUR !== 'feature-state') throw new Error(`--recolour ${RECOLOUR}: expected expression or feature-state`);
const ATLAS_ONLY = values['atlas-only'];
const BANDS = values.bands as 'on' | 'off' | undefined;
if (BANDS && BANDS !== 'on' && BANDS !== 'off') throw new Error(`--bands ${BANDS}: expected on or off`);
if (BANDS === 'off') notes.push('The map ignored the simplified zoom bands of the build and drew the original geometry at every zoom (--bands off).');
if (RECOLOUR) notes.push(`The MapLibre map recoloured through ${RECOLOUR === 'expression' ? 'one data-driven expression per layer' : 'one feature-state write per area'} (--recolour ${RECOLOUR}).`);
if (ATLAS_ONLY) notes.push('Only the atlas was measured (--atlas-only).');

export interface SizeResult {
	id: string;
	label: string;
	areas: number;
	indicators: number;
	years: number;
	observations: number;
	package: { dir: string; bytes: number; files: Record<string, number>; generatedSeconds: number; cached: boolean };
	build: { seconds: number; indexHtmlBytes: number; pageDataBytes: number | null; preview: boolean };
	runs: number;
	/** The atlas' interactive map did not appear within this time (ms), or null. */
	timedOutAfterMs: number | null;
	metrics: Record<string, Summary | null>;
	waterfall: Record<string, Summary | null>;
	initialJs: {
		files: { path: string; kind: string; bytes: number; gzip: number; entry: boolean }[];
		entry: { bytes: number; gzip: number };
		withMap: { bytes: number; gzip: number };
	} | null;
	firstViewPrototype: { htmlBytes: number; svgBytes: number; runs: FirstViewRun[]; painted: Summary | null; fcp: Summary | null } | null;
	profileKey: string | null;
	pages: PageRun[];
	raw: { atlas: RunResult[]; profile: PageRun[]; svg: RunResult[] };
	errors: string[];
	loadAverage: number[];
}

export interface ImportSummary {
	csvBytes: number;
	runs: ImportRun[];
	firstAnalysis: Summary | null;
	checked: Summary | null;
	longestTask: Summary | null;
	pssPeakMiB: Summary | null;
}

function dirBytes(dir: string): { total: number; files: Record<string, number> } {
	const d = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
	const paths = new Set<string>(['datapackage.json', ...d.resources.map((r: { path: string }) => r.path), ...d.sozialraum.levels.map((l: { path: string }) => l.path)]);
	const files: Record<string, number> = {};
	for (const p of paths) if (existsSync(join(dir, p))) files[p] = statSync(join(dir, p)).size;
	return { total: Object.values(files).reduce((s, n) => s + n, 0), files };
}

/** Entry JavaScript of the atlas page: what index.html preloads and imports. */
function entryScripts(site: string): Set<string> {
	const html = readFileSync(join(site, 'index.html'), 'utf8');
	const out = new Set<string>();
	for (const m of html.matchAll(/(?:href|import\()\s*=?\s*["']\.?\/?(_app\/immutable\/[^"']+\.js)["']/g)) out.add(m[1]);
	return out;
}

/** How many cold runs this size gets: all of them, unless the time budget says otherwise. */
function runsFor(index: number, perRunMs: number): number {
	const elapsed = Date.now() - started;
	const left = BUDGET_MS - elapsed;
	const sizesLeft = sizes.length - index;
	const affordable = Math.floor(left / sizesLeft / Math.max(perRunMs, 1));
	return Math.max(1, Math.min(RUNS, affordable));
}

/** Lines of a file, streamed (observations.csv of 20,000 × 100 × 20 is larger than a string may be). */
async function countLines(file: string): Promise<number> {
	let n = 0;
	let last = 10;
	for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
		for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) n++;
		last = chunk[chunk.length - 1];
	}
	return last === 10 ? n : n + 1;
}

async function measureSize(spec: SizeSpec, index: number, formatsPackages: Map<string, string>): Promise<SizeResult> {
	const errors: string[] = [];
	let pkgDir: string;
	let generated = { seconds: 0, cached: true };
	if (spec.data) pkgDir = spec.data;
	else {
		const r = await ensurePackage({ areas: spec.areas, indicators: spec.indicators, years: spec.years, ...(spec.detail ? { detail: spec.detail } : {}) }, log);
		pkgDir = r.dir;
		generated = { seconds: round(r.seconds), cached: r.cached };
	}
	formatsPackages.set(spec.id, pkgDir);
	const site = join('.bench', `site-${spec.id}`);
	let buildSeconds = 0;
	if (!values['no-build'] || !existsSync(join(site, 'index.html'))) buildSeconds = round((await buildSite(spec.id, pkgDir, log)).seconds);
	const indexHtml = readFileSync(join(site, 'index.html'), 'utf8');
	const preview = indexHtml.includes('data-testid="map-preview"');
	const dataJson = join(site, '__data.json');
	const pkg = dirBytes(pkgDir);
	const descriptor = JSON.parse(readFileSync(join(pkgDir, 'datapackage.json'), 'utf8'));
	const observations = (await countLines(join(pkgDir, descriptor.resources.find((r: { name: string }) => r.name === 'observations').path))) - 1;

	const server = await serveLogged(site);
	const clicks = clickTargets(pkgDir);
	const atlas: RunResult[] = [];
	const svg: RunResult[] = [];
	const profile: PageRun[] = [];
	const pages: PageRun[] = [];
	let runs = RUNS;
	let timedOut = false;
	let firstViewPrototype: SizeResult['firstViewPrototype'] = null;
	try {
		for (let r = 0; r < runs; r++) {
			const t0 = Date.now();
			log(`${spec.id}: atlas cold run ${r + 1}/${runs}`);
			try {
				atlas.push(await coldRun({ server, recolourChanges: 10, clicks, run: r, timeoutMs: TIMEOUT, pixelCheck: r === 0, recolour: RECOLOUR, bands: BANDS }));
			} catch (e) {
				errors.push(`atlas run ${r + 1}: ${(e as Error).message.split('\n')[0]}`);
				log(`  failed: ${errors[errors.length - 1]}`);
				if (/Timeout/.test((e as Error).message)) timedOut = true;
				// No second try: the rest of this size gets one run each.
				runs = 1;
				notes.push(`${spec.label}: the atlas did not show its interactive map within ${TIMEOUT / 1000} s; one run for the other measurements.`);
				break;
			}
			if (r === 0) {
				// Budget: one run of atlas + profile costs about twice the first atlas run.
				runs = runsFor(index, 2 * (Date.now() - t0));
				if (runs < RUNS) notes.push(`${spec.label}: ${runs} cold runs instead of ${RUNS} (time budget of ${values.budget} min).`);
			}
		}
		// The same recolours on the SVG map (WebGL off): what the app and the browser's CPU
		// renderer cost without SwiftShader in the way.
		if (!timedOut && !ATLAS_ONLY) {
			for (let r = 0; r < SVG_RUNS; r++) {
				log(`${spec.id}: SVG map (WebGL off) cold run ${r + 1}/${SVG_RUNS}`);
				try {
					svg.push(await coldRun({ server, recolourChanges: 10, clicks, run: r, timeoutMs: TIMEOUT, pixelCheck: false, webgl: false }));
				} catch (e) {
					errors.push(`SVG run ${r + 1}: ${(e as Error).message.split('\n')[0]}`);
					break;
				}
			}
		}
		const profileKey = clicks[1]?.key ?? clicks[0]?.key ?? null;
		const hasProfile = existsSync(join(site, 'sozialraum', 'index.html'));
		if (ATLAS_ONLY) {
			/* the atlas alone */
		} else if (hasProfile && profileKey) {
			for (let r = 0; r < runs; r++) {
				log(`${spec.id}: profile cold run ${r + 1}/${runs}`);
				profile.push(await pageRun(server, `sozialraum/?id=${profileKey}`, 'profile', TIMEOUT));
			}
		} else if (index === 0) notes.push('The Sozialraum profile (/sozialraum/) is not part of this build: not measured.');
		if (!preview && !ATLAS_ONLY) {
			log(`${spec.id}: prerendered first view prototype (the build has no preview above 2,000 areas)`);
			try {
				const fv = await buildFirstViewSite(site, pkgDir);
				const fvServer = await serveLogged(fv.dir);
				const list: FirstViewRun[] = [];
				try {
					for (let r = 0; r < Math.max(runs, 3); r++) list.push(await firstViewRun(fvServer, TIMEOUT));
				} finally {
					await fvServer.close();
				}
				firstViewPrototype = { htmlBytes: fv.htmlBytes, svgBytes: fv.svgBytes, runs: list, painted: summarise(list.map((l) => l.painted)), fcp: summarise(list.map((l) => l.fcp)) };
			} catch (e) {
				errors.push(`first view prototype: ${(e as Error).message.split('\n')[0]}`);
			}
		}
		const sweep = !values['skip-pages'] && !quick && !ATLAS_ONLY && (index === 0 || index === sizes.length - 1);
		if (sweep) {
			for (const p of builtPages(site).filter((p) => p !== 'sozialraum')) {
				log(`${spec.id}: page /${p}/ (usable?)`);
				pages.push(await pageRun(server, `${p}/`, 'settled', Math.min(TIMEOUT, 120_000)));
			}
		}
	} finally {
		await server.close();
	}

	// Summaries over runs.
	const ok = atlas;
	const recolourFrame = ok.map((r) => r.recolour.map((c) => c.frame));
	const recolourDrawn = ok.map((r) => r.recolour.map((c) => c.drawn));
	const perRun = (lists: number[][], p: number) => lists.filter((l) => l.length).map((l) => percentile(l, p));
	const series = (list: RunResult[], f: (c: RunResult['recolour'][number]) => number) => list.map((r) => r.recolour.map(f));
	const entry = ok[0] ? entryScripts(site) : new Set<string>();
	const jsFiles = ok[0]
		? ok[0].initialFiles
				.filter((f) => f.kind === 'js' || f.kind === 'map-worker')
				.map((f) => ({ path: f.path, kind: f.kind, bytes: f.bytes, gzip: gzipSize(f.file), entry: entry.has(f.path.replace(/^\//, '').split('?')[0]) }))
		: [];
	const sum = (list: typeof jsFiles) => ({ bytes: list.reduce((s, f) => s + f.bytes, 0), gzip: list.reduce((s, f) => s + f.gzip, 0) });
	const firstPaintedPreview = ok.map((r) => (preview ? r.marks.firstViewFrame : undefined));
	return {
		id: spec.id,
		label: spec.label,
		areas: spec.areas,
		indicators: spec.indicators,
		years: spec.years,
		observations,
		package: { dir: pkgDir, bytes: pkg.total, files: pkg.files, generatedSeconds: generated.seconds, cached: generated.cached },
		build: { seconds: buildSeconds, indexHtmlBytes: Buffer.byteLength(indexHtml), pageDataBytes: existsSync(dataJson) ? statSync(dataJson).size : null, preview },
		runs: ok.length,
		timedOutAfterMs: timedOut ? TIMEOUT : null,
		metrics: {
			firstContentfulPaint: summarise(ok.map((r) => r.marks.fcp)),
			firstColouredPreview: summarise(firstPaintedPreview),
			engineReady: summarise(ok.map((r) => r.marks.atlas)),
			interactiveMap: summarise(ok.map((r) => r.marks.firstMap)),
			recolourP50: summarise(perRun(recolourFrame, 50)),
			recolourP95: summarise(perRun(recolourFrame, 95)),
			recolourDrawnP50: summarise(perRun(recolourDrawn, 50)),
			recolourDrawnP95: summarise(perRun(recolourDrawn, 95)),
			// The split of a recolour: the app's main-thread work (input → paint properties set,
			// minus the wait for data), the wait for data (engine round trip or file), the renderer
			// (paint set → frame on screen: MapLibre's paint-array update and SwiftShader's draw).
			recolourAppP50: summarise(perRun(series(ok, (c) => c.applied - c.data), 50)),
			recolourAppP95: summarise(perRun(series(ok, (c) => c.applied - c.data), 95)),
			recolourDataP95: summarise(perRun(series(ok, (c) => c.data), 95)),
			recolourRendererP95: summarise(perRun(series(ok, (c) => c.frame - c.applied), 95)),
			svgRecolourAppP95: summarise(perRun(series(svg, (c) => c.applied - c.data), 95)),
			svgRecolourP50: summarise(perRun(series(svg, (c) => c.frame), 50)),
			svgRecolourP95: summarise(perRun(series(svg, (c) => c.frame), 95)),
			// input → the end of the rendering of the frame with the new colours (probe.ts: painted),
			// without the app's after-paint work that the next frame waits for
			recolourPaintedP50: summarise(perRun(series(ok, (c) => c.painted), 50)),
			recolourPaintedP95: summarise(perRun(series(ok, (c) => c.painted), 95)),
			svgRecolourPaintedP50: summarise(perRun(series(svg, (c) => c.painted), 50)),
			svgRecolourPaintedP95: summarise(perRun(series(svg, (c) => c.painted), 95)),
			svgFirstMap: summarise(svg.map((r) => r.marks.firstMap)),
			recolourIndicatorP50: summarise(ok.map((r) => percentile(r.recolour.filter((c) => c.kind === 'indicator').map((c) => c.frame), 50))),
			recolourYearP50: summarise(ok.map((r) => percentile(r.recolour.filter((c) => c.kind === 'year').map((c) => c.frame), 50))),
			selectTrend: summarise(ok.map((r) => percentile(r.select.map((s) => s.frame), 50))),
			profileReady: summarise(profile.map((p) => p.usable)),
			profilePssPeakMiB: summarise(profile.filter((p) => !p.error).map((p) => p.pssPeakMiB)),
			heapPeakMiB: summarise(ok.map((r) => r.heapPeakMiB)),
			pssPeakMiB: summarise(ok.map((r) => r.pssPeakMiB)),
			bytesInitial: summarise(ok.map((r) => r.bytes.initial)),
			bytesTotal: summarise(ok.map((r) => r.bytes.total)),
			drawnVertices: summarise(ok.flatMap((r) => (r.drawn ? [r.drawn.vertices] : []))),
			drawnZoom: summarise(ok.flatMap((r) => (r.drawn ? [r.drawn.zoom] : [])))
		},
		waterfall: Object.fromEntries(
			(['htmlEnd', 'engineWasmEnd', 'firstDataStart', 'lastDataEnd', 'lazyJsStart', 'mapWorkerStart'] as const).map((k) => [k, summarise(ok.map((r) => r.waterfall[k]))])
		),
		initialJs: ok[0] ? { files: jsFiles, entry: sum(jsFiles.filter((f) => f.entry)), withMap: sum(jsFiles) } : null,
		firstViewPrototype,
		profileKey: existsSync(join(site, 'sozialraum', 'index.html')) ? (clicks[1]?.key ?? null) : null,
		pages,
		raw: { atlas: ok, profile, svg },
		errors: [...errors, ...ok.flatMap((r) => r.errors.map((e) => `atlas: ${e}`)), ...profile.filter((p) => p.error).map((p) => `profile: ${p.error}`)],
		loadAverage: loadAverage()
	};
}

// ---------------------------------------------------------------------------------------------

const probeBrowser = await chromium.launch({ executablePath: chromiumPath(), args: BENCH_ARGS });
const probePage = await probeBrowser.newPage();
const machine: Machine = describeMachine(probeBrowser.version(), await webglRenderer(probePage));
await probeBrowser.close();
log(`WebGL: ${machine.renderer}${BENCH_GPU ? ' (SOZIALRAUM_BENCH_GPU=1)' : ''}`);
log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, Chromium ${machine.chromium}, load ${machine.loadAverageStart.join(' ')}`);
if (machine.loadAverageStart[0] > machine.cores) notes.push(`The machine was busy when the run started (load average ${machine.loadAverageStart[0]} on ${machine.cores} cores): figures are slower than on an idle machine.`);

const results: SizeResult[] = [];
const formatsPackages = new Map<string, string>();
for (const [i, spec] of sizes.entries()) {
	log(`── ${spec.label}: ${spec.areas} areas × ${spec.indicators} indicators × ${spec.years} years`);
	results.push(await measureSize(spec, i, formatsPackages));
}

let importCsv: ImportSummary | null = null;
const demoSite = join('.bench', 'site-demo');
if (ATLAS_ONLY) {
	/* no import run */
} else if (!quick && existsSync(join(demoSite, 'import', 'index.html'))) {
	const files = await importFixture();
	if (files) {
		const server = await serveLogged(demoSite);
		const runs: ImportRun[] = [];
		try {
			const n = Math.max(1, Math.min(RUNS, Math.floor((BUDGET_MS - (Date.now() - started)) / 4 / 60_000)));
			if (n < RUNS) notes.push(`50 MB CSV import: ${n} runs instead of ${RUNS} (time budget).`);
			for (let r = 0; r < n; r++) {
				log(`import of a ${Math.round(statSync(files[1]).size / 2 ** 20)} MB CSV: run ${r + 1}/${n}`);
				runs.push(await importRun(server, files, TIMEOUT * 2));
				if (runs[r].error) {
					log(`  failed: ${runs[r].error}`);
					break;
				}
			}
		} finally {
			await server.close();
		}
		const ok = runs.filter((r) => !r.error);
		importCsv = {
			csvBytes: runs[0]?.csvBytes ?? 0,
			runs,
			firstAnalysis: summarise(ok.map((r) => r.firstAnalysisMs)),
			checked: summarise(ok.map((r) => r.checkedMs)),
			longestTask: summarise(ok.map((r) => r.longestTaskMs)),
			pssPeakMiB: summarise(ok.map((r) => r.pssPeakMiB))
		};
	} else notes.push('The import fixture (tests/fixtures/import/huge.ts) is missing: the 50 MB CSV import is not measured.');
} else if (!quick) notes.push('There is no /import page in this build: the 50 MB CSV import is not measured.');

let formats: Record<string, FormatResult> | null = null;
if (values.formats && !quick) {
	log(`── formats: per-indicator files at ${FULL.areas} × ${FULL.indicators} × ${FULL.years}`);
	const parts = await ensurePackage({ ...FULL, parts: ['csv', 'arrow'], partsLimit: 4, observations: false }, log);
	const cases: FormatCase[] = [];
	const largest = formatsPackages.get('20000');
	if (largest) cases.push({ id: 'app', mode: 'app', pkg: largest, label: `today: MonitorEngine.load, whole package (${FULL.areas} areas × ${SIZES.find((s) => s.id === '20000')!.indicators} indicators × 20 years)` });
	if (values.extreme) {
		const full = await ensurePackage({ ...FULL }, log);
		cases.push({ id: 'app-full', mode: 'app', pkg: full.dir, label: `today, full size: ${FULL.areas} × ${FULL.indicators} × ${FULL.years} (1.8 GB observations.csv)` });
	}
	cases.push({ id: 'csv-part', mode: 'csv-part', pkg: parts.dir, label: `one CSV per indicator, ${FULL.areas} × ${FULL.indicators} × ${FULL.years}` });
	cases.push({ id: 'arrow-part', mode: 'arrow-part', pkg: parts.dir, label: `one Arrow IPC stream per indicator, ${FULL.areas} × ${FULL.indicators} × ${FULL.years}` });
	const left = BUDGET_MS - (Date.now() - started);
	const formatRuns = left > 6 * 60_000 ? Math.min(RUNS, 5) : left > 3 * 60_000 ? 3 : 1;
	if (formatRuns < RUNS) notes.push(`Format comparison: ${formatRuns} cold runs per format (time budget).`);
	formats = await runFormats(cases, formatRuns, TIMEOUT * 2, log);
}

machine.loadAverageEnd = loadAverage();
const minutes = round((Date.now() - started) / 60_000);
await writeReport({ machine, notes, minutes, runsRequested: RUNS, sizes: results, importCsv, formats }, { json: values.json!, md: values.md! });
log(`done in ${minutes} min → ${values.json}, ${values.md}`);
