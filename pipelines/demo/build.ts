/**
 * Assemble the whole Musterstadt package in memory: path → file content.
 */
import type { PackageDescriptor } from '../../src/lib/data/types';
import { buildAreas } from './areas';
import { buildBases } from './bases';
import { CITY_NAME, DATENSTAND, FIRST_YEAR, LAST_YEAR } from './config';
import { INDICATORS, indicatorRecord } from './indicators';
import { buildObservations } from './observations';
import { applyFlaws } from './flaws';
import { buildOffers } from './offers';
import { buildPopulation } from './population';
import { buildTargets } from './targets';
import { buildNetworks } from './networks';
import { buildMeasures } from './measures';
import { DEMO_META, areaFiles, csvResource, descriptorJson, geojsonResource, tableCsv } from './write';

export const DEFAULT_INDICATOR = 'sgb2_u15';

export function buildDemoPackage(): Record<string, string> {
	const areas = buildAreas();
	const sozialraeume = areas.sozialraeume;
	const population = buildPopulation(sozialraeume);
	const bases = buildBases(sozialraeume, population);
	// A few realistic errors on purpose, for the data-quality report to find (flaws.ts)
	const observations = applyFlaws(buildObservations(INDICATORS, sozialraeume, population, bases), population, INDICATORS);
	const offers = buildOffers(sozialraeume, population);
	const targets = buildTargets(observations, INDICATORS, sozialraeume);
	const networks = buildNetworks(sozialraeume, offers);
	const measures = buildMeasures(targets, offers, sozialraeume);

	const descriptor: PackageDescriptor = {
		name: 'musterstadt',
		title: `Sozialraum-Monitor ${CITY_NAME} (fiktive Demodaten)`,
		description: `Erfundene Stadt mit ${sozialraeume.length} Sozialräumen in ${areas.bezirke.length} Stadtbezirken, ${INDICATORS.length} Indikatoren entlang der Präventionskette (${FIRST_YEAR}–${LAST_YEAR}), ${offers.length} Angeboten und ${targets.length} Feinzielen. Alle Zahlen sind simuliert und beschreiben keine reale Kommune.`,
		...DEMO_META,
		resources: [
			geojsonResource('sozialraum'),
			geojsonResource('stadtbezirk'),
			geojsonResource('stadt'),
			csvResource('indicators'),
			csvResource('observations'),
			csvResource('population'),
			csvResource('offers'),
			csvResource('targets'),
			csvResource('networks'),
			csvResource('network_members'),
			csvResource('network_meetings'),
			csvResource('measures')
		],
		sozialraum: {
			fictional: true,
			datenstand: DATENSTAND,
			territory_de: CITY_NAME,
			summary_de: 'kreisfreie Stadt mit Sozialräumen',
			summary_en: 'independent city with social areas',
			levels: [
				{ id: 'sozialraum', label_de: 'Sozialraum', label_en: 'Social area', label_plural_de: 'Sozialräume', label_plural_en: 'Social areas', path: 'areas-sozialraum.geojson' },
				{ id: 'stadtbezirk', label_de: 'Stadtbezirk', label_en: 'City district', label_plural_de: 'Stadtbezirke', label_plural_en: 'City districts', path: 'areas-stadtbezirk.geojson' },
				{ id: 'stadt', label_de: 'Stadt', label_en: 'City', label_plural_de: 'Städte', label_plural_en: 'Cities', path: 'areas-stadt.geojson' }
			],
			disclosure: { minNumerator: 3, minDenominator: 0 },
			default_indicator: DEFAULT_INDICATOR
		}
	};

	return {
		'datapackage.json': descriptorJson(descriptor),
		...areaFiles(areas),
		'indicators.csv': tableCsv('indicators', INDICATORS.map(indicatorRecord)),
		'observations.csv': tableCsv('observations', observations),
		'population.csv': tableCsv('population', population.rows()),
		'offers.csv': tableCsv('offers', offers),
		'targets.csv': tableCsv('targets', targets),
		'networks.csv': tableCsv('networks', networks.networks),
		'network_members.csv': tableCsv('network_members', networks.members),
		'network_meetings.csv': tableCsv('network_meetings', networks.meetings),
		'measures.csv': tableCsv('measures', measures)
	};
}
