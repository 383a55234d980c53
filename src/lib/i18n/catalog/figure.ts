/** Texts of the chart exports (PNG and SVG of every chart): menu entries, figure titles and keys. */
import type { Catalog } from './index';

export const de = {
	'figure.png': 'Diagramm als Bild (PNG)',
	'figure.svg': 'Diagramm als Vektorgrafik (SVG)',
	'figure.mapPng': 'Karte als Bild (PNG)',
	'figure.mapSvg': 'Karte als Vektorgrafik (SVG)',
	'figure.menuLabel': 'Exportieren: {chart}',
	'figure.notDrawn': 'Das Diagramm ist noch nicht gezeichnet.',
	'figure.blank': 'Das Bild wäre leer geblieben; bitte erneut versuchen.',
	'figure.title': '{indicator}: {chart}',
	'figure.cityValue': '{wholeValue} {year}: {value}',
	'figure.highlight': 'hervorgehoben: {area}',
	'figure.sources': 'Quellen: {list}',
	'figure.what.trends': 'Entwicklung aller {lvls}',
	'figure.key.area': '{Lvl}',
	'figure.key.areas': 'die einzelnen {lvls}',
	'figure.key.city': '{wholeValue}',
	'figure.key.interval': '95-%-Konfidenzintervall',
	'figure.profile.title': 'Steckbrief {area}: alle Indikatoren im Vergleich, {year}',
	'figure.profile.what': 'Indikatoren im Vergleich',
	'figure.chain.matrixTitle': 'Präventionskette: {lvls} × Lebensphasen, Kategorie je Zelle',
	'figure.chain.mapsTitle': 'Präventionskette: Karten je Lebensphase',
	'figure.chain.sub': '{territory} · Klassen: {method} · Abdeckung: {measure} · Einwohner {year}',
	'figure.chain.offers': 'Angebote: Angebotsverzeichnis des Datenpakets',
	'figure.index.sub': '{territory} · {method}'
} as const;

export const en: Record<keyof typeof de, string> = {
	'figure.png': 'Chart as image (PNG)',
	'figure.svg': 'Chart as vector graphic (SVG)',
	'figure.mapPng': 'Map as image (PNG)',
	'figure.mapSvg': 'Map as vector graphic (SVG)',
	'figure.menuLabel': 'Export: {chart}',
	'figure.notDrawn': 'The chart has not been drawn yet.',
	'figure.blank': 'The picture would have come out empty; please try again.',
	'figure.title': '{indicator}: {chart}',
	'figure.cityValue': '{WholeValue} {year}: {value}',
	'figure.highlight': 'highlighted: {area}',
	'figure.sources': 'Sources: {list}',
	'figure.what.trends': 'Trends of all areas',
	'figure.key.area': '{Lvl}',
	'figure.key.areas': 'the individual {lvls}',
	'figure.key.city': '{WholeValue}',
	'figure.key.interval': '95% confidence interval',
	'figure.profile.title': 'Profile of {area}: all indicators compared, {year}',
	'figure.profile.what': 'indicators compared',
	'figure.chain.matrixTitle': 'Prevention chain: areas × life phases, category per cell',
	'figure.chain.mapsTitle': 'Prevention chain: maps by life phase',
	'figure.chain.sub': '{territory} · classes: {method} · coverage: {measure} · residents {year}',
	'figure.chain.offers': 'Offers: directory of offers in the data package',
	'figure.index.sub': '{territory} · {method}'
};

export const figure: Catalog<typeof de> = { de, en };
