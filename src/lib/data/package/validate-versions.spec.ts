/**
 * Levels and boundary versions (docs/levels-and-versions.md) at the validator: the fixture
 * packages under tests/fixtures/geo-* are valid, and each rule of the contract, broken once,
 * gives one German message that names file, row / feature and column.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readPackageFromDir } from './load-node';
import type { LoadedPackage } from './model';
import { readPackage, validatePackage } from './validate';

let versions: LoadedPackage;
let four: LoadedPackage;
beforeAll(async () => {
	versions = await readPackageFromDir('tests/fixtures/geo-versions');
	four = await readPackageFromDir('tests/fixtures/geo-4level');
});

const clone = (pkg: LoadedPackage): LoadedPackage => structuredClone(pkg);
type Desc = { sozialraum: { levels: Record<string, unknown>[] } & Record<string, unknown>; resources: { name: string; path: string }[] };
type FC = { features: { properties: Record<string, string>; geometry: { coordinates: number[][][] } }[] };

function messagesAfter(base: LoadedPackage, change: (pkg: LoadedPackage, d: Desc) => void): string[] {
	const pkg = clone(base);
	change(pkg, pkg.descriptor as Desc);
	return validatePackage(pkg).map((p) => `${p.severity}: ${p.message_de}`);
}

describe('fixture packages', () => {
	it('a 2-, a 4-level and a versioned package validate without problems', async () => {
		for (const dir of ['geo-2level', 'geo-4level', 'geo-versions']) {
			const { data, problems } = readPackage(await readPackageFromDir(`tests/fixtures/${dir}`));
			expect(problems, dir).toEqual([]);
			expect(data, dir).not.toBeNull();
		}
	});

	it('yields every version of a level and the crosswalk', () => {
		const { data } = readPackage(versions);
		expect(Object.keys(data!.areaVersions.ortsteil)).toEqual(['2014', '2021']);
		expect(data!.areaVersions.ortsteil['2014'].features.map((f) => f.properties.key)).toEqual(['O11', 'O12', 'O21', 'O22', 'O31', 'O32']);
		// the level's own geometry is the newest version
		expect(data!.areas.ortsteil.features.map((f) => f.properties.key)).toContain('O40');
		expect(data!.areaVersions.kreis).toBeUndefined();
		expect(data!.crosswalk).toHaveLength(8);
		expect(data!.crosswalk[2]).toEqual({ level: 'ortsteil', from_version: '2014', from_key: 'O32', to_version: '2021', to_key: 'O51', weight: 0.5, method: 'area' });
	});
});

describe('levels', () => {
	it('allows at most four levels', () => {
		const msgs = messagesAfter(four, (_, d) => d.sozialraum.levels.push({ ...d.sozialraum.levels[3], id: 'land' }));
		expect(msgs).toContain('error: datapackage.json, Feld „sozialraum.levels“: Höchstens 4 Gebietsebenen sind möglich (feinste zuerst, z. B. Baublock, Sozialraum, Stadtbezirk, Stadt); angegeben sind 5.');
	});

	it('wants lowercase level ids and keeps "city" for the territory of targets', () => {
		expect(messagesAfter(four, (_, d) => (d.sozialraum.levels[0].id = 'Baublock'))).toContain(
			'error: datapackage.json, Feld „sozialraum.levels[0].id“: Kennung „Baublock“ ist ungültig: Sie muss mit einem Kleinbuchstaben beginnen und darf nur a–z, 0–9 und _ enthalten (z. B. „ortsteil“).'
		);
		expect(messagesAfter(four, (_, d) => (d.sozialraum.levels[3].id = 'city')).some((m) => m.includes('„city“ ist für die Gesamtstadt'))).toBe(true);
	});

	it('rejects a key used on two levels', () => {
		const msgs = messagesAfter(four, (pkg) => {
			(pkg.geojson['areas-stadtbezirk.geojson'] as FC).features[0].properties.key = '11';
		});
		expect(msgs).toContain('error: areas-stadtbezirk.geojson, Gebiet „11“: Schlüssel „11“ kommt auch auf der Ebene „sozialraum“ vor; Schlüssel müssen über alle Ebenen eindeutig sein (z. B. mit vorangestelltem Gemeindeschlüssel).');
	});

	it('checks parents through all four levels', () => {
		const msgs = messagesAfter(four, (pkg) => {
			(pkg.geojson['areas-sozialraum.geojson'] as FC).features[2].properties.parent = '9';
		});
		expect(msgs).toEqual(['error: areas-sozialraum.geojson, Objekt 3 („21“): Übergeordnetes Gebiet „9“ gibt es auf der Ebene „stadtbezirk“ nicht.']);
	});
});

describe('boundary versions', () => {
	it('checks a parent against the parent level version valid in the same years', () => {
		const msgs = messagesAfter(versions, (pkg) => {
			// O21 in the 2014 Ortsteile pointing at the 2021 Gemeinde
			(pkg.geojson['areas-ortsteil-2014.geojson'] as FC).features[2].properties.parent = 'G23';
		});
		expect(msgs).toEqual([
			'error: areas-ortsteil-2014.geojson, Objekt 3 („O21“): Übergeordnetes Gebiet „G23“ gibt es auf der Ebene „gemeinde“ (Gebietsstand „2014“) nicht (gültig 2014–2020).'
		]);
	});

	it('rejects overlapping versions and gaps between them', () => {
		const overlap = messagesAfter(versions, (_, d) => ((d.sozialraum.levels[0].versions as Record<string, unknown>[])[0].valid_to = 2021));
		expect(overlap).toContain(
			'error: datapackage.json, Feld „sozialraum.levels[0].versions[1]“: Gebietsstände „2014“ und „2021“ überschneiden sich (Gültigkeit bis 2021 und ab 2021); bitte älteste zuerst und ohne Überschneidung angeben.'
		);
		const gap = messagesAfter(versions, (_, d) => ((d.sozialraum.levels[0].versions as Record<string, unknown>[])[0].valid_to = 2019));
		expect(gap).toContain(
			'error: datapackage.json, Feld „sozialraum.levels[0].versions[1]“: Zwischen Gebietsstand „2014“ (bis 2019) und „2021“ (ab 2021) fehlen Jahre; jedes Berichtsjahr braucht genau einen Gebietsstand.'
		);
	});

	it('wants the level path to be the newest version', () => {
		const msgs = messagesAfter(versions, (_, d) => (d.sozialraum.levels[0].path = 'areas-ortsteil-2014.geojson'));
		expect(msgs).toContain(
			'error: datapackage.json, Feld „sozialraum.levels[0].path“: Der Pfad der Ebene („areas-ortsteil-2014.geojson“) muss die Datei des neuesten Gebietsstands „2021“ sein („areas-ortsteil-2021.geojson“).'
		);
	});

	it('names a missing version file', () => {
		const msgs = messagesAfter(versions, (pkg) => delete pkg.geojson['areas-ortsteil-2014.geojson']);
		expect(msgs[0]).toBe('error: areas-ortsteil-2014.geojson: Geometrie der Ebene „ortsteil“, Gebietsstand „2014“, fehlt im Paket.');
	});

	it('rejects one key with two different boundaries in two versions', () => {
		const msgs = messagesAfter(versions, (pkg) => {
			const f = (pkg.geojson['areas-ortsteil-2021.geojson'] as FC).features[0];
			f.geometry.coordinates[0][2][0] += 0.001;
		});
		expect(msgs).toContain(
			'error: areas-ortsteil-2021.geojson, Gebiet „O11“: Schlüssel „O11“ hat in den Gebietsständen „2014“ und „2021“ verschiedene Grenzen. Ein Schlüssel benennt über alle Gebietsstände dasselbe Gebiet; ein geändertes Gebiet braucht einen neuen Schlüssel.'
		);
	});

	it('wants observations keyed to the finest version valid in their year', () => {
		const msgs = messagesAfter(versions, (pkg) => {
			pkg.csv['observations.csv'] += 'O40,armut,2019,20,10,50,\nG1,hze,2021,10,1,100,\nO99,armut,2022,10,1,10,\n';
		});
		expect(msgs).toEqual([
			'error: observations.csv, Zeile 44, Spalte „area_key“: Gebiet „O40“ gehört zum Gebietsstand „2021“ (ab 2021), im Jahr 2019 gilt aber der Gebietsstand „2014“ der Ebene „ortsteil“.',
			'error: observations.csv, Zeile 45, Spalte „area_key“: Gebiet „G1“ gehört zur Ebene „gemeinde“; Beobachtungen sind nur auf der feinsten Ebene „ortsteil“ erlaubt.',
			'error: observations.csv, Zeile 46, Spalte „area_key“: Gebiet „O99“ gibt es auf der Ebene „ortsteil“ nicht.'
		]);
	});

	it('accepts an unchanged key in both versions', () => {
		const { problems } = readPackage(versions);
		expect(problems).toEqual([]);
		// O11 has observations in 2018 (version 2014) and 2022 (version 2021)
	});
});

describe('targets at any level', () => {
	it('accepts a level id as scope and names the levels when it is unknown', () => {
		const msgs = messagesAfter(versions, (pkg) => {
			pkg.csv['targets.csv'] += 'Z3,armut,bezirk,G1,2021,20,15,2027,,,,adopted\nZ4,armut,gemeinde,O11,2021,20,15,2027,,,,adopted\n';
		});
		expect(msgs).toEqual([
			'error: targets.csv, Zeile 4, Spalte „scope_type“: Das Paket hat keine Ebene „bezirk“; möglich sind „city“ und „ortsteil“, „gemeinde“, „kreis“.',
			'error: targets.csv, Zeile 5, Spalte „scope_keys“: Gebiet „O11“ gibt es auf der Ebene „gemeinde“ nicht.'
		]);
	});

	it('keeps the legacy scopes: "sozialraum" is the finest level, "stadtbezirk" the middle one of three', () => {
		const msgs = messagesAfter(versions, (pkg) => {
			pkg.csv['targets.csv'] += 'Z3,armut,stadtbezirk,G1,2021,20,15,2027,,,,adopted\n';
			(pkg.descriptor as Desc).sozialraum.levels.splice(2, 1);
		});
		// two levels: there is no middle level
		expect(msgs.some((m) => m.includes('keine Ebene „stadtbezirk“'))).toBe(true);
		const ok = messagesAfter(versions, (pkg) => {
			pkg.csv['targets.csv'] += 'Z3,armut,sozialraum,O11,2021,20,15,2027,,,,adopted\nZ4,armut,stadtbezirk,G1,2021,20,15,2027,,,,adopted\n';
		});
		expect(ok).toEqual([]);
	});
});

describe('crosswalk', () => {
	const withRows = (...rows: string[]) => (pkg: LoadedPackage) => {
		pkg.csv['crosswalk.csv'] += rows.map((r) => r + '\n').join('');
	};

	it('wants the weights of an old area to sum to 1', () => {
		const msgs = messagesAfter(versions, (pkg) => {
			pkg.csv['crosswalk.csv'] = pkg.csv['crosswalk.csv'].replace('O32,2021,O52,0.5,area', 'O32,2021,O52,0.4,area');
		});
		expect(msgs).toEqual([
			'error: crosswalk.csv, Zeile 4, Spalte „weight“: Die Gewichte von Gebiet „O32“ (Gebietsstand „2014“ → „2021“, Methode „area“) ergeben zusammen 0.9 statt 1.'
		]);
	});

	it('names unknown levels, versions, keys, weights that are no share and duplicates', () => {
		const msgs = messagesAfter(
			versions,
			withRows('bezirk,2014,O11,2021,O11,1,given', 'ortsteil,2013,O11,2021,O11,1,given', 'ortsteil,2014,O40,2021,O11,1,given', 'ortsteil,2014,O11,2021,O11,1.5,given', 'ortsteil,2014,O22,2021,O40,1,area')
		);
		expect(msgs).toEqual([
			'error: crosswalk.csv, Zeile 10, Spalte „level“: Das Paket hat keine Ebene „bezirk“.',
			'error: crosswalk.csv, Zeile 11, Spalte „from_version“: Die Ebene „ortsteil“ hat keinen Gebietsstand „2013“.',
			'error: crosswalk.csv, Zeile 12, Spalte „from_key“: Gebiet „O40“ gibt es im Gebietsstand „2014“ der Ebene „ortsteil“ nicht.',
			'error: crosswalk.csv, Zeile 13, Spalte „weight“: Gewicht 1.5 ist kein Anteil; erlaubt ist 0 < Gewicht ≤ 1.',
			'error: crosswalk.csv, Zeile 14: Die Zuordnung „O22“ → „O40“ (area) kommt mehrfach vor (zuerst in Zeile 2).',
			'error: crosswalk.csv, Zeile 13, Spalte „weight“: Die Gewichte von Gebiet „O11“ (Gebietsstand „2014“ → „2021“, Methode „given“) ergeben zusammen 1.5 statt 1.',
			'warning: crosswalk.csv: Für die Gebiete „O22“, „O31“, „O32“ des Gebietsstands „2014“ fehlt im Gebietsstand „2021“ eine Zuordnung (Methode „given“); ihre Zahlen fehlen in umgerechneten Zeitreihen.'
		]);
	});

	it('warns when a versioned package has no crosswalk', () => {
		const msgs = messagesAfter(versions, (pkg, d) => {
			d.resources = d.resources.filter((r) => r.name !== 'crosswalk');
			delete pkg.csv['crosswalk.csv'];
		});
		expect(msgs).toEqual([
			'warning: datapackage.json, Feld „resources“: Die Ebene „ortsteil“ hat 2 Gebietsstände, aber das Paket hat keine Schlüsseltabelle (Ressource „crosswalk“): Zeitreihen werden am Wechsel unterbrochen; umrechnen lassen sie sich nicht.',
			'warning: datapackage.json, Feld „resources“: Die Ebene „gemeinde“ hat 2 Gebietsstände, aber das Paket hat keine Schlüsseltabelle (Ressource „crosswalk“): Zeitreihen werden am Wechsel unterbrochen; umrechnen lassen sie sich nicht.'
		]);
	});
});
