/**
 * The indicator page and the Steckbrief's CSV across levels and boundary versions, on Musterkreis
 * (Ortsteil → Gemeinde → Kreis; Oberau and Niederau merge into Auetal in 2021, three Ortsteile of
 * Auetal are cut from the old ones) in a real Chromium against the built site. Expected values
 * come from the same engine run in Node on the package files (DuckDB-wasm, as in the browser): the
 * page must show what the engine aggregates from the Ortsteile, with its disclosure control.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dsvFormat } from 'd3';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './browser';
import { colourDistance, dominant, pixelsAt, waitForMapIdle } from './map-pixels';
import { interiorPoint } from './expected';
import { createNodeConnector } from '../../src/lib/data/connector-node';
import { MonitorEngine, type AreaValue } from '../../src/lib/data/engine';
import { packageSourceFromDir } from '../../src/lib/data/source-node';
import type { AreaProperties } from '../../src/lib/data/types';
import { classify, classOf } from '../../src/lib/stats/classify';
import { classColors, hexToRgb } from '../../src/lib/map/colors';
import { formatValue } from '../../src/lib/stats/format';
import { translate } from '../../src/lib/i18n/translate';

const KREIS = 'data/musterkreis';
const ID = 'sgb2_u15';
const gemeinden2021 = JSON.parse(readFileSync(join(KREIS, 'areas-gemeinde-2021.geojson'), 'utf8')) as FeatureCollection<Geometry, AreaProperties>;
const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('de', k, p);
const percent = (share: number) => new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 0 }).format(share);

let session: Session;
let engine: MonitorEngine;
let page: Page;
let latest: number;
beforeAll(async () => {
	[session, engine] = await Promise.all([startSession(), packageSourceFromDir(KREIS).then(async (src) => MonitorEngine.load(await createNodeConnector(), src))]);
	latest = Math.max(...(await engine.years(ID)));
	page = await session.newPage({ firstVisit: true });
}, 120_000);
afterAll(async () => {
	await session?.close();
});

const url = (search: string) => `${session.baseUrl}indikator/?paket=musterkreis&id=${ID}${search}`;
async function ready(p: Page, level: string) {
	await p.waitForSelector(`[data-testid=indicator-page][data-level=${level}][data-ready=true]`, { timeout: 60_000 });
}
/** The map has drawn this indicator, year and level (the finest level has no suffix). */
async function mapShows(p: Page, year: number, level: string | null) {
	await p.waitForSelector(`[data-testid=indicator-page] [data-applied="${ID}|${year}${level ? `|${level}` : ''}"]`, { timeout: 30_000 });
	await waitForMapIdle(p);
}
const tableKeys = (p: Page) => p.$$eval('[data-testid=indicator-table] tbody tr', (rows) => rows.map((r) => r.getAttribute('data-key') ?? ''));
const fmt = (v: number | null) => formatValue(v, '%', 1, 'de-DE');
/** An exported figure's lines as a reader joins them (wrapping breaks only at ordinary spaces). */
const svgText = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')).join(' ');

describe('the indicator page on the Gemeinde level', () => {
	let gemeinden: AreaValue[];

	it('shows the Gemeinden in the table with the values the engine pools from the Ortsteile', async () => {
		gemeinden = await engine.valuesFor(ID, latest, 'gemeinde');
		expect(gemeinden.length).toBe(gemeinden2021.features.length);
		await page.goto(url('&ebene=gemeinde'));
		await ready(page, 'gemeinde');
		expect((await tableKeys(page)).sort()).toEqual(gemeinden.map((g) => g.area_key).sort());
		const shown = await page.$$eval('[data-testid=indicator-table] tbody tr', (rows) =>
			rows.map((r) => [r.getAttribute('data-key') ?? '', r.querySelector('[data-col=value]')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''] as const)
		);
		for (const [key, text] of shown) {
			const g = gemeinden.find((x) => x.area_key === key)!;
			if (g.flag === 'suppressed') expect(text, g.name).toContain('•');
			else expect(text.replace(/\u00a0/g, ' '), g.name).toBe(fmt(g.value).replace(/\u00a0/g, ' '));
		}
		expect(await page.innerText('[data-testid=indicator-table]')).toContain('Auetal');
		// the level words follow the level shown: ranking and trends of the Gemeinden, their Kreis beside them
		const text = await page.innerText('main');
		expect(text).toContain(`Rangfolge der Gemeinden ${latest}`);
		expect(text).toContain('Entwicklung aller Gemeinden');
		expect(await page.textContent('[data-testid=indicator-table] thead [data-sort=district]')).toContain('Kreis');
	});

	it('colours every Gemeinde on the map by its legend class (real pixels)', async () => {
		await mapShows(page, latest, 'gemeinde');
		const values = gemeinden.map((g) => g.value);
		const cls = classify(values, { method: 'quantile', k: 5 });
		const colors = classColors('higher_is_worse', cls.breaks.length);
		const published = gemeinden.filter((g) => g.value !== null);
		expect(new Set(published.map((g) => classOf(g.value!, cls))).size, 'Gemeinden in several classes').toBeGreaterThanOrEqual(3);
		for (const g of published) {
			const f = gemeinden2021.features.find((x) => x.properties.key === g.area_key) as Feature<Geometry, AreaProperties>;
			const got = dominant(await pixelsAt(page, interiorPoint(f), 2));
			const want = colors[classOf(g.value!, cls)!];
			expect(colourDistance(got, hexToRgb(want)), `${g.name}: rgb(${got}) instead of ${want}`).toBeLessThanOrEqual(3);
		}
	});

	it('keeps the level on reload of the permalink', async () => {
		await page.reload();
		await ready(page, 'gemeinde');
		expect(await page.inputValue('#indicator-level')).toBe('gemeinde');
		expect(new URL(page.url()).searchParams.get('ebene')).toBe('gemeinde');
		expect((await tableKeys(page)).length).toBe(gemeinden.length);
	});

	it('draws an earlier year in the boundary version valid then: Oberau and Niederau, no Auetal', async () => {
		const year = 2018;
		const old = await engine.valuesFor(ID, year, 'gemeinde');
		await page.selectOption('[data-testid=year-select]', String(year));
		await page.waitForFunction(() => document.querySelector('[data-testid=map-version]')?.textContent?.includes('Gebietsstand 2014'), null, { timeout: 30_000 });
		await mapShows(page, year, 'gemeinde');
		const keys = (await tableKeys(page)).sort();
		expect(keys).toEqual(old.map((g) => g.area_key).sort());
		expect(keys).toContain('05999028');
		expect(keys).not.toContain('05999036');
	});

	it('switches from Ortsteile to Gemeinden by keyboard', async () => {
		const p = await session.newPage();
		await p.goto(url(''));
		await ready(p, 'ortsteil');
		expect(await p.$$eval('#indicator-level option', (o) => o.map((x) => x.textContent?.trim()))).toEqual(['Ortsteile', 'Gemeinden']);
		const ortsteile = (await tableKeys(p)).length;
		expect(ortsteile).toBe((await engine.valuesFor(ID, latest)).length);
		await p.focus('#indicator-level');
		await p.keyboard.press('ArrowDown');
		await ready(p, 'gemeinde');
		expect(new URL(p.url()).searchParams.get('ebene')).toBe('gemeinde');
		expect(await p.evaluate(() => document.activeElement?.id)).toBe('indicator-level');
		expect((await tableKeys(p)).length).toBe(gemeinden.length);
		await mapShows(p, latest, 'gemeinde');
		await p.keyboard.press('ArrowUp');
		await ready(p, 'ortsteil');
		expect(new URL(p.url()).searchParams.get('ebene')).toBeNull();
		expect((await tableKeys(p)).length).toBe(ortsteile);
		await p.close();
	});
});

describe('series across the boundary change', () => {
	/** The conversion sentence the engine's converted points call for (largest split share of Auetal's Ortsteile). */
	async function expectedNote(method: 'population' | 'area') {
		const areas = await engine.areasIn('ortsteil');
		const points = (await Promise.all(areas.map((a) => engine.seriesFor(a.key, ID, { convert: method })))).flat().filter((p) => p.origin === 'converted');
		expect(points.length).toBeGreaterThan(0);
		const share = Math.max(...points.filter((p) => p.value !== null).map((p) => p.split_share ?? 0));
		const year = Math.max(...points.map((p) => p.year));
		return t('geo.chartNote', { year, before: 'Gebietsstand 2014', after: 'Gebietsstand 2021', method: t(`geo.method.${method}`), share: percent(share) });
	}
	const menu = '[data-testid=chart-export]:has([data-testid=trends-all])';

	it('marks the break by default and converts on request, naming method and largest split share', async () => {
		await page.goto(url(''));
		await ready(page, 'ortsteil');
		expect(await page.textContent('[data-testid=break-note]')).toBe('Zwischen 2020 und 2021 hat sich der Gebietsstand geändert (Gebietsstand 2014 → Gebietsstand 2021).');
		expect(await page.getAttribute('[data-testid=trends-all] [data-testid=version-break]', 'data-year')).toBe('2021');
		expect(await page.$('[data-testid=conversion-note]')).toBeNull();
		await page.check('[data-testid=conversion-toggle]');
		await page.waitForSelector('[data-testid=indicator-page][data-ready=true] [data-testid=conversion-note]', { timeout: 60_000 });
		expect(new URL(page.url()).searchParams.get('umrechnung')).toBe('bevoelkerung');
		expect(await page.textContent('[data-testid=conversion-note]')).toBe(await expectedNote('population'));
	});

	it('exports the trends as SVG with the conversion note in the caption, as on screen', async () => {
		const note = (await page.textContent('[data-testid=conversion-note]'))!;
		await page.click(`${menu} button.trigger`);
		const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`${menu} [data-export=svg]`)]);
		const svg = readFileSync((await d.path())!, 'utf8');
		const text = svgText(svg);
		expect(text).toContain(`${note} Quelle:`);
		expect(text).toContain('bevölkerungsgewichtet');
	});

	it('the atlas’ trend chart of one converted Ortsteil: its SVG caption says what the chart says', async () => {
		await page.goto(`${session.baseUrl}?paket=musterkreis&indikator=${ID}&sozialraum=0599903602&umrechnung=bevoelkerung`);
		await page.waitForSelector('[data-testid=trend-chart] [data-testid=conversion-note]', { timeout: 60_000 });
		const note = (await page.textContent('[data-testid=trend-chart] [data-testid=conversion-note]'))!;
		expect(note).toContain('(bevölkerungsgewichtet)');
		const atlasMenu = '.map-tools [data-testid=export-menu]';
		await page.click(`${atlasMenu} button.trigger`);
		const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`${atlasMenu} [data-export=svg]`)]);
		const svg = readFileSync((await d.path())!, 'utf8');
		expect(svgText(svg)).toContain(`${note} Quelle:`);
	});

	it('permalink with umrechnung: the area-weighted note after a reload', async () => {
		await page.goto(url('&umrechnung=flaeche'));
		await ready(page, 'ortsteil');
		await page.waitForSelector('[data-testid=conversion-note]');
		expect(await page.textContent('[data-testid=conversion-note]')).toBe(await expectedNote('area'));
		expect(await page.$('[data-testid=trends-all] [data-testid=version-break]')).toBeNull();
	});
});

describe('the Steckbrief CSV names the boundary change', () => {
	const key = '0599903602';
	async function profileCsvRows(search: string) {
		await page.goto(`${session.baseUrl}sozialraum/?paket=musterkreis&id=${key}${search}`);
		await page.waitForSelector(`[data-testid=profile][data-area="${key}"][data-ready=true]`, { timeout: 60_000 });
		const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid=csv]')]);
		const rows = dsvFormat(';').parseRows(readFileSync((await d.path())!, 'utf8').replace(/^\ufeff/, '').trimEnd());
		const header = rows[0];
		const note = header.indexOf('Hinweis');
		expect(note).toBe(header.length - 1);
		const id = header.indexOf('Indikator-ID');
		expect(id).toBeGreaterThanOrEqual(0);
		return { rows: rows.slice(1), note, id };
	}

	it('the break in the Hinweis column of every indicator whose years cross it', async () => {
		const { rows, note, id } = await profileCsvRows('');
		const sgb2 = rows.find((r) => r[id] === ID)!;
		expect(sgb2[note]).toContain('Zwischen 2020 und 2021 hat sich der Gebietsstand geändert (Gebietsstand 2014 → Gebietsstand 2021).');
		const years = await engine.yearsByIndicator();
		const crossing = rows.filter((r) => (years[r[id]] ?? []).includes(2021) && (years[r[id]] ?? []).some((y) => y < 2021));
		expect(crossing.length).toBeGreaterThan(1);
		for (const r of crossing) expect(r[note], r[id]).toContain('Gebietsstand geändert');
	});

	it('converted: method and largest split share in the Hinweis column', async () => {
		const { rows, note, id } = await profileCsvRows('&umrechnung=bevoelkerung');
		const series = await engine.seriesFor(key, ID, { convert: 'population' });
		const converted = series.filter((p) => p.origin === 'converted' && p.value !== null);
		expect(converted.length).toBeGreaterThan(0);
		const share = percent(Math.max(...converted.map((p) => p.split_share ?? 0)));
		const sgb2 = rows.find((r) => r[id] === ID)![note];
		expect(sgb2).toContain('umgerechnet (bevölkerungsgewichtet)');
		expect(sgb2).toContain(`bis zu ${share} der umgerechneten Zahlen`);
	});

	it('sent no request off the site and logged no error', () => {
		expect(session.foreignRequests).toEqual([]);
		expect(session.consoleErrors).toEqual([]);
	});
});
