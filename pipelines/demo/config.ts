/**
 * Fixed parameters of the fictional demo city. Everything the generator produces follows from
 * these constants and the seeded random streams in random.ts, so two runs give identical bytes.
 */

/** Master seed; change it and the whole city changes (and data/musterstadt must be regenerated). */
export const SEED = 'musterstadt-2026';

export const YEARS: readonly number[] = Array.from({ length: 12 }, (_, i) => 2014 + i);
export const FIRST_YEAR = YEARS[0];
export const LAST_YEAR = YEARS[YEARS.length - 1];

/** Centre of the local metric plane (somewhere in the Ruhr area, NRW). */
export const CENTRE_LON = 7.3;
export const CENTRE_LAT = 51.5;

/** Half-axes of the city outline in km (≈ 14 km × 11 km overall). */
export const HALF_WIDTH_KM = 7.0;
export const HALF_HEIGHT_KM = 5.5;

/** Number of Sozialräume (Voronoi cells). */
export const AREA_COUNT = 41;
/** The most central cells form Stadtbezirk Mitte. */
export const MITTE_COUNT = 7;

/** Data as of (Datenstand) and the fixed creation time written into datapackage.json. */
export const DATENSTAND = '2026-06-30';
export const CREATED = '2026-06-30T12:00:00Z';

export const CITY_NAME = 'Musterstadt';
export const CITY_KEY = '00';
