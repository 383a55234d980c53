import { describe, expect, it } from 'vitest';
import { germanDativePlural, germanPlural, englishPlural, levelFiles, levelVersions, levelWords, newestVersion, versionForYear } from './levels';
import type { AreaLevel } from './types';

const ortsteil: AreaLevel = {
	id: 'ortsteil',
	label_de: 'Ortsteil',
	label_en: 'Locality',
	path: 'areas-ortsteil-2021.geojson',
	versions: [
		{ id: '2014', label_de: 'Gebietsstand 2014', label_en: 'Boundaries 2014', valid_from: 2014, valid_to: 2020, path: 'areas-ortsteil-2014.geojson' },
		{ id: '2021', label_de: 'Gebietsstand 2021', label_en: 'Boundaries 2021', valid_from: 2021, valid_to: null, path: 'areas-ortsteil-2021.geojson' }
	]
};

describe('levels and versions', () => {
	it('gives a level without versions one version valid in every year', () => {
		const plain: AreaLevel = { id: 'sozialraum', label_de: 'Sozialraum', label_en: 'Social area', path: 'a.geojson' };
		expect(levelVersions(plain)).toEqual([{ id: '', label_de: '', label_en: '', valid_from: null, valid_to: null, path: 'a.geojson' }]);
		expect(versionForYear(plain, 1990).path).toBe('a.geojson');
		expect(levelFiles(plain)).toEqual(['a.geojson']);
	});

	it('finds the version valid in a reporting year, inclusive at both ends', () => {
		expect(versionForYear(ortsteil, 2014).id).toBe('2014');
		expect(versionForYear(ortsteil, 2020).id).toBe('2014');
		expect(versionForYear(ortsteil, 2021).id).toBe('2021');
		expect(versionForYear(ortsteil, 2040).id).toBe('2021');
		// before the first version: the newest one (nothing else to draw)
		expect(versionForYear(ortsteil, 2000).id).toBe('2021');
		expect(newestVersion(ortsteil).id).toBe('2021');
		expect(levelFiles(ortsteil)).toEqual(['areas-ortsteil-2021.geojson', 'areas-ortsteil-2014.geojson']);
	});

	it('names levels in German and English, with plurals derived when the package gives none', () => {
		expect(['Ortsteil', 'Gemeinde', 'Sozialraum', 'Stadtbezirk', 'Quartier', 'Baublock', 'Stadt', 'Kreis', 'Viertel'].map(germanPlural)).toEqual([
			'Ortsteile', 'Gemeinden', 'Sozialräume', 'Stadtbezirke', 'Quartiere', 'Baublöcke', 'Städte', 'Kreise', 'Viertel'
		]);
		expect(['Sozialräume', 'Gemeinden', 'Ortsteile', 'Kreise'].map(germanDativePlural)).toEqual(['Sozialräumen', 'Gemeinden', 'Ortsteilen', 'Kreisen']);
		expect(['Locality', 'District', 'Social area', 'Block'].map(englishPlural)).toEqual(['Localities', 'Districts', 'Social areas', 'Blocks']);
		expect(levelWords(ortsteil, 'de')).toEqual({ one: 'Ortsteil', many: 'Ortsteile', manyDat: 'Ortsteilen' });
		expect(levelWords({ ...ortsteil, label_plural_de: 'Ortsteile (OT)' }, 'de').many).toBe('Ortsteile (OT)');
		expect(levelWords(ortsteil, 'en')).toEqual({ one: 'Locality', many: 'Localities', manyDat: 'Localities' });
	});
});
