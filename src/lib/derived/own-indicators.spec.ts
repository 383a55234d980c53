/**
 * Own indicators beside the precomputed files: which the engine adds (a real engine on the demo
 * package with a real definition), how they join the shipped catalogue, and when a page that
 * draws from the files has to start DuckDB for them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeConnector } from '$lib/data/connector-node';
import { MonitorEngine } from '$lib/data/engine';
import { packageSourceFromDir } from '$lib/data/source-node';
import { MemoryStorage } from '$lib/store/storage';
import type { DerivedRecord } from './model';
import { mayHaveOwnIndicators, ownIndicators, withOwn } from './own-indicators';

const U6: DerivedRecord = {
	id: 'eigen_betreuung_u6', label_de: 'Betreuungsquote unter 6', label_en: '', unit: '%', polarity: 'higher_is_better', life_phase: '3_6', topic: '',
	decimals: 1, definition_de: 'Testdefinition', definition_en: '', numerator_label_de: 'Zähler', denominator_label_de: 'Nenner',
	formula: 'zaehler = betreuung_u3.zaehler + kita_3_6.zaehler; nenner = betreuung_u3.nenner + kita_3_6.nenner; faktor = 100; typ = anteil'
};

describe('own indicators from the engine', () => {
	let engine: MonitorEngine;
	let shipped: Set<string>;
	beforeAll(async () => {
		engine = await MonitorEngine.load(await createNodeConnector(), await packageSourceFromDir('data/musterstadt'));
		shipped = new Set((await engine.indicators()).map((i) => i.id));
		const failures = await engine.derived.sync([{ record: U6, origin: 'local' }]);
		expect([...failures.keys()]).toEqual([]);
	}, 120_000);

	it('are the derived ones the files do not have, with the engine’s years', async () => {
		const own = await ownIndicators(engine, (id) => shipped.has(id));
		expect(own.indicators.map((i) => i.id)).toEqual([U6.id]);
		expect(own.indicators[0].derived).toBe(true);
		expect(own.yearsBy[U6.id]).toEqual(await engine.years(U6.id));
		expect(own.yearsBy[U6.id].length).toBeGreaterThan(0);
		// a derived id that has a file stays with the file
		expect((await ownIndicators(engine, () => true)).indicators).toEqual([]);
	});

	it('follow the shipped catalogue without doubling an id', async () => {
		const all = await engine.indicators();
		const pkg = all.filter((i) => !i.derived);
		const own = await ownIndicators(engine, (id) => shipped.has(id));
		const merged = withOwn(pkg, { betreuung_u3: [2020] }, own);
		expect(merged.indicators.map((i) => i.id)).toEqual([...pkg.map((i) => i.id), U6.id]);
		expect(merged.yearsBy.betreuung_u3).toEqual([2020]);
		expect(withOwn(merged.indicators, merged.yearsBy, own).indicators.length).toBe(merged.indicators.length);
	});
});

describe('mayHaveOwnIndicators (decides whether the profile starts DuckDB)', () => {
	const plain = { name: 'p', resources: [{ name: 'observations' }] };
	const entry = { id: 'x', seq: 1, target: null };
	it('no derived.json and an empty store: no', async () => {
		expect(await mayHaveOwnIndicators(plain, async () => new MemoryStorage<DerivedRecord>())).toBe(false);
	});
	it('a stored entry (even a removal of a package definition): yes', async () => {
		expect(await mayHaveOwnIndicators(plain, async () => new MemoryStorage<DerivedRecord>([entry]))).toBe(true);
	});
	it('a package with derived.json: yes, without asking the store', async () => {
		expect(await mayHaveOwnIndicators({ ...plain, resources: [{ name: 'derived' }] }, () => Promise.reject(new Error('not asked')))).toBe(true);
	});
	it('no storage at all: no', async () => {
		expect(await mayHaveOwnIndicators(plain, () => Promise.reject(new Error('IndexedDB ist in diesem Browser nicht verfügbar.')))).toBe(false);
	});
});
