/**
 * The index on the real engine and the demo package: the choice of standard deviation decides the
 * class of an area near a band edge (issue #14: the published indices use the population SD).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeConnector } from '$lib/data/connector-node';
import { MonitorEngine } from '$lib/data/engine';
import { packageSourceFromDir } from '$lib/data/source-node';
import type { Indicator } from '$lib/data/types';
import { runIndex } from './load';
import { defaultSettings } from './settings';

let engine: MonitorEngine;
let indicators: Indicator[];
let yearsBy: Record<string, number[]>;
beforeAll(async () => {
	engine = await MonitorEngine.load(await createNodeConnector(), await packageSourceFromDir('data/musterstadt'));
	[indicators, yearsBy] = await Promise.all([engine.indicators(), engine.yearsByIndicator()]);
}, 120_000); // loading DuckDB and the demo outlasts the 10 s hook default on a busy machine

describe('Sozialindex on data/musterstadt, 2020, default indicators', () => {
	it('Ostfeld (0302) is class 3 "niedrig" with the population SD and class 2 "mittel" with the sample SD', async () => {
		const base = { ...defaultSettings(indicators), year: 2020 };
		const pop = (await runIndex(engine, { ...base, sd: 'population' }, { indicators, yearsBy }))!;
		const smp = (await runIndex(engine, { ...base, sd: 'sample' }, { indicators, yearsBy }))!;
		const a = pop.status.areas.find((x) => x.key === '0302')!;
		const b = smp.status.areas.find((x) => x.key === '0302')!;
		expect(a.name).toBe('Ostfeld');
		expect(pop.status.included).toBe(39);
		// z with n divides by a smaller SD: z_pop = z_sample × √(39/38)
		expect(a.z! / b.z!).toBeCloseTo(Math.sqrt(39 / 38), 10);
		expect(a.z).toBeGreaterThan(1);
		expect(b.z).toBeLessThan(1);
		expect([a.statusClass, b.statusClass]).toEqual([3, 2]);
		// it is the only area that moves
		const moved = pop.status.areas.filter((x, i) => x.statusClass !== smp.status.areas[i].statusClass).map((x) => x.key);
		expect(moved).toEqual(['0302']);
	});
});
