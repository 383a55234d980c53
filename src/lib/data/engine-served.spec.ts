/**
 * The served layout (pipelines/serve/prepare.ts: observations per indicator, disclosure decided at
 * build time) must answer every engine question exactly as the package it was made from. Checked
 * on the demo package and on its public copy, for every indicator, year, area and Stadtbezirk.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareServedPackage } from '../../../pipelines/serve/prepare';
import { publishPackage } from '../../../pipelines/publish/publish';
import { populationForYear, populationYears } from './chain-queries';
import { createNodeConnector } from './connector-node';
import { MonitorEngine } from './engine';
import { packageSourceFromDir } from './source-node';
import type { PackageDescriptor } from './types';
import { precomputeServed } from '../../../pipelines/serve/precompute';
import { precomputedFits, seriesForArea, valuesAllYears, valuesForYear, type AtlasSliceFile, type ChainFile, type PrecomputedIndex, type ProfileShardFile, type ProfileStatsFile } from './precomputed';
import { profileRow } from '$lib/profile/rows';
import { precomputedPopulation, precomputedProfileRows, precomputedSeries } from '$lib/profile/precomputed-rows';
import { listedAreas } from './geography';
import { loadChainData } from '$lib/chain/load';
import { needByPhase } from '$lib/chain/need';

async function pair(dir: string) {
	const served = await mkdtemp(join(tmpdir(), 'served-'));
	const report = await prepareServedPackage(dir, served);
	const [whole, split] = await Promise.all([
		MonitorEngine.load(await createNodeConnector(), await packageSourceFromDir(dir)),
		MonitorEngine.load(await createNodeConnector(), await packageSourceFromDir(served))
	]);
	return { whole, split, served, report };
}

const sortNum = (xs: (number | null)[]) => [...xs].sort((a, b) => (a ?? -Infinity) - (b ?? -Infinity));

async function expectSameAnswers(whole: MonitorEngine, split: MonitorEngine, options: { levels?: boolean } = {}) {
	expect(await split.yearsByIndicator()).toEqual(await whole.yearsByIndicator());
	// population and offers are read on first use in the served layout
	expect(await split.offers()).toEqual(await whole.offers());
	expect(await split.targets()).toEqual(await whole.targets());
	const popYears = await populationYears(whole);
	expect(popYears.length).toBeGreaterThan(0);
	expect(await populationYears(split)).toEqual(popYears);
	expect(await populationForYear(split, popYears.at(-1)!)).toEqual(await populationForYear(whole, popYears.at(-1)!));
	const areas = await whole.areas();
	const base = areas.filter((a) => a.level === whole.baseLevel).map((a) => a.key);
	const parents = ['', ...areas.filter((a) => a.level !== whole.baseLevel && a.parent !== '').map((a) => a.key)];
	let suppressed = 0;
	for (const ind of await whole.indicators()) {
		const years = await whole.years(ind.id);
		expect(await split.years(ind.id), ind.id).toEqual(years);
		for (const year of years) {
			const rows = await whole.valuesFor(ind.id, year);
			expect(await split.valuesFor(ind.id, year), `${ind.id} ${year}`).toEqual(rows);
			suppressed += rows.filter((r) => r.flag === 'suppressed').length;
		}
		expect(sortNum(await split.valuesAllYears(ind.id))).toEqual(sortNum(await whole.valuesAllYears(ind.id)));
		for (const p of parents) expect(await split.referenceSeries(ind.id, p), `${ind.id} ref ${p}`).toEqual(await whole.referenceSeries(ind.id, p));
		for (const key of base) expect(await split.seriesFor(key, ind.id), `${ind.id} ${key}`).toEqual(await whole.seriesFor(key, ind.id));
		expect(await split.population(base[0], years.at(-1)!)).toEqual(await whole.population(base[0], years.at(-1)!));
		const some = base.slice(0, 3);
		expect(await split.aggregateSeries(ind.id, some)).toEqual(await whole.aggregateSeries(ind.id, some));
		if (!options.levels) continue;
		// every level in every year, every area's series (old versions included), coarse scopes
		for (const level of whole.levels.slice(1)) {
			for (const year of years) {
				const rows = await whole.valuesFor(ind.id, year, level.id);
				expect(await split.valuesFor(ind.id, year, level.id), `${ind.id} ${year} ${level.id}`).toEqual(rows);
				suppressed += rows.filter((r) => r.flag === 'suppressed').length;
			}
			expect(sortNum(await split.valuesAllYears(ind.id, level.id))).toEqual(sortNum(await whole.valuesAllYears(ind.id, level.id)));
		}
		for (const a of areas) expect(await split.seriesFor(a.key, ind.id), `${ind.id} ${a.key}`).toEqual(await whole.seriesFor(a.key, ind.id));
		const coarse = areas.filter((a) => a.level === whole.levels[1]?.id).map((a) => a.key);
		expect(await split.aggregateSeries(ind.id, coarse)).toEqual(await whole.aggregateSeries(ind.id, coarse));
	}
	return suppressed;
}

const readJson = async <T>(dir: string, path: string) => JSON.parse(await readFile(join(dir, path), 'utf8')) as T;

/**
 * The precomputed files (pipelines/serve/precompute.ts) decoded as the pages decode them must give
 * the engine's answers: the atlas' values, series and city of every indicator and year, every
 * profile row (rank and spread included) of every area and year, population, and need per phase.
 * With boundary versions also every year's areas (the version valid then), what seriesFor adds
 * after a change (regrouped years), the breaks, and what the pages take from the geometry files
 * before the engine is there (the areas list). Returns how many suppressed cells the comparison
 * covered, and how many rows of areas that exist in one version only.
 */
async function expectSamePrecomputed(engine: MonitorEngine, served: string): Promise<number> {
	return (await comparePrecomputed(engine, served)).suppressed;
}

async function comparePrecomputed(engine: MonitorEngine, served: string): Promise<{ suppressed: number; changedRows: number; extraPoints: number }> {
	await precomputeServed(served);
	const d = await readJson<PackageDescriptor>(served, 'datapackage.json');
	const index = await readJson<PrecomputedIndex>(served, d.sozialraum.precomputed!);
	expect(precomputedFits(index, d.sozialraum.levels)).toBe(true);
	expect(index.conversion_methods ?? []).toEqual(engine.conversionMethods());
	// the pages' areas list and ancestry come from the geometry files before the engine is there
	expect(listedAreas(engine.geography)).toEqual(await engine.areas());
	const indicators = await engine.indicators();
	expect(index.indicators).toEqual(indicators);
	const yearsBy = await engine.yearsByIndicator();
	expect(index.years_by_indicator).toEqual(yearsBy);
	const base = (await engine.areas()).filter((a) => a.level === engine.baseLevel);
	expect(index.areas.key).toEqual(base.map((a) => a.key));
	for (const area of base) expect(index.breaks?.[area.key] ?? [], `breaks ${area.key}`).toEqual(engine.seriesBreaks(area.key));
	// areas some version does not list: their rows are where versions make a difference
	const inEvery = (key: string) => (index.areas.versions ?? []).every((v) => v.members.some((m) => index.areas.key[m] === key));
	const changed = new Set(base.filter((a) => !inEvery(a.key)).map((a) => a.key));
	let suppressed = 0;
	let changedRows = 0;
	let extraPoints = 0;
	for (const ind of indicators) {
		const slice = await readJson<AtlasSliceFile>(served, index.atlas[ind.id]);
		expect(slice.city, `${ind.id} city`).toEqual(await engine.referenceSeries(ind.id));
		for (const year of [...(await engine.years(ind.id)), 1990]) {
			const rows = await engine.valuesFor(ind.id, year);
			expect(valuesForYear(slice, index.areas, year), `${ind.id} ${year}`).toEqual(rows);
			suppressed += rows.filter((r) => r.flag === 'suppressed').length;
			changedRows += rows.filter((r) => changed.has(r.area_key)).length;
		}
		for (const [a, area] of base.entries()) {
			const series = await engine.seriesFor(area.key, ind.id);
			expect(seriesForArea(slice, a), `${ind.id} ${area.key}`).toEqual(series);
			extraPoints += series.filter((p) => p.origin !== undefined).length;
		}
		expect(sortNum(valuesAllYears(slice))).toEqual(sortNum(await engine.valuesAllYears(ind.id)));
	}
	// The profile: every area, every year any indicator has, against profileRow over the engine's answers.
	const stats = await readJson<ProfileStatsFile>(served, index.profile.stats);
	const withData = indicators.filter((i) => (yearsBy[i.id] ?? []).length > 0);
	const allYears = [...new Set(Object.values(yearsBy).flat())].sort((a, b) => a - b);
	const values = new Map<string, Awaited<ReturnType<MonitorEngine['valuesFor']>>>();
	for (const ind of withData) for (const y of allYears) values.set(`${ind.id}|${y}`, await engine.valuesFor(ind.id, y));
	const cities = new Map(await Promise.all(withData.map(async (i) => [i.id, await engine.referenceSeries(i.id)] as const)));
	let rows = 0;
	for (const [s, path] of index.profile.shards.entries()) {
		const shard = await readJson<ProfileShardFile>(served, path);
		expect(shard.keys).toEqual(index.areas.key.slice(s * index.profile.shard_size, (s + 1) * index.profile.shard_size));
		for (const key of shard.keys) {
			const area = base.find((a) => a.key === key)!;
			const series = new Map(await Promise.all(withData.map(async (i) => [i.id, await engine.seriesFor(key, i.id)] as const)));
			for (const year of allYears) {
				const expected = withData.map((ind) => profileRow({ indicator: ind, year, areaKey: key, values: values.get(`${ind.id}|${year}`)!, series: series.get(ind.id)!, city: cities.get(ind.id)! }));
				expect(precomputedProfileRows({ indicators: withData, stats, shard, area, year }), `profile ${key} ${year}`).toEqual(expected);
				if (year === allYears[0]) expect(precomputedSeries({ indicators: withData, stats, shard, area }), `profile series ${key}`).toEqual(withData.map((i) => series.get(i.id)!));
				expect(precomputedPopulation(shard, key, year)).toEqual(await engine.population(key, year));
				rows += expected.length;
			}
		}
	}
	expect(rows).toBe(base.length * allYears.length * withData.length);
	// Need per phase (/kette/): the page's own computation over the engine's latest values.
	const chain = await readJson<ChainFile>(served, index.chain!);
	const data = await loadChainData(engine);
	expect(chain.years).toEqual(data.years);
	const need = needByPhase(data.indicators, data.values, data.areas.map((a) => a.key));
	for (const [phase, m] of need) {
		expect(chain.need[phase].score, phase).toEqual(data.areas.map((a) => m.get(a.key)!.score));
		expect(chain.need[phase].n).toEqual(data.areas.map((a) => m.get(a.key)!.n));
	}
	// The page's precomputed path: same need, years and everything else, without the values.
	const fromFile = await loadChainData(engine, { areas: index.areas, file: chain });
	expect(fromFile.need).toEqual(need);
	expect({ ...fromFile, need: undefined, values: undefined }).toEqual({ ...data, need: undefined, values: undefined });
	// A file for other areas (a different package) is not trusted: the page computes need itself.
	const reversed = { ...chain, ...(chain.keys ? { keys: [...chain.keys].reverse() } : {}) };
	const other = await loadChainData(engine, { areas: { ...index.areas, key: [...index.areas.key].reverse() }, file: reversed });
	expect(other.need).toBeUndefined();
	expect(other.values).toEqual(data.values);
	return { suppressed, changedRows, extraPoints };
}

describe('served layout of data/musterstadt', () => {
	let p: Awaited<ReturnType<typeof pair>>;
	beforeAll(async () => {
		p = await pair('data/musterstadt');
	}, 120_000);

	it('writes one part per indicator and no observations.csv', async () => {
		const d = JSON.parse(await readFile(join(p.served, 'datapackage.json'), 'utf8')) as PackageDescriptor;
		const indicators = await p.whole.indicators();
		expect(d.sozialraum.observation_parts?.map((x) => x.indicator_id).sort()).toEqual(indicators.map((i) => i.id).sort());
		expect(d.resources.some((r) => r.name === 'observations')).toBe(false);
		expect(p.report.observations).toBe(d.sozialraum.observation_parts!.reduce((s, x) => s + x.rows, 0));
		expect(p.report.withheldCells).toBeGreaterThan(0);
	});

	it('answers every query like the whole package, withheld cells included', async () => {
		const suppressed = await expectSameAnswers(p.whole, p.split);
		// the comparison covered the disclosure decisions, not just open cells
		expect(suppressed).toBeGreaterThan(20);
	}, 300_000);

	it('precomputes answers equal to the engine\'s (atlas, profile, need per phase)', async () => {
		const suppressed = await expectSamePrecomputed(p.split, p.served);
		expect(suppressed).toBeGreaterThan(20);
	}, 600_000);

	it('forgets a released indicator and loads it again when asked', async () => {
		const engine = await MonitorEngine.load(await createNodeConnector(), await packageSourceFromDir(p.served));
		const count = async () => Number((await engine.query<{ n: number | bigint }>('SELECT COUNT(*) AS n FROM observations'))[0].n);
		const before = await engine.valuesFor('sgb2_u15', 2025);
		expect(await count()).toBeGreaterThan(0);
		await engine.release(['sgb2_u15']);
		expect(await count()).toBe(0);
		expect(await engine.valuesFor('sgb2_u15', 2025)).toEqual(before);
	}, 60_000);

	it('loads a part only when an indicator is asked for', async () => {
		const engine = await MonitorEngine.load(await createNodeConnector(), await packageSourceFromDir(p.served));
		const count = async () => Number((await engine.query<{ n: number | bigint }>('SELECT COUNT(*) AS n FROM observations'))[0].n);
		expect(await count()).toBe(0);
		await engine.valuesFor('sgb2_u15', 2025);
		const one = await count();
		expect(one).toBeGreaterThan(0);
		await Promise.all([engine.seriesFor('0101', 'sgb2_u15'), engine.referenceSeries('sgb2_u15')]);
		expect(await count()).toBe(one);
	}, 60_000);

	it('refuses to prepare a package twice', async () => {
		await expect(prepareServedPackage(p.served, await mkdtemp(join(tmpdir(), 'served-')))).rejects.toThrow(/bereits/);
	});
});

describe('served layout of the public copy', () => {
	it('answers like the public package (published references, emptied cells)', async () => {
		const pub = await mkdtemp(join(tmpdir(), 'public-'));
		await publishPackage('data/musterstadt', join(pub, 'pkg'));
		const { whole, split, served } = await pair(join(pub, 'pkg'));
		await expectSameAnswers(whole, split);
		// precomputed from the public copy: the same withheld cells, the same published references
		expect(await expectSamePrecomputed(split, served)).toBeGreaterThan(20);
	}, 900_000);
});

describe('served layout of a package of shares only (tests/fixtures/nur-anteile)', () => {
	it('answers like the package, the mean references included', async () => {
		const { whole, split } = await pair('tests/fixtures/nur-anteile');
		await expectSameAnswers(whole, split);
		expect((await split.referenceSeries('sgb2_u15')).every((p) => p.basis === 'weighted')).toBe(true);
	}, 300_000);
});

describe.each(['geo-2level', 'geo-4level', 'geo-versions'])('served layout of tests/fixtures/%s', (dir) => {
	it('answers every question at every level like the whole package, internal and public', async () => {
		const { whole, split } = await pair(`tests/fixtures/${dir}`);
		expect(await expectSameAnswers(whole, split, { levels: true })).toBeGreaterThan(0);
		const pub = await mkdtemp(join(tmpdir(), 'public-'));
		await publishPackage(`tests/fixtures/${dir}`, join(pub, 'pkg'));
		const published = await pair(join(pub, 'pkg'));
		await expectSameAnswers(published.whole, published.split, { levels: true });
	}, 300_000);
});

describe('precomputed answers of packages with levels and boundary versions', () => {
	it('for a 2-level package without versions: equal to the engine\'s, finest level', async () => {
		const { split, served } = await pair('tests/fixtures/geo-2level');
		await expectSamePrecomputed(split, served);
	}, 300_000);

	it('for a package with boundary versions: every year on its version\'s areas, equal to the engine\'s', async () => {
		const { split, served } = await pair('tests/fixtures/geo-versions');
		const r = await comparePrecomputed(split, served);
		expect(r.changedRows).toBeGreaterThan(0);
		const d = await readJson<PackageDescriptor>(served, 'datapackage.json');
		const index = await readJson<PrecomputedIndex>(served, d.sozialraum.precomputed!);
		expect(index.areas.versions?.length).toBeGreaterThan(1);
		// files written without versions (an older build) do not answer for this package
		const { versions: _v, ...flat } = index.areas;
		expect(precomputedFits({ ...index, areas: flat }, d.sozialraum.levels)).toBe(false);
		expect(precomputedFits(index, d.sozialraum.levels.map((l, i) => (i === 0 ? { ...l, versions: undefined } : l)))).toBe(false);
	}, 300_000);
});

describe('precomputed answers of data/musterkreis (Oberau and Niederau merge into Auetal in 2021)', () => {
	it('equal the engine\'s for every indicator, year and Ortsteil, the merger years included', async () => {
		const { split, served } = await pair('data/musterkreis');
		const r = await comparePrecomputed(split, served);
		expect(r.suppressed).toBeGreaterThan(0);
		// the Ortsteile of Oberau and Niederau (until 2020) and of Auetal (from 2021) were compared
		expect(r.changedRows).toBeGreaterThan(0);
		const d = await readJson<PackageDescriptor>(served, 'datapackage.json');
		const index = await readJson<PrecomputedIndex>(served, d.sozialraum.precomputed!);
		expect(index.areas.versions?.map((v) => [v.id, v.members.length])).toEqual([
			['2014', 59],
			['2021', 58]
		]);
		expect(Object.keys(index.breaks ?? {}).length).toBeGreaterThan(0);
		const chain = await readJson<ChainFile>(served, index.chain!);
		expect(chain.keys).toEqual((await split.areasIn(split.baseLevel)).map((a) => a.key));
	}, 600_000);

	it('equal the engine\'s on the public copy (published totals, emptied cells)', async () => {
		const pub = await mkdtemp(join(tmpdir(), 'public-'));
		await publishPackage('data/musterkreis', join(pub, 'pkg'));
		const { split, served } = await pair(join(pub, 'pkg'));
		expect((await comparePrecomputed(split, served)).changedRows).toBeGreaterThan(0);
	}, 600_000);
});
