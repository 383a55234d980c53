/**
 * Derived indicators on the real DuckDB-wasm engine: values hand-computed from the demo's CSV
 * files, pooled references, the served layout, disclosure control of the result, and an attacker
 * who knows every published number and tries to solve for a withheld one (A − B with B withheld).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse } from 'd3';
import { createNodeConnector } from './connector-node';
import { MonitorEngine } from './engine';
import { packageSourceFromDir } from './source-node';
import { DerivedError } from './derived';
import { prepareServedPackage } from '../../../pipelines/serve/prepare';
import { publishPackage } from '../../../pipelines/publish/publish';
import type { DerivedRecord } from '$lib/derived/model';
import { issueText } from '$lib/derived/issue-text';
import { determined } from '$lib/stats/fixtures/rank';

const rec = (id: string, formula: string, over: Partial<DerivedRecord> = {}): DerivedRecord => ({
	id, label_de: `Eigener Indikator ${id}`, label_en: '', unit: '', polarity: 'higher_is_worse', life_phase: 'kontext', topic: '',
	decimals: 1, definition_de: 'Testdefinition', definition_en: '', numerator_label_de: 'Zähler', denominator_label_de: 'Nenner', formula, ...over
});

const load = async (dir: string) => MonitorEngine.load(await createNodeConnector(), await packageSourceFromDir(dir));
const csv = async (path: string) => csvParse(await readFile(path, 'utf8'));

const U6 = 'zaehler = betreuung_u3.zaehler + kita_3_6.zaehler; nenner = betreuung_u3.nenner + kita_3_6.nenner; faktor = 100; typ = anteil';

describe('derived indicators on data/musterstadt', () => {
	let engine: MonitorEngine;
	let obs: Awaited<ReturnType<typeof csv>>;
	let pop: Awaited<ReturnType<typeof csv>>;
	beforeAll(async () => {
		engine = await load('data/musterstadt');
		obs = await csv('data/musterstadt/observations.csv');
		pop = await csv('data/musterstadt/population.csv');
	}, 120_000);
	const raw = (id: string, area: string, year: number) => obs.find((r) => r.indicator_id === id && r.area_key === area && Number(r.year) === year)!;
	const persons = (group: string, area: string, year: number) => Number(pop.find((r) => r.age_group === group && r.area_key === area && Number(r.year) === year)!.persons);

	it('Betreuungsquote unter 6: every area and year equals the sum of the two numerators over the two denominators', async () => {
		const check = await engine.derived.define(rec('eigen_betreuung_u6', U6, { label_de: 'Betreuungsquote unter 6', polarity: 'higher_is_better', life_phase: '3_6' }));
		expect(check.summary!.years).toEqual([...Array(12).keys()].map((i) => 2014 + i));
		const ind = (await engine.indicators()).find((i) => i.id === 'eigen_betreuung_u6')!;
		expect(ind).toMatchObject({ value_type: 'proportion', multiplier: 100, unit: '%', derived: true, life_phase: '3_6' });
		expect(ind.source).toContain('Eigener Indikator (zaehler = betreuung_u3.zaehler + kita_3_6.zaehler;');
		expect((await engine.yearsByIndicator()).eigen_betreuung_u6).toEqual(check.summary!.years);
		let compared = 0;
		for (const year of [2014, 2020, 2025]) {
			for (const row of await engine.valuesFor('eigen_betreuung_u6', year)) {
				const a = raw('betreuung_u3', row.area_key, year);
				const b = raw('kita_3_6', row.area_key, year);
				if (row.flag === 'suppressed' || a.numerator === '' || b.numerator === '') continue;
				const num = Number(a.numerator) + Number(b.numerator);
				const den = Number(a.denominator) + Number(b.denominator);
				expect(row.numerator).toBe(num);
				expect(row.denominator).toBe(den);
				expect(row.value).toBeCloseTo((num / den) * 100, 9);
				compared++;
			}
		}
		expect(compared).toBeGreaterThan(100);
		// Altstadt/Süd (0101) in 2025 by hand from observations.csv: (262 + 420) / (489 + 451)
		const altstadt = (await engine.valuesFor('eigen_betreuung_u6', 2025)).find((r) => r.area_key === '0101')!;
		const a = raw('betreuung_u3', '0101', 2025);
		const b = raw('kita_3_6', '0101', 2025);
		expect(altstadt.value).toBeCloseTo(((Number(a.numerator) + Number(b.numerator)) / (Number(a.denominator) + Number(b.denominator))) * 100, 9);
	});

	it('pools the city reference: Σ numerators / Σ denominators of both parts, never the mean of rates', async () => {
		const city = (await engine.referenceSeries('eigen_betreuung_u6')).find((p) => p.year === 2025)!;
		const rows = obs.filter((r) => Number(r.year) === 2025 && (r.indicator_id === 'betreuung_u3' || r.indicator_id === 'kita_3_6'));
		const byArea = new Map<string, typeof rows>();
		for (const r of rows) byArea.set(r.area_key!, [...(byArea.get(r.area_key!) ?? []), r]);
		let num = 0;
		let den = 0;
		for (const list of byArea.values()) {
			if (list.length !== 2 || list.some((r) => r.numerator === '' || r.denominator === '')) continue;
			num += list.reduce((s, r) => s + Number(r.numerator), 0);
			den += list.reduce((s, r) => s + Number(r.denominator), 0);
		}
		expect(city.numerator).toBe(num);
		expect(city.denominator).toBe(den);
		expect(city.value).toBeCloseTo((num / den) * 100, 9);
	});

	it('a rate per 1,000 of the right age group: § 8a assessments per 1,000 children under 6 (bev_0_2 + bev_3_5)', async () => {
		await engine.derived.define(rec('eigen_8a_u6', 'zaehler = kinderschutz_8a.zaehler; nenner = bev_0_2 + bev_3_5; faktor = 1000; typ = rate'));
		const row = (await engine.valuesFor('eigen_8a_u6', 2024)).find((r) => r.area_key === '0201')!;
		const expected = Number(raw('kinderschutz_8a', '0201', 2024).numerator) / (persons('0_2', '0201', 2024) + persons('3_5', '0201', 2024));
		expect(row.value).toBeCloseTo(expected * 1000, 9);
		// the break of kinderschutz_8a in 2018 is a break of the derived series too
		expect((await engine.seriesFor('0201', 'eigen_8a_u6')).find((p) => p.year === 2018)?.flag).toBe('break');
	});

	it('a count: children under 3 and 6 to 10 in SGB II (sum of two numerators), the city value is their sum', async () => {
		await engine.derived.define(rec('eigen_sgb2_anzahl', 'zaehler = sgb2_u3.zaehler + sgb2_6_10.zaehler; typ = anzahl', { unit: 'Anzahl', decimals: 0 }));
		const rows = await engine.valuesFor('eigen_sgb2_anzahl', 2025);
		const r = rows.find((x) => x.area_key === '0102')!;
		expect(r.value).toBe(Number(raw('sgb2_u3', '0102', 2025).numerator) + Number(raw('sgb2_6_10', '0102', 2025).numerator));
		expect(r.denominator).toBeNull();
		const city = (await engine.referenceSeries('eigen_sgb2_anzahl')).find((p) => p.year === 2025)!;
		const sum = obs.filter((x) => Number(x.year) === 2025 && (x.indicator_id === 'sgb2_u3' || x.indicator_id === 'sgb2_6_10') && x.numerator !== '').reduce((s, x) => s + Number(x.numerator), 0);
		expect(city.value).toBe(sum);
	});

	it('withholds a derived cell with a small numerator in a tiny area, never shows it as 0', async () => {
		const tiny = ['0307', '0407', '0605'];
		const suppressed: string[] = [];
		for (const year of await engine.years('eigen_betreuung_u6')) {
			for (const r of await engine.valuesFor('eigen_betreuung_u6', year)) {
				if (r.numerator !== null) expect(r.numerator === 0 || r.numerator >= 3, `${r.area_key} ${year}`).toBe(true);
				if (r.flag === 'suppressed') {
					suppressed.push(r.area_key);
					expect(r.value).toBeNull();
				}
			}
		}
		expect(suppressed.filter((k) => tiny.includes(k)).length).toBeGreaterThan(0);
	});

	it('a bad formula is refused with German messages and changes nothing', async () => {
		const before = await engine.indicators();
		const err = await engine.derived.define(rec('eigen_kaputt', 'zaehler = betreuung_u3.wert + kita_36.zaehler; nenner = bev_0_2')).catch((e) => e);
		expect(err).toBeInstanceOf(DerivedError);
		expect((err as DerivedError).issues.filter((i) => i.severity === 'error').map((i) => issueText(i))).toEqual([
			'Zähler, Summand 1 („betreuung_u3.wert“): Der Wert von „betreuung_u3“ ist ein Verhältnis (%), keine Anzahl, und lässt sich nicht summieren. Bitte „betreuung_u3.zaehler“ oder „betreuung_u3.nenner“ verwenden.',
			'Zähler, Summand 2 („kita_36.zaehler“): Den Indikator „kita_36“ gibt es im Datenpaket nicht. Gemeint ist vielleicht „kita_3_6“?'
		]);
		expect(await engine.indicators()).toEqual(before);
		expect((await engine.query(`SELECT COUNT(*) AS n FROM observations WHERE indicator_id = 'eigen_kaputt'`))[0].n).toBe(0);
	});

	it('checks the numbers: a proportion above its denominator and denominators of 0 (the tiny areas)', async () => {
		const over = await engine.derived.check(rec('eigen_x', 'zaehler = sgb2_u15.zaehler + sgb2_u15.zaehler + sgb2_u15.zaehler + sgb2_u15.zaehler + sgb2_u15.zaehler + sgb2_u15.zaehler; nenner = sgb2_u15.nenner; typ = anteil'));
		expect(over.issues.find((i) => i.key === 'derived.data.exceeds')).toMatchObject({ severity: 'error' });
		const zero = await engine.derived.check(rec('eigen_y', 'zaehler = but_quote.zaehler; nenner = but_quote.nenner; typ = anteil'));
		const issue = zero.issues.find((i) => i.key === 'derived.data.zeroDenominator');
		expect(issue).toMatchObject({ severity: 'warning' });
		expect(issueText(issue!)).toMatch(/^In \d+ Zellen ist der Nenner 0 \(z\. B\. .+ \d{4}\); dort gibt es keinen Wert\.$/);
		expect(zero.summary!.cells).toBeGreaterThan(0);
		const negative = await engine.derived.check(rec('eigen_z', 'zaehler = sgb2_u3.zaehler - sgb2_u15.zaehler; nenner = bev_0_2; typ = rate'));
		expect(issueText(negative.issues.find((i) => i.key === 'derived.data.negative')!)).toMatch(/^Zähler: Der Zähler wird in \d+ Zellen negativ/);
		expect(engine.derived.has('eigen_x')).toBe(false);
	});

	it('redefines and removes: old rows go, the catalogue follows', async () => {
		await engine.derived.define(rec('eigen_betreuung_u6', U6.replace('faktor = 100', 'faktor = 1000'), { label_de: 'Betreuungsquote unter 6 (je 1.000)' }));
		const row = (await engine.valuesFor('eigen_betreuung_u6', 2025)).find((r) => r.area_key === '0101')!;
		expect(row.value! / 10).toBeCloseTo((row.numerator! / row.denominator!) * 100, 9);
		expect((await engine.indicators()).filter((i) => i.id === 'eigen_betreuung_u6')).toHaveLength(1);
		await engine.derived.remove('eigen_betreuung_u6');
		expect((await engine.indicators()).some((i) => i.id === 'eigen_betreuung_u6')).toBe(false);
		expect((await engine.yearsByIndicator()).eigen_betreuung_u6).toBeUndefined();
		for (const table of ['observations', 'suppressed_cells', 'suppressed_totals']) {
			expect((await engine.query(`SELECT COUNT(*) AS n FROM ${table} WHERE indicator_id = 'eigen_betreuung_u6'`))[0].n).toBe(0);
		}
		expect((await engine.query(`SELECT id, origin FROM derived_indicators ORDER BY id`)).map((r) => r.id)).toEqual(['eigen_8a_u6', 'eigen_sgb2_anzahl']);
	});
});

describe('derived indicators in the served layout', () => {
	it('answer exactly as on the unsplit package, though the parts arrive on demand', async () => {
		const served = await mkdtemp(join(tmpdir(), 'served-derived-'));
		await prepareServedPackage('data/musterstadt', served);
		const [whole, split] = await Promise.all([load('data/musterstadt'), load(served)]);
		const r = rec('eigen_betreuung_u6', U6);
		const rate = rec('eigen_8a_u6', 'zaehler = kinderschutz_8a.zaehler; nenner = bev_0_2 + bev_3_5; faktor = 1000; typ = rate');
		for (const e of [whole, split]) for (const x of [r, rate]) await e.derived.define(x);
		expect(await split.yearsByIndicator()).toEqual(await whole.yearsByIndicator());
		for (const id of [r.id, rate.id]) {
			for (const year of await whole.years(id)) expect(await split.valuesFor(id, year), `${id} ${year}`).toEqual(await whole.valuesFor(id, year));
			for (const p of ['', '01', '03']) expect(await split.referenceSeries(id, p)).toEqual(await whole.referenceSeries(id, p));
		}
	}, 180_000);
});

// ------------------------------------------------------------------------------------------------
// Leak check on tests/fixtures/derived: D = sgb2_u15 − sgb2_u3 ("SGB II 3 bis unter 15").
// 2024: sgb2_u3 is 2 in Klein-Ost (0103) and 1 on Insel (0301), both withheld; sgb2_u15 there is
// 40 and 30, published. 2023: sgb2_u15 is 2 in 0103 (withheld) and sgb2_u3 has no row there.

const A = 'sgb2_u15';
const B = 'sgb2_u3';
const D = 'eigen_sgb2_3_15';
const D_FORMULA = `zaehler = ${A}.zaehler - ${B}.zaehler; nenner = ${A}.nenner - ${B}.nenner; faktor = 100; typ = anteil`;
const FIXTURE = 'tests/fixtures/derived';

type Dim = 'numerator' | 'denominator';
interface Published {
	/** cell "indicator|area|year" → published numbers (null = withheld) or absent (no row / missing) */
	cells: Map<string, { numerator: number | null; denominator: number | null; flag: string }>;
	/** total "indicator|parent|year" → published numbers */
	totals: Map<string, { numerator: number | null; denominator: number | null }>;
}

async function published(engine: MonitorEngine): Promise<Published> {
	const cells: Published['cells'] = new Map();
	const totals: Published['totals'] = new Map();
	for (const id of [A, B, D]) {
		for (const year of [2023, 2024]) {
			for (const r of await engine.valuesFor(id, year)) if (r.flag !== 'missing') cells.set(`${id}|${r.area_key}|${year}`, r);
		}
		for (const p of ['', '01', '02', '03']) {
			for (const t of await engine.referenceSeries(id, p)) totals.set(`${id}|${p}|${t.year}`, t);
		}
	}
	return { cells, totals };
}

/**
 * Which withheld part cells an attacker can solve for, from every published cell and total of
 * A, B and D and the equations between them (totals are sums of their areas, D = A − B).
 */
function recoverable(pub: Published, raw: Map<string, { numerator: number | null; denominator: number | null }>, parentOf: Map<string, string>): string[] {
	const found: string[] = [];
	for (const dim of ['numerator', 'denominator'] as const satisfies readonly Dim[]) {
		for (const year of [2023, 2024]) {
			const vars = [...raw.keys()].filter((k) => k.endsWith(`|${year}`) && raw.get(k)![dim] !== null);
			const unknown = vars.filter((k) => pub.cells.get(k)?.[dim] == null);
			const col = new Map(unknown.map((k, i) => [k, i]));
			const rows: number[][] = [];
			const row = (terms: [string, number][]) => {
				const r = new Array(unknown.length).fill(0);
				for (const [k, c] of terms) if (col.has(k)) r[col.get(k)!] += c;
				rows.push(r);
			};
			const areas = [...parentOf.keys()];
			const under = (p: string) => areas.filter((a) => p === '' || parentOf.get(a) === p);
			for (const p of ['', '01', '02', '03']) {
				for (const id of [A, B]) {
					if (pub.totals.get(`${id}|${p}|${year}`)?.[dim] == null) continue;
					row(under(p).map((a) => [`${id}|${a}|${year}`, 1] as [string, number]).filter(([k]) => vars.includes(k)));
				}
				if (pub.totals.get(`${D}|${p}|${year}`)?.[dim] != null) {
					// D's total sums the areas where D has a row (published or withheld)
					const withD = under(p).filter((a) => pub.cells.has(`${D}|${a}|${year}`));
					row(withD.flatMap((a) => [[`${A}|${a}|${year}`, 1], [`${B}|${a}|${year}`, -1]] as [string, number][]));
				}
			}
			for (const a of areas) {
				if (pub.cells.get(`${D}|${a}|${year}`)?.[dim] != null) row([[`${A}|${a}|${year}`, 1], [`${B}|${a}|${year}`, -1]]);
			}
			unknown.forEach((k, i) => {
				if (determined(rows, i, unknown.length)) found.push(`${k} ${dim}`);
			});
		}
	}
	return found.sort();
}

async function rawCells(dir: string) {
	const raw = new Map<string, { numerator: number | null; denominator: number | null }>();
	for (const r of await csv(join(dir, 'observations.csv'))) {
		raw.set(`${r.indicator_id}|${r.area_key}|${r.year}`, { numerator: r.numerator === '' ? null : Number(r.numerator), denominator: r.denominator === '' ? null : Number(r.denominator) });
	}
	return raw;
}

describe('disclosure control of a derived indicator (A − B)', () => {
	let internal: MonitorEngine;
	let raw: Awaited<ReturnType<typeof rawCells>>;
	let parentOf: Map<string, string>;
	beforeAll(async () => {
		internal = await load(FIXTURE);
		await internal.derived.define(rec(D, D_FORMULA));
		raw = await rawCells(FIXTURE);
		parentOf = new Map((await internal.areas()).filter((a) => a.level === 'sozialraum').map((a) => [a.key, a.parent]));
	}, 120_000);

	it('the attacker finds B from a naive A − B (the check can fail)', async () => {
		const pub = await published(internal);
		// naive: D published everywhere it can be computed, as A − B of the raw numbers
		for (const [k, v] of [...pub.cells]) {
			if (!k.startsWith(`${D}|`)) continue;
			const [, area, year] = k.split('|');
			const a = raw.get(`${A}|${area}|${year}`);
			const b = raw.get(`${B}|${area}|${year}`);
			if (!a || !b) continue;
			pub.cells.set(k, { ...v, numerator: a.numerator! - b.numerator!, denominator: a.denominator! - b.denominator! });
		}
		expect(recoverable(pub, raw, parentOf)).toContain(`${B}|0103|2024 numerator`);
	});

	it('internal package: a cell is withheld where a part is, Klein-Ost’s 38 of 240 included', async () => {
		const rows = Object.fromEntries((await internal.valuesFor(D, 2024)).map((r) => [r.area_key, r]));
		expect(rows['0103']).toMatchObject({ flag: 'suppressed', value: null, numerator: null });
		expect(rows['0301']).toMatchObject({ flag: 'suppressed', value: null });
		expect(rows['0101']).toMatchObject({ numerator: 90, denominator: 640, value: 14.0625 });
		// its internal number is kept for the true totals, as for every withheld cell
		expect((await internal.query(`SELECT numerator FROM observations WHERE indicator_id = ? AND area_key = '0103' AND year = 2024`, [D]))[0].numerator).toBe(38);
	});

	it('internal package: a total goes where a part’s total is withheld (sgb2_u3, Mitte 2024)', async () => {
		const bMitte = (await internal.referenceSeries(B, '01')).find((p) => p.year === 2024)!;
		expect(bMitte.value).toBeNull(); // withheld so that Insel's 1 cannot follow from the city total
		expect((await internal.referenceSeries(D, '01')).find((p) => p.year === 2024)!.value).toBeNull();
		// 2023: sgb2_u15 is withheld in Klein-Ost, where sgb2_u3 is missing, so D's total leaves it out
		expect((await internal.referenceSeries(D, '01')).find((p) => p.year === 2023)!.value).toBeNull();
		expect((await internal.referenceSeries(D, '02')).find((p) => p.year === 2023)!.value).toBeCloseTo(((200 - 45 + 150 - 35 + 60 - 14) / (900 - 180 + 700 - 140 + 400 - 80)) * 100, 9);
	});

	it('internal package: no withheld cell of A or B can be solved for from everything published', async () => {
		expect(recoverable(await published(internal), raw, parentOf)).toEqual([]);
	});

	it('public build: the same holds on the disclosure-controlled copy, where withheld numbers are not even there', async () => {
		const out = join(await mkdtemp(join(tmpdir(), 'public-derived-')), 'pkg');
		await publishPackage(FIXTURE, out);
		const served = await mkdtemp(join(tmpdir(), 'public-served-'));
		await prepareServedPackage(out, served);
		const pub = await load(served);
		await pub.derived.define(rec(D, D_FORMULA));
		const rows = Object.fromEntries((await pub.valuesFor(D, 2024)).map((r) => [r.area_key, r]));
		expect(rows['0103']).toMatchObject({ flag: 'suppressed', value: null });
		expect(rows['0101']).toMatchObject({ numerator: 90, denominator: 640 });
		expect(recoverable(await published(pub), raw, parentOf)).toEqual([]);
		// the city value comes from published cells only (covers fewer areas) and is never a withheld one
		const city = (await pub.referenceSeries(D, '')).find((p) => p.year === 2024);
		expect(city === undefined || city.value === null || (city.numerator !== null && city.numerator >= 3)).toBe(true);
	}, 120_000);

	it('population parts: an age group withheld in the public copy withholds the derived cell', async () => {
		const out = join(await mkdtemp(join(tmpdir(), 'public-pop-')), 'pkg');
		await publishPackage(FIXTURE, out);
		const pub = await load(out);
		// Insel has 2 children aged 3 to 5: withheld in the public copy
		await pub.derived.define(rec('eigen_u6', 'zaehler = bev_0_2 + bev_3_5; nenner = bev_insgesamt; typ = anteil'));
		const insel = (await pub.valuesFor('eigen_u6', 2024)).find((r) => r.area_key === '0301')!;
		expect(insel).toMatchObject({ flag: 'suppressed', value: null });
		const internalRow = (await (await load(FIXTURE)).derived.define(rec('eigen_u6', 'zaehler = bev_0_2 + bev_3_5; nenner = bev_insgesamt; typ = anteil'))).summary!;
		expect(internalRow.cells).toBe(14);
	}, 120_000);
});
