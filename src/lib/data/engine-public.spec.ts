/**
 * A public copy (pipelines/publish) loads into the same engine: withheld cells stay withheld, and
 * the city and Stadtbezirk values come from the published totals, not from the emptied cells.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeConnector } from './connector-node';
import { MonitorEngine } from './engine';
import { packageSourceFromDir } from './source-node';
import { publishPackage } from '../../../pipelines/publish/publish';

let engine: MonitorEngine;
beforeAll(async () => {
	const out = join(await mkdtemp(join(tmpdir(), 'public-')), 'pkg');
	await publishPackage('tests/fixtures/mini', out);
	engine = await MonitorEngine.load(await createNodeConnector(), await packageSourceFromDir(out));
});

describe('engine on a public package', () => {
	it('keeps withheld cells withheld', async () => {
		const rows = Object.fromEntries((await engine.valuesFor('armut', 2023)).map((r) => [r.area_key, r]));
		expect(rows['0202']).toMatchObject({ flag: 'suppressed', value: null });
		expect(rows['0201']).toMatchObject({ flag: 'suppressed', value: null });
		expect(rows['0101']).toMatchObject({ value: 20, numerator: 200 });
	});

	it('takes the city value from the published totals, which include the withheld cells', async () => {
		const city = await engine.referenceSeries('armut');
		// (200+50+400+2)/(1000+500+1000+10): summing the public cells alone would give 250/1500
		expect(city.find((p) => p.year === 2023)?.value).toBeCloseTo(25.976096, 5);
		// a withheld Bezirk total is simply not there
		expect((await engine.referenceSeries('armut', '01')).map((p) => p.year)).toEqual([2023]);
	});
});
