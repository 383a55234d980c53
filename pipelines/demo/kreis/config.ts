/**
 * Fixed parameters of the fictional demo Kreis "Musterkreis". With the seeded streams below,
 * everything the generator writes follows from these constants.
 */
import { seededStreams } from '../random';
import type { OutlineShape } from '../geometry';

/** Own master seed: Musterkreis' random numbers never shift Musterstadt's. */
export const KREIS_SEED = 'musterkreis-2026';
export const kreisStreams = seededStreams(KREIS_SEED);

export const KREIS_NAME = 'Musterkreis';
/** A fictional Kreis key in NRW (05…); 05999 is not used by any real Kreis. */
export const KREIS_KEY = '05999';

/** Centre of the local metric plane: a hilly, rural part of southern Westphalia. */
export const KREIS_CENTRE_LON = 8.1;
export const KREIS_CENTRE_LAT = 51.25;

/** About 38 km × 28 km, an irregular outline without a harbour. */
export const KREIS_OUTLINE: OutlineShape = {
	halfWidthKm: 19,
	halfHeightKm: 14,
	amplitudes: [0.1, 0.07, 0.05, 0.035, 0.025],
	harbour: false
};

/** The Gemeinde merger: from this reporting year on, the new boundaries (Gebietsstand 2021) apply. */
export const MERGER_YEAR = 2021;
export const OLD_VERSION = '2014';
export const NEW_VERSION = '2021';

/** Data as of, as Musterstadt's. */
export { DATENSTAND } from '../config';
