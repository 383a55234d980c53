/**
 * Prototype of a prerendered first view, to measure what it would gain: the default indicator's map
 * for the latest year computed at build time (same classes and colours as the app: quantiles, 5
 * classes, suppression applied) and written as an inline SVG into a copy of the built index.html.
 * The browser paints it with the HTML, without waiting for the 33 MB engine or MapLibre.
 *
 * Geometry is snapped to whole pixels of the 656 × 640 map box and consecutive duplicate points are
 * dropped: at 20,000 areas that is the "simplified geometry" a first view needs (cells are 3–4 px).
 */
import { createReadStream, existsSync, readdirSync, symlinkSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { geoIdentity } from 'd3';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { chromium } from 'playwright-core';
import { classify, classOf } from '../../src/lib/stats/classify';
import { classColors, NO_DATA_COLOR, SUPPRESSED_BACKGROUND, SUPPRESSED_STRIPE } from '../../src/lib/map/colors';
import type { Indicator, PackageDescriptor } from '../../src/lib/data/types';
import { csvParse } from 'd3';
import { chromiumPath } from '../e2e/browser';
import { BENCH_ARGS } from './gpu';
import { ESBUILD_NAME_SHIM, VIEWPORT } from './atlas';
import { installProbe, type BenchMarks } from './probe';
import type { LoggingServer } from './server';

/** Where the map sits in the atlas layout at 1440 × 1000 (measured from the built page). */
const BOX = { left: 312, top: 152, width: 656, height: 640 };

interface Cell {
	value: number | null;
	suppressed: boolean;
}

async function defaultValues(pkgDir: string, descriptor: PackageDescriptor): Promise<{ year: number; cells: Map<string, Cell> }> {
	const def = descriptor.sozialraum.default_indicator;
	const { minNumerator, minDenominator } = descriptor.sozialraum.disclosure;
	const rows: { key: string; year: number; value: number | null; num: number | null; den: number | null; flag: string }[] = [];
	const lines = createInterface({ input: createReadStream(join(pkgDir, 'observations.csv')), crlfDelay: Infinity });
	let header: string[] | null = null;
	const needle = `,${def},`;
	for await (const line of lines) {
		if (!header) {
			header = line.split(',');
			continue;
		}
		if (!line.includes(needle)) continue;
		const f = line.split(',');
		const get = (name: string) => f[header!.indexOf(name)];
		const num = (s: string) => (s === '' ? null : Number(s));
		if (get('indicator_id') !== def) continue;
		rows.push({ key: get('area_key'), year: Number(get('year')), value: num(get('value')), num: num(get('numerator')), den: num(get('denominator')), flag: get('flag') });
	}
	const year = rows.reduce((m, r) => (r.value !== null && r.year > m ? r.year : m), -Infinity);
	const cells = new Map<string, Cell>();
	for (const r of rows) {
		if (r.year !== year) continue;
		// The engine's primary suppression (src/lib/data/queries.ts).
		const suppressed = r.flag === 'suppressed' || (r.num !== null && r.num > 0 && r.num < minNumerator) || (r.den !== null && r.den < minDenominator);
		cells.set(r.key, { value: suppressed ? null : r.value, suppressed });
	}
	return { year, cells };
}

/** Inline SVG of the default map, geometry snapped to whole pixels. */
export async function firstViewSvg(pkgDir: string): Promise<{ svg: string; areas: number }> {
	const descriptor = JSON.parse(await readFile(join(pkgDir, 'datapackage.json'), 'utf8')) as PackageDescriptor;
	const base = descriptor.sozialraum.levels[0];
	const fc = JSON.parse(await readFile(join(pkgDir, base.path), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { key: string }>;
	const indicators = csvParse(await readFile(join(pkgDir, 'indicators.csv'), 'utf8')) as unknown as Indicator[];
	const indicator = indicators.find((i) => i.id === descriptor.sozialraum.default_indicator)!;
	const { cells } = await defaultValues(pkgDir, descriptor);
	const values = [...cells.values()].filter((c) => c.value !== null).map((c) => c.value as number);
	const classification = classify(values, { method: 'quantile', k: 5 });
	const colors = classColors(indicator.polarity, classification.breaks.length);
	const projection = geoIdentity().reflectY(true).fitExtent([[4, 4], [BOX.width - 4, BOX.height - 4]], fc);
	const stroke = fc.features.length <= 2000;
	const paths: string[] = [];
	for (const f of fc.features as Feature<Polygon | MultiPolygon, { key: string }>[]) {
		const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
		let d = '';
		for (const poly of polygons) {
			for (const ring of poly) {
				let last = '';
				let ringD = '';
				let n = 0;
				for (const pos of ring) {
					const p = projection(pos as [number, number])!;
					const xy = `${Math.round(p[0])} ${Math.round(p[1])}`;
					if (xy === last) continue;
					ringD += (n === 0 ? 'M' : 'L') + xy;
					last = xy;
					n++;
				}
				if (n >= 3) d += ringD + 'Z';
			}
		}
		if (!d) continue;
		const c = cells.get(f.properties.key);
		const fill = !c ? NO_DATA_COLOR : c.suppressed ? 'url(#fv-hatch)' : c.value === null ? NO_DATA_COLOR : colors[classOf(c.value, classification) ?? 0];
		paths.push(`<path fill="${fill}" d="${d}"/>`);
	}
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${BOX.width} ${BOX.height}" width="${BOX.width}" height="${BOX.height}" role="img" aria-label="Karte (Vorschau)">` +
		`<defs><pattern id="fv-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="${SUPPRESSED_BACKGROUND}"/><rect width="2.5" height="8" fill="${SUPPRESSED_STRIPE}"/></pattern></defs>` +
		`<g${stroke ? ' stroke="#4a4a4a" stroke-width="0.6"' : ''}>${paths.join('')}</g></svg>`;
	return { svg, areas: paths.length };
}

/** A copy of the built site (symlinks) whose index.html carries the prerendered first view. */
export async function buildFirstViewSite(siteDir: string, pkgDir: string): Promise<{ dir: string; htmlBytes: number; svgBytes: number }> {
	const dir = `${siteDir}-firstview`;
	await rm(dir, { recursive: true, force: true });
	await mkdir(dir, { recursive: true });
	for (const entry of readdirSync(siteDir)) if (entry !== 'index.html') symlinkSync(resolve(siteDir, entry), join(dir, entry));
	const { svg } = await firstViewSvg(pkgDir);
	const html = await readFile(join(siteDir, 'index.html'), 'utf8');
	const block = `<div data-bench-first-view style="position:absolute;left:${BOX.left}px;top:${BOX.top}px;width:${BOX.width}px;height:${BOX.height}px;pointer-events:none;background:#f4f6f8">${svg}</div>`;
	if (!html.includes('</body>')) throw new Error('index.html without </body>');
	const out = html.replace('</body>', `${block}\n</body>`);
	await writeFile(join(dir, 'index.html'), out);
	return { dir, htmlBytes: Buffer.byteLength(out), svgBytes: Buffer.byteLength(svg) };
}

export interface FirstViewRun {
	fcp?: number;
	/** Navigation start → the SVG is in the DOM / the frame after it was painted. */
	inDom?: number;
	painted?: number;
	htmlEnd?: number;
}

export async function firstViewRun(server: LoggingServer, timeoutMs: number): Promise<FirstViewRun> {
	if (!existsSync(join(server.root, 'index.html'))) throw new Error('no index.html');
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: BENCH_ARGS });
	try {
		const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'de-DE' });
		await context.addInitScript(ESBUILD_NAME_SHIM);
		await context.addInitScript(installProbe);
		const page = await context.newPage();
		server.log.length = 0;
		await page.goto(server.url, { waitUntil: 'commit', timeout: timeoutMs });
		await page.waitForFunction(() => (window as unknown as { __bench: BenchMarks }).__bench.firstViewFrame !== undefined, null, { timeout: timeoutMs, polling: 50 });
		const r = await page.evaluate(() => ({
			marks: (window as unknown as { __bench: BenchMarks }).__bench,
			timeOrigin: performance.timeOrigin,
			fcp: performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime
		}));
		const html = server.log.find((l) => l.path === '/' || l.path.endsWith('.html'));
		await context.close();
		return { fcp: r.fcp, inDom: r.marks.firstView, painted: r.marks.firstViewFrame, htmlEnd: html ? Math.round(html.end - r.timeOrigin) : undefined };
	} finally {
		await browser.close();
	}
}
