/**
 * Fictional Gemeinden and Ortsteile of Musterkreis with the social character of each (offset of the
 * latent deprivation score, positive = poorer) and planned residents. Gemeinde keys follow the
 * 8-digit Amtlicher Gemeindeschlüssel pattern (Kreis 05999 + 3 digits), Ortsteil keys add 2 digits.
 */

export interface OrtsteilSpec {
	name: string;
	deprivation: number;
	/** Change of the deprivation score per year (negative = improving). */
	trend?: number;
	/** Relative size within the Gemeinde (shares are normalised). */
	weight: number;
}

export interface GemeindeSpec {
	key: string;
	name: string;
	/** "Stadt" or "Gemeinde" (shown in provider names, e.g. "Stadt Altenwalde"). */
	kind: 'Stadt' | 'Gemeinde';
	residents: number;
	deprivation: number;
	/** Ortsteile from the Kernort outwards. */
	ortsteile: readonly OrtsteilSpec[];
}

const ot = (name: string, weight: number, deprivation: number, trend?: number): OrtsteilSpec =>
	trend === undefined ? { name, weight, deprivation } : { name, weight, deprivation, trend };

/**
 * Gemeinden that exist in both boundary versions. The first is the Mittelzentrum and Kreisstadt
 * (seat of the Kreisjugendamt); the others are rural, down to 2,000 residents.
 */
export const GEMEINDEN: readonly GemeindeSpec[] = [
	{ key: '05999004', name: 'Altenwalde', kind: 'Stadt', residents: 20000, deprivation: 0.1, ortsteile: [
		ot('Altenwalde-Mitte', 2.4, 0.5), ot('Bahnhofsviertel', 1.6, 1.35, 0.03), ot('Nordstadt', 1.8, 0.95), ot('Am Schlossberg', 1.1, -1.0),
		ot('Südstadt', 1.5, 0.25), ot('Hammerhütte', 1.0, 0.75, 0.02), ot('Weidenhof', 0.9, 0.6, -0.06), ot('Kirchwald', 0.6, -0.5),
		ot('Lindenau', 0.5, -0.3), ot('Bruchhausen', 0.35, -0.1), ot('Overberg', 0.25, -0.6), ot('Grüner Winkel', 0.25, -0.4)
	] },
	{ key: '05999008', name: 'Hohenbrück', kind: 'Stadt', residents: 8500, deprivation: -0.25, ortsteile: [
		ot('Hohenbrück', 3.0, 0.35), ot('Brückenfeld', 1.4, 0.7, 0.03), ot('Am Mühlbach', 1.0, -0.2), ot('Osterholz', 0.7, -0.4),
		ot('Steinbrink', 0.6, 0.1), ot('Hagedorn', 0.35, -0.5), ot('Lütkenfeld', 0.25, -0.3), ot('Wehrstapel', 0.2, 0.0)
	] },
	{ key: '05999012', name: 'Eschenau', kind: 'Gemeinde', residents: 6500, deprivation: -0.6, ortsteile: [
		ot('Eschenau', 2.5, 0.1), ot('Eschenau-Nord', 1.2, 0.6, 0.04), ot('Dornbusch', 0.7, -0.4), ot('Hülsberg', 0.5, -0.2),
		ot('Riemke', 0.3, 0.0), ot('Sankt Veit', 0.2, -0.6)
	] },
	{ key: '05999016', name: 'Wiesental', kind: 'Gemeinde', residents: 5000, deprivation: -0.8, ortsteile: [
		ot('Wiesental', 2.2, 0.0), ot('Untermühle', 1.0, 0.25), ot('Krähenwinkel', 0.6, -0.3), ot('Wiesenhof', 0.45, -0.5),
		ot('Langenholt', 0.3, -0.1), ot('Klausen', 0.2, 0.1)
	] },
	{ key: '05999020', name: 'Birkenfelde', kind: 'Gemeinde', residents: 4000, deprivation: -0.95, ortsteile: [
		ot('Birkenfelde', 2.0, 0.0), ot('Birkenhain', 0.8, -0.3), ot('Hasselbach', 0.6, 0.25), ot('Oedingen', 0.35, -0.4),
		ot('Kalte Quelle', 0.22, -0.2)
	] },
	{ key: '05999024', name: 'Kirchhorst', kind: 'Gemeinde', residents: 3200, deprivation: -0.75, ortsteile: [
		ot('Kirchhorst', 1.8, 0.1), ot('Westerfeld', 0.9, 0.35), ot('Bönninghausen', 0.5, -0.2), ot('Mollseifen', 0.2, -0.5),
		ot('Am Eichholz', 0.25, -0.3)
	] },
	{ key: '05999040', name: 'Rodenbach', kind: 'Gemeinde', residents: 2500, deprivation: -0.65, ortsteile: [
		ot('Rodenbach', 1.6, 0.2), ot('Oberrodenbach', 0.6, -0.2), ot('Schwarzenau', 0.5, 0.45), ot('Grevenstein', 0.2, -0.4)
	] },
	{ key: '05999044', name: 'Brunnhausen', kind: 'Gemeinde', residents: 2000, deprivation: -1.05, ortsteile: [
		ot('Brunnhausen', 1.5, 0.0), ot('Helmeringhausen', 0.6, -0.3), ot('Bödefeld', 0.45, 0.15), ot('Wormbach', 0.25, -0.5)
	] },
	{ key: '05999048', name: 'Falkenrode', kind: 'Gemeinde', residents: 2100, deprivation: -0.85, ortsteile: [
		ot('Falkenrode', 1.4, -0.1), ot('Falkenberg', 0.6, -0.4), ot('Lenne', 0.45, 0.2), ot('Hüttental', 0.3, 0.55, 0.03)
	] }
];

/** The two Gemeinden that merge in 2021, each with its Ortsteile until 2020. */
export const MERGING: readonly [GemeindeSpec, GemeindeSpec] = [
	{ key: '05999028', name: 'Oberau', kind: 'Gemeinde', residents: 2300, deprivation: -0.45, ortsteile: [
		ot('Oberau', 1.5, 0.0), ot('Auhammer', 1.0, 0.45)
	] },
	{ key: '05999032', name: 'Niederau', kind: 'Gemeinde', residents: 2900, deprivation: -0.2, ortsteile: [
		ot('Niederau', 1.6, 0.2), ot('Niederau-Siedlung', 1.0, 0.85, 0.03), ot('Kesselbach', 0.5, -0.3)
	] }
];

/**
 * The Gemeinde formed in 2021 and its re-cut Ortsteile. "Kesselbach" keeps its boundaries (and so its
 * key, with the new Gemeinde as parent); the others are cut anew across the old municipal border,
 * two of them under an old name but with a new key.
 */
export const MERGED = {
	key: '05999036',
	name: 'Auetal',
	kind: 'Gemeinde' as const,
	kept: 'Kesselbach',
	/** New Ortsteile other than the kept one, in key order. */
	recut: ['Oberau', 'Niederau', 'Auetal-Mitte'] as const
};

/**
 * Blocks (simulation units) each merging Gemeinde is cut into: its old and the new Ortsteile are
 * unions of them, so both boundary versions describe the same residents.
 */
export const BLOCKS: Record<string, number> = { '05999028': 6, '05999032': 7 };
