/**
 * Diagnosis, not a benchmark: where a recolour of the atlas's SVG map (Chromium without WebGL)
 * spends the main thread's time. Records a Chromium trace (devtools.timeline) over N year changes
 * and sums, per change, the renderer's main-thread events by kind: script, style recalculation,
 * layout, pre-paint/paint, and the rest, from the `change` to the second animation frame.
 *
 *   npx tsx tests/bench/svg-trace.ts .bench/site-1000 [--changes 6] [--webgl]
 */
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../e2e/browser';
import { BENCH_ARGS } from './gpu';
import { ESBUILD_NAME_SHIM, VIEWPORT } from './atlas';
import { changeAndWait, changeAndWaitSvg, installProbe, type BenchMarks } from './probe';
import { serveLogged } from './server';

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; cat: string; args?: { data?: { frame?: string } } }

const { values, positionals } = parseArgs({ allowPositionals: true, options: { changes: { type: 'string', default: '6' }, webgl: { type: 'boolean', default: false } } });
const [site] = positionals;
if (!site) throw new Error('usage: svg-trace.ts <site-dir> [--changes N] [--webgl]');

/** Trace event names summed into each kind (Chromium's devtools.timeline names). */
const KINDS: Record<string, string[]> = {
	script: ['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks', 'v8.run'],
	style: ['UpdateLayoutTree', 'RecalculateStyles', 'ScheduleStyleRecalculation'],
	layout: ['Layout'],
	paint: ['PrePaint', 'Paint', 'PaintImage', 'Layerize', 'UpdateLayer', 'Commit', 'UpdateLayerTree']
};

const server = await serveLogged(site);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: values.webgl ? BENCH_ARGS : [...BENCH_ARGS, '--disable-webgl', '--disable-3d-apis'] });
try {
	const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'de-DE' });
	await context.addInitScript(ESBUILD_NAME_SHIM);
	await context.addInitScript(installProbe);
	const page = await context.newPage();
	await page.goto(server.url, { waitUntil: 'commit' });
	await page.waitForFunction(() => (window as unknown as { __bench: BenchMarks }).__bench.firstMap !== undefined, null, { timeout: 300_000, polling: 200 });
	await page.waitForTimeout(1500);
	const years = await page.$$eval('#year option', (els) => els.map((e) => (e as HTMLOptionElement).value));
	const indicator = (await page.getAttribute('[data-testid=atlas]', 'data-indicator')) ?? '';
	const cdp = await context.newCDPSession(page);
	const events: TraceEvent[] = [];
	cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
	const windows: { t0: number; t1: number; applied: number; frame: number }[] = [];
	for (let k = 0; k < Number(values.changes); k++) {
		const year = years[(k + 1) % years.length];
		await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
		const t = await page.evaluate(values.webgl ? changeAndWait : changeAndWaitSvg, { selector: '#year', value: year, expect: `${indicator}|${year}|`, timeoutMs: 120_000 });
		await page.waitForTimeout(300);
		const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
		await cdp.send('Tracing.end');
		await done;
		windows.push({ t0: 0, t1: 0, applied: t.applied, frame: t.frame });
		// attribute this change's events (the trace restarts per change)
		const main = mainThread(events);
		const start = Math.min(...main.filter((e) => e.name === 'EventDispatch' || e.name === 'FunctionCall').map((e) => e.ts));
		const sums: Record<string, number> = { script: 0, style: 0, layout: 0, paint: 0 };
		for (const e of main) {
			if (e.ph !== 'X' || !e.dur) continue;
			if (e.ts > start + t.frame * 1000) continue;
			for (const [kind, names] of Object.entries(KINDS)) if (names.includes(e.name) && !nested(e, main, names)) sums[kind] += e.dur / 1000;
		}
		console.log(`change ${k + 1} (year ${year}): applied ${Math.round(t.applied)} ms, frame ${Math.round(t.frame)} ms | main thread until frame: ` + Object.entries(sums).map(([k2, v]) => `${k2} ${Math.round(v)}`).join(', '));
		events.length = 0;
	}
	await context.close();
} finally {
	await browser.close();
	await server.close();
}

/** The renderer main thread: the thread of the most `Layout`/`FunctionCall` events. */
function mainThread(events: TraceEvent[]): TraceEvent[] {
	const count = new Map<string, number>();
	for (const e of events) if (e.name === 'Layout' || e.name === 'FunctionCall' || e.name === 'UpdateLayoutTree') count.set(`${e.pid}:${e.tid}`, (count.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
	const best = [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
	return events.filter((e) => `${e.pid}:${e.tid}` === best);
}

/** An event inside another event of the same kind is counted once (in its parent). */
function nested(e: TraceEvent, all: TraceEvent[], names: string[]): boolean {
	return all.some((o) => o !== e && o.ph === 'X' && names.includes(o.name) && o.ts <= e.ts && o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0) && (o.dur ?? 0) > (e.dur ?? 0));
}
