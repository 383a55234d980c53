/**
 * Series across a boundary change on the real DuckDB-wasm engine (tests/fixtures/geo-versions,
 * numbers in tests/fixtures/geo/make.ts): a break by default, exact regroupings where a new area
 * is a union of old ones, crosswalk conversion on request, and disclosure control of both.
 * Expected values are worked by hand from the fixture in the comments.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishPackage } from '../../../pipelines/publish/publish';
import { prepareServedPackage } from '../../../pipelines/serve/prepare';
import { createNodeConnector } from './connector-node';
import { MonitorEngine } from './engine';
import { packageSourceFromDir } from './source-node';

const DIR = 'tests/fixtures/geo-versions';
const load = async (dir: string) => MonitorEngine.load(await createNodeConnector(), await packageSourceFromDir(dir));
let engine: MonitorEngine;
beforeAll(async () => {
	engine = await load(DIR);
}, 60_000);

const pts = (s: { year: number; value: number | null; origin?: string; flag: string }[]) => s.map((p) => [p.year, p.value === null ? null : Math.round(p.value * 1e4) / 1e4, p.origin ?? 'own', p.flag]);

describe('by default', () => {
	it('offers the methods of the crosswalk, population before area', () => {
		expect(engine.conversionMethods()).toEqual(['population', 'area']);
	});

	it('breaks the series of an area that was cut out of an old one', async () => {
		// O51 is half of the old O32: no value before 2021 without an estimate
		expect(pts(await engine.seriesFor('O51', 'armut'))).toEqual([[2021, null, 'own', 'suppressed'], [2022, 33.3333, 'own', '']]);
		expect(engine.seriesBreaks('O51')).toEqual([
			{ year: 2021, before_de: 'Gebietsstand 2014', before_en: 'Boundaries 2014', after_de: 'Gebietsstand 2021', after_en: 'Boundaries 2021', convertible: true }
		]);
		// an area that ended with the old version breaks too, and nothing converts onto it
		expect(engine.seriesBreaks('G3')).toMatchObject([{ year: 2021, convertible: false }]);
		expect(engine.seriesBreaks('O11')).toEqual([]);
	});

	it('regroups exactly a new area that is a union of old ones, and does not mark a break', async () => {
		// O40 = O22 + O31. 2018: O31 is withheld, and {O22, O31} is no old area whose total is
		// published: withheld. 2019: (12 + 24) / (80 + 120); 2020: (11 + 26) / 200.
		expect(pts(await engine.seriesFor('O40', 'armut'))).toEqual([
			[2018, null, 'regrouped', 'suppressed'],
			[2019, 18, 'regrouped', ''],
			[2020, 18.5, 'regrouped', ''],
			[2021, 18, 'own', ''],
			[2022, 17.5, 'own', '']
		]);
		expect(engine.seriesBreaks('O40')).toEqual([]);
	});

	it('regroups a merged Gemeinde from the totals of its old Gemeinden, even over withheld cells', async () => {
		// G23 = O21 + O22 + O31 + O32 (both halves of O32). 2018: O31, O32 withheld, but G23 = G2 + G3,
		// both published: (20 + 10 + 25 + 2) / 360. 2019: 76 / 360, 2020: 78 / 360, then its own.
		const s = await engine.seriesFor('G23', 'armut');
		expect(pts(s)).toEqual([
			[2018, 15.8333, 'regrouped', ''],
			[2019, 21.1111, 'regrouped', ''],
			[2020, 21.6667, 'regrouped', ''],
			[2021, 18.3333, 'own', ''],
			[2022, 20, 'own', '']
		]);
		expect(s[0]).toMatchObject({ numerator: 57, denominator: 360 });
		expect(engine.seriesBreaks('G23')).toEqual([]);
	});
});

describe('converted on request', () => {
	it('shares out a split area by the chosen method, names it converted and its split share', async () => {
		// population weights O32 → O51 0.6: 2019 0.6·18 / 0.6·60 = 30 %, all of it from a split area
		const byPop = await engine.seriesFor('O51', 'armut', { convert: 'population' });
		expect(pts(byPop)).toEqual([
			[2018, null, 'converted', 'suppressed'],
			[2019, 30, 'converted', ''],
			[2020, 33.3333, 'converted', ''],
			[2021, null, 'own', 'suppressed'],
			[2022, 33.3333, 'own', '']
		]);
		expect(byPop[1]).toMatchObject({ split_share: 1 });
		expect(byPop[1].numerator).toBeCloseTo(10.8, 10);
		expect(byPop[1].denominator).toBeCloseTo(36, 10);
		// area weights 0.5: the rate is the same, the counts are halves
		const byArea = await engine.seriesFor('O51', 'armut', { convert: 'area' });
		expect(byArea[1]).toMatchObject({ numerator: 9, denominator: 30, origin: 'converted', split_share: 1 });
	});

	it('withholds a converted value that contains a withheld cell (2018: O32)', async () => {
		const s = await engine.seriesFor('O52', 'armut', { convert: 'area' });
		expect(s[0]).toMatchObject({ year: 2018, value: null, numerator: null, flag: 'suppressed', origin: 'converted' });
	});

	it('converts a rate the same way', async () => {
		// hze 2020, O40 = O22 + O31: (3 + 4) / (120 + 180) × 1000
		const s = await engine.seriesFor('O40', 'hze');
		expect(s[0]).toMatchObject({ year: 2020, origin: 'regrouped' });
		expect(s[0].value).toBeCloseTo((7 / 300) * 1000, 10);
	});

	it('draws an old year on today’s areas: own values where an area existed, regrouped or converted elsewhere', async () => {
		const rows = await engine.convertedValuesFor('armut', 2019, 'ortsteil', 'area');
		expect(rows.map((r) => [r.area_key, r.numerator, r.denominator, r.origin ?? 'own'])).toEqual([
			['O11', 42, 200, 'own'],
			['O12', 33, 150, 'own'],
			['O21', 22, 100, 'own'],
			['O40', 36, 200, 'regrouped'],
			['O51', 9, 30, 'converted'],
			['O52', 9, 30, 'converted']
		]);
		const g = await engine.convertedValuesFor('armut', 2019, 'gemeinde', 'area');
		expect(g.map((r) => [r.area_key, r.numerator, r.denominator])).toEqual([['G1', 75, 350], ['G23', 76, 360]]);
		// a year of the newest version: nothing to convert
		expect(await engine.convertedValuesFor('armut', 2022, 'ortsteil', 'area')).toEqual(await engine.valuesFor('armut', 2022));
	});
});

describe('in the public copy and the served layout', () => {
	it('gives the same converted and regrouped series as the internal package', async () => {
		const pub = join(await mkdtemp(join(tmpdir(), 'conv-public-')), 'pkg');
		await publishPackage(DIR, pub);
		const served = await mkdtemp(join(tmpdir(), 'conv-served-'));
		await prepareServedPackage(DIR, served);
		const [p, sv] = await Promise.all([load(pub), load(served)]);
		for (const key of ['O40', 'O51', 'O52', 'G23', 'G1', 'K']) {
			for (const convert of [null, 'area', 'population'] as const) {
				const want = pts(await engine.seriesFor(key, 'armut', { convert }));
				expect(pts(await p.seriesFor(key, 'armut', { convert })), `public ${key} ${convert}`).toEqual(want);
				expect(pts(await sv.seriesFor(key, 'armut', { convert })), `served ${key} ${convert}`).toEqual(want);
			}
		}
	}, 120_000);
});
