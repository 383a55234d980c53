/**
 * Diagnosis, not a benchmark: where does the page's main thread spend its time? Opens a built
 * site and records a V8 CPU profile from navigation to the first coloured interactive map (or, with
 * --recolour N, of N indicator/year changes after it), then prints self time by function and by
 * script, plus long main-thread stretches. Build the site with `--minify false` for readable names.
 *
 *   npx tsx tests/bench/cpu-profile.ts .bench/site-1000 [path-and-query] [--recolour 6] [--via feature-state] [--out file.cpuprofile]
 *
 * --via: how the map recolours (src/lib/map/maplibre-choropleth.ts; default: the app's).
 * --svg: Chromium without WebGL, so the atlas draws its SVG map (the bench's CPU-only figure).
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../e2e/browser';
import { BENCH_ARGS } from './gpu';
import { ESBUILD_NAME_SHIM, VIEWPORT } from './atlas';
import { changeAndWait, changeAndWaitSvg, installProbe, type BenchMarks } from './probe';
import { serveLogged } from './server';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
	startTime: number;
	endTime: number;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, timeout: { type: 'string', default: '600000' }, recolour: { type: 'string', default: '0' }, via: { type: 'string' }, svg: { type: 'boolean', default: false } } });
const [site, path = ''] = positionals;
if (!site) throw new Error('usage: cpu-profile.ts <site-dir> [path] [--out file]');

const server = await serveLogged(site);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: values.svg ? [...BENCH_ARGS, '--disable-webgl', '--disable-3d-apis'] : BENCH_ARGS });
try {
	const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'de-DE' });
	await context.addInitScript(ESBUILD_NAME_SHIM);
	await context.addInitScript(installProbe);
	if (values.via) await context.addInitScript({ content: `globalThis.__benchRecolour = ${JSON.stringify(values.via)};` });
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
	const recolour = Number(values.recolour);
	if (!recolour) await cdp.send('Profiler.start');
	await page.goto(server.url + path, { waitUntil: 'commit' });
	await page.waitForFunction(() => (window as unknown as { __bench: BenchMarks }).__bench.firstMap !== undefined, null, { timeout: Number(values.timeout), polling: 200 });
	const marks = await page.evaluate(() => (window as unknown as { __bench: BenchMarks }).__bench);
	const timings: string[] = [];
	if (recolour) {
		const ids = await page.$$eval('[data-testid=indicator-select] option', (els) => els.map((e) => (e as HTMLOptionElement).value));
		await cdp.send('Profiler.start');
		for (let k = 0; k < recolour; k++) {
			const current = (await page.getAttribute('[data-testid=atlas]', 'data-indicator')) ?? '';
			const value = ids.filter((i) => i !== current)[(k * 7) % (ids.length - 1)];
			const t = await page.evaluate(values.svg ? changeAndWaitSvg : changeAndWait, { selector: '[data-testid=indicator-select]', value, expect: `${value}|`, timeoutMs: 120_000 });
			timings.push(`${Math.round(t.applied)} / ${Math.round(t.drawn)} / ${Math.round(t.frame)}`);
		}
	}
	const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
	if (values.out) await writeFile(values.out, JSON.stringify(profile));
	if (timings.length) console.log(`recolour applied / drawn / frame (ms): ${timings.join(', ')}`);

	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const selfByFn = new Map<string, number>();
	const selfByScript = new Map<string, number>();
	let t = profile.startTime;
	let busyStart: number | null = null;
	let lastBusy = profile.startTime;
	const gaps: [number, number][] = [];
	profile.samples.forEach((id, i) => {
		const dt = profile.timeDeltas[i] / 1000;
		t += profile.timeDeltas[i];
		const n = byId.get(id)!;
		const idle = n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)';
		const script = n.callFrame.url.split('/').pop() || n.callFrame.functionName;
		const key = `${n.callFrame.functionName || '(anonymous)'}  ${script}:${n.callFrame.lineNumber + 1}`;
		if (!idle) {
			selfByFn.set(key, (selfByFn.get(key) ?? 0) + dt);
			selfByScript.set(script, (selfByScript.get(script) ?? 0) + dt);
			if (busyStart === null) busyStart = t;
			lastBusy = t;
		} else if (busyStart !== null && t - lastBusy > 50_000) {
			if (lastBusy - busyStart > 200_000) gaps.push([busyStart, lastBusy]);
			busyStart = null;
		}
	});
	const rel = (us: number) => Math.round((us - profile.startTime) / 1000);
	console.log('marks (ms since navigation):', JSON.stringify(marks));
	const busy = [...selfByScript.values()].reduce((a, b) => a + b, 0);
	console.log(`main thread in JavaScript and GC (without "(program)" and "(idle)") over ${Math.round((profile.endTime - profile.startTime) / 1000)} ms: ${Math.round(busy)} ms`);
	console.log('\nself time by script (ms):');
	for (const [k, v] of [...selfByScript].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${v.toFixed(0).padStart(8)}  ${k}`);
	console.log('\nself time by function (ms):');
	for (const [k, v] of [...selfByFn].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${v.toFixed(0).padStart(8)}  ${k}`);
	console.log('\nbusy stretches of the main thread > 200 ms (ms since profile start):');
	for (const [a, b] of gaps) console.log(`  ${rel(a)} – ${rel(b)}  (${Math.round((b - a) / 1000)} ms)`);
	await context.close();
} finally {
	await browser.close();
	await server.close();
}
