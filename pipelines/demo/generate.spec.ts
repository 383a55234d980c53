import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPackageFromDir } from '../../src/lib/data/package/load-node';
import type { PackageData, Problem } from '../../src/lib/data/package/model';
import { readPackage } from '../../src/lib/data/package/validate';
import { LIFE_PHASES, type Observation } from '../../src/lib/data/types';
import { buildDemoPackage } from './build';
import { FLAWS } from './flaws';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const COMMITTED = join(ROOT, 'data/musterstadt');
const TSX_CLI = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const YEARS = Array.from({ length: 12 }, (_, i) => 2014 + i);

let outRoot: string;
let outDir: string;
let data: PackageData;
let problems: Problem[];

beforeAll(async () => {
	outRoot = await mkdtemp(join(tmpdir(), 'demo-'));
	outDir = join(outRoot, 'musterstadt');
	// The same command as `npm run data:demo`, only into a temporary folder (it writes both demo packages).
	const run = spawnSync(process.execPath, [TSX_CLI, 'pipelines/demo/generate.ts', outRoot], { cwd: ROOT, encoding: 'utf8' });
	if (run.status !== 0) throw new Error(`generator failed: ${run.stderr}`);
	const result = readPackage(await readPackageFromDir(outDir));
	problems = result.problems;
	if (!result.data) throw new Error(problems.map((p) => p.message_de).join('\n'));
	data = result.data;
}, 60_000);

afterAll(async () => {
	if (outRoot) await rm(outRoot, { recursive: true, force: true });
});

// ---------------------------------------------------------------- helpers

/** Spreadsheet row (header = 1) of an observation in observations.csv. */
const flawRow = (id: string, key: string, year: number) =>
	data.observations.findIndex((o) => o.indicator_id === id && o.area_key === key && o.year === year) + 2;

const obs = (id: string, year?: number) =>
	data.observations.filter((o) => o.indicator_id === id && (year === undefined || o.year === year));
/** The demo (internal) package withholds no population count. */
const persons = (key: string, year: number, group: string): number =>
	data.population.find((p) => p.area_key === key && p.year === year && p.age_group === group)!.persons!;
const pooled = (rows: Observation[], multiplier: number) => {
	const num = rows.reduce((s, o) => s + o.numerator!, 0);
	const den = rows.reduce((s, o) => s + o.denominator!, 0);
	return (num / den) * multiplier;
};
const features = (level: string) => data.areas[level].features;
const sozialraeume = () => features('sozialraum');
const tinyKeys = () => sozialraeume().map((f) => f.properties.key).filter((k) => persons(k, 2025, 'insgesamt') < 400);

function pearson(xs: number[], ys: number[]): number {
	const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
	const my = ys.reduce((s, y) => s + y, 0) / ys.length;
	let sxy = 0, sxx = 0, syy = 0;
	xs.forEach((x, i) => {
		sxy += (x - mx) * (ys[i] - my);
		sxx += (x - mx) ** 2;
		syy += (ys[i] - my) ** 2;
	});
	return sxy / Math.sqrt(sxx * syy);
}

function inside([x, y]: number[], geometry: Polygon | MultiPolygon): boolean {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	return polygons.some((rings) => {
		let hit = false;
		for (const ring of rings) {
			for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
				const [xi, yi] = ring[i];
				const [xj, yj] = ring[j];
				if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
			}
		}
		return hit;
	});
}

/** Planar area in km² (local equirectangular; good enough to compare areas of one city). */
function areaKm2(geometry: Polygon | MultiPolygon): number {
	const ring = (r: Position[]) => {
		let s = 0;
		for (let i = 0, j = r.length - 1; i < r.length; j = i++) s += (r[j][0] - r[i][0]) * (r[j][1] + r[i][1]);
		return Math.abs(s / 2) * 69.3 * 111.2;
	};
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	return polygons.reduce((s, rings) => s + ring(rings[0]) - rings.slice(1).reduce((h, r) => h + ring(r), 0), 0);
}

const allPositions = (f: Feature<Polygon | MultiPolygon>) =>
	(f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2);

// ---------------------------------------------------------------- determinism and validity

describe('the generator', () => {
	it('writes files byte-identical to the committed data/musterstadt (npm run data:demo)', async () => {
		const generated = (await readdir(outDir)).sort();
		const committed = (await readdir(COMMITTED)).sort();
		expect(generated).toEqual(committed);
		for (const file of generated) {
			const a = await readFile(join(outDir, file));
			const b = await readFile(join(COMMITTED, file));
			expect(a.equals(b), `${file} differs from the committed version; run npm run data:demo`).toBe(true);
		}
	});

	it('builds identical content twice in one process (no hidden state, no clock)', () => {
		expect(buildDemoPackage()).toEqual(buildDemoPackage());
	});

	it('produces a package that passes the validator with one warning only: the deliberate share above 100 % (flaws.ts)', () => {
		expect(problems.map((p) => `${p.severity}: ${p.file}, Zeile ${p.row}, ${p.column}`)).toEqual([
			`warning: observations.csv, Zeile ${flawRow('kita_3_6', '0101', 2023)}, numerator`
		]);
	});

	it('keeps files small and follows the CSV conventions', async () => {
		for (const file of await readdir(outDir)) {
			const text = await readFile(join(outDir, file), 'utf8');
			const size = (await stat(join(outDir, file))).size;
			expect(text.charCodeAt(0), `${file}: BOM`).not.toBe(0xfeff);
			expect(text.includes('\r'), `${file}: CR`).toBe(false);
			expect(text.endsWith('\n'), `${file}: final LF`).toBe(true);
			if (file.endsWith('.geojson')) expect(size).toBeLessThan(300 * 1024);
			if (file.endsWith('.csv')) {
				expect(size).toBeLessThan(3 * 1024 * 1024);
				expect(text, `${file}: exponent notation`).not.toMatch(/(^|,)-?\d+(\.\d+)?e[+-]?\d+(,|$)/m);
				expect(text, `${file}: negative zero`).not.toMatch(/(^|,)-0(,|$)/m);
			}
		}
	});
});

// ---------------------------------------------------------------- descriptor and areas

describe('datapackage.json', () => {
	it('declares the project block as agreed', () => {
		const meta = data.descriptor.sozialraum;
		expect(meta).toMatchObject({
			fictional: true,
			datenstand: '2026-06-30',
			territory_de: 'Musterstadt',
			disclosure: { minNumerator: 3, minDenominator: 0 },
			default_indicator: 'sgb2_u15'
		});
		expect(meta.levels.map((l) => [l.id, l.path])).toEqual([
			['sozialraum', 'areas-sozialraum.geojson'],
			['stadtbezirk', 'areas-stadtbezirk.geojson'],
			['stadt', 'areas-stadt.geojson']
		]);
		expect(data.descriptor.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
	});

	it('describes every CSV column in the schema, in file order', async () => {
		for (const r of data.descriptor.resources.filter((r) => r.format === 'csv')) {
			const header = (await readFile(join(outDir, r.path), 'utf8')).split('\n')[0].split(',');
			expect(r.schema?.fields.map((f) => f.name)).toEqual(header);
			expect(r).toMatchObject({ mediatype: 'text/csv', encoding: 'utf-8' });
		}
	});
});

describe('areas', () => {
	it('has about 40 Sozialräume in 6 Stadtbezirke in one city', () => {
		expect(sozialraeume().length).toBeGreaterThanOrEqual(38);
		expect(sozialraeume().length).toBeLessThanOrEqual(44);
		expect(features('stadtbezirk').map((f) => [f.properties.key, f.properties.name])).toEqual([
			['01', 'Mitte'], ['02', 'Nord'], ['03', 'Ost'], ['04', 'Süd'], ['05', 'West'], ['06', 'Hafen']
		]);
		expect(features('stadt').map((f) => f.properties)).toEqual([{ key: '00', name: 'Musterstadt', level: 'stadt', parent: '' }]);
	});

	it('uses text keys with leading zeros that start with the Bezirk key', () => {
		for (const f of sozialraeume()) {
			expect(Object.keys(f.properties)).toEqual(['key', 'name', 'level', 'parent']);
			expect(f.properties.key).toMatch(/^0[1-6]\d{2}$/);
			expect(f.properties.key.slice(0, 2)).toBe(f.properties.parent);
		}
		for (const f of features('stadtbezirk')) expect(f.properties.parent).toBe('00');
	});

	it('has unique German names, with umlauts and ß somewhere', () => {
		const names = sozialraeume().map((f) => f.properties.name);
		expect(new Set(names).size).toBe(names.length);
		expect(names.some((n) => /[äöü]/.test(n))).toBe(true);
		expect(names.some((n) => n.includes('ß'))).toBe(true);
		expect(names).toEqual(expect.arrayContaining(['Altstadt', 'Nordviertel', 'Lindenhof', 'Am Hafen', 'Altstadt/Süd']));
	});

	it('lies in NRW, spans about 14 km × 11 km, with coordinates rounded to 5 decimals', () => {
		const positions = sozialraeume().flatMap(allPositions);
		for (const [lon, lat] of positions) {
			expect(Math.round(lon * 1e5) / 1e5).toBe(lon);
			expect(Math.round(lat * 1e5) / 1e5).toBe(lat);
		}
		const lons = positions.map((p) => p[0]);
		const lats = positions.map((p) => p[1]);
		const widthKm = (Math.max(...lons) - Math.min(...lons)) * 69.3;
		const heightKm = (Math.max(...lats) - Math.min(...lats)) * 111.2;
		expect(widthKm).toBeGreaterThan(12);
		expect(widthKm).toBeLessThan(17);
		expect(heightKm).toBeGreaterThan(9);
		expect(heightKm).toBeLessThan(13.5);
		expect(Math.abs((Math.max(...lons) + Math.min(...lons)) / 2 - 7.3)).toBeLessThan(0.05);
		expect(Math.abs((Math.max(...lats) + Math.min(...lats)) / 2 - 51.5)).toBeLessThan(0.05);
	});

	it('has contiguous Stadtbezirke and a city outline without holes', () => {
		for (const f of [...features('stadtbezirk'), ...features('stadt')]) {
			expect(f.geometry.type, f.properties.name).toBe('Polygon');
		}
		expect((features('stadt')[0].geometry as Polygon).coordinates).toHaveLength(1);
	});

	it('tiles the city: the Sozialräume add up to the Bezirke and to the city', () => {
		const city = areaKm2(features('stadt')[0].geometry);
		const sum = sozialraeume().reduce((s, f) => s + areaKm2(f.geometry), 0);
		const bezirke = features('stadtbezirk').reduce((s, f) => s + areaKm2(f.geometry), 0);
		expect(Math.abs(sum - city) / city).toBeLessThan(1e-4);
		expect(Math.abs(bezirke - city) / city).toBeLessThan(1e-4);
		expect(city).toBeGreaterThan(90);
		expect(city).toBeLessThan(160);
	});
});

// ---------------------------------------------------------------- indicators and observations

const REQUIRED_IDS = [
	'sgb2_u15', 'sgb2_u3', 'alleinerziehend', 'migration', 'fluktuation', 'geburtenrate', 'babybesuch_reichweite',
	'teenager_geburten', 'betreuung_u3', 'u_untersuchung', 'kinderschutz_8a', 'kita_3_6', 'sprache_befund',
	'koerperkoordination_befund', 'uebergewicht_einschulung', 'masern_impfung', 'sgb2_6_10', 'ogs_quote', 'but_quote',
	'gymnasium_uebergang', 'hze_6_10', 'hze_u18', 'inobhutnahme', 'jugendarbeit_reichweite', 'schulabsentismus',
	'ohne_abschluss', 'jugendarbeitslosigkeit', 'sgb2_u25'
];
const SCHOOL_ENTRY = ['sprache_befund', 'koerperkoordination_befund', 'uebergewicht_einschulung', 'masern_impfung'];

describe('indicators', () => {
	it('has at least 26 indicators covering every life phase, including the agreed ids', () => {
		expect(data.indicators.length).toBeGreaterThanOrEqual(26);
		expect(data.indicators.map((i) => i.id)).toEqual(expect.arrayContaining(REQUIRED_IDS));
		for (const phase of LIFE_PHASES) expect(data.indicators.some((i) => i.life_phase === phase), phase).toBe(true);
	});

	it('gives every indicator labels, numerator, denominator, a fictional source and a unit that fits the multiplier', () => {
		for (const i of data.indicators) {
			for (const key of ['label_de', 'label_en', 'definition_de', 'definition_en', 'numerator_label_de', 'denominator_label_de'] as const) {
				expect(i[key], `${i.id}.${key}`).not.toBe('');
			}
			expect(i.source).toMatch(/\(fiktiv\)$/);
			expect(i.decimals).toBe(1);
			expect(i.value_type).not.toBe('count');
			if (i.unit === '%') expect(i.multiplier).toBe(100);
			if (i.unit === 'je 1.000') expect(i.multiplier).toBe(1000);
		}
	});
});

describe('observations', () => {
	it('has every indicator for every Sozialraum and year 2014–2025 exactly once, sorted, except the deliberately missing row', () => {
		const keys = sozialraeume().map((f) => f.properties.key).sort();
		const gap = FLAWS.find((f) => f.check === 'missing_areas')!;
		expect(data.observations).toHaveLength(data.indicators.length * keys.length * YEARS.length - 1);
		const ids = data.indicators.map((i) => i.id).sort();
		const expected = ids
			.flatMap((id) => keys.flatMap((k) => YEARS.map((y) => `${id}|${k}|${y}`)))
			.filter((x) => x !== `${gap.indicator_id}|${gap.area_key}|${gap.year}`);
		expect(data.observations.map((o) => `${o.indicator_id}|${o.area_key}|${o.year}`)).toEqual(expected);
	});

	it('has integer numerators and denominators wherever a value exists', () => {
		for (const o of data.observations) {
			if (o.flag === 'missing') continue;
			expect(Number.isInteger(o.numerator) && Number.isInteger(o.denominator), `${o.indicator_id} ${o.area_key} ${o.year}`).toBe(true);
		}
	});

	it('puts the city-wide SGB-II-Quote unter 15 around 18–20 %, areas from a few % to about 40 %', () => {
		for (const year of YEARS) {
			const city = pooled(obs('sgb2_u15', year), 100);
			expect(city, String(year)).toBeGreaterThan(17);
			expect(city, String(year)).toBeLessThan(21);
		}
		const values = obs('sgb2_u15', 2020).filter((o) => !tinyKeys().includes(o.area_key)).map((o) => o.value!);
		expect(Math.min(...values)).toBeLessThan(6);
		expect(Math.max(...values)).toBeGreaterThan(33);
		expect(Math.max(...values)).toBeLessThan(46);
	});

	it('lets deprivation drive the other indicators (poorer areas worse)', () => {
		const ordinary = sozialraeume().map((f) => f.properties.key).filter((k) => !tinyKeys().includes(k));
		const values = (id: string) => ordinary.map((k) => obs(id, 2019).find((o) => o.area_key === k)!.value!);
		const poverty = values('sgb2_u15');
		for (const id of ['sprache_befund', 'hze_u18', 'ohne_abschluss', 'jugendarbeitslosigkeit', 'alleinerziehend']) {
			expect(pearson(poverty, values(id)), id).toBeGreaterThan(0.4);
		}
		for (const id of ['gymnasium_uebergang', 'betreuung_u3']) expect(pearson(poverty, values(id)), id).toBeLessThan(-0.3);
	});

	it('has areas that improve and areas that get worse', () => {
		const change = sozialraeume()
			.map((f) => f.properties.key)
			.filter((k) => !tinyKeys().includes(k))
			.map((k) => {
				const series = obs('sgb2_u15').filter((o) => o.area_key === k);
				const mean = (years: number[]) => years.reduce((s, y) => s + series.find((o) => o.year === y)!.value!, 0) / years.length;
				return mean([2023, 2024, 2025]) - mean([2014, 2015, 2016]);
			});
		expect(change.filter((c) => c < -3).length).toBeGreaterThanOrEqual(2);
		expect(change.filter((c) => c > 3).length).toBeGreaterThanOrEqual(2);
	});

	it('has no school-entry examination in 2020 and only part of the children in 2021 (provisional)', () => {
		for (const id of SCHOOL_ENTRY) {
			for (const o of obs(id, 2020)) {
				expect(o).toMatchObject({ value: null, numerator: null, denominator: null, flag: 'missing' });
			}
			expect(obs(id, 2021).every((o) => o.flag === 'provisional')).toBe(true);
			const den = (year: number) => obs(id, year).reduce((s, o) => s + o.denominator!, 0);
			expect(den(2021)).toBeLessThan(0.75 * den(2019));
			expect(obs(id, 2019).every((o) => o.flag === '')).toBe(true);
		}
	});

	it('derives denominators from the population', () => {
		for (const f of sozialraeume()) {
			const k = f.properties.key;
			for (const year of [2014, 2025]) {
				const at = (id: string) => obs(id, year).find((o) => o.area_key === k)!.denominator;
				expect(at('betreuung_u3')).toBe(persons(k, year, '0_2'));
				expect(at('kita_3_6')).toBe(persons(k, year, '3_5'));
				expect(at('sgb2_6_10')).toBe(persons(k, year, '6_9'));
				const under10 = persons(k, year, '0_2') + persons(k, year, '3_5') + persons(k, year, '6_9');
				expect(at('sgb2_u15')!).toBeGreaterThan(under10);
				expect(at('sgb2_u15')!).toBeLessThan(under10 + persons(k, year, '10_15'));
			}
		}
	});
});

// ---------------------------------------------------------------- population

describe('population', () => {
	it('has all age groups for every area and year, consistent with the total', () => {
		const groups = ['0_2', '3_5', '6_9', '10_15', '16_17', '18_26', 'insgesamt'];
		expect(data.population).toHaveLength(sozialraeume().length * YEARS.length * groups.length);
		for (const f of sozialraeume()) {
			for (const year of YEARS) {
				const parts = groups.slice(0, -1).reduce((s, g) => s + persons(f.properties.key, year, g), 0);
				expect(parts).toBeLessThan(persons(f.properties.key, year, 'insgesamt'));
			}
		}
	});

	it('has a few thousand residents in ordinary areas, changing smoothly', () => {
		for (const f of sozialraeume()) {
			const k = f.properties.key;
			if (tinyKeys().includes(k)) continue;
			expect(persons(k, 2020, 'insgesamt')).toBeGreaterThan(2000);
			expect(persons(k, 2020, 'insgesamt')).toBeLessThan(16000);
			for (const year of YEARS.slice(1)) {
				const ratio = persons(k, year, 'insgesamt') / persons(k, year - 1, 'insgesamt');
				expect(Math.abs(ratio - 1)).toBeLessThan(0.05);
			}
		}
	});

	it('has 2–3 tiny areas whose small counts the engine must suppress', () => {
		expect(tinyKeys().length).toBeGreaterThanOrEqual(2);
		expect(tinyKeys().length).toBeLessThanOrEqual(3);
		for (const k of tinyKeys()) {
			expect(YEARS.every((y) => persons(k, y, 'insgesamt') < 400)).toBe(true);
			const small = data.observations.filter((o) => o.area_key === k && o.numerator !== null && o.numerator > 0 && o.numerator < 3);
			expect(small.length, k).toBeGreaterThan(20);
		}
	});
});

// ---------------------------------------------------------------- offers and targets

describe('offers', () => {
	it('has about 150 offers with 1–3 life phases, topics and providers', () => {
		expect(data.offers.length).toBeGreaterThanOrEqual(130);
		expect(data.offers.length).toBeLessThanOrEqual(170);
		for (const o of data.offers) {
			expect(o.life_phases.length).toBeGreaterThanOrEqual(1);
			expect(o.life_phases.length).toBeLessThanOrEqual(3);
			expect(o.topics.length).toBeGreaterThan(0);
			expect(o.provider).not.toBe('');
		}
		expect(new Set(data.offers.map((o) => o.name)).size).toBe(data.offers.length);
	});

	it('places every offer inside its Sozialraum', () => {
		for (const o of data.offers) {
			const area = sozialraeume().find((f) => f.properties.key === o.area_key)!;
			expect(inside([o.lon, o.lat], area.geometry), `${o.id} ${o.name}`).toBe(true);
		}
	});

	it('gives places only to offers with a capacity (Kita, Familienzentrum, OGS)', () => {
		for (const o of data.offers) {
			const capacity = /^(Kita|Familienzentrum|OGS|Waldkindergarten)\b/.test(o.name);
			expect(o.places === null, o.name).toBe(!capacity);
		}
	});

	it('leaves a gap: some of the poorest areas have far fewer offers per resident than the city', () => {
		const perThousand = (k: string) => (data.offers.filter((o) => o.area_key === k).length / persons(k, 2025, 'insgesamt')) * 1000;
		const ordinary = sozialraeume().map((f) => f.properties.key).filter((k) => !tinyKeys().includes(k));
		const cityRate = (ordinary.reduce((s, k) => s + data.offers.filter((o) => o.area_key === k).length, 0) /
			ordinary.reduce((s, k) => s + persons(k, 2025, 'insgesamt'), 0)) * 1000;
		const poorest = [...ordinary].sort((a, b) => obs('sgb2_u15', 2025).find((o) => o.area_key === b)!.value! - obs('sgb2_u15', 2025).find((o) => o.area_key === a)!.value!).slice(0, 6);
		expect(poorest.filter((k) => perThousand(k) < 0.6 * cityRate).length).toBeGreaterThanOrEqual(2);
	});
});

describe('targets', () => {
	it('has 4 adopted Feinziele on known indicators', () => {
		expect(data.targets).toHaveLength(4);
		expect(new Set(data.targets.map((t) => t.scope_type))).toEqual(new Set(['sozialraum', 'city', 'stadtbezirk']));
		for (const t of data.targets) {
			expect(t.status).toBe('adopted');
			expect(data.indicators.some((i) => i.id === t.indicator_id)).toBe(true);
			expect(t.target_year).toBeGreaterThan(t.baseline_year);
			expect(t.owner).not.toBe('');
			expect(t.decision).not.toBe('');
		}
	});

	it('has baselines equal to the data (pooled numerators and denominators for several areas)', () => {
		for (const t of data.targets) {
			const ind = data.indicators.find((i) => i.id === t.indicator_id)!;
			const keys = t.scope_type === 'city'
				? sozialraeume().map((f) => f.properties.key)
				: t.scope_type === 'stadtbezirk'
					? sozialraeume().filter((f) => t.scope_keys.includes(f.properties.parent)).map((f) => f.properties.key)
					: t.scope_keys;
			const rows = obs(t.indicator_id, t.baseline_year).filter((o) => keys.includes(o.area_key));
			expect(rows.every((o) => o.numerator !== null), t.id).toBe(true);
			expect(Math.abs(t.baseline_value - pooled(rows, ind.multiplier)), t.id).toBeLessThan(1e-6);
		}
	});

	it('sets the child-poverty target on the poorest Sozialraum and the U3 target city-wide at 45 % by 2028', () => {
		const fz01 = data.targets.find((t) => t.indicator_id === 'sgb2_u15')!;
		const ordinary = obs('sgb2_u15', 2020).filter((o) => !tinyKeys().includes(o.area_key));
		const poorest = ordinary.sort((a, b) => b.value! - a.value!)[0];
		expect(fz01.scope_keys).toEqual([poorest.area_key]);
		expect(fz01.target_value).toBe(25);
		expect(data.targets.find((t) => t.indicator_id === 'betreuung_u3')).toMatchObject({ scope_type: 'city', scope_keys: [], target_value: 45, target_year: 2028 });
	});
});

// ---------------------------------------------------------------- Bestandsaufnahme

describe('Bestandsaufnahme', () => {
	it('gives every offer a category and an address with the postcode of its Stadtbezirk', () => {
		for (const o of data.offers) {
			expect(o.category, o.id).not.toBe('');
			expect(o.address, o.id).toMatch(new RegExp(`^\\D+ \\d{1,3}, 451${o.area_key.slice(0, 2)} Musterstadt$`));
		}
	});

	it('has networks for four of six Stadtbezirke and one Sozialraum, with core professions missing somewhere', () => {
		expect(data.networks.filter((n) => n.level === 'stadtbezirk').map((n) => n.area_key)).toEqual(['01', '02', '03', '05']);
		const quarter = data.networks.find((n) => n.level === 'sozialraum')!;
		expect(quarter.area_key).toBe(data.targets.find((t) => t.id === 'FZ01')!.scope_keys[0]);
		const types = (id: string) => new Set(data.network_members.filter((m) => m.network_id === id).map((m) => m.type));
		expect(types('N01').has('polizei')).toBe(true);
		expect(types('N02').has('polizei')).toBe(false);
		expect(types('N05').has('jobcenter')).toBe(false);
		expect(data.network_members.filter((m) => m.type === 'sonstige').map((m) => m.type_label)).toEqual(['Tafel']);
	});

	it('names institutions, never persons', () => {
		for (const text of [...data.network_members.map((m) => m.institution), ...data.networks.map((n) => n.coordinator)]) {
			expect(text).not.toMatch(/\b(Frau|Herr|Dr\.|Prof\.)\s/);
		}
	});

	it('lets the networks meet once a year, one of them not since 2023', () => {
		const last = (id: string) => data.network_meetings.filter((m) => m.network_id === id).map((m) => m.date).sort().at(-1);
		expect(last('N01')).toMatch(/^2025-/);
		expect(last('N05')).toMatch(/^2023-/);
	});

	it('ties measures in all four states to the four Feinziele, with offers that exist', () => {
		expect(new Set(data.measures.map((m) => m.status))).toEqual(new Set(['planned', 'running', 'completed', 'suspended']));
		for (const t of data.targets) expect(data.measures.some((m) => m.target_ids.includes(t.id)), t.id).toBe(true);
		const offerIds = new Set(data.offers.map((o) => o.id));
		expect(data.measures.flatMap((m) => m.offer_ids).every((id) => offerIds.has(id))).toBe(true);
		expect(data.measures.filter((m) => m.offer_ids.length > 0).length).toBeGreaterThanOrEqual(5);
	});
});
