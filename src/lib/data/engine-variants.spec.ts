/**
 * The real engine (DuckDB-wasm under Node) on the two packages real deliveries look like
 * (tests/fixtures/variants/make.ts): one without population figures, one of shares only. The
 * expectations are computed here from the package files with plain arithmetic, not with the app's
 * modules, so the engine is checked against the data.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse } from 'd3';
import { beforeAll, describe, expect, it } from 'vitest';
import { variantPackages, VARIANTS_DIR } from '../../../tests/fixtures/variants/make';
import { publishPackage } from '../../../pipelines/publish/publish';
import { readPackageFromDir } from './package/load-node';
import { readPackage } from './package/validate';
import { createNodeConnector } from './connector-node';
import { MonitorEngine } from './engine';
import { packageSourceFromDir } from './source-node';
import { runIndex } from '$lib/index/load';
import { defaultSettings } from '$lib/index/settings';
import { describeMethod } from '$lib/index/describe';
import { translate } from '$lib/i18n/translate';
import type { MessageKey } from '$lib/i18n/messages';

const NO_POP = join(VARIANTS_DIR, '..', 'ohne-einwohner');
const SHARES = join(VARIANTS_DIR, '..', 'nur-anteile');
const csv = (dir: string, file: string) => csvParse(readFileSync(join(dir, file), 'utf8'));
const t = (key: MessageKey, p?: Record<string, string | number>) => translate('de', key, p);

/** Published values of an indicator and year, per area (suppressed and empty cells left out). */
function published(dir: string, id: string, year: number): Map<string, number> {
	return new Map(csv(dir, 'observations.csv').filter((r) => r.indicator_id === id && Number(r.year) === year && r.value !== '').map((r) => [r.area_key!, Number(r.value)]));
}

function residents(dir: string, year: number, groups: string[]): Map<string, number> {
	const out = new Map<string, number>();
	for (const r of csv(dir, 'population.csv')) if (Number(r.year) === year && groups.includes(r.age_group!)) out.set(r.area_key!, (out.get(r.area_key!) ?? 0) + Number(r.persons));
	return out;
}

const load = async (dir: string) => MonitorEngine.load(await createNodeConnector(), await packageSourceFromDir(dir));

describe('the variant fixtures', () => {
	it('are what tests/fixtures/variants/make.ts writes, byte for byte', () => {
		for (const [name, files] of Object.entries(variantPackages())) {
			for (const [file, text] of Object.entries(files)) expect(readFileSync(join(VARIANTS_DIR, '..', name, file), 'utf8'), `${name}/${file}`).toBe(text);
		}
	});

	it('are valid data packages', async () => {
		for (const dir of [NO_POP, SHARES]) {
			const { data, problems } = readPackage(await readPackageFromDir(dir));
			expect(problems.filter((p) => p.severity === 'error'), dir).toEqual([]);
			expect(data).not.toBeNull();
		}
	});
});

describe('a package without population figures (tests/fixtures/ohne-einwohner)', () => {
	let engine: MonitorEngine;
	// loading DuckDB and a package takes well over the 10 s hook default on a busy machine
	beforeAll(async () => {
		engine = await load(NO_POP);
	}, 120_000);

	it('the Sozialindex applies no minimum and says so, instead of excluding every area as too small', async () => {
		const [indicators, yearsBy] = await Promise.all([engine.indicators(), engine.yearsByIndicator()]);
		const settings = defaultSettings(indicators);
		expect(settings.minPopulation).toBe(300);
		const run = (await runIndex(engine, settings, { indicators, yearsBy }))!;
		expect(run.status.populationMinimum).toBe('noPopulation');
		expect(run.status.areas.every((a) => a.population === null)).toBe(true);
		expect(run.status.areas.some((a) => a.exclusion?.reason === 'population')).toBe(false);
		// every area with all three values is in: the 41 areas minus those with a withheld value
		const complete = [...published(NO_POP, 'sgb2_u15', run.year).keys()].filter((k) => ['alleinerziehend', 'fluktuation'].every((id) => published(NO_POP, id, run.year).has(k)));
		expect(run.status.included).toBeGreaterThan(30);
		expect(run.status.included).toBeLessThanOrEqual(complete.length);
		const text = describeMethod(settings, run.status, run.dynamics, { t, label: (id) => id, year: run.year, locale: 'de-DE' }).join(' ');
		expect(text).toContain('Keine Einwohnerzahlen im Datenpaket: Mindestgröße nicht angewandt.');
		expect(text).not.toContain('unter 300 Einwohnerinnen und Einwohnern sind ausgeschlossen');
	});

	it('keeps the pooled city value where numerators exist', async () => {
		const p = (await engine.referenceSeries('sgb2_u15')).find((x) => x.year === 2025)!;
		expect(p).toMatchObject({ basis: 'pooled', weights: null });
		expect(p.value).toBeCloseTo((p.numerator! / p.denominator!) * 100, 10);
	});

	it('a shares-only indicator without population: the unweighted mean of the published values', async () => {
		const points = await engine.referenceSeries('sprache_befund');
		expect(points.map((p) => p.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
		const values = [...published(NO_POP, 'sprache_befund', 2024).values()];
		const p = points.find((x) => x.year === 2024)!;
		expect(p).toMatchObject({ basis: 'mean', weights: null, numerator: null, denominator: null, areas_used: values.length });
		expect(p.value).toBeCloseTo(values.reduce((s, v) => s + v, 0) / values.length, 10);
	});
});

describe('a package of shares only (tests/fixtures/nur-anteile)', () => {
	let engine: MonitorEngine;
	// loading DuckDB and a package takes well over the 10 s hook default on a busy machine
	beforeAll(async () => {
		engine = await load(SHARES);
	}, 120_000);

	it('has no numerator anywhere, and still a reference for every year: the population-weighted mean', async () => {
		expect(csv(SHARES, 'observations.csv').every((r) => r.numerator === '' && r.denominator === '')).toBe(true);
		const points = await engine.referenceSeries('sgb2_u15');
		expect(points.map((p) => [p.year, p.basis, p.weights])).toEqual([2021, 2022, 2023, 2024, 2025].map((y) => [y, 'weighted', 'insgesamt']));
		// Σ value × residents / Σ residents over the areas with a published value
		const v = published(SHARES, 'sgb2_u15', 2025);
		const w = residents(SHARES, 2025, ['insgesamt']);
		const expected = [...v].reduce((s, [k, x]) => s + x * w.get(k)!, 0) / [...v.keys()].reduce((s, k) => s + w.get(k)!, 0);
		expect(points.at(-1)!.value).toBeCloseTo(expected, 10);
		expect(points.at(-1)!.areas_used).toBe(v.size);
	});

	it('weights a U3 indicator by the children under 3, and a Stadtbezirk by its own areas', async () => {
		const p = (await engine.referenceSeries('betreuung_u3')).find((x) => x.year === 2024)!;
		expect(p).toMatchObject({ basis: 'weighted', weights: '0_2' });
		const v = published(SHARES, 'betreuung_u3', 2024);
		const w = residents(SHARES, 2024, ['0_2']);
		expect(p.value).toBeCloseTo([...v].reduce((s, [k, x]) => s + x * w.get(k)!, 0) / [...v.keys()].reduce((s, k) => s + w.get(k)!, 0), 10);
		const district = (await engine.referenceSeries('betreuung_u3', '01')).find((x) => x.year === 2024)!;
		const inDistrict = [...v].filter(([k]) => k.startsWith('01'));
		expect(district.areas_used).toBe(inDistrict.length);
		expect(district.value).toBeCloseTo(inDistrict.reduce((s, [k, x]) => s + x * w.get(k)!, 0) / inDistrict.reduce((s, [k]) => s + w.get(k)!, 0), 10);
	});

	it('weighted by the children the indicator refers to, the mean of shares lands on the pooled value the counts would give', async () => {
		// The same cells in the demo city still have their counts: there the city value is pooled.
		const demo = await load('data/musterstadt');
		for (const year of [2021, 2024, 2025]) {
			const pooled = (await demo.referenceSeries('betreuung_u3')).find((x) => x.year === year)!;
			const mean = (await engine.referenceSeries('betreuung_u3')).find((x) => x.year === year)!;
			expect(pooled.basis).toBe('pooled');
			// Σ(share × children 0–2) / Σ children 0–2 ≈ Σ numerators / Σ denominators; the rest is the
			// rounding to one decimal and the office's withheld cells (2025: 31.507 vs 31.491)
			expect(Math.abs(mean.value! - pooled.value!), String(year)).toBeLessThan(0.05);
		}
		// A context indicator names no age group: all residents are the stand-in, visibly coarser
		// (SGB-II-Quote unter 15, 2025: 17.06 vs pooled 19.33). The label says which weights were used.
		const u15 = (await engine.referenceSeries('sgb2_u15')).find((x) => x.year === 2025)!;
		expect(u15.weights).toBe('insgesamt');
		expect(Math.abs(u15.value! - (await demo.referenceSeries('sgb2_u15')).find((x) => x.year === 2025)!.value!)).toBeGreaterThan(1);
	});

	it('the public copy carries the same means in references.csv, and the engine reads them back', async () => {
		const out = join(await mkdtemp(join(tmpdir(), 'public-shares-')), 'pkg');
		await publishPackage(SHARES, out);
		const pub = await load(out);
		for (const id of ['sgb2_u15', 'betreuung_u3', 'sprache_befund']) {
			for (const parent of ['', '01', '06']) {
				const internal = await engine.referenceSeries(id, parent);
				const shown = await pub.referenceSeries(id, parent);
				expect(shown.map((p) => [p.year, p.basis, p.weights, p.areas_used]), `${id} ${parent}`).toEqual(internal.map((p) => [p.year, p.basis, p.weights, p.areas_used]));
				shown.forEach((p, i) => expect(p.value, `${id} ${parent} ${p.year}`).toBeCloseTo(internal[i].value!, 5));
			}
		}
	}, 120_000);
});
