/**
 * Assemble the whole Musterkreis package in memory: path → file content. Made of Musterstadt's
 * building blocks (population, shared bases, observation model, offers, writers) on Musterkreis'
 * own areas and seed, then summed onto the Ortsteile of the boundary version of each year.
 */
import type { AreaLevel, PackageDescriptor } from '../../../src/lib/data/types';
import type { Sozialraum } from '../areas';
import { buildBases } from '../bases';
import { FIRST_YEAR, LAST_YEAR } from '../config';
import { indicatorRecord } from '../indicators';
import { buildObservations } from '../observations';
import { buildPopulation } from '../population';
import { DEMO_META, csvResource, descriptorJson, featureCollection, geojsonResource, tableCsv } from '../write';
import { aggregateObservations, populationRows, versionPopulation } from './aggregate';
import { buildKreisAreas, type BoundaryVersion, type KreisAreas } from './areas';
import { DATENSTAND, KREIS_NAME, MERGER_YEAR, kreisStreams } from './config';
import { buildCrosswalk } from './crosswalk';
import { KREIS_INDICATORS } from './indicators';
import { GEMEINDEN, MERGED, MERGING } from './names';
import { buildKreisOffers } from './offers';
import { buildKreisTargets } from './targets';

export const KREIS_DEFAULT_INDICATOR = 'sgb2_u15';
const OFFER_YEAR = LAST_YEAR;

const areaFile = (level: string, version?: string) => `areas-${level}${version ? `-${version}` : ''}.geojson`;

/** The newest Ortsteile as areas of the offer builder (character pooled from their units by residents). */
function currentOrtsteile(areas: KreisAreas, pop: ReturnType<typeof buildPopulation>): Sozialraum[] {
	return areas.versions[1].ortsteile.map((o) => {
		const members = areas.units.filter((u) => o.units.includes(u.key));
		const w = members.map((u) => pop.total(u.key, OFFER_YEAR));
		const mean = (f: (u: Sozialraum) => number) => members.reduce((s, u, i) => s + f(u) * w[i], 0) / w.reduce((s, x) => s + x, 0);
		return {
			key: o.key, name: o.name, parent: o.parent, seed: members[0].seed, polygon: o.geometry[0],
			deprivation: mean((u) => u.deprivation), trend: mean((u) => u.trend), tinyResidents: null, centrality: mean((u) => u.centrality)
		};
	});
}

function versionDescriptor(v: BoundaryVersion, level: string) {
	return { id: v.id, label_de: `Gebietsstand ${v.id}`, label_en: `Boundaries ${v.id}`, valid_from: v.validFrom, valid_to: v.validTo, path: areaFile(level, v.id) };
}

function levels(areas: KreisAreas): AreaLevel[] {
	const [older, newer] = areas.versions;
	return [
		{ id: 'ortsteil', label_de: 'Ortsteil', label_en: 'Locality', label_plural_de: 'Ortsteile', label_plural_en: 'Localities', path: areaFile('ortsteil', newer.id),
			versions: [versionDescriptor(older, 'ortsteil'), versionDescriptor(newer, 'ortsteil')] },
		{ id: 'gemeinde', label_de: 'Gemeinde', label_en: 'Municipality', label_plural_de: 'Gemeinden', label_plural_en: 'Municipalities', path: areaFile('gemeinde', newer.id),
			versions: [versionDescriptor(older, 'gemeinde'), versionDescriptor(newer, 'gemeinde')] },
		{ id: 'kreis', label_de: 'Kreis', label_en: 'County', label_plural_de: 'Kreise', label_plural_en: 'Counties', path: areaFile('kreis') }
	];
}

export function buildKreisPackage(): Record<string, string> {
	const areas = buildKreisAreas();
	const population = buildPopulation(areas.units, kreisStreams);
	const bases = buildBases(areas.units, population, kreisStreams);
	const unitObservations = buildObservations(KREIS_INDICATORS, areas.units, population, bases, kreisStreams);
	const observations = aggregateObservations(unitObservations, KREIS_INDICATORS, areas);
	const newer = areas.versions[1];
	const kernorte = new Map([
		...GEMEINDEN.map((g) => [g.key, `${g.key}01`] as const),
		[MERGED.key, newer.ortsteile.find((o) => o.parent === MERGED.key && o.name === 'Auetal-Mitte')!.key] as const
	]);
	const offers = buildKreisOffers(currentOrtsteile(areas, population), versionPopulation(population, newer.ortsteile), kernorte);
	const targets = buildKreisTargets(observations, KREIS_INDICATORS, areas);
	const crosswalk = buildCrosswalk(areas, population, MERGER_YEAR - 1);
	const [older] = areas.versions;
	const merging = MERGING.map((g) => g.name).join(' und ');

	const descriptor: PackageDescriptor = {
		name: 'musterkreis',
		title: `Sozialraum-Monitor ${KREIS_NAME} (fiktive Demodaten)`,
		description: `Erfundener Kreis mit ${newer.ortsteile.length} Ortsteilen in ${newer.gemeinden.length} Gemeinden (bis 2020 ${older.gemeinden.length} Gemeinden: ${MERGER_YEAR} haben sich ${merging} zur Gemeinde ${MERGED.name} zusammengeschlossen, deren Ortsteile neu geschnitten wurden), ${KREIS_INDICATORS.length} Indikatoren entlang der Präventionskette (${FIRST_YEAR}–${LAST_YEAR}), ${offers.length} Angeboten und ${targets.length} Feinzielen. Alle Zahlen sind simuliert und beschreiben keine reale Kommune.`,
		...DEMO_META,
		resources: [
			...areas.versions.map((v) => geojsonResource(`ortsteil-${v.id}`)),
			...areas.versions.map((v) => geojsonResource(`gemeinde-${v.id}`)),
			geojsonResource('kreis'),
			csvResource('indicators'),
			csvResource('observations'),
			csvResource('population'),
			csvResource('offers'),
			csvResource('targets'),
			csvResource('crosswalk')
		],
		sozialraum: {
			fictional: true,
			datenstand: DATENSTAND,
			territory_de: KREIS_NAME,
			summary_de: 'Kreis mit Gemeinden und Ortsteilen',
			summary_en: 'county with municipalities and localities',
			levels: levels(areas),
			disclosure: { minNumerator: 3, minDenominator: 0 },
			default_indicator: KREIS_DEFAULT_INDICATOR
		}
	};

	const files: Record<string, string> = { 'datapackage.json': descriptorJson(descriptor) };
	for (const v of areas.versions) {
		files[areaFile('ortsteil', v.id)] = featureCollection('ortsteil', v.ortsteile);
		files[areaFile('gemeinde', v.id)] = featureCollection('gemeinde', v.gemeinden);
	}
	files[areaFile('kreis')] = featureCollection('kreis', [areas.kreis]);
	return {
		...files,
		'indicators.csv': tableCsv('indicators', KREIS_INDICATORS.map(indicatorRecord)),
		'observations.csv': tableCsv('observations', observations),
		'population.csv': tableCsv('population', populationRows(population, areas)),
		'offers.csv': tableCsv('offers', offers),
		'targets.csv': tableCsv('targets', targets),
		'crosswalk.csv': tableCsv('crosswalk', crosswalk)
	};
}
