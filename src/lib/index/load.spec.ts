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
});

describe('Sozialindex on data/musterstadt, 2023, default indicators', () => {
	it('Rosenhöhe (0306) is class 1 "hoch" with the population SD and class 2 "mittel" with the sample SD', async () => {
		const base = { ...defaultSettings(indicators), year: 2023 };
		const pop = (await runIndex(engine, { ...base, sd: 'population' }, { indicators, yearsBy }))!;
		const smp = (await runIndex(engine, { ...base, sd: 'sample' }, { indicators, yearsBy }))!;
		const a = pop.status.areas.find((x) => x.key === '0306')!;
		const b = smp.status.areas.find((x) => x.key === '0306')!;
		expect(a.name).toBe('Rosenhöhe');
		expect(pop.status.included).toBe(38);
		// z with n divides by a smaller SD: z_pop = z_sample × √(38/37) (−0.9985 × 1.0134 = −1.0119)
		expect(a.z! / b.z!).toBeCloseTo(Math.sqrt(38 / 37), 10);
		expect(a.z).toBeLessThan(-1);
		expect(b.z).toBeGreaterThan(-1);
		expect([a.statusClass, b.statusClass]).toEqual([1, 2]);
		// it is the only area that moves
		const moved = pop.status.areas.filter((x, i) => x.statusClass !== smp.status.areas[i].statusClass).map((x) => x.key);
		expect(moved).toEqual(['0306']);
	});
});
