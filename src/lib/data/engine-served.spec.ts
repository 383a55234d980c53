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
		const { whole, split } = await pair(join(pub, 'pkg'));
		await expectSameAnswers(whole, split);
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
