import { describe, expect, it } from 'vitest';
import { TABLE_SCHEMAS, type TableName } from './csv';
import type { LoadedPackage } from './model';
import { readPackage, validatePackage } from './validate';

// A Kreis whose two Gemeinden G1 and G2 merged into G3 in 2021: Ortsteil A kept its boundaries
// (and key, with the new parent), B was cut into C and D (docs/levels-and-versions.md).
const square = (x0: number, y0: number, x1: number, y1: number) => ({
	type: 'Polygon',
	coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]
});
const feature = (key: string, level: string, parent: string, geometry: unknown) => ({
	type: 'Feature',
	properties: { key, name: `Gebiet ${key}`, level, parent },
	geometry
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const csv = (table: TableName, rows: string[]) =>
	`${TABLE_SCHEMAS[table].map((c) => c.name).join(',')}\n${rows.map((r) => `${r}\n`).join('')}`;

const A = square(8.0, 51.0, 8.1, 51.1);
const B = square(8.1, 51.0, 8.3, 51.1);
const version = (id: string, from: number | null, to: number | null, path: string) => ({
	id, label_de: `Gebietsstand ${id}`, label_en: `Boundaries ${id}`, valid_from: from, valid_to: to, path
});
const OBSERVATIONS = [
	'A,quote,2016,25,50,200,',
	'B,quote,2016,10,40,400,',
	'A,quote,2022,20,40,200,',
	'C,quote,2022,10,20,200,',
	'D,quote,2022,15,30,200,'
];
const CROSSWALK = ['ortsteil,2014,B,2021,C,0.5,area', 'ortsteil,2014,B,2021,D,0.5,area', 'gemeinde,2014,G1,2021,G3,1,area', 'gemeinde,2014,G2,2021,G3,1,area'];

function fixture(): LoadedPackage {
	const geo = (path: string) => ({ name: path.replace('.geojson', ''), path, format: 'geojson' });
	return {
		descriptor: {
			name: 'testkreis',
			title: 'Testkreis',
			created: '2026-06-30T12:00:00Z',
			licenses: [{ name: 'CC0-1.0' }],
			sources: [],
			resources: [
				...['ot-2014.geojson', 'ot-2021.geojson', 'gem-2014.geojson', 'gem-2021.geojson', 'kreis.geojson'].map(geo),
				...(['indicators', 'observations', 'population', 'offers', 'targets', 'crosswalk'] as const).map((n) => ({ name: n, path: `${n}.csv`, format: 'csv' }))
			],
			sozialraum: {
				fictional: true,
				datenstand: '2026-06-30',
				territory_de: 'Testkreis',
				levels: [
					{ id: 'ortsteil', label_de: 'Ortsteil', label_en: 'Locality', path: 'ot-2021.geojson',
						versions: [version('2014', 2014, 2020, 'ot-2014.geojson'), version('2021', 2021, null, 'ot-2021.geojson')] },
					{ id: 'gemeinde', label_de: 'Gemeinde', label_en: 'Municipality', path: 'gem-2021.geojson',
						versions: [version('2014', null, 2020, 'gem-2014.geojson'), version('2021', 2021, null, 'gem-2021.geojson')] },
					{ id: 'kreis', label_de: 'Kreis', label_en: 'County', path: 'kreis.geojson' }
				],
				disclosure: { minNumerator: 3, minDenominator: 0 },
				default_indicator: 'quote'
			}
		},
		geojson: {
			'ot-2014.geojson': collection(feature('A', 'ortsteil', 'G1', A), feature('B', 'ortsteil', 'G2', B)),
			'ot-2021.geojson': collection(
				feature('A', 'ortsteil', 'G3', A),
				feature('C', 'ortsteil', 'G3', square(8.1, 51.0, 8.2, 51.1)),
				feature('D', 'ortsteil', 'G3', square(8.2, 51.0, 8.3, 51.1))
			),
			'gem-2014.geojson': collection(feature('G1', 'gemeinde', 'K', A), feature('G2', 'gemeinde', 'K', B)),
			'gem-2021.geojson': collection(feature('G3', 'gemeinde', 'K', square(8.0, 51.0, 8.3, 51.1))),
			'kreis.geojson': collection(feature('K', 'kreis', '', square(8.0, 51.0, 8.3, 51.1)))
		},
		csv: {
			'indicators.csv': csv('indicators', ['quote,Quote,Share,%,100,proportion,higher_is_worse,kontext,Soziale Lage,,,Zähler,Nenner,Test,1']),
			'observations.csv': csv('observations', OBSERVATIONS),
			'population.csv': csv('population', ['B,2016,insgesamt,900', 'C,2022,insgesamt,500', 'G2,2016,insgesamt,900', 'G3,2022,insgesamt,2000']),
			'offers.csv': csv('offers', ['A1,Familienbüro,Gemeinde G3,u3,Familie,C,8.15,51.05,,']),
			'targets.csv': csv('targets', ['FZ1,quote,gemeinde,G3,2022,19,15,2028,Kreisjugendamt,,,adopted']),
			'crosswalk.csv': csv('crosswalk', CROSSWALK)
		},
		unreadable: {}
	};
}

function messagesAfter(change: (pkg: LoadedPackage) => void): string[] {
	const pkg = fixture();
	change(pkg);
	return validatePackage(pkg).map((p) => `${p.severity}: ${p.message_de}`);
}
const setCsv = (table: TableName, rows: string[]) => (pkg: LoadedPackage) => {
	pkg.csv[`${table}.csv`] = csv(table, rows);
};

describe('a package with boundary versions', () => {
	it('is valid: observations of each year on the version valid then, a target on a level id, a crosswalk', () => {
		const { data, problems } = readPackage(fixture());
		expect(problems).toEqual([]);
		expect(Object.keys(data!.versions.ortsteil)).toEqual(['2014', '2021']);
		expect(data!.versions.ortsteil['2014'].features.map((f) => f.properties.key)).toEqual(['A', 'B']);
		expect(data!.versions.kreis).toBeUndefined();
		expect(data!.areas.ortsteil.features.map((f) => f.properties.key)).toEqual(['A', 'C', 'D']);
		expect(data!.crosswalk[0]).toEqual({ level: 'ortsteil', from_version: '2014', from_key: 'B', to_version: '2021', to_key: 'C', weight: 0.5, method: 'area' });
		expect(data!.targets[0].scope_type).toBe('gemeinde');
	});

	it('says which version a key of the wrong version belongs to, in both directions', () => {
		expect(messagesAfter(setCsv('observations', [...OBSERVATIONS, 'C,quote,2016,5,5,100,', 'B,quote,2022,10,10,100,']))).toEqual([
			'error: observations.csv, Zeile 7, Spalte „area_key“: Gebiet „C“ gehört zum Gebietsstand „2021“ (seit 2021) der Ebene „ortsteil“; für das Jahr 2016 gilt der Gebietsstand „2014“ (2014–2020).',
			'error: observations.csv, Zeile 8, Spalte „area_key“: Gebiet „B“ gehört zum Gebietsstand „2014“ (2014–2020) der Ebene „ortsteil“; für das Jahr 2022 gilt der Gebietsstand „2021“ (seit 2021).'
		]);
	});

	it('names a year no version covers, and a key of no version', () => {
		expect(messagesAfter(setCsv('observations', [...OBSERVATIONS, 'A,quote,2012,5,5,100,', 'X,quote,2022,5,5,100,']))).toEqual([
			'error: observations.csv, Zeile 7, Spalte „area_key“: Für das Jahr 2012 gilt kein Gebietsstand der Ebene „ortsteil“ (Gebietsstände: „2014“ (2014–2020), „2021“ (seit 2021)).',
			'error: observations.csv, Zeile 8, Spalte „area_key“: Gebiet „X“ gibt es auf der Ebene „ortsteil“ nicht.'
		]);
	});

	it('checks population rows of every level against the version of their year', () => {
		expect(messagesAfter(setCsv('population', ['B,2016,insgesamt,900', 'G1,2022,insgesamt,900']))).toEqual([
			'error: population.csv, Zeile 3, Spalte „area_key“: Gebiet „G1“ gehört zum Gebietsstand „2014“ (bis 2020) der Ebene „gemeinde“; für das Jahr 2022 gilt der Gebietsstand „2021“ (seit 2021).'
		]);
	});

	it('rejects one key with two geometries: a changed area needs a new key', () => {
		const messages = messagesAfter((pkg) => {
			(pkg.geojson['ot-2021.geojson'] as { features: { geometry: unknown }[] }).features[0].geometry = square(8.0, 51.0, 8.11, 51.1);
		});
		expect(messages).toContain(
			'error: ot-2021.geojson, Gebiet „A“: Schlüssel „A“ hat in den Gebietsständen „2014“ (2014–2020) und „2021“ (seit 2021) verschiedene Geometrien; ein geändertes Gebiet braucht einen neuen Schlüssel.'
		);
	});

	it('checks the parents of each version against the parent level of the same years', () => {
		// In 2014 the Gemeinde G3 did not exist yet.
		const messages = messagesAfter((pkg) => {
			(pkg.geojson['ot-2014.geojson'] as { features: { properties: Record<string, string> }[] }).features[0].properties.parent = 'G3';
		});
		expect(messages).toEqual(['error: ot-2014.geojson, Objekt 1 („A“): Übergeordnetes Gebiet „G3“ gibt es auf der Ebene „gemeinde“ nicht.']);
	});

	it('requires every version file', () => {
		expect(messagesAfter((pkg) => delete pkg.geojson['gem-2014.geojson'])).toContain(
			'error: gem-2014.geojson: Datei fehlt im Paket (in datapackage.json als Ressource „gem-2014“ aufgeführt).'
		);
	});

	it('checks the crosswalk: weights summing to 1, known versions and keys, a row for every vanished area', () => {
		expect(
			messagesAfter(setCsv('crosswalk', ['ortsteil,2014,B,2021,C,0.5,area', 'ortsteil,2014,B,2021,D,0.3,area', 'ortsteil,2014,B,2022,D,0.2,area', 'ortsteil,2014,B,2021,Q,1.2,population']))
		).toEqual([
			'error: crosswalk.csv, Zeile 4, Spalte „to_version“: Die Ebene „ortsteil“ hat keinen Gebietsstand „2022“.',
			'error: crosswalk.csv, Zeile 5, Spalte „to_key“: Gebiet „Q“ gibt es im Gebietsstand „2021“ (seit 2021) nicht.',
			'error: crosswalk.csv, Zeile 5, Spalte „weight“: Gewicht 1.2 liegt nicht zwischen 0 (ausgeschlossen) und 1.',
			'error: crosswalk.csv, Zeile 2, Spalte „weight“: Die Gewichte von Gebiet „B“ ergeben zusammen 0.8 statt 1 (erste Zeile dieses Gebiets).',
			'error: crosswalk.csv, Zeile 5, Spalte „weight“: Die Gewichte von Gebiet „B“ ergeben zusammen 1.2 statt 1 (erste Zeile dieses Gebiets).',
			'warning: crosswalk.csv, Ebene „gemeinde“: Gebiet „G1“ des Gebietsstands „2014“ (bis 2020) fehlt in „2021“ (seit 2021) und hat keine Zeile: seine Zahlen lassen sich nicht umrechnen.',
			'warning: crosswalk.csv, Ebene „gemeinde“: Gebiet „G2“ des Gebietsstands „2014“ (bis 2020) fehlt in „2021“ (seit 2021) und hat keine Zeile: seine Zahlen lassen sich nicht umrechnen.'
		]);
	});

	it('accepts weights that sum to 1 within 0.001 (rounded shares)', () => {
		expect(messagesAfter(setCsv('crosswalk', ['ortsteil,2014,B,2021,C,0.3333,area', 'ortsteil,2014,B,2021,D,0.6666,area', ...CROSSWALK.slice(2)]))).toEqual([]);
	});

	it('takes a target scope that is a level id, and lists the allowed ones otherwise', () => {
		expect(messagesAfter(setCsv('targets', ['FZ1,quote,bezirk,G3,2022,19,15,2028,,,,adopted']))).toEqual([
			'error: targets.csv, Zeile 2, Spalte „scope_type“: Das Paket hat keine Ebene „bezirk“ (erlaubt: city, ortsteil, gemeinde, kreis).'
		]);
	});
});
