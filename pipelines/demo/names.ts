/**
 * Fictional German names. Each Sozialraum name carries a social character (offset of the latent
 * deprivation score) and optionally a trend, so that "Schlossberg" is well-off and "Nordviertel"
 * is poor, as a reader would expect from the names.
 */

export interface BezirkSpec {
	key: string;
	name: string;
	/** District-wide offset of the latent deprivation score. */
	deprivation: number;
}

/** Mitte first, then the outer districts clockwise from north. */
export const BEZIRKE: readonly BezirkSpec[] = [
	{ key: '01', name: 'Mitte', deprivation: 0.15 },
	{ key: '02', name: 'Nord', deprivation: 0.45 },
	{ key: '03', name: 'Ost', deprivation: 0.1 },
	{ key: '04', name: 'Süd', deprivation: -0.55 },
	{ key: '05', name: 'West', deprivation: -0.3 },
	{ key: '06', name: 'Hafen', deprivation: 0.45 }
];

export interface AreaName {
	name: string;
	/** Offset of the latent deprivation score (positive = poorer). */
	deprivation: number;
	/** Change of the deprivation score per year (negative = improving, e.g. gentrification). */
	trend?: number;
}

/** Tiny Sozialräume (< 400 residents): small counts there must be suppressed by the engine. */
export interface TinyName extends AreaName {
	bezirk: string;
	residents: number;
}

export const TINY_AREAS: readonly TinyName[] = [
	{ bezirk: '06', name: 'Hafeninsel', deprivation: 1.0, residents: 230 },
	{ bezirk: '03', name: 'Gewerbegebiet Ost', deprivation: 0.6, residents: 340 },
	{ bezirk: '04', name: 'Stadtwald', deprivation: -0.9, residents: 150 }
];

/** Name pools per Stadtbezirk, used in order from the most central Sozialraum outwards. */
export const AREA_NAMES: Record<string, readonly AreaName[]> = {
	'01': [
		{ name: 'Altstadt', deprivation: 0.3 },
		{ name: 'Neue Mitte', deprivation: 0.1, trend: -0.07 },
		{ name: 'Bahnhofsviertel', deprivation: 1.4 },
		{ name: 'Schlossberg', deprivation: -1.4 },
		{ name: 'Altstadt/Süd', deprivation: 0.6 },
		{ name: 'Theaterviertel', deprivation: -0.6 },
		{ name: 'Am Stadtgarten', deprivation: -0.5 },
		{ name: 'Marktviertel', deprivation: 0.2 },
		{ name: 'Domviertel', deprivation: -0.3 }
	],
	'02': [
		{ name: 'Nordviertel', deprivation: 1.25, trend: 0.02 },
		{ name: 'Lindenhof', deprivation: 0.4 },
		{ name: 'Zechensiedlung', deprivation: 1.0, trend: 0.04 },
		{ name: 'Eichkamp', deprivation: -0.5 },
		{ name: 'Brückenfeld', deprivation: 0.6 },
		{ name: 'Am Nordpark', deprivation: 0.0 },
		{ name: 'Rübenkamp', deprivation: 0.3 },
		{ name: 'Sonnenhügel', deprivation: -0.7 },
		{ name: 'Nordheide', deprivation: -0.2 }
	],
	'03': [
		{ name: 'Ostviertel', deprivation: 0.5 },
		{ name: 'Ostfeld', deprivation: 0.9, trend: 0.05 },
		{ name: 'Gartenstadt', deprivation: -0.9 },
		{ name: 'Mühlenfeld', deprivation: -0.3 },
		{ name: 'Am Kreuzweg', deprivation: 0.2 },
		{ name: 'Rosenhöhe', deprivation: -0.7 },
		{ name: 'Buchenhain', deprivation: -0.4 },
		{ name: 'Heidkamp', deprivation: 0.1 }
	],
	'04': [
		{ name: 'Südstadt', deprivation: 0.2 },
		{ name: 'Süderfeld', deprivation: 0.4, trend: -0.03 },
		{ name: 'Am Kaiserhain', deprivation: -1.1 },
		{ name: 'Grünental', deprivation: -0.6 },
		{ name: 'Großer Anger', deprivation: 0.3 },
		{ name: 'Sonnenberg', deprivation: -0.9 },
		{ name: 'Hohenfeld', deprivation: -0.5 },
		{ name: 'Lindenallee', deprivation: -0.2 }
	],
	'05': [
		{ name: 'Westend', deprivation: 0.5 },
		{ name: 'Am Wasserturm', deprivation: 0.6, trend: 0.03 },
		{ name: 'Kirchfeld', deprivation: -0.3 },
		{ name: 'Großheide', deprivation: -0.1 },
		{ name: 'Schäferkamp', deprivation: 0.2 },
		{ name: 'Weidenau', deprivation: -0.5 },
		{ name: 'Birkenhöhe', deprivation: -0.8 },
		{ name: 'Fuchsbau', deprivation: -0.6 },
		{ name: 'Westerholz', deprivation: -0.4 }
	],
	'06': [
		{ name: 'Am Hafen', deprivation: 1.1 },
		{ name: 'Speicherstadt', deprivation: 0.3, trend: -0.08 },
		{ name: 'Werftviertel', deprivation: 1.2, trend: 0.04 },
		{ name: 'Kanalufer', deprivation: 0.9 },
		{ name: 'Schleusenhof', deprivation: 0.6 },
		{ name: 'Fährstraße', deprivation: 0.8 },
		{ name: 'Dockviertel', deprivation: 0.7 },
		{ name: 'Ruhrwiesen', deprivation: 0.2 }
	]
};
