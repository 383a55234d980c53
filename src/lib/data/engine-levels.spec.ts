/**
 * Levels and boundary versions on the real DuckDB-wasm engine, against the hand-written fixture
 * packages of tests/fixtures/geo/make.ts. Every expected value is recomputed here by hand from
 * the numbers written there (pooled sums, never means of rates).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeConnector } from './connector-node';
import { MonitorEngine } from './engine';
import { packageSourceFromDir } from './source-node';

const load = async (dir: string) => MonitorEngine.load(await createNodeConnector(), await packageSourceFromDir(`tests/fixtures/${dir}`));
const byKey = <T extends { area_key: string }>(rows: T[]) => Object.fromEntries(rows.map((r) => [r.area_key, r]));
const pct = (n: number, d: number) => (n / d) * 100;

let two: MonitorEngine;
let four: MonitorEngine;
let versions: MonitorEngine;
beforeAll(async () => {
	[two, four, versions] = await Promise.all([load('geo-2level'), load('geo-4level'), load('geo-versions')]);
}, 60_000);

describe('a package with two levels (Quartier → Stadt)', () => {
	it('pools the town from its quarters and withholds the complement of a small cell', async () => {
		const q = byKey(await two.valuesFor('armut', 2023));
		// Q3: 2 < 3 (primary); the town total would give it away, so the smallest other, Q4 (20), goes too
		expect(q.Q3).toMatchObject({ flag: 'suppressed', value: null });
		expect(q.Q4).toMatchObject({ flag: 'suppressed', value: null });
		expect(q.Q1).toMatchObject({ value: 20, flag: '' });
		const s = byKey(await two.valuesFor('armut', 2023, 'stadt'));
		expect(s.S.value).toBeCloseTo(pct(50 + 30 + 2 + 20, 250 + 200 + 40 + 160), 10);
		expect((await two.referenceSeries('armut', 'S'))[0].value).toBeCloseTo(pct(102, 650), 10);
		expect((await two.referenceSeries('armut'))[1].value).toBeCloseTo(pct(55 + 28 + 6 + 22, 650), 10);
	});

	it('names its levels and finds the ancestors of a quarter', () => {
		expect(two.levels.map((l) => l.id)).toEqual(['quartier', 'stadt']);
		expect(two.ancestorsOf('Q2', 2024)).toEqual([{ key: 'S', name: 'Kleinstadt', level: 'stadt', parent: '' }]);
	});
});

describe('a package with four levels (Baublock → Sozialraum → Stadtbezirk → Stadt)', () => {
	it('gives each level its pooled values', async () => {
		const soz = byKey(await four.valuesFor('armut', 2023, 'sozialraum'));
		expect(Object.keys(soz)).toEqual(['11', '12', '21', '22']);
		expect(soz['11'].value).toBeCloseTo(pct(30 + 20, 200), 10);
		// 12 contains a withheld pair (121 primary, 122 secondary); its own total is safe and shown
		expect(soz['12']).toMatchObject({ numerator: 26, denominator: 150, flag: '' });
		expect(soz['12'].value).toBeCloseTo(pct(26, 150), 10);
		expect(soz['22'].value).toBeCloseTo(pct(22, 170), 10);
		const bez = byKey(await four.valuesFor('armut', 2023, 'stadtbezirk'));
		expect(bez['1']).toMatchObject({ numerator: 76, denominator: 350, parent: '0' });
		expect(bez['2'].value).toBeCloseTo(pct(97, 520), 10);
		const stadt = await four.valuesFor('armut', 2024, 'stadt');
		expect(stadt).toHaveLength(1);
		expect(stadt[0]).toMatchObject({ area_key: '0', numerator: 28 + 22 + 15 + 24 + 2 + 1 + 11 + 13, denominator: 870 });
	});

	it('withholds the cells, never the safe totals above them', async () => {
		const blocks = byKey(await four.valuesFor('armut', 2023));
		expect(blocks['121'].flag).toBe('suppressed');
		expect(blocks['122'].flag).toBe('suppressed');
		expect(Object.values(blocks).filter((b) => b.flag === 'suppressed')).toHaveLength(2);
		// 2024: 211 (2) and 212 (1) are both primary; their Sozialraum 21 sums to 3 and is shown
		const soz = byKey(await four.valuesFor('armut', 2024, 'sozialraum'));
		expect(soz['21']).toMatchObject({ numerator: 3, denominator: 350, flag: '' });
	});

	it('gives a reference series for any ancestor, not only the direct parent', async () => {
		expect((await four.referenceSeries('armut', '12')).map((r) => r.numerator)).toEqual([26, 39]);
		expect((await four.referenceSeries('armut', '2')).map((r) => r.numerator)).toEqual([97, 27]);
		expect((await four.referenceSeries('armut', '0')).map((r) => r.numerator)).toEqual([173, 116]);
		expect((await four.referenceSeries('armut', '')).map((r) => r.denominator)).toEqual([870, 870]);
		// a finest key is no reference: its cell's own disclosure decision must not be bypassed
		expect(await four.referenceSeries('armut', '121')).toEqual([]);
	});

	it('finds the ancestors of an area at every level', () => {
		expect(four.ancestorsOf('212', 2024).map((a) => [a.level, a.key])).toEqual([['sozialraum', '21'], ['stadtbezirk', '2'], ['stadt', '0']]);
		expect(four.ancestorsOf('21', 2024).map((a) => a.key)).toEqual(['2', '0']);
		expect(four.ancestorsOf('0', 2024)).toEqual([]);
	});

	it('gives the series of an area of any level', async () => {
		expect((await four.seriesFor('2', 'armut')).map((p) => [p.year, p.numerator, p.flag])).toEqual([[2023, 97, ''], [2024, 27, '']]);
		expect((await four.seriesFor('121', 'armut')).map((p) => p.flag)).toEqual(['suppressed', '']);
	});

	it('sums a target scope of several areas of one level, withholding a year with a withheld member', async () => {
		const s = await four.aggregateSeries('armut', ['11', '12']);
		expect(s.map((p) => p.numerator)).toEqual([76, 89]);
		// blocks 121 (withheld) and 111: the sum minus 111 would give 121 away
		const b = await four.aggregateSeries('armut', ['111', '121']);
		expect(b.map((p) => p.flag)).toEqual(['suppressed', '']);
		expect(b[1]).toMatchObject({ numerator: 43, denominator: 150 });
	});

	it('sums population of a coarser area from its blocks when the package gives none for it', async () => {
		// blocks 211 and 212: 900 + 100·4 and 900 + 100·5 residents
		expect(await four.population('21', 2024)).toEqual([{ age_group: 'insgesamt', persons: 1300 + 1400 }]);
	});
});

describe('a package with boundary versions (Gebietsstand 2014 and 2021)', () => {
	it('lists the areas of the version valid in a year', async () => {
		expect((await versions.valuesFor('armut', 2019)).map((r) => r.area_key)).toEqual(['O11', 'O12', 'O21', 'O22', 'O31', 'O32']);
		expect((await versions.valuesFor('armut', 2021)).map((r) => r.area_key)).toEqual(['O11', 'O12', 'O21', 'O40', 'O51', 'O52']);
		expect((await versions.areasIn('gemeinde', 2020)).map((a) => a.key)).toEqual(['G1', 'G2', 'G3']);
		expect((await versions.areasIn('gemeinde')).map((a) => a.key)).toEqual(['G1', 'G23']);
		expect(versions.geometryFor('ortsteil', 2019).features).toHaveLength(6);
		expect(versions.geometryFor('ortsteil', 2022).features.map((f) => f.properties.key)).toContain('O40');
		expect(versions.versionFor('gemeinde', 2020).id).toBe('2014');
	});

	it('lists every area once, old ones with their last year', async () => {
		const areas = await versions.areas();
		expect(areas.filter((a) => a.level === 'ortsteil').map((a) => a.key)).toEqual(['O11', 'O12', 'O21', 'O22', 'O31', 'O32', 'O40', 'O51', 'O52']);
		expect(areas.find((a) => a.key === 'O32')?.valid_to).toBe(2020);
		expect(areas.find((a) => a.key === 'O11')?.valid_to).toBeUndefined();
		// O21 moved: its newest parent is the merged Gemeinde
		expect(areas.find((a) => a.key === 'O21')?.parent).toBe('G23');
	});

	it('pools each year in the hierarchy of its version', async () => {
		const g2019 = byKey(await versions.valuesFor('armut', 2019, 'gemeinde'));
		expect(Object.keys(g2019)).toEqual(['G1', 'G2', 'G3']);
		expect(g2019.G2).toMatchObject({ numerator: 22 + 12, denominator: 180 });
		expect(g2019.G3).toMatchObject({ numerator: 24 + 18, denominator: 180 });
		const g2022 = byKey(await versions.valuesFor('armut', 2022, 'gemeinde'));
		expect(Object.keys(g2022)).toEqual(['G1', 'G23']);
		expect(g2022.G23).toMatchObject({ numerator: 19 + 35 + 10 + 8, denominator: 360, value: 20 });
		// the Kreis is the same area in both versions: one series across the change
		expect((await versions.referenceSeries('armut', 'K')).map((r) => r.numerator)).toEqual([127, 151, 152, 142, 147]);
	});

	it('continues the series of unchanged keys across the change (also one that moved Gemeinde)', async () => {
		expect((await versions.seriesFor('O21', 'armut')).map((p) => p.numerator)).toEqual([20, 22, 21, 20, 19]);
		expect((await versions.seriesFor('G1', 'armut')).map((p) => p.numerator)).toEqual([70, 75, 74, 76, 75]);
		// a new area's own values start with its version (older years are regrouped: engine-conversion.spec),
		// an old one ends with its own
		expect((await versions.seriesFor('G23', 'armut')).filter((p) => !p.origin).map((p) => p.year)).toEqual([2021, 2022]);
		expect((await versions.seriesFor('G3', 'armut')).map((p) => p.year)).toEqual([2018, 2019, 2020]);
	});

	it('finds the ancestors valid in the year', () => {
		expect(versions.ancestorsOf('O21', 2019).map((a) => a.key)).toEqual(['G2', 'K']);
		expect(versions.ancestorsOf('O21', 2021).map((a) => a.key)).toEqual(['G23', 'K']);
		expect(versions.ancestorsOf('G3', 2019).map((a) => a.key)).toEqual(['K']);
		expect(versions.ancestorsOf('G3', 2021)).toEqual([]);
	});

	it('withholds cells and their complements per version', async () => {
		const flags = async (year: number) =>
			(await versions.valuesFor('armut', year)).filter((r) => r.flag === 'suppressed').map((r) => r.area_key);
		// 2018: O32 (2) primary; Gemeinde G3 = O31 + O32, so O31 too
		expect(await flags(2018)).toEqual(['O31', 'O32']);
		expect(await flags(2019)).toEqual([]);
		// 2021: O52 (1) primary; G23 = O21 + O40 + O51 + O52 in the new hierarchy: the smallest, O51 (9)
		expect(await flags(2021)).toEqual(['O51', 'O52']);
		const g2018 = byKey(await versions.valuesFor('armut', 2018, 'gemeinde'));
		expect(g2018.G3).toMatchObject({ numerator: 27, denominator: 180, flag: '' });
	});
});

describe('the public copy of a versioned package', () => {
	it('shows every level with the same protected values as the internal engine', async () => {
		const { mkdtemp } = await import('node:fs/promises');
		const { tmpdir } = await import('node:os');
		const { join } = await import('node:path');
		const { publishPackage } = await import('../../../pipelines/publish/publish');
		const out = join(await mkdtemp(join(tmpdir(), 'geo-public-')), 'pkg');
		await publishPackage('tests/fixtures/geo-versions', out);
		const pub = await MonitorEngine.load(await createNodeConnector(), await packageSourceFromDir(out));
		const strip = (rows: { area_key: string; value: number | null; flag: string }[]) => rows.map((r) => [r.area_key, r.value === null ? null : Math.round(r.value * 1e4) / 1e4, r.flag]);
		for (const year of [2018, 2019, 2020, 2021, 2022]) {
			for (const level of ['ortsteil', 'gemeinde', 'kreis']) {
				expect(strip(await pub.valuesFor('armut', year, level)), `${year} ${level}`).toEqual(strip(await versions.valuesFor('armut', year, level)));
			}
		}
		expect((await pub.seriesFor('G3', 'armut')).map((p) => p.numerator)).toEqual([27, 42, 46]);
	}, 60_000);
});
