import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNodeConnector } from '../data/connector-node';
import { MonitorEngine } from '../data/engine';
import { userPackageSource } from '../data/source-user';
import type { Connector } from '../data/connector';
import { formatNumber } from './build-package';
import { runImport } from './pipeline';
import { FIXTURE_DIR } from '../../../tests/fixtures/import/make-fixtures';
import type { ImportConfig } from './config';

const spec = JSON.parse(readFileSync(join(FIXTURE_DIR, '..', 'expected.json'), 'utf8'));
const config = { ...spec.defaults, tables: [{ file: 'sgb2-platzhalter.csv', indicator: 'SGB-II-Quote' }], placeholders: { '.': 'suppressed', '-': 'missing', x: 'missing', '()': 'suppressed', '…': 'missing', '*': 'suppressed', '(n)': 'provisional' } } as ImportConfig;
const files = [config.geometry!.files[0], 'sgb2-platzhalter.csv'].map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(FIXTURE_DIR, name))) }));

let db: Connector | null = null;
afterAll(async () => db?.close());

describe('formatNumber', () => {
	it('writes plain decimals without exponent and integers without ".0"', () => {
		expect(formatNumber(0.00012)).toBe('0.00012');
		expect(formatNumber(1e-7)).toBe('0');
		expect(formatNumber(2024)).toBe('2024');
		expect(formatNumber(7.3921971)).toBe('7.392197');
		expect(formatNumber(null)).toBe('');
	});
});

describe('buildPackage', () => {
	it('writes the package format of data/musterstadt, marked as real data', async () => {
		const r = await runImport(config, files);
		const pkg = r.package!;
		expect(Object.keys(pkg.files).sort()).toEqual(['areas-sozialraum.geojson', 'datapackage.json', 'indicators.csv', 'observations.csv', 'offers.csv', 'population.csv', 'targets.csv']);
		const d = JSON.parse(pkg.files['datapackage.json']);
		expect(d.sozialraum).toMatchObject({ fictional: false, territory_de: 'Beispielstadt', default_indicator: 'sgb2_u15' });
		expect(pkg.files['observations.csv'].split('\n')[0]).toBe('area_key,indicator_id,year,value,numerator,denominator,flag');
		expect(pkg.files['observations.csv']).toContain('0101,sgb2_u15,2019,,,,suppressed');
		// the validator's warnings about empty optional tables are the only remarks
		expect(pkg.problems.filter((p) => p.severity === 'error')).toEqual([]);
	});

	it('gives a package the app engine loads, with flags and keys intact', async () => {
		const r = await runImport(config, files);
		const bytes = Object.fromEntries(Object.entries(r.package!.files).map(([k, v]) => [k, new TextEncoder().encode(v)]));
		db = await createNodeConnector();
		const engine = await MonitorEngine.load(db, userPackageSource(bytes));
		const rows = await engine.valuesFor('sgb2_u15', 2019);
		expect(rows.map((x) => x.area_key)).toEqual(['0101', '0102', '0201', '0202', '0301', '0302']);
		expect(rows[0]).toMatchObject({ flag: 'suppressed', value: null });
		expect(rows[5]).toMatchObject({ flag: 'suppressed' }); // numerator 2 < 3: the engine's own disclosure control
		expect((await engine.indicators())[0].label_de).toBe('SGB-II-Quote unter 15 Jahren');
	});
});
