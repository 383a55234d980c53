/**
 * The engine on the real demo package: loads every table, and what the atlas will show is
 * plausible and protected (tiny areas suppressed, city value from sums).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeConnector } from './connector-node';
import { MonitorEngine } from './engine';
import { packageSourceFromDir } from './source-node';

let engine: MonitorEngine;
beforeAll(async () => {
	engine = await MonitorEngine.load(await createNodeConnector(), await packageSourceFromDir('data/musterstadt'));
});

describe('engine on data/musterstadt', () => {
	it('loads all areas, indicators and years', async () => {
		const areas = await engine.areas();
		expect(areas.filter((a) => a.level === 'sozialraum').length).toBeGreaterThanOrEqual(38);
		expect(areas.filter((a) => a.level === 'stadtbezirk')).toHaveLength(6);
		expect((await engine.indicators()).length).toBeGreaterThanOrEqual(24);
		expect((await engine.yearsByIndicator()).sgb2_u15).toEqual([...Array(12).keys()].map((i) => 2014 + i));
	});

	it('never lets a small positive numerator of a tiny area out of the engine', async () => {
		let suppressed = 0;
		for (const ind of await engine.indicators()) {
			for (const r of await engine.valuesFor(ind.id, 2025)) {
				if (r.flag === 'suppressed') suppressed++;
				if (r.numerator !== null) expect(r.numerator === 0 || r.numerator >= engine.disclosure.minNumerator).toBe(true);
			}
		}
		expect(suppressed).toBeGreaterThan(0);
	});

	it('puts the city SGB-II rate under 15 between the lowest and highest area', async () => {
		const city = (await engine.referenceSeries('sgb2_u15')).find((p) => p.year === 2025)!;
		const values = (await engine.valuesFor('sgb2_u15', 2025)).map((r) => r.value).filter((v): v is number => v !== null);
		expect(city.value!).toBeGreaterThan(Math.min(...values));
		expect(city.value!).toBeLessThan(Math.max(...values));
		expect(city.value!).toBeCloseTo((city.numerator! / city.denominator!) * 100, 10);
		expect(city.basis).toBe('pooled');
	});
});
