/**
 * Feature message catalogues. Each module exports `{ de, en }` (`en` typed as Record<keyof typeof de,
 * string>, so a missing English text is a type error). Add a feature with one import and one spread
 * in each object below.
 */
import * as profile from './profile';
import * as targets from './targets';
import * as chain from './chain';
import * as present from './present';
import * as importer from './importer';
import * as figure from './figure';
import * as inventory from './inventory';
import * as networks from './networks';
import * as measures from './measures';
import * as packages from './packages';
import * as geo from './geo';
import * as indexMethod from './index-method';
import * as reference from './reference';
import * as derived from './derived';
import * as analyse from './analyse';
import * as ui from './ui';

export type Catalog<D extends Record<string, string>> = { de: D; en: Record<keyof D, string> };

export const catalogs = {
	de: { ...profile.de, ...targets.de, ...chain.de, ...present.de, ...importer.de, ...figure.de, ...inventory.de, ...networks.de, ...measures.de, ...indexMethod.de, ...reference.de, ...derived.de, ...analyse.de, ...geo.de, ...packages.de, ...ui.de },
	en: { ...profile.en, ...targets.en, ...chain.en, ...present.en, ...importer.en, ...figure.en, ...inventory.en, ...networks.en, ...measures.en, ...indexMethod.en, ...reference.en, ...derived.en, ...analyse.en, ...geo.en, ...packages.en, ...ui.en }
};
