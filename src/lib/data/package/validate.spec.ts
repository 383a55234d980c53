import { describe, expect, it } from 'vitest';
import { TABLE_SCHEMAS, type TableName } from './csv';
import type { LoadedPackage } from './model';
import { readPackage, validatePackage } from './validate';

/** The columns the fixture rows were written for: without the offers' later optional inventory columns. */
const LATER = ['category', 'address', 'valid_from', 'valid_to'];
const fixtureColumns = (table: keyof typeof TABLE_SCHEMAS) => TABLE_SCHEMAS[table].filter((c) => !LATER.includes(c.name)).map((c) => c.name);

// A tiny but complete package: two Sozialräume in one Stadtbezirk in one city.
const square = (x0: number, y0: number, x1: number, y1: number) => ({
	type: 'Polygon',
	coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]
});
const feature = (key: string, name: string, level: string, parent: string, geometry: unknown) => ({
	type: 'Feature',
	properties: { key, name, level, parent },
	geometry
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

const csv = (table: TableName, rows: string[]) =>
	`${fixtureColumns(table).join(',')}\n${rows.map((r) => `${r}\n`).join('')}`;

const INDICATORS = [
	'quote,Quote,Share,%,100,proportion,higher_is_worse,kontext,Soziale Lage,,,Zähler,Nenner,Test,1',
	'rate8a,§ 8a je 1.000,Assessments,je 1.000,1000,rate,higher_is_worse,u3,Kinderschutz,,,Zähler,Nenner,Test,1'
];
const OBSERVATIONS = [
	'0101,quote,2024,25,50,200,',
	'0102,quote,2024,10,20,200,',
	'0101,rate8a,2024,5,1,200,',
	'0102,quote,2020,,,,missing'
];

function fixture(): LoadedPackage {
	const resource = (name: string, path: string, format: string) => ({ name, path, format });
	return {
		descriptor: {
			name: 'teststadt',
			title: 'Teststadt',
			created: '2026-06-30T12:00:00Z',
			licenses: [{ name: 'CC0-1.0' }],
			sources: [],
			resources: [
				resource('areas-sozialraum', 'areas-sozialraum.geojson', 'geojson'),
				resource('areas-stadtbezirk', 'areas-stadtbezirk.geojson', 'geojson'),
				resource('areas-stadt', 'areas-stadt.geojson', 'geojson'),
				...(['indicators', 'observations', 'population', 'offers', 'targets'] as const).map((n) =>
					resource(n, `${n}.csv`, 'csv')
				)
			],
			sozialraum: {
				fictional: true,
				datenstand: '2026-06-30',
				territory_de: 'Teststadt',
				levels: [
					{ id: 'sozialraum', label_de: 'Sozialraum', label_en: 'Social area', path: 'areas-sozialraum.geojson' },
					{ id: 'stadtbezirk', label_de: 'Stadtbezirk', label_en: 'District', path: 'areas-stadtbezirk.geojson' },
					{ id: 'stadt', label_de: 'Stadt', label_en: 'City', path: 'areas-stadt.geojson' }
				],
				disclosure: { minNumerator: 3, minDenominator: 0 },
				default_indicator: 'quote'
			}
		},
		geojson: {
			'areas-sozialraum.geojson': collection(
				feature('0101', 'Altstadt', 'sozialraum', '01', square(7.0, 51.0, 7.1, 51.1)),
				feature('0102', 'Neustadt', 'sozialraum', '01', square(7.1, 51.0, 7.2, 51.1))
			),
			'areas-stadtbezirk.geojson': collection(feature('01', 'Mitte', 'stadtbezirk', '00', square(7.0, 51.0, 7.2, 51.1))),
			'areas-stadt.geojson': collection(feature('00', 'Teststadt', 'stadt', '', square(7.0, 51.0, 7.2, 51.1)))
		},
		csv: {
			'indicators.csv': csv('indicators', INDICATORS),
			'observations.csv': csv('observations', OBSERVATIONS),
			'population.csv': csv('population', ['0101,2024,insgesamt,1000', '01,2024,insgesamt,2000']),
			'offers.csv': csv('offers', ['A1,Familienzentrum Altstadt,AWO,u3|3_6,Familie,0101,7.05,51.05,60,']),
			'targets.csv': csv('targets', ['FZ1,quote,sozialraum,0101,2024,25,20,2028,Jugendamt,JHA 2025/1,,adopted'])
		},
		unreadable: {}
	};
}

type Descriptor = Record<string, unknown> & { sozialraum: Record<string, unknown>; resources: Record<string, unknown>[] };
const descriptorOf = (pkg: LoadedPackage) => pkg.descriptor as Descriptor;
type FC = { features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] };
const areasOf = (pkg: LoadedPackage, path = 'areas-sozialraum.geojson') => pkg.geojson[path] as FC;

/** The messages of a package in which one thing was changed. */
function messagesAfter(change: (pkg: LoadedPackage) => void): string[] {
	const pkg = fixture();
	change(pkg);
	return validatePackage(pkg).map((p) => `${p.severity}: ${p.message_de}`);
}

const withObservations = (...rows: string[]) => (pkg: LoadedPackage) => {
	pkg.csv['observations.csv'] = csv('observations', [...OBSERVATIONS, ...rows]);
};

describe('a valid package', () => {
	it('has no problems and yields typed data', () => {
		const { data, problems } = readPackage(fixture());
		expect(problems).toEqual([]);
		expect(data?.areas.sozialraum.features).toHaveLength(2);
		expect(data?.observations[0]).toEqual({
			area_key: '0101', indicator_id: 'quote', year: 2024, value: 25, numerator: 50, denominator: 200, flag: ''
		});
		expect(data?.targets[0].scope_keys).toEqual(['0101']);
	});

	it('yields no data once there is an error', () => {
		const pkg = fixture();
		pkg.csv['observations.csv'] = csv('observations', ['0101,quote,20x4,25,50,200,']);
		expect(readPackage(pkg).data).toBeNull();
	});
});

describe('problem objects', () => {
	it('carry file, 1-based row (header = 1) and column', () => {
		const pkg = fixture();
		pkg.csv['observations.csv'] = csv('observations', [...OBSERVATIONS, '0102,rate8a,20x4,1,1,100,']);
		expect(validatePackage(pkg)).toEqual([
			{
				severity: 'error',
				file: 'observations.csv',
				row: 6,
				column: 'year',
				message_de: 'observations.csv, Zeile 6, Spalte „year“: „20x4“ ist keine ganze Zahl.'
			}
		]);
	});
});

describe('datapackage.json', () => {
	it('reports a missing descriptor', () => {
		expect(messagesAfter((p) => (p.descriptor = undefined))).toEqual([
			'error: datapackage.json: Datei fehlt oder ist kein gültiges JSON.'
		]);
	});

	it('reports an unreadable descriptor once', () => {
		expect(
			messagesAfter((p) => {
				p.descriptor = undefined;
				p.unreadable['datapackage.json'] = 'Kein gültiges JSON (Unexpected end of JSON input).';
			})
		).toEqual(['error: datapackage.json: Kein gültiges JSON (Unexpected end of JSON input).']);
	});

	it('reports a missing required field', () => {
		expect(messagesAfter((p) => delete descriptorOf(p).title)).toEqual([
			'error: datapackage.json, Feld „title“: Pflichtfeld fehlt oder ist leer.'
		]);
	});

	it('reports a Datenstand that is not an ISO date', () => {
		expect(messagesAfter((p) => (descriptorOf(p).sozialraum.datenstand = '30.06.2026'))).toEqual([
			'error: datapackage.json, Feld „sozialraum.datenstand“: Datenstand fehlt oder ist kein Datum der Form JJJJ-MM-TT.'
		]);
	});

	it('reports invalid disclosure settings', () => {
		expect(messagesAfter((p) => (descriptorOf(p).sozialraum.disclosure = { minNumerator: -1, minDenominator: 0 }))).toEqual([
			'error: datapackage.json, Feld „sozialraum.disclosure.minNumerator“: Muss eine ganze Zahl ≥ 0 sein.'
		]);
	});

	it('reports an unknown default indicator', () => {
		expect(messagesAfter((p) => (descriptorOf(p).sozialraum.default_indicator = 'gibtsnicht'))).toEqual([
			'error: datapackage.json, Feld „sozialraum.default_indicator“: Standardindikator „gibtsnicht“ ist in indicators.csv nicht definiert.'
		]);
	});

	it('reports a resource whose file is absent', () => {
		expect(messagesAfter((p) => delete p.csv['offers.csv'])).toEqual([
			'error: offers.csv: Datei fehlt im Paket (in datapackage.json als Ressource „offers“ aufgeführt).'
		]);
	});

	it('reports a missing required table resource, and only warns for optional ones', () => {
		expect(
			messagesAfter((p) => {
				const d = descriptorOf(p);
				d.resources = d.resources.filter((r) => r.name !== 'observations' && r.name !== 'targets');
			})
		).toEqual([
			'error: datapackage.json, Feld „resources“: Ressource „observations“ fehlt.',
			'warning: datapackage.json, Feld „resources“: Ressource „targets“ fehlt; dieser Teil bleibt leer.'
		]);
	});

	it('passes on the reason of an unreadable file', () => {
		expect(
			messagesAfter((p) => {
				delete p.geojson['areas-stadt.geojson'];
				p.unreadable['areas-stadt.geojson'] = 'Kein gültiges JSON (Unexpected token).';
			})
		).toEqual(['error: areas-stadt.geojson: Kein gültiges JSON (Unexpected token).']);
	});
});

describe('tables: columns and types', () => {
	it('reports a missing required column', () => {
		expect(
			messagesAfter((p) => {
				p.csv['population.csv'] = 'area_key,year,persons\n0101,2024,1000\n';
			})
		).toEqual(['error: population.csv, Zeile 1, Spalte „age_group“: Pflichtspalte fehlt.']);
	});

	it('reports a decimal comma', () => {
		expect(messagesAfter(withObservations('0102,rate8a,2024,"7,5",1,200,'))).toEqual([
			'error: observations.csv, Zeile 6, Spalte „value“: „7,5“ ist keine Zahl. Dezimaltrennzeichen ist der Punkt.'
		]);
	});

	it.each([
		['polarity', 'quote,Q,Q,%,100,proportion,higher_is_nice,kontext,,,,,,,1', '„higher_is_nice“ ist kein zulässiger Wert (erlaubt: higher_is_better, higher_is_worse, neutral).'],
		['life_phase', 'quote,Q,Q,%,100,proportion,neutral,kita,,,,,,,1', '„kita“ ist kein zulässiger Wert (erlaubt: kontext, schwangerschaft_geburt, u3, 3_6, 6_10, 10_16, 16_27).'],
		['value_type', 'quote,Q,Q,%,100,share,neutral,kontext,,,,,,,1', '„share“ ist kein zulässiger Wert (erlaubt: proportion, rate, count).']
	])('reports an invalid %s', (column, row, message) => {
		const problems = messagesAfter((p) => {
			p.csv['indicators.csv'] = csv('indicators', [INDICATORS[1], row]);
		});
		// The row is dropped, so its observations then refer to an unknown indicator as well.
		expect(problems[0]).toBe(`error: indicators.csv, Zeile 3, Spalte „${column}“: ${message}`);
	});

	it('reports an invalid flag', () => {
		expect(messagesAfter(withObservations('0102,rate8a,2024,5,1,200,vertraulich'))).toEqual([
			'error: observations.csv, Zeile 6, Spalte „flag“: „vertraulich“ ist kein zulässiger Wert (erlaubt: suppressed, missing, provisional, break oder leer).'
		]);
	});

	it('reports a duplicate indicator id', () => {
		expect(messagesAfter((p) => (p.csv['indicators.csv'] = csv('indicators', [...INDICATORS, INDICATORS[0]])))).toEqual([
			'error: indicators.csv, Zeile 4, Spalte „id“: Indikator „quote“ kommt mehrfach vor.'
		]);
	});

	it('reports a non-positive multiplier', () => {
		const row = INDICATORS[1].replace(',1000,rate,', ',0,rate,');
		expect(messagesAfter((p) => (p.csv['indicators.csv'] = csv('indicators', [INDICATORS[0], row])))).toEqual([
			'error: indicators.csv, Zeile 3, Spalte „multiplier“: Multiplikator muss größer als 0 sein.'
		]);
	});
});

describe('observations', () => {
	it('reports an unknown indicator id', () => {
		expect(messagesAfter(withObservations('0101,kinderarmut,2024,5,1,20,'))).toEqual([
			'error: observations.csv, Zeile 6, Spalte „indicator_id“: Indikator „kinderarmut“ ist in indicators.csv nicht definiert.'
		]);
	});

	it('reports an area key unknown to the finest level', () => {
		expect(messagesAfter(withObservations('101,quote,2024,5,1,20,'))).toEqual([
			'error: observations.csv, Zeile 6, Spalte „area_key“: Gebiet „101“ gibt es auf der Ebene „sozialraum“ nicht.'
		]);
	});

	it('reports an observation on a coarser level', () => {
		expect(messagesAfter(withObservations('01,quote,2024,5,1,20,'))).toEqual([
			'error: observations.csv, Zeile 6, Spalte „area_key“: Gebiet „01“ gehört zur Ebene „stadtbezirk“; Beobachtungen sind nur auf der feinsten Ebene „sozialraum“ erlaubt.'
		]);
	});

	it('reports a duplicate (area, indicator, year)', () => {
		expect(messagesAfter(withObservations('0101,quote,2024,25,50,200,'))).toEqual([
			'error: observations.csv, Zeile 6: Gebiet „0101“, Indikator „quote“, Jahr 2024 kommt mehrfach vor (zuerst in Zeile 2).'
		]);
	});

	it('reports a numerator above the denominator of a proportion (as a warning: the package still loads)', () => {
		expect(messagesAfter(withObservations('0101,quote,2023,150,30,20,'))).toEqual([
			'warning: observations.csv, Zeile 6, Spalte „numerator“: Zähler 30 ist größer als der Nenner 20; bei einem Anteil (proportion) eigentlich unmöglich. Der Wert wird geladen und im Datenqualitätsbericht aufgeführt.'
		]);
	});

	it('accepts a numerator above the denominator of a rate', () => {
		expect(messagesAfter(withObservations('0101,rate8a,2023,1500,30,20,'))).toEqual([]);
	});

	it('reports negative counts', () => {
		expect(messagesAfter(withObservations('0101,quote,2023,,-2,,'))).toEqual([
			'error: observations.csv, Zeile 6, Spalte „numerator“: Zähler -2 ist negativ.'
		]);
	});

	it('reports a value that does not follow from numerator and denominator', () => {
		expect(messagesAfter(withObservations('0101,quote,2023,12.5,3,20,'))).toEqual([
			'error: observations.csv, Zeile 6, Spalte „value“: Wert 12.5 passt nicht zu Zähler und Nenner (3 / 20 × 100 = 15).'
		]);
	});

	it('tolerates rounding to the displayed decimals (0.5 × 10^-decimals)', () => {
		// 1 / 3 × 100 = 33.333…; decimals 1 → tolerance 0.05
		expect(messagesAfter(withObservations('0101,quote,2023,33.3,1,3,', '0101,quote,2022,33.38,1,3,'))).toEqual([]);
		expect(messagesAfter(withObservations('0101,quote,2023,33.4,1,3,'))).toHaveLength(1);
	});

	it('reports a value with a zero denominator', () => {
		expect(messagesAfter(withObservations('0101,quote,2023,0,0,0,'))).toEqual([
			'error: observations.csv, Zeile 6, Spalte „value“: Wert 0 bei Nenner 0; der Wert muss leer bleiben.'
		]);
	});

	it('accepts an empty value with a zero denominator', () => {
		expect(messagesAfter(withObservations('0101,quote,2023,,0,0,'))).toEqual([]);
	});

	it('warns about a row without value and without flag', () => {
		expect(messagesAfter(withObservations('0101,quote,2023,,,,'))).toEqual([
			'warning: observations.csv, Zeile 6, Spalte „flag“: Kein Wert und kein Kennzeichen; bei fehlenden Daten bitte „missing“ angeben.'
		]);
	});
});

describe('geometry', () => {
	it('reports a missing property', () => {
		expect(messagesAfter((p) => delete areasOf(p).features[1].properties.parent)).toEqual([
			'error: areas-sozialraum.geojson, Objekt 2 („0102“): Eigenschaft „parent“ fehlt oder ist kein Text.'
		]);
	});

	it('reports a numeric key', () => {
		expect(
			messagesAfter((p) => {
				areasOf(p, 'areas-stadtbezirk.geojson').features[0].properties.key = 1;
				for (const f of areasOf(p).features) f.properties.parent = '1';
			})
		).toContain(
			'error: areas-stadtbezirk.geojson, Objekt 1: Eigenschaft „key“ ist eine Zahl (1); Schlüssel müssen Text sein, damit führende Nullen erhalten bleiben.'
		);
	});

	it('reports a level property that does not match the file', () => {
		expect(messagesAfter((p) => (areasOf(p).features[0].properties.level = 'stadtteil'))).toEqual([
			'error: areas-sozialraum.geojson, Objekt 1 („0101“): Eigenschaft „level“ ist „stadtteil“, die Datei gehört aber zur Ebene „sozialraum“.'
		]);
	});

	it('reports a geometry that is not a polygon', () => {
		expect(messagesAfter((p) => (areasOf(p).features[0].geometry = { type: 'Point', coordinates: [7, 51] }))).toEqual([
			'error: areas-sozialraum.geojson, Objekt 1 („0101“): Geometrie muss Polygon oder MultiPolygon sein.'
		]);
	});

	it('reports projected coordinates (UTM instead of WGS84)', () => {
		expect(messagesAfter((p) => (areasOf(p).features[0].geometry = square(367000, 5700000, 368000, 5701000)))).toEqual([
			'error: areas-sozialraum.geojson, Objekt 1 („0101“): Koordinate (367000, 5700000) liegt außerhalb von WGS84 (Länge −180…180, Breite −90…90); ist die Datei z. B. in UTM (EPSG:25832)? Bitte nach WGS84 (EPSG:4326) umrechnen.'
		]);
	});

	it('reports non-finite coordinates', () => {
		expect(
			messagesAfter((p) => {
				const g = areasOf(p).features[1].geometry as { coordinates: unknown[][][] };
				g.coordinates[0][2] = [7.2, null];
			})
		).toEqual(['error: areas-sozialraum.geojson, Objekt 2 („0102“): Koordinate [7.2,null] ist kein Zahlenpaar.']);
	});

	it('reports an unclosed ring', () => {
		expect(
			messagesAfter((p) => {
				const g = areasOf(p).features[0].geometry as { coordinates: number[][][] };
				g.coordinates[0][4] = [7.0, 51.05];
			})
		).toEqual([
			'error: areas-sozialraum.geojson, Objekt 1 („0101“): Ring ist nicht geschlossen (erster ≠ letzter Punkt).'
		]);
	});

	it('reports a duplicate key', () => {
		expect(messagesAfter((p) => (areasOf(p).features[1].properties.key = '0101'))).toContain(
			'error: areas-sozialraum.geojson, Objekt 2 („0101“): Schlüssel „0101“ kommt mehrfach vor.'
		);
	});

	it('reports a parent that does not exist on the next level', () => {
		expect(messagesAfter((p) => (areasOf(p).features[1].properties.parent = '02'))).toEqual([
			'error: areas-sozialraum.geojson, Objekt 2 („0102“): Übergeordnetes Gebiet „02“ gibt es auf der Ebene „stadtbezirk“ nicht.'
		]);
	});
});

describe('offers, population and targets', () => {
	const offer = (row: string) => (p: LoadedPackage) => {
		p.csv['offers.csv'] = csv('offers', [row]);
	};

	it('reports an offer in an unknown area', () => {
		expect(messagesAfter(offer('A1,Kita,AWO,u3,,0199,7.05,51.05,60,'))).toEqual([
			'error: offers.csv, Zeile 2, Spalte „area_key“: Gebiet „0199“ gibt es auf der Ebene „sozialraum“ nicht.'
		]);
	});

	it('warns about an offer located outside its area', () => {
		expect(messagesAfter(offer('A1,Kita,AWO,u3,,0101,7.15,51.05,60,'))).toEqual([
			'warning: offers.csv, Zeile 2, Spalte „area_key“: Standort (7.15, 51.05) liegt nicht im Gebiet „0101“ (Altstadt).'
		]);
	});

	it('reports an area of the population table that no level knows', () => {
		expect(messagesAfter((p) => (p.csv['population.csv'] = csv('population', ['9999,2024,0_2,10'])))).toEqual([
			'error: population.csv, Zeile 2, Spalte „area_key“: Gebiet „9999“ ist in keiner Gebietsebene enthalten.'
		]);
	});

	it('reports negative persons', () => {
		expect(messagesAfter((p) => (p.csv['population.csv'] = csv('population', ['0101,2024,0_2,-4'])))).toEqual([
			'error: population.csv, Zeile 2, Spalte „persons“: Personenzahl -4 ist negativ.'
		]);
	});

	it('reports a target with an unknown indicator', () => {
		const row = 'FZ1,armut,sozialraum,0101,2020,25,20,2028,,,,adopted';
		expect(messagesAfter((p) => (p.csv['targets.csv'] = csv('targets', [row])))).toEqual([
			'error: targets.csv, Zeile 2, Spalte „indicator_id“: Indikator „armut“ ist in indicators.csv nicht definiert.'
		]);
	});

	it('reports a target with an unknown area of its scope level', () => {
		const row = 'FZ1,quote,stadtbezirk,0101|01,2020,25,20,2028,,,,adopted';
		expect(messagesAfter((p) => (p.csv['targets.csv'] = csv('targets', [row])))).toEqual([
			'error: targets.csv, Zeile 2, Spalte „scope_keys“: Gebiet „0101“ gibt es auf der Ebene „stadtbezirk“ nicht.'
		]);
	});

	it('reports a target year before the baseline year', () => {
		const row = 'FZ1,quote,city,,2020,25,20,2019,,,,adopted';
		expect(messagesAfter((p) => (p.csv['targets.csv'] = csv('targets', [row])))).toEqual([
			'error: targets.csv, Zeile 2, Spalte „target_year“: Zieljahr 2019 liegt vor dem Ausgangsjahr 2020.'
		]);
	});
});

describe('limits', () => {
	it('lists at most 200 problems per file and summarises the rest', () => {
		const rows = Array.from({ length: 250 }, (_, i) => `0101,quote,x${i},1,1,100,`);
		const problems = validatePackage({ ...fixture(), csv: { ...fixture().csv, 'observations.csv': csv('observations', rows) } });
		expect(problems).toHaveLength(201);
		expect(problems[200].message_de).toBe('observations.csv: 50 weitere Probleme werden nicht einzeln aufgeführt.');
	});
});

describe('Bestandsaufnahme tables', () => {
	const head = (table: TableName) => TABLE_SCHEMAS[table].map((c) => c.name).join(',');
	const withInventory = (files: Partial<Record<TableName, string[]>>) => (pkg: LoadedPackage) => {
		for (const [name, rows] of Object.entries(files)) {
			descriptorOf(pkg).resources.push({ name, path: `${name}.csv`, format: 'csv' });
			pkg.csv[`${name}.csv`] = `${head(name as TableName)}\n${rows!.map((r) => `${r}\n`).join('')}`;
		}
	};
	const good = {
		networks: ['N1,Starke Kinder Mitte,stadtbezirk,01,Jugendamt,'],
		network_members: ['N1,Kita Löwenzahn,operativ,kita,', 'N1,Tafel Mitte,operativ,sonstige,Tafel'],
		network_meetings: ['N1,2025-03-12,Übergang Kita–Schule'],
		measures: ['M1,Familienzentrum ausbauen,FZ1,A1,Jugendamt,2024-01-01,,running,']
	};

	it('are optional and accepted without problems when they are consistent', () => {
		expect(messagesAfter(() => {})).not.toContainEqual(expect.stringContaining('networks'));
		expect(messagesAfter(withInventory(good))).toEqual([]);
		const pkg = fixture();
		withInventory(good)(pkg);
		const { data } = readPackage(pkg);
		expect(data?.network_members.map((m) => m.type_label)).toEqual(['', 'Tafel']);
		expect(data?.measures[0]).toMatchObject({ target_ids: ['FZ1'], offer_ids: ['A1'], start: '2024-01-01', end: null, status: 'running' });
	});

	it('names file, row and column for unknown levels, areas, networks, targets, offers, types and dates', () => {
		expect(
			messagesAfter(
				withInventory({
					networks: ['N1,A,bezirk,01,Jugendamt,', 'N2,B,stadtbezirk,09,Jugendamt,', 'N2,C,stadt,00,Frau Meier,'],
					network_members: ['N9,Kita,operativ,kita,', 'N1,Herr Schulz,operativ,kita,', 'N1,Tafel,operativ,sonstige,', 'N1,Praxis,operativ,arzt,'],
					network_meetings: ['N1,2025-02-30,Termin'],
					measures: ['M1,X,FZ9,A9,Jugendamt,2025-01-01,2024-01-01,running,', 'M1,Y,FZ1,,Jugendamt,,,laufend,']
				})
			)
		).toEqual([
			'error: network_members.csv, Zeile 5, Spalte „type“: „arzt“ ist kein zulässiger Wert (erlaubt: jugendamt, gesundheitsamt, sozialamt, schulverwaltung, hebamme, kinderarzt, kita, kindertagespflege, familienzentrum, grundschule, weiterfuehrende_schule, schulsozialarbeit, beratungsstelle, jugendarbeit, jobcenter, arbeitsagentur, polizei, sportverein, freier_traeger, sonstige).',
			'error: network_meetings.csv, Zeile 2, Spalte „date“: „2025-02-30“ ist kein Datum der Form JJJJ-MM-TT.',
			'error: measures.csv, Zeile 3, Spalte „status“: „laufend“ ist kein zulässiger Wert (erlaubt: planned, running, completed, suspended).',
			'error: networks.csv, Zeile 2, Spalte „level“: Das Paket hat keine Ebene „bezirk“ (vorhanden: sozialraum, stadtbezirk, stadt).',
			'error: networks.csv, Zeile 3, Spalte „area_key“: Gebiet „09“ gibt es auf der Ebene „stadtbezirk“ nicht.',
			'error: networks.csv, Zeile 4, Spalte „id“: Netzwerk „N2“ kommt mehrfach vor.',
			'warning: networks.csv, Zeile 4, Spalte „coordinator“: „Frau Meier“ sieht nach einem Personennamen aus; Netzwerke nennen nur Institutionen, keine Personen.',
			'error: network_members.csv, Zeile 2, Spalte „network_id“: Netzwerk „N9“ ist in networks.csv nicht definiert.',
			'warning: network_members.csv, Zeile 3, Spalte „institution“: „Herr Schulz“ sieht nach einem Personennamen aus; Netzwerke nennen nur Institutionen, keine Personen.',
			'error: network_members.csv, Zeile 4, Spalte „type_label“: Bei Typ „sonstige“ ist eine freie Bezeichnung nötig.',
			'error: measures.csv, Zeile 2, Spalte „target_ids“: Feinziel „FZ9“ ist in targets.csv nicht definiert.',
			'error: measures.csv, Zeile 2, Spalte „offer_ids“: Angebot „A9“ ist in offers.csv nicht definiert.',
			'error: measures.csv, Zeile 2, Spalte „end“: Ende 2024-01-01 liegt vor dem Beginn 2025-01-01.'
		]);
	});

	it('checks the validity dates of offers', () => {
		expect(
			messagesAfter((pkg) => {
				pkg.csv['offers.csv'] = `${head('offers')}\nA1,Kita,AWO,u3,,0101,7.05,51.05,,,Kita,,2025-08-01,2024-07-31\nA2,Kita,AWO,u3,,0101,7.05,51.05,,,Kita,,2025-8-1,\n`;
			})
		).toEqual([
			'error: offers.csv, Zeile 3, Spalte „valid_from“: „2025-8-1“ ist kein Datum der Form JJJJ-MM-TT.',
			'error: offers.csv, Zeile 2, Spalte „valid_to“: Letzter Tag 2024-07-31 liegt vor dem ersten Tag 2025-08-01.'
		]);
	});
});

describe('boundary versions (docs/levels-and-versions.md)', () => {
	// Sozialraum 0102 was split into 0103 and 0104 in 2022: observations use the keys valid in their year
	function versioned(): LoadedPackage {
		const pkg = fixture();
		const d = descriptorOf(pkg);
		const levels = d.sozialraum.levels as Record<string, unknown>[];
		levels[0] = {
			...levels[0],
			path: 'areas-sozialraum-2022.geojson',
			versions: [
				{ id: '2014', label_de: 'Gebietsstand 2014', label_en: 'Boundaries 2014', valid_from: null, valid_to: 2021, path: 'areas-sozialraum-2014.geojson' },
				{ id: '2022', label_de: 'Gebietsstand 2022', label_en: 'Boundaries 2022', valid_from: 2022, valid_to: null, path: 'areas-sozialraum-2022.geojson' }
			]
		};
		d.resources = d.resources.filter((r) => r.name !== 'areas-sozialraum');
		d.resources.push({ name: 'areas-sozialraum-2014', path: 'areas-sozialraum-2014.geojson', format: 'geojson' }, { name: 'areas-sozialraum-2022', path: 'areas-sozialraum-2022.geojson', format: 'geojson' });
		pkg.geojson['areas-sozialraum-2014.geojson'] = pkg.geojson['areas-sozialraum.geojson'];
		pkg.geojson['areas-sozialraum-2022.geojson'] = collection(
			feature('0101', 'Altstadt', 'sozialraum', '01', square(7.0, 51.0, 7.1, 51.1)),
			feature('0103', 'Neustadt-Nord', 'sozialraum', '01', square(7.1, 51.05, 7.2, 51.1)),
			feature('0104', 'Neustadt-Süd', 'sozialraum', '01', square(7.1, 51.0, 7.2, 51.05))
		);
		delete pkg.geojson['areas-sozialraum.geojson'];
		pkg.csv['observations.csv'] = csv('observations', ['0102,quote,2020,10,20,200,', '0101,quote,2024,25,50,200,', '0103,quote,2024,10,10,100,', '0104,quote,2024,10,10,100,']);
		pkg.csv['targets.csv'] = csv('targets', []);
		pkg.csv['offers.csv'] = csv('offers', []);
		return pkg;
	}

	// Without a crosswalk the validator warns that series break at the change (not what these tests are about).
	const errors = (pkg: LoadedPackage) => validatePackage(pkg).filter((p) => p.severity === 'error');

	it('accepts an observation on the key of the version valid in its year', () => {
		expect(errors(versioned())).toEqual([]);
		expect(validatePackage(versioned()).map((p) => p.message_de)).toEqual([
			'datapackage.json, Feld „resources“: Die Ebene „sozialraum“ hat 2 Gebietsstände, aber das Paket hat keine Schlüsseltabelle (Ressource „crosswalk“): Zeitreihen werden am Wechsel unterbrochen; umrechnen lassen sie sich nicht.'
		]);
	});

	it('accepts residents of an old area in a year of its version', () => {
		const pkg = versioned();
		pkg.csv['population.csv'] = csv('population', ['0102,2020,insgesamt,800', '0103,2024,insgesamt,400']);
		expect(errors(pkg)).toEqual([]);
		pkg.csv['population.csv'] = csv('population', ['0102,2024,insgesamt,800']);
		expect(errors(pkg).map((p) => p.message_de)).toEqual([
			'population.csv, Zeile 2, Spalte „area_key“: Gebiet „0102“ gehört zum Gebietsstand „2014“ (bis 2021), im Jahr 2024 gilt aber der Gebietsstand „2022“ der Ebene „sozialraum“.'
		]);
	});

	it('rejects an old key in a year of the new version', () => {
		const pkg = versioned();
		pkg.csv['observations.csv'] = csv('observations', ['0102,quote,2024,10,20,200,']);
		expect(errors(pkg).map((p) => p.message_de)).toEqual([
			'observations.csv, Zeile 2, Spalte „area_key“: Gebiet „0102“ gehört zum Gebietsstand „2014“ (bis 2021), im Jahr 2024 gilt aber der Gebietsstand „2022“ der Ebene „sozialraum“.'
		]);
	});
});
