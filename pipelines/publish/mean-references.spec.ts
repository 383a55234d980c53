/**
 * Mean references of a public copy on a Musterkreis-shaped package (tests/fixtures/geo-versions:
 * Ortsteil → Gemeinde → Kreis; Ostdorf and Südstadt merge into Ostsüd in 2021, their Ortsteile
 * re-cut), with one shares-only indicator added here ("kita", life phase 3–6, values without
 * numerator and denominator). The expected numbers are worked out by hand below from the rows
 * this file writes; the engine (DuckDB-wasm under Node) on the internal package is the second
 * reference, so the copy carries what the app shows internally, for every level and version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse } from 'd3';
import { publishPackage, type PublishReport } from './publish';
import { createNodeConnector } from '../../src/lib/data/connector-node';
import { MonitorEngine } from '../../src/lib/data/engine';
import { packageSourceFromDir } from '../../src/lib/data/source-node';

const BASE = 'tests/fixtures/geo-versions';

const KITA =
	'kita,Kita-Besuchsquote 3–6,Kita attendance 3-6,%,100,proportion,higher_is_better,3_6,Betreuung,Kinder 3–6 in Kitas je Kinder 3–6,Children 3-6 in day care per children 3-6,Kinder in Kitas,Kinder 3–6,Testquelle,1';

/** area, year, value[, numerator, denominator]: shares only except where a count is given. */
const KITA_ROWS: [string, number, number, number?, number?][] = [
	// Gebietsstand 2014 (Ostdorf = O21+O22, Südstadt = O31+O32); O22 has no value in 2020
	['O11', 2019, 80], ['O12', 2019, 90], ['O21', 2019, 70], ['O22', 2019, 60], ['O31', 2019, 50], ['O32', 2019, 40],
	['O11', 2020, 82], ['O12', 2020, 92], ['O21', 2020, 72], ['O31', 2020, 52], ['O32', 2020, 42],
	// Gebietsstand 2021 (Ostsüd = O21, O40, O51, O52): Nordheim delivers counts in 2021, so it, the Kreis and the territory pool
	['O11', 2021, 85, 85, 100], ['O12', 2021, 90, 90, 100], ['O21', 2021, 75], ['O40', 2021, 65], ['O51', 2021, 55], ['O52', 2021, 45],
	// 2022: O52 has 2 children counted (no denominator): withheld, so it must not enter any mean
	['O11', 2022, 86], ['O12', 2022, 91], ['O21', 2022, 76], ['O40', 2022, 66], ['O51', 2022, 56], ['O52', 2022, 46, 2]
];

/** Children 3–5 in the 2021 Ortsteile (2021 and 2022); the old years have only all residents. */
const CHILDREN_3_5: Record<string, number> = { O11: 50, O12: 60, O21: 70, O40: 80, O51: 90, O52: 100 };

async function writePackage(dir: string, o52value = 46): Promise<void> {
	await cp(BASE, dir, { recursive: true });
	await writeFile(join(dir, 'indicators.csv'), (await readFile(join(BASE, 'indicators.csv'), 'utf8')).trimEnd() + '\n' + KITA + '\n');
	const obs = KITA_ROWS.map(([k, y, v, n, d]) => `${k},kita,${y},${k === 'O52' && y === 2022 ? o52value : v},${n ?? ''},${d ?? ''},`);
	await writeFile(join(dir, 'observations.csv'), (await readFile(join(BASE, 'observations.csv'), 'utf8')).trimEnd() + '\n' + obs.join('\n') + '\n');
	const pop = [2021, 2022].flatMap((y) => Object.entries(CHILDREN_3_5).map(([k, n]) => `${k},${y},3_5,${n}`));
	await writeFile(join(dir, 'population.csv'), (await readFile(join(BASE, 'population.csv'), 'utf8')).trimEnd() + '\n' + pop.join('\n') + '\n');
}

let tmp: string;
let internal: string;
let out: string;
let report: PublishReport;
let refs: Record<string, string>[];

beforeAll(async () => {
	tmp = await mkdtemp(join(tmpdir(), 'mean-refs-'));
	internal = join(tmp, 'intern');
	out = join(tmp, 'public');
	await writePackage(internal);
	report = await publishPackage(internal, out);
	refs = csvParse(await readFile(join(out, 'references.csv'), 'utf8'));
}, 60_000);
afterAll(async () => {
	await rm(tmp, { recursive: true, force: true });
});

/** The mean rows of kita as "area year basis weights areas_used", and the values by "area|year". */
const kitaMeans = () => refs.filter((r) => r.indicator_id === 'kita' && r.basis !== 'pooled');
const meanOf = (area: string, year: number) => {
	const r = kitaMeans().find((x) => x.area_key === area && Number(x.year) === year);
	return r ? Number(r.value) : undefined;
};

describe('mean references of a public copy with levels and a boundary change', () => {
	it('the fixture is what it claims: a valid package in which only O52 (2022) of kita is withheld', () => {
		const kitaWithheld = report.disclosure.observations.cells.filter((c) => c.indicator_id === 'kita' && c.suppressed);
		expect(kitaWithheld.map((c) => `${c.area_key} ${c.year} ${c.reason}`)).toEqual(['O52 2022 primary']);
	});

	it('writes a mean for every group of every level and version that cannot pool, and none where it can', () => {
		expect(kitaMeans().map((r) => `${r.area_key || '∅'} ${r.year} ${r.basis} ${r.weights} ${r.areas_used}`).sort()).toEqual(
			[
				// 2014 boundaries: the three old Gemeinden, the Kreis and the territory; weights fall back to all residents (no 3–5 counts then)
				'G1 2019 weighted insgesamt 2', 'G2 2019 weighted insgesamt 2', 'G3 2019 weighted insgesamt 2', 'K 2019 weighted insgesamt 6', '∅ 2019 weighted insgesamt 6',
				'G1 2020 weighted insgesamt 2', 'G2 2020 weighted insgesamt 1', 'G3 2020 weighted insgesamt 2', 'K 2020 weighted insgesamt 5', '∅ 2020 weighted insgesamt 5',
				// 2021: Nordheim's counts make G1, K and the territory pooled; only the merged Ostsüd needs a mean
				'G23 2021 weighted 3_5 4',
				// 2022: nobody pools (O52 has no denominator); O52 is withheld and left out everywhere
				'G1 2022 weighted 3_5 2', 'G23 2022 weighted 3_5 3', 'K 2022 weighted 3_5 5', '∅ 2022 weighted 3_5 5'
			].sort()
		);
	});

	it('computes each as the population-weighted mean of the published values (worked by hand)', () => {
		// 2019, all residents: G1 (80·1000 + 90·1200) / 2200; G2 (70·1400 + 60·1600) / 3000; G3 (50·1800 + 40·2000) / 3800
		expect(meanOf('G1', 2019)).toBeCloseTo(188000 / 2200, 5);
		expect(meanOf('G2', 2019)).toBeCloseTo(194000 / 3000, 5);
		expect(meanOf('G3', 2019)).toBeCloseTo(170000 / 3800, 5);
		expect(meanOf('K', 2019)).toBeCloseTo(552000 / 9000, 5);
		expect(meanOf('', 2019)).toBeCloseTo(552000 / 9000, 5);
		// 2020 without O22: Ostdorf is O21 alone
		expect(meanOf('G2', 2020)).toBeCloseTo(72, 5);
		expect(meanOf('K', 2020)).toBeCloseTo((82 * 1000 + 92 * 1200 + 72 * 1400 + 52 * 1800 + 42 * 2000) / 7400, 5);
		// 2021, children 3–5: Ostsüd (75·70 + 65·80 + 55·90 + 45·100) / 340
		expect(meanOf('G23', 2021)).toBeCloseTo(19900 / 340, 5);
		// 2022 without the withheld O52: Ostsüd (76·70 + 66·80 + 56·90) / 240, the Kreis adds Nordheim (86·50 + 91·60)
		expect(meanOf('G1', 2022)).toBeCloseTo(9760 / 110, 5);
		expect(meanOf('G23', 2022)).toBeCloseTo(15640 / 240, 5);
		expect(meanOf('K', 2022)).toBeCloseTo(25400 / 350, 5);
	});

	it('does not depend on a withheld value: another value of O52 (2022) gives the same references.csv', async () => {
		const other = join(tmp, 'intern-other');
		await writePackage(other, 99);
		const again = join(tmp, 'public-other');
		await publishPackage(other, again);
		expect(await readFile(join(again, 'references.csv'), 'utf8')).toBe(await readFile(join(out, 'references.csv'), 'utf8'));
	});
});

describe('the engine on the public copy shows what it shows on the internal package', () => {
	let inner: MonitorEngine;
	let pub: MonitorEngine;
	beforeAll(async () => {
		inner = await MonitorEngine.load(await createNodeConnector(), await packageSourceFromDir(internal));
		pub = await MonitorEngine.load(await createNodeConnector(), await packageSourceFromDir(out));
	}, 60_000);

	it('reference series of every Gemeinde of both versions, the Kreis and the territory', async () => {
		let means = 0;
		for (const id of ['kita', 'armut', 'hze']) {
			for (const key of ['', 'K', 'G1', 'G2', 'G3', 'G23']) {
				const a = await inner.referenceSeries(id, key);
				const b = await pub.referenceSeries(id, key);
				// means: the same years, basis, weights, areas and values
				const mean = (s: typeof a) => s.filter((p) => p.basis !== 'pooled');
				expect(mean(b).map((p) => [p.year, p.basis, p.weights, p.areas_used]), `${id} ${key}`).toEqual(mean(a).map((p) => [p.year, p.basis, p.weights, p.areas_used]));
				mean(b).forEach((p, i) => expect(p.value, `${id} ${key} ${p.year}`).toBeCloseTo(mean(a)[i].value!, 5));
				means += mean(b).length;
				// pooled: the public copy shows exactly the totals the engine does not withhold, with their values
				const pooled = (s: typeof a) => s.filter((p) => p.basis === 'pooled' && p.value !== null).map((p) => [p.year, Number(p.value!.toFixed(4))]);
				expect(pooled(b), `${id} ${key}`).toEqual(pooled(a));
			}
		}
		expect(means).toBe(15);
	}, 60_000);

	it('the Gemeinde level of the atlas: pooled values and withheld totals alike, a shares-only year as missing (a mean is no Gemeinde value)', async () => {
		for (const [id, year] of [['kita', 2019], ['kita', 2021], ['kita', 2022], ['armut', 2018], ['armut', 2021], ['hze', 2021]] as const) {
			const shape = (rows: Awaited<ReturnType<MonitorEngine['valuesFor']>>) => rows.map((r) => [r.area_key, r.flag, r.value === null ? null : Number(r.value.toFixed(4))]);
			expect(shape(await pub.valuesFor(id, year, 'gemeinde')), `${id} ${year}`).toEqual(shape(await inner.valuesFor(id, year, 'gemeinde')));
		}
		// and the case is not empty: Nordheim pools in 2021, Ostsüd cannot
		const rows = await pub.valuesFor('kita', 2021, 'gemeinde');
		expect(rows.map((r) => [r.area_key, r.flag, r.value])).toEqual([['G1', '', 87.5], ['G23', 'missing', null]]);
	});
});
