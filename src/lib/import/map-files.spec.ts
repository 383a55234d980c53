import { describe, expect, it } from 'vitest';
import { groupMapFiles, guessMap, levelId, levelsFromMaps, settleValidity, type WizardMap } from './map-files';

const map = (files: string[], level_de: string, years: [number | null, number | null] = [null, null]): WizardMap => ({ files, level_de, valid_from: years[0], valid_to: years[1], geometry: {} });

describe('the wizard maps', () => {
	it('groups the parts of a Shapefile and keeps other maps apart', () => {
		expect(groupMapFiles(['ot.shp', 'gemeinden.geojson', 'ot.dbf', 'OT.prj', 'alt.zip'])).toEqual([['ot.shp', 'ot.dbf', 'OT.prj'], ['gemeinden.geojson'], ['alt.zip']]);
	});

	it('names level ids as the package wants them', () => {
		expect(levelId('Ortsteil')).toBe('ortsteil');
		expect(levelId('Statistischer Bezirk')).toBe('statistischer_bezirk');
		expect(levelId('Sozialräume 2')).toBe('sozialraeume_2');
		expect(levelId('1. Ebene')).toBe('ebene_1_ebene');
	});

	it('orders levels finest first by their number of areas, and makes maps of one level its versions', () => {
		const maps = [map(['gemeinden.geojson'], 'Gemeinde'), map(['ot-2021.geojson'], 'Ortsteil', [2021, null]), map(['ot-2014.geojson'], 'Ortsteil', [null, 2020])];
		const levels = levelsFromMaps(maps, [10, 60, 58]);
		expect(levels.map((l) => l.id)).toEqual(['ortsteil', 'gemeinde']);
		expect(levels[0]).toMatchObject({ label_de: 'Ortsteil', label_en: 'Locality', label_plural_de: 'Ortsteile' });
		expect(levels[0].versions!.map((v) => [v.id, v.valid_from, v.valid_to, v.geometry.files[0]])).toEqual([['bis2020', null, 2020, 'ot-2014.geojson'], ['2021', 2021, null, 'ot-2021.geojson']]);
		expect(levels[0].versions!.map((v) => v.label_de)).toEqual(['Gebietsstand bis 2020', 'Gebietsstand 2021']);
		expect(levels[1].geometry!.files).toEqual(['gemeinden.geojson']);
	});

	it('guesses level and start year from file names, and lets each version run until the next starts', () => {
		const maps: WizardMap[] = [];
		for (const files of [['kreis-ortsteile-2021.geojson'], ['Gemeinden.shp', 'Gemeinden.dbf'], ['kreis-ortsteile-2014.geojson'], ['bloecke.geojson']]) maps.push(guessMap(files, maps));
		expect(maps.map((m) => [m.level_de, m.valid_from])).toEqual([['Ortsteil', 2021], ['Gemeinde', undefined], ['Ortsteil', 2014], ['Ebene 4', undefined]]);
		settleValidity(maps);
		expect(maps.map((m) => [m.valid_from, m.valid_to])).toEqual([[2021, null], [undefined, undefined], [2014, 2020], [undefined, undefined]]);
		// a map alone on its level has no years; a second version of the level brings back the file's year
		const alone = [guessMap(['plr-2019.geojson'], [])];
		settleValidity(alone);
		expect(alone[0].valid_from).toBeUndefined();
		alone.push(guessMap(['plr-2021.geojson'], alone));
		settleValidity(alone);
		expect(alone.map((m) => [m.valid_from, m.valid_to])).toEqual([[2019, 2020], [2021, null]]);
	});
});
