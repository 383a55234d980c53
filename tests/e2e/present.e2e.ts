/**
 * Presentation mode and exports in a real Chromium against the built site: two atlas views become
 * slides, are edited, reordered, presented with the keyboard, saved as PowerPoint (the .pptx is
 * unzipped here and its slides read), saved and loaded as JSON (a broken file changes nothing);
 * a profile, a target and a Sozialindex view become slides that draw their views (values, marks
 * and classes as their pages show them) and pictures in the PowerPoint file; the atlas' PNG export
 * is not blank and the CSV is German Excel's format.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { createRequire } from 'node:module';
import type { Download, Page } from 'playwright-core';
import { startSession, type Session } from './browser';
import { waitForMapState } from './map-pixels';
import { areas, descriptor, expectedValues, indicators, latestYear } from './expected';
import { classify, classOf } from '../../src/lib/stats/classify';
import { classColors, hexToRgb, NO_DATA_COLOR } from '../../src/lib/map/colors';
import { STATUS_COLORS } from '../../src/lib/index/map-model';

let session: Session;
beforeAll(async () => {
	session = await startSession();
});
afterAll(async () => {
	await session?.close();
});

/** Entries of a zip file (stored or deflated), by name: enough to read a .pptx. */
function unzip(buf: Buffer): Map<string, Buffer> {
	let eocd = buf.length - 22;
	while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
	if (eocd < 0) throw new Error('not a zip file');
	const count = buf.readUInt16LE(eocd + 10);
	let p = buf.readUInt32LE(eocd + 16);
	const out = new Map<string, Buffer>();
	for (let i = 0; i < count; i++) {
		const method = buf.readUInt16LE(p + 10);
		const size = buf.readUInt32LE(p + 20);
		const nameLen = buf.readUInt16LE(p + 28);
		const extraLen = buf.readUInt16LE(p + 30);
		const commentLen = buf.readUInt16LE(p + 32);
		const local = buf.readUInt32LE(p + 42);
		const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
		const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
		const data = buf.subarray(start, start + size);
		out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
		p += 46 + nameLen + extraLen + commentLen;
	}
	return out;
}

const texts = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&quot;/g, '"'));

async function download(page: Page, click: () => Promise<unknown>): Promise<{ d: Download; bytes: Buffer }> {
	const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
	return { d, bytes: readFileSync((await d.path())!) };
}

async function openAtlas(page: Page, query: string, indicator: string, year: number, mode?: string) {
	await page.goto(session.baseUrl + query);
	await page.waitForSelector('[data-testid=atlas]', { timeout: 60_000 });
	await waitForMapState(page, { indicator, year, mode });
}

const defaultIndicator = descriptor().sozialraum.default_indicator;
const defaultYear = latestYear(defaultIndicator);
const label = (id: string) => indicators().find((i) => i.id === id)!.label_de;
// the second view: an indicator whose latest year has a suppressed area (it must stay hatched on the slide)
const hidden = indicators()
	.map((i) => ({ id: i.id, year: latestYear(i.id) }))
	.find((c) => expectedValues(c.id, c.year).some((r) => r.suppressed))!;
const features = areas().features;
const selectedKey = expectedValues(defaultIndicator, defaultYear).find((r) => r.value !== null)!.key;

/** Fill per area name as the data demand (quantiles, 5 classes: the atlas default). */
function expectedFills(indicatorId: string, year: number): Map<string, string | 'suppressed'> {
	const ind = indicators().find((i) => i.id === indicatorId)!;
	const rows = expectedValues(indicatorId, year);
	const cls = classify(rows.filter((r) => r.value !== null).map((r) => r.value as number), { method: 'quantile', k: 5 });
	const colors = classColors(ind.polarity, cls.breaks.length);
	const name = (key: string) => features.find((f) => f.properties.key === key)!.properties.name;
	return new Map(rows.map((r) => [name(r.key), r.suppressed ? 'suppressed' : r.value === null ? NO_DATA_COLOR : colors[classOf(r.value, cls)!]]));
}

describe('presentation', () => {
	let page: Page;

	it('collects two atlas views as slides, with title, caption and permalink', async () => {
		page = await session.newPage();
		await openAtlas(page, `?indikator=${defaultIndicator}&jahr=${defaultYear}&sozialraum=${selectedKey}`, defaultIndicator, defaultYear);
		await page.click('[data-testid=add-slide]');
		await expect.poll(() => page.textContent('[data-testid=add-slide-status]')).toContain('Folie 1');
		await openAtlas(page, `?indikator=${hidden.id}&jahr=${hidden.year}`, hidden.id, hidden.year);
		await page.click('[data-testid=add-slide]');
		await expect.poll(() => page.textContent('[data-testid=add-slide-status]')).toContain('Folie 2');

		await page.click('[data-testid=add-slide-status] a');
		await page.waitForSelector('[data-testid=presentation]');
		await expect.poll(() => page.locator('[data-testid=slide-item]').count()).toBe(2);
		const titles = await page.locator('[data-testid=slide-title]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
		expect(titles).toEqual([`${label(defaultIndicator)}, ${defaultYear}`, `${label(hidden.id)}, ${hidden.year}`]);
		const caption = await page.inputValue('[data-testid=slide-item] >> nth=1 >> [data-testid=slide-caption-input]');
		expect(caption).toContain(`Stadtwert ${hidden.year}`);
		expect(caption).toContain('geheim gehalten');
		const link = await page.getAttribute('[data-testid=slide-item] >> nth=0 >> a', 'href');
		expect(link).toContain(`indikator=${defaultIndicator}`);
		expect(link).toContain(`sozialraum=${selectedKey}`);
	});

	it('keeps edited titles across a reload', async () => {
		await page.fill('[data-testid=slide-item] >> nth=1 >> [data-testid=slide-title]', 'Kleinzahlen bleiben geheim');
		await page.reload();
		await expect.poll(() => page.locator('[data-testid=slide-item]').count()).toBe(2);
		expect(await page.inputValue('[data-testid=slide-item] >> nth=1 >> [data-testid=slide-title]')).toBe('Kleinzahlen bleiben geheim');
	});

	it('reorders with the keyboard and undoes a deletion', async () => {
		const order = () => page.locator('[data-testid=slide-title]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
		const before = await order();
		await page.focus('[data-testid=slide-item] >> nth=1 >> [data-control=handle]');
		await page.keyboard.press('ArrowUp');
		await expect.poll(order).toEqual([before[1], before[0]]);
		// focus stays with the moved slide, so another key press moves it on
		expect(await page.evaluate(() => document.activeElement?.closest('[data-testid=slide-item]')?.querySelector('input')?.value)).toBe(before[1]);
		await page.keyboard.press('ArrowDown');
		await expect.poll(order).toEqual(before);

		await page.click('[data-testid=slide-item] >> nth=0 >> button.remove');
		await expect.poll(order).toEqual([before[1]]);
		expect(await page.textContent('[data-testid=present-message]')).toContain('entfernt');
		await page.click('[data-testid=present-undo]');
		await expect.poll(order).toEqual(before);
	});

	it('presents full screen: arrows, PageUp/PageDown, Home/End move, Esc leaves; maps and legends as in the atlas', async () => {
		await page.click('[data-testid=present-start]');
		await page.waitForSelector('[data-testid=presenter]');
		const index = () => page.getAttribute('[data-testid=presenter]', 'data-index');
		const heading = () => page.textContent('[data-testid=presenter] h2');
		expect(await index()).toBe('0');
		expect(await page.evaluate(() => document.fullscreenElement === document.documentElement)).toBe(true);
		expect(await heading()).toBe(`${label(defaultIndicator)}, ${defaultYear}`);

		// the slide draws every area with the colour the data demand, and the selected area outlined
		const fills = async () => {
			await page.waitForFunction(() => document.querySelectorAll('[data-testid=presenter] [data-testid=map-figure] path title').length > 0);
			return page.$$eval('[data-testid=presenter] [data-testid=map-figure] path', (ps) =>
				ps.filter((p) => p.querySelector('title')).map((p) => [p.querySelector('title')!.textContent!, p.getAttribute('fill')!] as const)
			);
		};
		const check = async (indicatorId: string, year: number) => {
			const got = await fills();
			const want = expectedFills(indicatorId, year);
			expect(got.length).toBe(features.length);
			for (const [name, fill] of got) {
				const w = want.get(name)!;
				if (w === 'suppressed') expect(fill, name).toMatch(/^url\(#hatch-/);
				else expect(fill, name).toBe(w);
			}
		};
		await check(defaultIndicator, defaultYear);
		const slideText = (await page.textContent('[data-testid=presenter] [data-testid=slide]'))!;
		expect(slideText).toContain('Quelle:');
		expect(slideText).toContain('Datenstand: 30.06.2026');
		expect(slideText).toContain('Quantile');

		await page.keyboard.press('ArrowRight');
		await expect.poll(index).toBe('1');
		expect(await heading()).toBe('Kleinzahlen bleiben geheim');
		await check(hidden.id, hidden.year);
		expect(await page.textContent('[data-testid=presenter] [data-testid=slide-legend]')).toContain('geheim gehalten');

		await page.keyboard.press('ArrowLeft');
		await expect.poll(index).toBe('0');
		await page.keyboard.press('PageDown');
		await expect.poll(index).toBe('1');
		await page.keyboard.press('PageUp');
		await expect.poll(index).toBe('0');
		await page.keyboard.press('End');
		await expect.poll(index).toBe('1');
		await page.keyboard.press('ArrowRight'); // the end stays the end
		await expect.poll(index).toBe('1');
		await page.keyboard.press('Home');
		await expect.poll(index).toBe('0');
		// a modal: Tab stays on the presenter's controls
		for (let i = 0; i < 5; i++) {
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid=presenter]'))).toBe(true);
		}
		await page.keyboard.press('Escape');
		await page.waitForSelector('[data-testid=presenter]', { state: 'detached' });
		expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('present-start');
	});

	it('fills the window and says so when the browser refuses full screen', async () => {
		const p = await session.newPage();
		await p.addInitScript(() => {
			Element.prototype.requestFullscreen = () => Promise.reject(new TypeError('Permissions check failed'));
		});
		await p.goto(session.baseUrl + 'praesentation/');
		await p.evaluate((deck) => localStorage.setItem('sozialraum-monitor.praesentation', deck), await page.evaluate(() => localStorage.getItem('sozialraum-monitor.praesentation')!));
		await p.reload();
		await p.click('[data-testid=present-start]');
		await p.waitForSelector('[data-testid=presenter]');
		expect(await p.textContent('[data-testid=presenter] [role=note]')).toContain('Vollbildmodus nicht erlaubt');
		const box = (await p.locator('[data-testid=presenter]').boundingBox())!;
		expect(box).toEqual({ x: 0, y: 0, width: 1440, height: 1000 });
		await p.keyboard.press('ArrowRight');
		await expect.poll(() => p.getAttribute('[data-testid=presenter]', 'data-index')).toBe('1');
		await p.keyboard.press('Escape');
		await p.waitForSelector('[data-testid=presenter]', { state: 'detached' });
		await p.close();
	});

	it('saves a PowerPoint file with one slide per view: picture, title, caption, source, Datenstand', async () => {
		const { d, bytes } = await download(page, () => page.click('[data-testid=present-pptx]'));
		expect(d.suggestedFilename()).toMatch(/^praesentation_.*\.pptx$/);
		const zip = unzip(bytes);
		const slides = [...zip.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort();
		expect(slides).toEqual(['ppt/slides/slide1.xml', 'ppt/slides/slide2.xml']);
		const one = texts(zip.get('ppt/slides/slide1.xml')!.toString('utf8'));
		const two = texts(zip.get('ppt/slides/slide2.xml')!.toString('utf8'));
		expect(one[0]).toBe(`${label(defaultIndicator)}, ${defaultYear}`);
		expect(one.join(' ')).toContain(`Stadtwert ${defaultYear}`);
		expect(two[0]).toBe('Kleinzahlen bleiben geheim');
		expect(two.join(' ')).toContain('geheim gehalten');
		for (const t of [one, two]) {
			expect(t.join(' ')).toContain('Quelle:');
			expect(t.join(' ')).toContain('Datenstand: 30.06.2026');
		}
		const pictures = [...zip.keys()].filter((n) => /^ppt\/media\/.*\.png$/.test(n));
		expect(pictures).toHaveLength(2);
		for (const p of pictures) expect(zip.get(p)!.subarray(1, 4).toString()).toBe('PNG');
	});

	it('saves the presentation as JSON, refuses a broken file without changing anything, loads a good one with undo', async () => {
		const { bytes } = await download(page, () => page.click('[data-testid=present-save]'));
		const file = JSON.parse(bytes.toString('utf8'));
		expect(file.format).toBe('sozialraum-monitor-praesentation');
		expect(file.slides).toHaveLength(2);

		await page.setInputFiles('[data-testid=present-file]', { name: 'kaputt.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "sozialraum-monitor-praes') });
		await expect.poll(() => page.textContent('[role=alert][data-testid=present-message]')).toContain('keine lesbare JSON-Datei');
		expect(await page.textContent('[data-testid=present-message]')).toContain('nicht verändert');
		expect(await page.locator('[data-testid=slide-item]').count()).toBe(2);

		const evil = { ...file, slides: [{ ...file.slides[0], url: 'https://evil.example/' }] };
		await page.setInputFiles('[data-testid=present-file]', { name: 'fremd.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(evil)) });
		await expect.poll(() => page.textContent('[data-testid=present-message]')).toContain('Folie 1: Der Verweis führt nicht zu einer Ansicht dieser Anwendung');
		expect(await page.locator('[data-testid=slide-item]').count()).toBe(2);

		const one = { ...file, title: 'Nur eine Folie', slides: [file.slides[1]] };
		await page.setInputFiles('[data-testid=present-file]', { name: 'eine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(one)) });
		await expect.poll(() => page.locator('[data-testid=slide-item]').count()).toBe(1);
		expect(await page.inputValue('#deck-title')).toBe('Nur eine Folie');
		await page.click('[data-testid=present-undo]');
		await expect.poll(() => page.locator('[data-testid=slide-item]').count()).toBe(2);
	});

	it('has no accessibility violations in the editor and while presenting', async () => {
		const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
		const p = await session.newPage({ bypassCSP: true });
		await p.goto(session.baseUrl + 'praesentation/');
		await p.evaluate((deck) => localStorage.setItem('sozialraum-monitor.praesentation', deck), await page.evaluate(() => localStorage.getItem('sozialraum-monitor.praesentation')!));
		await p.reload();
		await p.waitForSelector('[data-testid=slide-item] [data-testid=map-figure]', { timeout: 60_000 });
		await p.addScriptTag({ content: axeSource });
		const run = () =>
			p.evaluate(async () => {
				const w = window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } };
				const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
				return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
			});
		expect(await run()).toEqual([]);
		await p.click('[data-testid=present-start]');
		await p.waitForSelector('[data-testid=presenter] [data-testid=map-figure]');
		expect(await run()).toEqual([]);
		await p.close();
	});
});

/** The texts of a slide of the saved .pptx and the PNG picture its relations point to. */
function pptxSlides(zip: Map<string, Buffer>): { texts: string[]; xml: string; pictures: Buffer[] }[] {
	const names = [...zip.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
	return names.map((n) => {
		const xml = zip.get(n)!.toString('utf8');
		const rels = zip.get(n.replace('slides/', 'slides/_rels/') + '.rels')!.toString('utf8');
		const media = [...rels.matchAll(/Target="\.\.\/media\/([^"]+\.png)"/g)].map((m) => zip.get(`ppt/media/${m[1]}`)!);
		return { texts: texts(xml), xml, pictures: media };
	});
}

/** Size, number of distinct colours and share of non-white pixels of a PNG, decoded by the browser. */
async function pngStats(page: Page, png: Buffer) {
	return page.evaluate(async (b64) => {
		const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
		const bmp = await createImageBitmap(new Blob([bin], { type: 'image/png' }));
		const c = document.createElement('canvas');
		c.width = bmp.width;
		c.height = bmp.height;
		const ctx = c.getContext('2d')!;
		ctx.drawImage(bmp, 0, 0);
		const data = ctx.getImageData(0, 0, c.width, c.height).data;
		const colours = new Set<number>();
		let ink = 0;
		for (let i = 0; i < data.length; i += 16) {
			colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
			if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) ink++;
		}
		return { width: bmp.width, height: bmp.height, colours: colours.size, ink: ink / (data.length / 16) };
	}, png.toString('base64'));
}

describe('slides that draw profile, target and index views', () => {
	let page: Page;
	const areaKey = '0603';
	const year = latestYear(defaultIndicator);
	const areaName = features.find((f) => f.properties.key === areaKey)!.properties.name;
	const targetId = 'FZ01';
	/** What the pages showed when the slides were added: the slides must draw the same. */
	let profileRows: Map<string, { value: string; city: string }>;
	let profileTotal = '';
	let targetPage: { status: string; projection: string; statusText: string; projectionText: string; dots: number };
	let indexClasses: Map<string, string>;
	let indexUrl = '';

	it('adds an atlas view, a profile, a target and a Sozialindex view through the pages', async () => {
		page = await session.newPage();
		await openAtlas(page, `?indikator=${defaultIndicator}&jahr=${defaultYear}`, defaultIndicator, defaultYear);
		await page.click('[data-testid=add-slide]');
		await expect.poll(() => page.textContent('[data-testid=add-slide-status]')).toContain('Folie 1');

		await page.goto(session.baseUrl + `sozialraum/?id=${areaKey}&jahr=${year}`);
		await page.waitForSelector('[data-testid=profile][data-ready=true]', { timeout: 60_000 });
		profileRows = new Map(
			await page.$$eval('[data-testid=profile-table] tr[data-indicator]', (trs) =>
				trs.map((tr) => {
					const v = tr.getAttribute('data-flag') === 'suppressed' ? '•' : (tr.querySelector('[data-col=value] .v')?.textContent ?? '–');
					return [tr.getAttribute('data-indicator')!, { value: v.trim(), city: tr.querySelector('[data-col=city]')!.textContent!.trim() }] as const;
				})
			)
		);
		profileTotal = (await page.textContent('[data-testid=key-facts] [data-fact=total]'))!.trim();
		await page.click('[data-testid=add-slide]');
		await expect.poll(() => page.textContent('[data-testid=add-slide-status]')).toContain('Folie 2');

		await page.goto(session.baseUrl + `ziele/ziel/?id=${targetId}`);
		await page.waitForSelector('[data-testid=target-chart]', { timeout: 60_000 });
		targetPage = {
			status: (await page.getAttribute('.status [data-testid=status-light]', 'data-status'))!,
			projection: (await page.getAttribute('.status [data-testid=projection-light]', 'data-status'))!,
			statusText: (await page.textContent('.status [data-testid=status-light] .text'))!.trim(),
			projectionText: (await page.textContent('.status [data-testid=projection-light] .text'))!.replace(/\s+/g, ' ').trim(),
			dots: await page.locator("[data-testid=target-chart] > svg circle.dot").count()
		};
		await page.click('[data-testid=add-slide]');
		await expect.poll(() => page.textContent('[data-testid=add-slide-status]')).toContain('Folie 3');

		// the index with a changed weight: the slide must draw this index, not the default one
		await page.goto(session.baseUrl + 'index/');
		await page.waitForSelector('[data-testid=index-page]', { timeout: 60_000 });
		const classes = () => page.$$eval('[data-testid=index-table] tbody tr', (trs) => trs.map((tr) => [tr.getAttribute('data-key')!, tr.getAttribute('data-class')!] as const));
		await page.waitForFunction(() => !!document.querySelector('[data-testid=index-page]')?.getAttribute('data-signature'));
		const before = new Map(await classes());
		const sig = await page.getAttribute('[data-testid=index-page]', 'data-signature');
		await page.fill(`[data-testid=weight-${defaultIndicator}]`, '4');
		await page.waitForFunction((old) => document.querySelector('[data-testid=index-page]')?.getAttribute('data-signature') !== old, sig);
		indexClasses = new Map(await classes());
		expect([...indexClasses].some(([k, c]) => before.get(k) !== c), 'the weight changes some class').toBe(true);
		await page.click('[data-testid=add-slide]');
		await expect.poll(() => page.textContent('[data-testid=add-slide-status]')).toContain('Folie 4');

		await page.click('[data-testid=add-slide-status] a');
		await page.waitForSelector('[data-testid=presentation]');
		await expect.poll(() => page.locator('[data-testid=slide-item]').count()).toBe(4);
		const titles = await page.locator('[data-testid=slide-title]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
		expect(titles[1]).toBe(`Sozialraum ${areaName}, ${year}`);
		expect(titles[2]).toContain('Ziel 2030');
		indexUrl = (await page.getAttribute('[data-testid=slide-item] >> nth=3 >> a', 'href'))!;
		expect(indexUrl).toMatch(new RegExp(`/index/\\?ind=[^&]*${defaultIndicator}`));
		expect(decodeURIComponent(indexUrl)).toMatch(/&w=[\d.,]*4/);
	});

	it('draws every slide in the editor from the data, without stored pictures', async () => {
		const t0 = Date.now();
		await page.reload();
		await page.waitForFunction(() => document.querySelectorAll('[data-testid=slide-item] .thumb > svg').length === 4, null, { timeout: 60_000 });
		console.log(`four slides drawn ${Date.now() - t0} ms after a reload`);
		const deck = JSON.parse((await page.evaluate(() => localStorage.getItem('sozialraum-monitor.praesentation')))!);
		expect(deck.slides.map((s: { kind: string }) => s.kind)).toEqual(['atlas', 'profile', 'target', 'index']);
		expect(deck.slides.every((s: { image?: string }) => s.image === undefined)).toBe(true);
	});

	it('presents them full screen, each drawing its view, and steps with the arrow keys', async () => {
		await page.click('[data-testid=present-start]');
		await page.waitForSelector('[data-testid=presenter]');
		const index = () => page.getAttribute('[data-testid=presenter]', 'data-index');
		const slide = '[data-testid=presenter] [data-testid=slide]';
		const footer = async () => {
			const f = (await page.textContent(`${slide} footer`))!;
			expect(f).toContain('Quelle:');
			expect(f).toContain('Datenstand: 30.06.2026');
		};

		expect(await page.getAttribute(slide, 'data-drawn')).toBe('map');
		await page.waitForFunction(() => document.querySelectorAll('[data-testid=presenter] [data-testid=map-figure] path title').length > 0);
		await footer();

		// profile: district, key facts and rows with the values the Steckbrief shows
		await page.keyboard.press('ArrowRight');
		await expect.poll(index).toBe('1');
		await page.waitForSelector(`${slide}[data-drawn=profile] [data-testid=profile-figure]`);
		expect(await page.textContent(`${slide} h2`)).toBe(`Sozialraum ${areaName}, ${year}`);
		const fig = `${slide} [data-testid=profile-figure]`;
		expect(await page.textContent(`${fig} [data-fact=total]`)).toBe(profileTotal);
		const rows = await page.$$eval(`${fig} g[data-indicator]`, (gs) =>
			gs.map((g) => ({
				id: g.getAttribute('data-indicator')!,
				value: g.querySelector('[data-col=value]')!.textContent!.trim(),
				city: g.querySelector('[data-col=city]')!.textContent!.trim(),
				dot: !!g.querySelector('svg circle'),
				label: g.querySelector('text')!.textContent!
			}))
		);
		expect(rows.length).toBe(8);
		expect(rows[0].id).toBe(defaultIndicator);
		for (const r of rows) {
			expect(profileRows.get(r.id), r.id).toEqual({ value: r.value, city: r.city });
			// a spine chart per row, the area's dot unless its value is withheld
			expect(r.dot, r.id).toBe(r.value !== '•' && r.value !== '–');
		}
		expect(await page.textContent(`${slide} [data-testid=slide-note]`)).toContain('Im Vergleich mit dem Stadtwert');
		await footer();

		// target: the chart's marks, and the traffic lights with the page's words
		await page.keyboard.press('ArrowRight');
		await expect.poll(index).toBe('2');
		await page.waitForSelector(`${slide}[data-drawn=target] [data-testid=target-figure]`);
		const tf = `${slide} [data-testid=target-figure]`;
		const marks = await page.$eval(tf, (svg) => {
			const req = svg.querySelector('line.required')!;
			const n = (el: Element | null, a: string) => Number(el?.getAttribute(a));
			return {
				required: [n(req, 'x1'), n(req, 'y1'), n(req, 'x2'), n(req, 'y2')],
				projection: svg.querySelector('path.projection')?.getAttribute('d') ?? '',
				cone: svg.querySelector('path.cone')?.getAttribute('d') ?? '',
				actual: svg.querySelector('path.actual')?.getAttribute('d') ?? '',
				dots: svg.querySelectorAll('circle.dot').length,
				target: !!svg.querySelector('path.target'),
				lights: [...svg.querySelectorAll('[data-light]')].map((g) => [g.getAttribute('data-status'), g.querySelector('text')!.textContent!.trim()])
			};
		});
		expect(marks.required[2]).toBeGreaterThan(marks.required[0]);
		expect(marks.required.every(Number.isFinite)).toBe(true);
		expect(marks.projection.match(/[ML]/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
		expect(marks.cone.length).toBeGreaterThan(10);
		expect(marks.actual.length).toBeGreaterThan(10);
		expect(marks.dots).toBe(targetPage.dots);
		expect(marks.target).toBe(true);
		expect(marks.lights).toEqual([
			[targetPage.status, targetPage.statusText],
			[targetPage.projection, targetPage.projectionText]
		]);
		expect(await page.textContent(`${slide} [data-testid=slide-note]`)).toContain('Soll');
		await footer();

		// index: every area in the status class of the changed index
		await page.keyboard.press('ArrowRight');
		await expect.poll(index).toBe('3');
		await page.waitForSelector(`${slide}[data-drawn=map] [data-testid=map-figure]`);
		const name = (key: string) => features.find((f) => f.properties.key === key)!.properties.name;
		const fills = new Map(
			await page.$$eval(`${slide} [data-testid=map-figure] path`, (ps) =>
				ps.filter((p) => p.querySelector('title')).map((p) => [p.querySelector('title')!.textContent!, p.getAttribute('fill')!] as const)
			)
		);
		expect(fills.size).toBe(features.length);
		for (const [key, cls] of indexClasses) expect(fills.get(name(key)), name(key)).toBe(cls === '' ? NO_DATA_COLOR : STATUS_COLORS[Number(cls) - 1]);
		expect(await page.textContent(`${slide} [data-testid=slide-legend]`)).toContain('4 – sehr niedrig');
		expect(await page.textContent(`${slide} aside`)).toContain('Der Index fasst');
		await footer();

		await page.keyboard.press('ArrowRight'); // the end stays the end
		await expect.poll(index).toBe('3');
		await page.keyboard.press('ArrowLeft');
		await expect.poll(index).toBe('2');
		await page.keyboard.press('Home');
		await expect.poll(index).toBe('0');
		await page.keyboard.press('Escape');
		await page.waitForSelector('[data-testid=presenter]', { state: 'detached' });
	});

	it('stays readable on a 1280 × 720 projector: the figures fit the slide, data text at least 15 px (13 px on the target chart axes)', async () => {
		const p = await session.newPage();
		await p.setViewportSize({ width: 1280, height: 720 });
		await p.goto(session.baseUrl + 'praesentation/');
		await p.evaluate((deck) => localStorage.setItem('sozialraum-monitor.praesentation', deck), await page.evaluate(() => localStorage.getItem('sozialraum-monitor.praesentation')!));
		await p.reload();
		await p.click('[data-testid=present-start]');
		await p.keyboard.press('ArrowRight');
		for (const [kind, sel, minFont] of [
			['profile', '[data-testid=profile-figure]', 15],
			['target', '[data-testid=target-figure]', 13]
		] as const) {
			await p.waitForSelector(`[data-testid=presenter] [data-drawn=${kind}] ${sel}`, { timeout: 60_000 });
			const m = await p.$eval(`[data-testid=presenter] ${sel}`, (svg, kind) => {
				const box = svg.getBoundingClientRect();
				const scale = box.width / (svg as SVGSVGElement).viewBox.baseVal.width;
				// the drawn font size of the smallest text that carries data (profile: labels and values, not the key)
				const texts = [...svg.querySelectorAll(kind === 'profile' ? 'g[data-indicator] text' : 'text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
				const article = svg.closest('[data-testid=slide]')!.getBoundingClientRect();
				return { scale, width: box.width, height: box.height, article: { w: article.width, h: article.height }, smallest: Math.min(...texts), overflow: box.bottom > article.bottom || box.right > article.right };
			}, kind);
			console.log(`1280 × 720, ${kind} slide: figure ${Math.round(m.width)} × ${Math.round(m.height)} px (scale ${m.scale.toFixed(2)}), smallest data text ${m.smallest.toFixed(1)} px`);
			expect(m.overflow, JSON.stringify(m)).toBe(false);
			expect(m.smallest, JSON.stringify(m)).toBeGreaterThanOrEqual(minFont);
			await p.keyboard.press('ArrowRight');
		}
		await p.close();
	});

	it('saves a PowerPoint file: one slide per view, each with the picture of the drawn view and its texts', async () => {
		const t0 = Date.now();
		const { bytes } = await download(page, () => page.click('[data-testid=present-pptx]'));
		console.log(`PPTX with 4 drawn slides: ${Date.now() - t0} ms, ${Math.round(bytes.length / 1024)} KiB`);
		const slides = pptxSlides(unzip(bytes));
		expect(slides).toHaveLength(4);
		expect(slides[1].texts[0]).toBe(`Sozialraum ${areaName}, ${year}`);
		expect(slides[1].texts.join(' ')).toContain('Im Vergleich mit dem Stadtwert');
		expect(slides[2].texts.join(' ')).toContain('Soll');
		expect(slides[3].texts.join(' ')).toContain('Der Index fasst');
		for (const [i, s] of slides.entries()) {
			expect(s.xml, `slide ${i + 1}`).toContain('<p:pic>');
			expect(s.pictures, `slide ${i + 1}`).toHaveLength(1);
			expect(s.pictures[0].subarray(1, 4).toString()).toBe('PNG');
			expect(s.texts.join(' ')).toContain('Quelle:');
			expect(s.texts.join(' ')).toContain('Datenstand: 30.06.2026');
			const stats = await pngStats(page, s.pictures[0]);
			expect(stats.width, JSON.stringify(stats)).toBeGreaterThan(1500);
			expect(stats.colours, JSON.stringify(stats)).toBeGreaterThan(12);
			// a blank or white picture has no ink at all; the sparsest figure (the target chart) has about 8 %
			expect(stats.ink, JSON.stringify(stats)).toBeGreaterThan(0.04);
		}
	});

	it('has no accessibility violations with drawn profile, target and index slides', async () => {
		const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
		const p = await session.newPage({ bypassCSP: true });
		await p.goto(session.baseUrl + 'praesentation/');
		await p.evaluate((deck) => localStorage.setItem('sozialraum-monitor.praesentation', deck), await page.evaluate(() => localStorage.getItem('sozialraum-monitor.praesentation')!));
		await p.reload();
		await p.waitForFunction(() => document.querySelectorAll('[data-testid=slide-item] .thumb > svg').length === 4, null, { timeout: 60_000 });
		await p.addScriptTag({ content: axeSource });
		const run = () =>
			p.evaluate(async () => {
				const w = window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } };
				const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
				return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
			});
		expect(await run()).toEqual([]);
		await p.click('[data-testid=present-start]');
		for (const drawn of ['map', 'profile', 'target', 'map']) {
			await p.waitForSelector(`[data-testid=presenter] [data-testid=slide][data-drawn=${drawn}]`);
			expect(await run(), drawn).toEqual([]);
			await p.keyboard.press('ArrowRight');
		}
		await p.close();
	});

	it('made no request outside the site and logged no error', () => {
		expect(session.foreignRequests).toEqual([]);
		expect(session.consoleErrors).toEqual([]);
	});
});

describe('atlas exports', () => {
	let page: Page;

	it('opens the export menu with the keyboard; Escape closes it and returns focus', async () => {
		page = await session.newPage();
		await openAtlas(page, `?indikator=${defaultIndicator}&jahr=${defaultYear}`, defaultIndicator, defaultYear);
		await page.focus('[data-testid=export-menu] button.trigger');
		await page.keyboard.press('Enter');
		await page.waitForSelector('[role=menu]');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-export'))).toBe('png');
		await page.keyboard.press('ArrowUp');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-export'))).toBe('print');
		await page.keyboard.press('Home');
		await page.keyboard.press('ArrowDown');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-export'))).toBe('svg');
		await page.keyboard.press('Escape');
		await page.waitForSelector('[role=menu]', { state: 'detached' });
		expect(await page.evaluate(() => document.activeElement?.classList.contains('trigger'))).toBe(true);
	});

	it('exports the map as a PNG that is not blank: the map area holds the legend colours', async () => {
		await page.keyboard.press('Enter');
		await page.waitForSelector('[role=menu]');
		const { d, bytes } = await download(page, () => page.keyboard.press('Enter'));
		expect(d.suggestedFilename()).toBe(`atlas_${defaultIndicator.replace(/_/g, '-')}_${defaultYear}.png`);
		const colors = await page.$$eval('[data-testid=legend] li[data-color]', (lis) => lis.map((li) => li.getAttribute('data-color')!));
		const result = await page.evaluate(
			async ({ b64, colors }) => {
				const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
				const bmp = await createImageBitmap(new Blob([bin], { type: 'image/png' }));
				const c = document.createElement('canvas');
				c.width = bmp.width;
				c.height = bmp.height;
				const ctx = c.getContext('2d')!;
				ctx.drawImage(bmp, 0, 0);
				// the map sits left of the legend column, below the title: sample well inside that area
				const x0 = Math.round(bmp.width * 0.08), x1 = Math.round(bmp.width * 0.6);
				const y0 = Math.round(bmp.height * 0.2), y1 = Math.round(bmp.height * 0.8);
				const data = ctx.getImageData(x0, y0, x1 - x0, y1 - y0).data;
				const rgb = colors.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
				let coloured = 0, background = 0;
				for (let i = 0; i < data.length; i += 4) {
					const px = [data[i], data[i + 1], data[i + 2]];
					if (rgb.some((c) => Math.max(...c.map((v, j) => Math.abs(v - px[j]))) <= 3)) coloured++;
					else if (px[0] > 240 && px[1] > 240 && px[2] > 240) background++;
				}
				return { width: bmp.width, height: bmp.height, share: coloured / (data.length / 4), background: background / (data.length / 4), classes: rgb.length };
			},
			{ b64: bytes.toString('base64'), colors }
		);
		expect(result.width).toBeGreaterThan(800);
		expect(result.classes).toBe(5);
		expect(result.share, JSON.stringify(result)).toBeGreaterThan(0.3);
	});

	it('exports the table as CSV for German Excel: BOM, semicolons, decimal commas', async () => {
		await page.click('[data-testid=export-menu] button.trigger');
		const { bytes } = await download(page, () => page.click('[data-export=csv]'));
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = bytes.toString('utf8').slice(1).split('\r\n');
		expect(lines[0]).toBe('Schlüssel;Sozialraum;Stadtbezirk;Jahr;Wert (%);Zähler;Nenner;Hinweis');
		expect(lines.length).toBe(features.length + 2);
		expect(lines[1]).toMatch(/^\d+;[^;]+;[^;]*;\d{4};\d+,\d;\d+;\d+;/);
		// a suppressed cell is "•", never its number
		for (const l of lines.filter((l) => l.includes('geheim gehalten'))) expect(l.split(';').slice(4, 7)).toEqual(['•', '•', '•']);
	});

	it('prints the composed map figure instead of the interactive page', async () => {
		await page.evaluate(() => {
			(window as unknown as { printed: number }).printed = 0;
			window.print = () => (window as unknown as { printed: number }).printed++;
		});
		await page.click('[data-testid=export-menu] button.trigger');
		await page.click('[data-export=print]');
		await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1);
		expect(await page.evaluate(() => document.documentElement.classList.contains('print-figure-mode'))).toBe(true);
		const img = await page.evaluate(() => {
			const i = document.querySelector<HTMLImageElement>('.print-figure img');
			return i ? { w: i.naturalWidth, alt: i.alt } : null;
		});
		expect(img?.w).toBeGreaterThan(800);
		expect(img?.alt).toBe(`${label(defaultIndicator)}, ${defaultYear}`);
		await page.emulateMedia({ media: 'print' });
		expect(await page.isVisible('[data-testid=atlas]')).toBe(false);
		expect(await page.isVisible('.print-figure img')).toBe(true);
		await page.emulateMedia({ media: 'screen' });
		await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
		expect(await page.$('.print-figure')).toBeNull();
	});

	it('made no request outside the site and logged no error', () => {
		expect(session.foreignRequests).toEqual([]);
		expect(session.consoleErrors).toEqual([]);
	});
});
