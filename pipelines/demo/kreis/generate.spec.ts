import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import polygonClipping from 'polygon-clipping';
import type { LoadedPackage, PackageData, Problem } from '../../../src/lib/data/package/model';
import { readPackage } from '../../../src/lib/data/package/validate';
import { areaKm2 } from '../../../src/lib/geo/crosswalk';
import type { Observation } from '../../../src/lib/data/types';
import { buildDemoPackage } from '../build';
import { INDICATORS } from '../indicators';
import { buildKreisPackage } from './build';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const COMMITTED = join(ROOT, 'data/musterkreis');
const YEARS = Array.from({ length: 12 }, (_, i) => 2014 + i);

let files: Record<string, string>;
let data: PackageData;
let problems: Problem[];

/** The package as the validator reads a folder, from the generated texts. */
function loaded(texts: Record<string, string>): LoadedPackage {
	const pkg: LoadedPackage = { descriptor: JSON.parse(texts['datapackage.json']), geojson: {}, csv: {}, unreadable: {} };
	for (const [path, text] of Object.entries(texts)) {
		if (path.endsWith('.csv')) pkg.csv[path] = text;
		else if (path.endsWith('.geojson')) pkg.geojson[path] = JSON.parse(text);
	}
	return pkg;
}

beforeAll(() => {
	files = buildKreisPackage();
	const result = readPackage(loaded(files));
	problems = result.problems;
	if (!result.data) throw new Error(problems.map((p) => p.message_de).join('\n'));
	data = result.data;
}, 60_000);

const version = (level: string, id: string) => data.areaVersions[level][id].features;
const keysOf = (level: string, id: string) => version(level, id).map((f) => f.properties.key);
const persons = (key: string, year: number, group = 'insgesamt') => data.population.find((p) => p.area_key === key && p.year === year && p.age_group === group)!.persons!;
const obs = (id: string, year: number) => data.observations.filter((o) => o.indicator_id === id && o.year === year);
const pooled = (rows: Observation[], multiplier: number) =>
	(rows.reduce((s, o) => s + o.numerator!, 0) / rows.reduce((s, o) => s + o.denominator!, 0)) * multiplier;
const km2 = (g: Polygon | MultiPolygon) => areaKm2((g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as never);
const gemeindeResidents = (gemeinde: string, year: number) => {
	const v = year >= 2021 ? '2021' : '2014';
	return version('ortsteil', v).filter((f) => f.properties.parent === gemeinde).reduce((s, f) => s + persons(f.properties.key, year), 0);
};

describe('the Musterkreis generator', () => {
	it('writes files byte-identical to the committed data/musterkreis (npm run data:demo)', async () => {
		expect((await readdir(COMMITTED)).sort()).toEqual(Object.keys(files).sort());
		for (const [path, text] of Object.entries(files)) {
			expect(text === (await readFile(join(COMMITTED, path), 'utf8')), `${path} differs from the committed version; run npm run data:demo`).toBe(true);
		}
	});

	it('builds identical content twice in one process, independent of Musterstadt', () => {
		buildDemoPackage();
		expect(buildKreisPackage()).toEqual(files);
	});

	it('produces a package that passes the validator without any problem', () => {
		expect(problems).toEqual([]);
	});
});

describe('levels and boundary versions', () => {
	it('has the levels Ortsteil → Gemeinde → Kreis with German labels, and versions 2014–2020 and from 2021', () => {
		const meta = data.descriptor.sozialraum;
		expect(meta).toMatchObject({ fictional: true, territory_de: 'Musterkreis', default_indicator: 'sgb2_u15', disclosure: { minNumerator: 3, minDenominator: 0 } });
		expect(data.descriptor.name).toBe('musterkreis');
		expect(meta.levels.map((l) => [l.id, l.label_de, l.label_plural_de, l.path])).toEqual([
			['ortsteil', 'Ortsteil', 'Ortsteile', 'areas-ortsteil-2021.geojson'],
			['gemeinde', 'Gemeinde', 'Gemeinden', 'areas-gemeinde-2021.geojson'],
			['kreis', 'Kreis', 'Kreise', 'areas-kreis.geojson']
		]);
		for (const level of meta.levels.slice(0, 2)) {
			expect(level.versions!.map((v) => [v.id, v.label_de, v.valid_from, v.valid_to])).toEqual([
				['2014', 'Gebietsstand 2014', 2014, 2020],
				['2021', 'Gebietsstand 2021', 2021, null]
			]);
		}
		expect(data.areas.kreis.features.map((f) => f.properties)).toEqual([{ key: '05999', name: 'Musterkreis', level: 'kreis', parent: '' }]);
	});

	it('has about 10 Gemeinden with about 60 Ortsteile, keys built on the Gemeindeschlüssel', () => {
		expect(keysOf('gemeinde', '2014')).toHaveLength(11);
		expect(keysOf('gemeinde', '2021')).toHaveLength(10);
		for (const v of ['2014', '2021']) {
			const ortsteile = version('ortsteil', v);
			expect(ortsteile.length).toBeGreaterThanOrEqual(55);
			expect(ortsteile.length).toBeLessThanOrEqual(62);
			for (const f of ortsteile) {
				expect(f.properties.key).toMatch(/^05999\d{5}$/);
				expect(keysOf('gemeinde', v)).toContain(f.properties.parent);
			}
			for (const g of version('gemeinde', v)) expect(g.properties).toMatchObject({ level: 'gemeinde', parent: '05999' });
		}
		const names = version('ortsteil', '2021').map((f) => f.properties.name);
		expect(new Set(names).size).toBe(names.length);
		expect(names.some((n) => /[äöüß]/.test(n))).toBe(true);
	});

	it('merges Oberau and Niederau into Auetal in 2021 and re-cuts their Ortsteile, keeping Kesselbach', () => {
		const name = (level: string, v: string, key: string) => version(level, v).find((f) => f.properties.key === key)?.properties.name;
		expect([name('gemeinde', '2014', '05999028'), name('gemeinde', '2014', '05999032'), name('gemeinde', '2014', '05999036')]).toEqual(['Oberau', 'Niederau', undefined]);
		expect([name('gemeinde', '2021', '05999028'), name('gemeinde', '2021', '05999032'), name('gemeinde', '2021', '05999036')]).toEqual([undefined, undefined, 'Auetal']);
		const old = version('ortsteil', '2014').filter((f) => ['05999028', '05999032'].includes(f.properties.parent));
		const auetal = version('ortsteil', '2021').filter((f) => f.properties.parent === '05999036');
		expect(old.map((f) => f.properties.name)).toEqual(['Oberau', 'Auhammer', 'Niederau', 'Niederau-Siedlung', 'Kesselbach']);
		expect(auetal.map((f) => f.properties.name).sort()).toEqual(['Auetal-Mitte', 'Kesselbach', 'Niederau', 'Oberau']);
		// Only Kesselbach keeps its key (and geometry); its parent is the new Gemeinde.
		const kept = auetal.filter((f) => old.some((o) => o.properties.key === f.properties.key));
		expect(kept.map((f) => f.properties)).toEqual([{ key: '0599903203', name: 'Kesselbach', level: 'ortsteil', parent: '05999036' }]);
		expect(kept[0].geometry).toEqual(old.find((o) => o.properties.key === '0599903203')!.geometry);
		// At least one new Ortsteil lies in both old Gemeinden.
		const crossing = auetal.filter((f) =>
			['05999028', '05999032'].every((g) => {
				const gemeinde = version('gemeinde', '2014').find((x) => x.properties.key === g)!;
				const piece = polygonClipping.intersection(f.geometry.coordinates as never, gemeinde.geometry.coordinates as never);
				return areaKm2(piece) > 0.05 * km2(f.geometry);
			})
		);
		expect(crossing.length).toBeGreaterThanOrEqual(1);
	});

	it('keeps every area outside the merger identical in both versions', () => {
		const changed = new Set(['05999028', '05999032', '05999036']);
		for (const level of ['ortsteil', 'gemeinde']) {
			const older = new Map(version(level, '2014').map((f) => [f.properties.key, f]));
			for (const f of version(level, '2021')) {
				const key = level === 'ortsteil' ? f.properties.parent : f.properties.key;
				if (changed.has(key)) continue;
				expect(older.get(f.properties.key), f.properties.key).toEqual(f);
			}
		}
	});

	it('tiles the Kreis in both versions: Ortsteile and Gemeinden add up to its surface', () => {
		const kreis = km2(data.areas.kreis.features[0].geometry);
		expect(kreis).toBeGreaterThan(600);
		expect(kreis).toBeLessThan(1100);
		for (const v of ['2014', '2021']) {
			for (const level of ['ortsteil', 'gemeinde']) {
				const sum = version(level, v).reduce((s, f) => s + km2(f.geometry), 0);
				expect(Math.abs(sum - kreis) / kreis, `${level} ${v}`).toBeLessThan(1e-6);
			}
		}
	});
});

describe('residents', () => {
	it('has a Mittelzentrum of about 20,000 and rural Gemeinden down to about 2,000 residents', () => {
		const sizes = keysOf('gemeinde', '2021').map((g) => gemeindeResidents(g, 2025)).sort((a, b) => b - a);
		expect(gemeindeResidents('05999004', 2025)).toBe(sizes[0]);
		expect(sizes[0]).toBeGreaterThan(18000);
		expect(sizes[0]).toBeLessThan(23000);
		expect(sizes[sizes.length - 1]).toBeGreaterThan(1700);
		expect(sizes[sizes.length - 1]).toBeLessThan(2600);
	});

	it('has Ortsteile of very different sizes, several with only a few hundred residents', () => {
		const sizes = keysOf('ortsteil', '2021').map((k) => persons(k, 2025));
		expect(Math.max(...sizes)).toBeGreaterThan(2500);
		expect(sizes.filter((n) => n < 500).length).toBeGreaterThanOrEqual(8);
		expect(Math.min(...sizes)).toBeGreaterThan(80);
	});

	it('counts the same residents of the merged area on both sides of the break', () => {
		// 2020 on the old Ortsteile, 2021 on the new: only a year's change, no jump from the re-cut.
		const before = gemeindeResidents('05999028', 2020) + gemeindeResidents('05999032', 2020);
		const after = gemeindeResidents('05999036', 2021);
		expect(Math.abs(after - before) / before).toBeLessThan(0.03);
	});
});

describe('observations', () => {
	it('has every indicator for the Ortsteile of the version valid in each year, exactly once', () => {
		for (const year of YEARS) {
			const expected = keysOf('ortsteil', year >= 2021 ? '2021' : '2014').sort();
			for (const ind of data.indicators) {
				expect(obs(ind.id, year).map((o) => o.area_key).sort(), `${ind.id} ${year}`).toEqual(expected);
			}
		}
	});

	it('uses Musterstadt\'s indicator catalogue with the Kreis\' own sources, and no city wording', () => {
		expect(data.indicators.map((i) => i.id)).toEqual(INDICATORS.map((i) => i.id));
		for (const i of data.indicators) {
			expect(i.source).toMatch(/\(fiktiv\)$/);
			expect(i.source).not.toMatch(/Musterstadt/);
		}
		expect(data.indicators.some((i) => i.source.startsWith('Kreisjugendamt Musterkreis'))).toBe(true);
		for (const [path, text] of Object.entries(files)) {
			expect(text.replaceAll('Sozialraum-Monitor', ''), path).not.toMatch(/Sozialr(a|ä)um|Stadtbezirk|Musterstadt/);
		}
	});

	it('puts the Kreis\' child poverty below the city\'s, highest in the Kreisstadt', () => {
		for (const year of [2014, 2020, 2025]) {
			const kreis = pooled(obs('sgb2_u15', year), 100);
			expect(kreis).toBeGreaterThan(9);
			expect(kreis).toBeLessThan(18);
		}
		const inGemeinde = (g: string) => obs('sgb2_u15', 2025).filter((o) => data.areas.ortsteil.features.find((f) => f.properties.key === o.area_key)!.properties.parent === g);
		const rates = keysOf('gemeinde', '2021').map((g) => ({ g, rate: pooled(inGemeinde(g), 100) })).sort((a, b) => b.rate - a.rate);
		expect(rates[0].g).toBe('05999004');
	});

	it('has so many small counts that disclosure control matters', () => {
		const small = data.observations.filter((o) => o.numerator !== null && o.numerator > 0 && o.numerator < 3);
		expect(small.length / data.observations.length).toBeGreaterThan(0.1);
		const ortsteile = new Set(small.map((o) => o.area_key));
		expect(ortsteile.size).toBeGreaterThan(30);
	});

	it('keeps the school-entry gap of 2020 and the provisional 2021', () => {
		for (const o of obs('sprache_befund', 2020)) expect(o).toMatchObject({ value: null, flag: 'missing' });
		expect(obs('sprache_befund', 2021).every((o) => o.flag === 'provisional')).toBe(true);
	});
});

describe('crosswalk.csv', () => {
	it('shares out every vanished area, by area and by residents, with weights summing to 1', () => {
		for (const level of ['ortsteil', 'gemeinde']) {
			const vanished = keysOf(level, '2014').filter((k) => !keysOf(level, '2021').includes(k)).sort();
			for (const method of ['area', 'population'] as const) {
				const rows = data.crosswalk.filter((c) => c.level === level && c.method === method);
				expect([...new Set(rows.map((r) => r.from_key))].sort(), `${level} ${method}`).toEqual(vanished);
				for (const key of vanished) {
					const sum = rows.filter((r) => r.from_key === key).reduce((s, r) => s + Math.round(r.weight * 1e6), 0);
					expect(sum, `${level} ${method} ${key}`).toBe(1e6);
				}
				for (const r of rows) expect(keysOf(level, '2021')).toContain(r.to_key);
			}
		}
		expect(data.crosswalk.filter((c) => c.level === 'gemeinde').map((c) => [c.from_key, c.to_key, c.weight])).toEqual([
			['05999028', '05999036', 1], ['05999032', '05999036', 1], ['05999028', '05999036', 1], ['05999032', '05999036', 1]
		]);
	});

	it('has population weights that differ from the area weights where residents are unevenly spread', () => {
		const pairs = data.crosswalk.filter((c) => c.level === 'ortsteil' && c.method === 'area' && c.weight < 1);
		expect(pairs.length).toBeGreaterThanOrEqual(2);
		const differs = pairs.some((a) => {
			const p = data.crosswalk.find((c) => c.method === 'population' && c.from_key === a.from_key && c.to_key === a.to_key);
			return !p || Math.abs(p.weight - a.weight) > 0.02;
		});
		expect(differs).toBe(true);
	});
});

describe('offers and targets', () => {
	it('has Kreis-level offers in the Kreisstadt, a Familienbüro per Gemeinde, every offer inside its Ortsteil', () => {
		const baby = data.offers.find((o) => o.name === 'Babybesuchsdienst des Kreisjugendamts')!;
		expect(baby.provider).toBe('Kreis Musterkreis, Kreisjugendamt');
		expect(baby.area_key.startsWith('05999004')).toBe(true);
		const bueros = data.offers.filter((o) => o.name.startsWith('Familienbüro '));
		expect(bueros.map((o) => o.area_key.slice(0, 8)).sort()).toEqual(keysOf('gemeinde', '2021').sort());
		expect(data.offers.length).toBeGreaterThanOrEqual(60);
		expect(data.offers.length).toBeLessThanOrEqual(120);
		for (const o of data.offers) expect(keysOf('ortsteil', '2021')).toContain(o.area_key);
		// Some hamlets have no offer at all.
		const without = keysOf('ortsteil', '2021').filter((k) => !data.offers.some((o) => o.area_key === k));
		expect(without.length).toBeGreaterThanOrEqual(3);
	});

	it('has Feinziele on a Gemeinde, the Kreis and Ortsteile, baselines equal to the pooled data of their version', () => {
		expect(data.targets.map((t) => [t.id, t.scope_type])).toEqual([['FZ01', 'gemeinde'], ['FZ02', 'city'], ['FZ03', 'gemeinde'], ['FZ04', 'ortsteil']]);
		expect(data.targets.find((t) => t.id === 'FZ03')).toMatchObject({ scope_keys: ['05999036'], baseline_year: 2022 });
		for (const t of data.targets) {
			const v = t.baseline_year >= 2021 ? '2021' : '2014';
			const keys =
				t.scope_type === 'city' ? keysOf('ortsteil', v)
				: t.scope_type === 'gemeinde' ? version('ortsteil', v).filter((f) => t.scope_keys.includes(f.properties.parent)).map((f) => f.properties.key)
				: t.scope_keys;
			const ind = data.indicators.find((i) => i.id === t.indicator_id)!;
			const rows = obs(t.indicator_id, t.baseline_year).filter((o) => keys.includes(o.area_key));
			expect(rows.length, t.id).toBe(keys.length);
			expect(Math.abs(t.baseline_value - pooled(rows, ind.multiplier)), t.id).toBeLessThan(1e-6);
		}
	});
});
