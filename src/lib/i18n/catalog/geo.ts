/** Texts of levels and boundary versions: level switch, series breaks, conversion through the crosswalk. */
import type { Catalog } from './index';

export const de = {
	'geo.level': 'Ebene',
	'geo.break': 'Gebietsstand geändert',
	'geo.breakNote': 'Zwischen {last} und {first} hat sich der Gebietsstand geändert ({before} → {after}).',
	'geo.breakNoConvert': 'Für {area} lassen sich die früheren Jahre nicht umrechnen.',
	'geo.convert': 'Frühere Jahre auf den aktuellen Gebietsstand umrechnen',
	'geo.convertMethod': 'Umrechnung',
	'geo.method.given': 'nach Vorgabe der Statistikstelle',
	'geo.method.population': 'bevölkerungsgewichtet',
	'geo.method.area': 'flächengewichtet',
	'geo.converted': 'umgerechnet, {method}',
	'geo.convertedNote': 'umgerechnet ({method}); {share} aus geteilten Gebieten',
	'geo.regrouped': 'aus dem früheren Gebietsstand zusammengerechnet',
	'geo.chartNote': 'Werte bis {year} von „{before}“ auf „{after}“ umgerechnet ({method}). Das sind Schätzungen: bis zu {share} der umgerechneten Zahlen stammen aus Gebieten, die geteilt wurden.',
	'geo.chartNoteRegrouped': 'Werte bis {year} aus den Gebieten von „{before}“ exakt zusammengerechnet.',
	'geo.key.converted': 'umgerechnet (Schätzung)',
	'geo.versionShown': 'Karte: {version}',
	'geo.trendCsv': 'Zeitreihe als CSV (Excel, deutsch)',
	'geo.meta.version': 'Gebietsstand der Karte',
	'geo.exportNote': 'Umrechnung auf den aktuellen Gebietsstand: {method}; höchster Anteil aus geteilten Gebieten {share}. Umgerechnete Werte sind Schätzungen und in der Spalte „Hinweis“ gekennzeichnet.'
};

export const en: Catalog<typeof de>['en'] = {
	'geo.level': 'Level',
	'geo.break': 'Boundaries changed',
	'geo.breakNote': 'Between {last} and {first} the boundaries changed ({before} → {after}).',
	'geo.breakNoConvert': 'The earlier years cannot be converted for {area}.',
	'geo.convert': 'Convert earlier years to the current boundaries',
	'geo.convertMethod': 'Conversion',
	'geo.method.given': 'as given by the statistics office',
	'geo.method.population': 'population-weighted',
	'geo.method.area': 'area-weighted',
	'geo.converted': 'converted, {method}',
	'geo.convertedNote': 'converted ({method}); {share} from split areas',
	'geo.regrouped': 'summed from the earlier boundaries',
	'geo.chartNote': 'Values up to {year} converted from “{before}” to “{after}” ({method}). They are estimates: up to {share} of the converted counts come from areas that were split.',
	'geo.chartNoteRegrouped': 'Values up to {year} summed exactly from the areas of “{before}”.',
	'geo.key.converted': 'converted (estimate)',
	'geo.versionShown': 'Map: {version}',
	'geo.trendCsv': 'Time series as CSV (German Excel)',
	'geo.meta.version': 'Boundaries of the map',
	'geo.exportNote': 'Conversion to the current boundaries: {method}; largest share from split areas {share}. Converted values are estimates and marked in the “Note” column.'
};
