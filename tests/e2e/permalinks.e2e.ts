/**
 * Permalinks in a real headless Chromium against the built site: on the Sozialindex, the prevention
 * chain and the offers page, settings changed through the UI end up in the URL; that URL opened in
 * a fresh browser context (no localStorage, nothing shared) shows the same view — the same
 * settings in the controls and the same table values and classes; back/forward step through the
 * earlier views; a URL with invalid values opens a working page with the defaults. The index
 * classes are also checked against the package files, so both pages cannot agree on a wrong
 * answer. Slides of index and chain views keep the full URL, and `?folie=n` opens the presentation
 * at that slide. Nothing may leave localhost, nothing may log an error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './browser';
import { waitForMapIdle } from './map-pixels';
import { areas, expectedValues, indicators, latestYear, PACKAGE_DIR } from './expected';
import type { Offer, LifePhase } from '../../src/lib/data/types';
import { statusIndex, type StatusResult } from '../../src/lib/index/status';
import { defaultSettings, type IndexSettings } from '../../src/lib/index/settings';
import { populationYearFor } from '../../src/lib/data/chain-queries';

let session: Session;
beforeAll(async () => {
	session = await startSession();
});
afterAll(async () => {
	await session?.close();
});

const features = areas().features;
const areaList = features.map((f) => ({ key: f.properties.key, name: f.properties.name, parent: f.properties.parent }));
const nameOf = (key: string) => areaList.find((a) => a.key === key)!.name;
/**
 * A page's URL without the package it names: the site bundles several packages, so every link says
 * which one (`paket=musterstadt`, checked once below); the rest is what these tests are about.
 */
const own = (url: string) => url.replace(/([?&])paket=musterstadt(&|$)/, (_m, pre: string, post: string) => (post ? pre : '')).replace(/\?$/, '');
/** Path and query of a page, as the app's slides store it ("/index/?…"). */
const relative = (url: string) => {
	const u = new URL(url);
	return u.pathname + u.search;
};

/** Status classes for settings and a status year, from the package files. */
function expectedStatus(s: IndexSettings, year: number): StatusResult {
	const all = csvParse(readFileSync(join(PACKAGE_DIR, 'population.csv'), 'utf8'));
	const popYear = populationYearFor([...new Set(all.map((r) => Number(r.year)))].sort((a, b) => a - b), year)!;
	const pop = new Map(all.filter((r) => Number(r.year) === popYear && r.age_group === 'insgesamt').map((r) => [r.area_key!, Number(r.persons)]));
	const values = Object.fromEntries(s.indicators.map((i) => [i.id, new Map(expectedValues(i.id, year).map((r) => [r.key, r.value]))]));
	const inds = indicators();
	return statusIndex(areaList.map((a) => ({ ...a, population: pop.get(a.key) ?? null })), values, s, (id) => inds.find((i) => i.id === id)?.polarity);
}

// ---------------------------------------------------------------- Sozialindex

async function indexReady(page: Page, previous = ''): Promise<string> {
	await page.waitForFunction(
		(old) => {
			const s = document.querySelector('[data-testid=index-page]')?.getAttribute('data-signature') ?? '';
			return s !== '' && s !== old;
		},
		previous,
		{ timeout: 60_000 }
	);
	const sig = (await page.getAttribute('[data-testid=index-page]', 'data-signature'))!;
	await page.waitForSelector(`[data-applied="${sig}"]`, { timeout: 30_000 });
	await waitForMapIdle(page);
	return sig;
}

/** Everything the index page shows that a link must reproduce: controls, table, explanation. */
async function indexView(page: Page) {
	return page.evaluate(() => {
		const q = <T extends Element>(s: string) => [...document.querySelectorAll<T>(s)];
		return {
			signature: document.querySelector('[data-testid=index-page]')!.getAttribute('data-signature'),
			included: document.querySelector('[data-testid=index-page]')!.getAttribute('data-included'),
			chosen: q<HTMLInputElement>('input[data-testid^=use-]').filter((i) => i.checked).map((i) => i.dataset.testid!.slice(4)),
			weights: q<HTMLInputElement>('input[data-testid^=weight-]').map((i) => [i.dataset.testid!.slice(7), i.value]),
			method: q<HTMLInputElement>('input[name=std]').find((i) => i.checked)?.value,
			year: document.querySelector<HTMLSelectElement>('#ix-year')!.value,
			span: document.querySelector<HTMLSelectElement>('#ix-span')!.value,
			min: document.querySelector<HTMLInputElement>('[data-testid=min-population]')!.value,
			cuts: q<HTMLInputElement>('fieldset.cuts input').map((i) => i.value),
			rows: q<HTMLTableRowElement>('[data-testid=index-table] tbody tr').map((tr) => [
				tr.dataset.key,
				tr.dataset.class,
				tr.cells[2].textContent!.trim(),
				tr.querySelector('button')!.getAttribute('aria-pressed')
			]),
			why: document.querySelector('[data-testid=why-class]')?.textContent?.trim() ?? '',
			method_text: document.querySelector('[data-testid=method-text]')!.textContent
		};
	});
}

describe('Sozialindex permalink', () => {
	let page: Page;
	const base = defaultSettings(indicators());
	const views: Awaited<ReturnType<typeof indexView>>[] = [];
	const urls: string[] = [];
	let sig = '';
	const extra = indicators().find((i) => i.polarity !== 'neutral' && !base.indicators.some((b) => b.id === i.id) && i.life_phase !== 'kontext')!;
	let year = 0;
	let area = '';

	async function record() {
		views.push(await indexView(page));
		urls.push(own(page.url()));
	}

	it('opens on the defaults and writes them into the URL (with the area it explains)', async () => {
		page = await session.newPage();
		await page.goto(session.baseUrl + 'index/');
		sig = await indexReady(page);
		await expect.poll(() => new URL(own(page.url())).searchParams.get('sozialraum')).not.toBeNull();
		const params = new URL(own(page.url())).searchParams;
		expect(params.get('ind')).toBe(base.indicators.map((i) => i.id).join(','));
		expect([...params.keys()].sort()).toEqual(['ind', 'sozialraum']); // defaults are left out
		expect(new URL(page.url()).searchParams.get('paket')).toBe('musterstadt'); // the link names the package
		await record();
	});

	it('puts every setting changed in the UI into the URL', async () => {
		await page.check('[data-testid=std-percentile]');
		sig = await indexReady(page, sig);
		await expect.poll(() => own(page.url())).toContain('std=perzentil');
		await record();

		await page.fill(`[data-testid=weight-${base.indicators[0].id}]`, '3');
		sig = await indexReady(page, sig);
		await expect.poll(() => own(page.url())).toContain('w=3,1');
		await record();

		await page.check(`[data-testid=use-${extra.id}]`);
		sig = await indexReady(page, sig);
		await expect.poll(() => own(page.url())).toContain(`,${extra.id}`);
		await record();

		await page.fill('[data-testid=min-population]', '500');
		sig = await indexReady(page, sig);
		await expect.poll(() => own(page.url())).toContain('min=500');
		await record();

		await page.fill('fieldset.cuts >> nth=0 >> input >> nth=0', '-0.5');
		await page.keyboard.press('Tab');
		sig = await indexReady(page, sig);
		await expect.poll(() => own(page.url())).toContain('cuts=-0.5,1,1.5');
		await record();

		const years = await page.$$eval('#ix-year option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
		year = Number(years.at(-2));
		await page.selectOption('#ix-year', String(year));
		sig = await indexReady(page, sig);
		await expect.poll(() => own(page.url())).toContain(`jahr=${year}`);
		await record();

		// select an area that is not the one opened automatically (the one with the highest index)
		const current = new URL(own(page.url())).searchParams.get('sozialraum');
		area = (await page.$$eval('[data-testid=index-table] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-key')!))).find((k) => k !== current)!;
		await page.click(`[data-testid=index-table] tr[data-key="${area}"] button`);
		await expect.poll(() => own(page.url())).toContain(`sozialraum=${area}`);
		await expect.poll(() => page.textContent('[data-testid=why-class]')).toContain(nameOf(area));
		await record();

		const params = new URL(own(page.url())).searchParams;
		expect(Object.fromEntries(params)).toEqual({
			ind: [...base.indicators.map((i) => i.id), extra.id].join(','),
			w: ['3', ...base.indicators.slice(1).map(() => '1'), '1'].join(','),
			std: 'perzentil',
			jahr: String(year),
			min: '500',
			cuts: '-0.5,1,1.5',
			sozialraum: area
		});
		// readable: lists keep their commas
		expect(own(page.url())).toContain(`ind=${params.get('ind')}`);
	});

	it('shows the same view from that URL in a fresh browser, with the classes the data demand', async () => {
		const fresh = await session.newPage();
		await fresh.goto(urls.at(-1)!);
		await indexReady(fresh);
		await expect.poll(() => fresh.textContent('[data-testid=why-class]')).toContain(nameOf(area));
		const shown = await indexView(fresh);
		expect(shown).toEqual(views.at(-1));
		expect(own(fresh.url())).toBe(urls.at(-1)); // nothing corrected, nothing added

		const settings: IndexSettings = {
			...base,
			indicators: [...base.indicators.map((i, k) => ({ id: i.id, weight: k === 0 ? 3 : 1 })), { id: extra.id, weight: 1 }],
			method: 'percentile',
			year,
			minPopulation: 500,
			statusCuts: [-0.5, 1, 1.5]
		};
		const want = expectedStatus(settings, year);
		expect(shown.included).toBe(String(want.included));
		for (const a of want.areas) expect(shown.rows.find((r) => r[0] === a.key)![1], a.name).toBe(a.statusClass === null ? '' : String(a.statusClass));
		// the settings matter: the default index puts some area into another class
		expect(shown.rows.map((r) => r[1])).not.toEqual(views[0].rows.map((r) => r[1]));
		await fresh.close();
	});

	it('steps back and forward through the earlier views', async () => {
		for (let k = views.length - 2; k >= views.length - 4; k--) {
			await page.goBack();
			await expect.poll(() => own(page.url())).toBe(urls[k]);
			if (views[k].signature !== views[k + 1].signature) await indexReady(page, views[k + 1].signature!);
			await expect.poll(() => indexView(page)).toEqual(views[k]);
		}
		for (let k = views.length - 3; k < views.length; k++) {
			await page.goForward();
			await expect.poll(() => own(page.url())).toBe(urls[k]);
			if (views[k].signature !== views[k - 1].signature) await indexReady(page, views[k - 1].signature!);
			await expect.poll(() => indexView(page)).toEqual(views[k]);
		}
	});

	it('keeps the view as a slide with its full URL, which reopens it', async () => {
		await page.click('[data-testid=add-slide]');
		await expect.poll(() => page.textContent('[data-testid=add-slide-status]')).toContain('Folie 1');
		const deck = JSON.parse((await page.evaluate(() => localStorage.getItem('sozialraum-monitor.praesentation')))!);
		expect(deck.slides[0]).toMatchObject({ kind: 'index', url: relative(urls.at(-1)!) });
		expect(deck.slides[0].title).toContain(String(year));
	});

	it('a plain /index/ link opens on what this browser used last', async () => {
		await page.goto(session.baseUrl + 'index/');
		await indexReady(page);
		await expect.poll(() => new URL(own(page.url())).searchParams.get('sozialraum')).not.toBeNull();
		const shown = await indexView(page);
		const { rows: _r, why: _w, ...settingsNow } = shown;
		const { rows: _r2, why: _w2, ...settingsBefore } = views.at(-1)!;
		expect(settingsNow).toEqual(settingsBefore);
		expect(new URL(own(page.url())).searchParams.get('std')).toBe('perzentil');
	});

	it('opens a working page with the defaults when the URL is invalid', async () => {
		const fresh = await session.newPage();
		const bad = 'index/?ind=gibtsnicht,%3Cscript%3Ealert(1)%3C/script%3E&w=abc,-1&std=eval(1)&min=-1&cuts=2,1,0&dcuts=x&jahr=1800&dyn=9&dir=a:b&name=%00&sozialraum=9999';
		await fresh.goto(session.baseUrl + bad);
		await indexReady(fresh);
		await expect.poll(() => own(fresh.url())).toBe(urls[0]);
		expect(await indexView(fresh)).toEqual(views[0]);
		expect(await fresh.$('[role=alert]')).toBeNull();
		await fresh.close();
	});
});

// ---------------------------------------------------------------- Präventionskette

async function chainView(page: Page) {
	return page.evaluate(() => {
		const q = <T extends Element>(s: string) => [...document.querySelectorAll<T>(s)];
		return {
			method: q<HTMLInputElement>('input[name=method]').find((i) => i.checked)?.value,
			measure: q<HTMLInputElement>('input[name=measure]').find((i) => i.checked)?.value,
			sort: document.querySelector<HTMLSelectElement>('[data-testid=matrix-sort]')!.value,
			focus: q('[data-testid=chain-matrix] th button[aria-pressed=true]').map((b) => b.textContent!.trim()),
			activeMap: q('[data-testid=phase-map].active').map((f) => f.getAttribute('data-phase')),
			tablePhase: document.querySelector('[data-testid=phase-table]')!.getAttribute('data-phase'),
			matrix: q<HTMLTableRowElement>('[data-testid=chain-matrix] tbody tr').map((tr) => [tr.dataset.key, ...[...tr.querySelectorAll('td')].map((td) => `${td.dataset.phase}:${td.dataset.category}`)]),
			table: q<HTMLTableRowElement>('[data-testid=phase-table] tbody tr').map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim())
		};
	});
}

describe('prevention chain permalink', () => {
	let page: Page;
	const views: Awaited<ReturnType<typeof chainView>>[] = [];
	const urls: string[] = [];
	const step = async (action: () => Promise<unknown>, inUrl: string) => {
		await action();
		await expect.poll(() => own(page.url())).toContain(inUrl);
		await expect.poll(async () => JSON.stringify(await chainView(page))).not.toBe(JSON.stringify(views.at(-1)));
		views.push(await chainView(page));
		urls.push(own(page.url()));
	};

	it('puts phase, class method, measure and order into the URL', async () => {
		page = await session.newPage();
		await page.goto(session.baseUrl + 'kette/');
		await page.waitForSelector('[data-testid=chain-matrix]', { timeout: 60_000 });
		expect(new URL(own(page.url())).search).toBe('');
		views.push(await chainView(page));
		urls.push(own(page.url()));
		expect(views[0]).toMatchObject({ method: 'tercile', measure: 'offers', sort: 'key', tablePhase: 'u3', activeMap: ['u3'] });

		await step(() => page.check('[data-testid=method-sd]'), 'methode=sd');
		await step(() => page.check('[data-testid=measure-places]'), 'mass=plaetze');
		await step(() => page.click('[data-testid=chain-matrix] th button:text-is("3 bis 6 Jahre")'), 'lebensphase=3_6');
		await step(() => page.selectOption('[data-testid=matrix-sort]', 'gaps'), 'sortierung=luecken');
		expect(new URL(own(page.url())).search).toBe('?lebensphase=3_6&methode=sd&mass=plaetze&sortierung=luecken');
		expect(views.at(-1)).toMatchObject({ method: 'sd', measure: 'places', sort: 'gaps', tablePhase: '3_6', activeMap: ['3_6'] });
	});

	it('shows the same matrix, maps and table from that URL in a fresh browser', async () => {
		const fresh = await session.newPage();
		await fresh.goto(urls.at(-1)!);
		await fresh.waitForSelector('[data-testid=chain-matrix]', { timeout: 60_000 });
		await expect.poll(() => chainView(fresh)).toEqual(views.at(-1));
		expect(own(fresh.url())).toBe(urls.at(-1));
		// the class method changed the categories: the link did not just reproduce the default view
		const cats = (v: (typeof views)[number]) => v.matrix.map((r) => r.slice(1).join()).sort();
		expect(cats(views.at(-1)!)).not.toEqual(cats(views[0]));
		await fresh.close();
	});

	it('steps back and forward through the earlier views', async () => {
		for (let k = views.length - 2; k >= 0; k--) {
			await page.goBack();
			await expect.poll(() => own(page.url())).toBe(urls[k]);
			await expect.poll(() => chainView(page)).toEqual(views[k]);
		}
		for (let k = 1; k < views.length; k++) {
			await page.goForward();
			await expect.poll(() => own(page.url())).toBe(urls[k]);
			await expect.poll(() => chainView(page)).toEqual(views[k]);
		}
	});

	it('keeps the view as a slide with its full URL', async () => {
		await page.click('[data-testid=add-slide]');
		await expect.poll(() => page.textContent('[data-testid=add-slide-status]')).toContain('Folie 1');
		const deck = JSON.parse((await page.evaluate(() => localStorage.getItem('sozialraum-monitor.praesentation')))!);
		expect(deck.slides[0]).toMatchObject({ kind: 'chain', url: relative(urls.at(-1)!) });
		expect(deck.slides[0].title).toContain('3 bis 6 Jahre');
		await page.close();
	});

	it('opens the default view, URL corrected, when the parameters are invalid', async () => {
		const fresh = await session.newPage();
		await fresh.goto(session.baseUrl + 'kette/?lebensphase=kontext&methode=%3Cscript%3E&mass=1&sortierung=__proto__');
		await fresh.waitForSelector('[data-testid=chain-matrix]', { timeout: 60_000 });
		await expect.poll(() => own(fresh.url())).toBe(urls[0]);
		expect(await chainView(fresh)).toEqual(views[0]);
		await fresh.close();
	});
});

// ---------------------------------------------------------------- Angebote

function offers(): Offer[] {
	return csvParse(readFileSync(join(PACKAGE_DIR, 'offers.csv'), 'utf8')).map((r) => ({
		id: r.id!, name: r.name!, provider: r.provider ?? '', area_key: r.area_key!, description: r.description ?? '',
		life_phases: r.life_phases!.split('|') as LifePhase[], topics: r.topics ? r.topics.split('|') : [],
		lon: Number(r.lon), lat: Number(r.lat), places: r.places ? Number(r.places) : null
	}));
}

async function offersView(page: Page) {
	return page.evaluate(() => ({
		count: document.querySelector('[data-testid=offers-page]')!.getAttribute('data-count'),
		filters: [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('.filters input, .filters select')].map((e) => [e.id, e.value]),
		list: [...document.querySelectorAll('[data-testid=offer-list] button')].map((b) => [b.getAttribute('data-id'), b.getAttribute('aria-pressed')]),
		detail: document.querySelector('[data-testid=offer-detail] h2')!.textContent
	}));
}

describe('offers permalink', () => {
	let page: Page;
	const views: Awaited<ReturnType<typeof offersView>>[] = [];
	const urls: string[] = [];
	const all = offers();
	const u3 = all.filter((o) => o.life_phases.includes('u3'));
	const topic = u3.flatMap((o) => o.topics).find((tp) => u3.filter((o) => o.topics.includes(tp)).length >= 2)!;
	const byTopic = u3.filter((o) => o.topics.includes(topic));
	// a word of one offer's name that a search finds
	const word = byTopic[0].name.split(/\s+/).find((w) => w.length >= 4)!.toLowerCase();
	const found = byTopic.filter((o) => `${o.name} ${o.provider} ${o.description}`.toLowerCase().includes(word));
	const record = async () => {
		views.push(await offersView(page));
		urls.push(own(page.url()));
	};

	it('puts filters, search words and the offer in detail into the URL', async () => {
		page = await session.newPage();
		await page.goto(session.baseUrl + 'angebote/');
		await page.waitForSelector('[data-testid=offer-list]', { timeout: 60_000 });
		await record();
		expect(views[0].count).toBe(String(all.length));

		await page.selectOption('[data-testid=offer-phase]', 'u3');
		await page.waitForSelector(`[data-testid=offers-page][data-count="${u3.length}"]`);
		await expect.poll(() => own(page.url())).toContain('lebensphase=u3');
		await record();

		await page.selectOption('#f-topic', topic);
		await page.waitForSelector(`[data-testid=offers-page][data-count="${byTopic.length}"]`);
		await expect.poll(() => new URL(own(page.url())).searchParams.get('thema')).toBe(topic);
		await record();

		// typed letter by letter: one step for the back button, not one per letter
		await page.type('[data-testid=offer-search]', word, { delay: 60 });
		await page.waitForSelector(`[data-testid=offers-page][data-count="${found.length}"]`);
		await expect.poll(() => new URL(own(page.url())).searchParams.get('suche')).toBe(word);
		await record();

		await page.click(`[data-testid=offer-list] button[data-id="${found[0].id}"]`);
		await expect.poll(() => own(page.url())).toContain(`angebot=${found[0].id}`);
		expect(await page.textContent('[data-testid=offer-detail] h2')).toBe(found[0].name);
		await record();
	});

	it('shows the same filtered list and offer from that URL in a fresh browser', async () => {
		const fresh = await session.newPage();
		await fresh.goto(urls.at(-1)!);
		await fresh.waitForSelector('[data-testid=offer-list]', { timeout: 60_000 });
		await expect.poll(() => offersView(fresh)).toEqual(views.at(-1));
		expect(own(fresh.url())).toBe(urls.at(-1));
		await fresh.close();
	});

	it('steps back and forward through the earlier views (the typed word is one step)', async () => {
		for (let k = views.length - 2; k >= 0; k--) {
			await page.goBack();
			await expect.poll(() => own(page.url())).toBe(urls[k]);
			await expect.poll(() => offersView(page)).toEqual(views[k]);
		}
		for (let k = 1; k < views.length; k++) {
			await page.goForward();
			await expect.poll(() => own(page.url())).toBe(urls[k]);
			await expect.poll(() => offersView(page)).toEqual(views[k]);
		}
		await page.close();
	});

	it('shows all offers, URL corrected, when the parameters are invalid', async () => {
		const fresh = await session.newPage();
		await fresh.goto(session.baseUrl + 'angebote/?lebensphase=x&thema=%3Cscript%3E&traeger=nope&sozialraum=1&suche=%00&angebot=ZZZ');
		await fresh.waitForSelector('[data-testid=offer-list]', { timeout: 60_000 });
		await expect.poll(() => own(fresh.url())).toBe(urls[0]);
		expect(await offersView(fresh)).toEqual(views[0]);
		await fresh.close();
	});
});

// ---------------------------------------------------------------- Feinziele

async function targetsView(page: Page) {
	await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=target-card]')].every((e) => e.getAttribute('data-status') !== 'loading'), null, { timeout: 60_000 });
	return page.evaluate(() => ({
		phase: document.querySelector<HTMLSelectElement>('[data-testid=filter-phase]')!.value,
		area: document.querySelector<HTMLSelectElement>('[data-testid=filter-area]')!.value,
		tally: document.querySelector('[data-testid=tally]')!.textContent,
		cards: [...document.querySelectorAll('[data-testid=target-card]')].map((e) => `${e.getAttribute('data-id')}|${e.getAttribute('data-status')}`)
	}));
}

describe('target list permalink', () => {
	it('keeps the list filters in the URL: a fresh browser shows the same list, back restores the previous one', async () => {
		const page = await session.newPage();
		await page.goto(session.baseUrl + 'ziele/');
		await page.waitForSelector('[data-testid=targets-page][data-status=ready]', { timeout: 60_000 });
		const all = await targetsView(page);
		// a phase that some but not all targets have
		const phases = await page.$$eval('[data-testid=filter-phase] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
		let phase = '';
		let filtered = all;
		for (const p of phases) {
			await page.selectOption('[data-testid=filter-phase]', p);
			filtered = await targetsView(page);
			if (filtered.cards.length > 0 && filtered.cards.length < all.cards.length) {
				phase = p;
				break;
			}
		}
		expect(phase).not.toBe('');
		await expect.poll(() => new URL(own(page.url())).searchParams.get('lebensphase')).toBe(phase);
		await page.selectOption('[data-testid=filter-area]', '*');
		await expect.poll(() => new URL(own(page.url())).searchParams.get('gebiet')).toBe('*');
		const both = await targetsView(page);
		const url = own(page.url());

		const fresh = await session.newPage();
		await fresh.goto(url);
		await fresh.waitForSelector('[data-testid=targets-page][data-status=ready]', { timeout: 60_000 });
		await expect.poll(() => targetsView(fresh)).toEqual(both);
		await fresh.close();

		await page.goBack();
		await expect.poll(() => new URL(own(page.url())).searchParams.get('gebiet')).toBeNull();
		await expect.poll(() => targetsView(page)).toEqual(filtered);
		await page.close();
	});
});

// ---------------------------------------------------------------- Präsentation

describe('presentation permalink', () => {
	it('opens presenting at ?folie=n, follows the slide shown and leaves it with Esc', async () => {
		const page = await session.newPage();
		await page.goto(session.baseUrl + 'praesentation/');
		await page.waitForSelector('[data-testid=presentation]');
		// three link slides (no map to load): the deck a planner made elsewhere in this browser
		await page.evaluate(() =>
			localStorage.setItem(
				'sozialraum-monitor.praesentation',
				JSON.stringify({
					title: 'Test',
					slides: ['a', 'b', 'c'].map((id, i) => ({ id, kind: 'chain', title: `Folie ${id}`, caption: '', url: `/kette/?lebensphase=${['u3', '3_6', '6_10'][i]}` }))
				})
			)
		);
		await page.goto(session.baseUrl + 'praesentation/?folie=2');
		await page.waitForSelector('[data-testid=presenter]');
		const index = () => page.getAttribute('[data-testid=presenter]', 'data-index');
		expect(await index()).toBe('1');
		expect(await page.textContent('[data-testid=presenter] h2')).toBe('Folie b');
		// the slide's link is the chain view's permalink
		expect(await page.getAttribute('[data-testid=presenter] [data-testid=slide] a', 'href')).toContain('kette/?lebensphase=3_6');

		await page.keyboard.press('ArrowRight');
		await expect.poll(index).toBe('2');
		await expect.poll(() => new URL(own(page.url())).search).toBe('?folie=3');
		await page.reload();
		await page.waitForSelector('[data-testid=presenter]');
		expect(await index()).toBe('2');

		await page.keyboard.press('Escape');
		await page.waitForSelector('[data-testid=presenter]', { state: 'detached' });
		await expect.poll(() => new URL(own(page.url())).search).toBe('');

		// the start button presents from the first slide; back leaves presenting
		await page.click('[data-testid=present-start]');
		await page.waitForSelector('[data-testid=presenter]');
		await expect.poll(() => new URL(own(page.url())).search).toBe('?folie=1');
		await page.goBack();
		await page.waitForSelector('[data-testid=presenter]', { state: 'detached' });
		expect(new URL(own(page.url())).search).toBe('');

		// a slide number the deck does not have: the editor, no error
		await page.goto(session.baseUrl + 'praesentation/?folie=99');
		await expect.poll(() => page.locator('[data-testid=slide-item]').count()).toBe(3);
		expect(await page.$('[data-testid=presenter]')).toBeNull();
		await page.close();
	});
});

describe('privacy and errors', () => {
	it('made no request outside the site and logged no error', () => {
		expect(session.foreignRequests).toEqual([]);
		expect(session.consoleErrors).toEqual([]);
	});
});
