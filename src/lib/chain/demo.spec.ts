/**
 * The chain and index pipeline on the real demo package (data/musterstadt) through the Node engine:
 * the numbers the pages will show are plausible, the tiny areas are handled, and the documented
 * gap (poor areas with few offers) is found.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeConnector } from '$lib/data/connector-node';
import { MonitorEngine } from '$lib/data/engine';
import { packageSourceFromDir } from '$lib/data/source-node';
import { defaultSettings } from '$lib/index/settings';
import { runIndex } from '$lib/index/load';
import type { Offer } from '$lib/data/types';
import { loadChainData, type ChainData } from './load';
import { coverageByArea, phasesWithPlaces } from './coverage';
import { needByPhase } from './need';
import { buildMatrix, gapsIn } from './matrix';

let engine: MonitorEngine;
let data: ChainData;
let offers: Offer[];
beforeAll(async () => {
	engine = await MonitorEngine.load(await createNodeConnector(), await packageSourceFromDir('data/musterstadt'));
	data = await loadChainData(engine);
	offers = await engine.offers();
}, 60_000);

describe('prevention chain on Musterstadt', () => {
	it('loads 41 areas, all offers and the latest population', () => {
		expect(data.areas).toHaveLength(41);
		expect(offers.length).toBeGreaterThan(140);
		expect(data.populationYear).toBe(2025);
		expect(data.population.filter((p) => p.age_group === 'insgesamt')).toHaveLength(41);
	});

	it('finds early-childhood gaps in poor areas with few offers', () => {
		const keys = data.areas.map((a) => a.key);
		const rows = buildMatrix({
			areas: data.areas,
			need: needByPhase(data.indicators, data.values, keys),
			coverage: coverageByArea(offers, keys, data.population),
			method: 'tercile',
			measure: 'offers',
			placesPhases: phasesWithPlaces(offers)
		});
		const names = gapsIn(rows, 'u3').map((r) => r.name);
		expect(names.some((n) => ['Werftviertel', 'Kanalufer', 'Bahnhofsviertel'].includes(n))).toBe(true);
		for (const r of rows) for (const c of Object.values(r.cells)) if (c.category === 'gap') expect([c.needLevel, c.coverageLevel]).toEqual(['high', 'low']);
	});

	it('computes the default index: tiny areas excluded, every other area in a class', async () => {
		const indicators = await engine.indicators();
		const run = (await runIndex(engine, defaultSettings(indicators), { indicators, yearsBy: await engine.yearsByIndicator() }))!;
		expect(run.year).toBe(2025);
		const excluded = run.status.areas.filter((a) => a.exclusion).map((a) => a.key);
		expect(excluded).toEqual(expect.arrayContaining(['0407', '0605']));
		for (const a of run.status.areas) expect(a.statusClass === null).toBe(a.exclusion !== null);
		expect(run.status.areas.some((a) => a.statusClass === 4 || a.statusClass === 3)).toBe(true);
		expect(run.dynamics!.fromYear).toBe(2023);
		expect(run.dynamics!.areas.filter((d) => d.dynamicsClass).length).toBe(run.status.included);
	});
});
