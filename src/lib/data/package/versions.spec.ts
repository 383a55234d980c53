import { describe, expect, it } from 'vitest';
import { validIn, validityDe, versionListProblems, versionsOf } from './versions';

const v = (id: string, valid_from: number | null, valid_to: number | null) => ({ id, label_de: id, label_en: id, valid_from, valid_to, path: `ot-${id}.geojson` });
const level = (...versions: unknown[]) => ({ id: 'ortsteil', label_de: 'Ortsteil', path: 'ot-2021.geojson', versions });
const messages = (l: Record<string, unknown>) => versionListProblems(l, 'sozialraum.levels[0]').map((p) => `${p.field}: ${p.message_de}`);

describe('versionsOf', () => {
	it('gives a level without versions one version valid in every year', () => {
		const [only] = versionsOf({ id: 'stadt', label_de: 'Stadt', label_en: 'City', path: 'stadt.geojson' });
		expect(only).toEqual({ id: null, label_de: 'Stadt', validFrom: null, validTo: null, path: 'stadt.geojson' });
		expect(validIn(only, 1990) && validIn(only, 2050)).toBe(true);
	});

	it('reads validity inclusively at both ends', () => {
		const [older, newer] = versionsOf({ id: 'ortsteil', label_de: 'Ortsteil', label_en: 'Locality', path: 'ot-2021.geojson', versions: [v('2014', 2014, 2020), v('2021', 2021, null)] });
		expect([2013, 2014, 2020, 2021].map((y) => validIn(older, y))).toEqual([false, true, true, false]);
		expect([2020, 2021, 2040].map((y) => validIn(newer, y))).toEqual([false, true, true]);
		expect([validityDe(older), validityDe(newer), validityDe({ validFrom: null, validTo: 2020 })]).toEqual(['2014–2020', 'seit 2021', 'bis 2020']);
	});
});

describe('versionListProblems', () => {
	it('accepts versions in order without gap or overlap, the newest being the level path', () => {
		expect(messages(level(v('2014', null, 2020), v('2021', 2021, null)))).toEqual([]);
		expect(messages({ id: 'stadt', path: 'stadt.geojson' })).toEqual([]);
	});

	it('finds overlaps, gaps, an open-ended older version and a wrong level path', () => {
		expect(messages(level(v('2014', 2014, 2021), v('2021', 2021, null)))).toEqual([
			'sozialraum.levels[0].versions[1].valid_from: Überschneidet sich mit Gebietsstand „2014“ (gültig bis 2021); die Gebietsstände müssen nach Jahren geordnet sein und dürfen sich nicht überschneiden.'
		]);
		expect(messages(level(v('2014', 2014, 2018), v('2021', 2021, null)))).toEqual([
			'sozialraum.levels[0].versions[1].valid_from: Lücke: Gebietsstand „2014“ endet 2018, dieser beginnt erst 2021; für 2019–2020 gälte kein Gebietsstand.'
		]);
		expect(messages(level(v('2014', 2014, null), v('2021', 2021, null)))).toEqual([
			'sozialraum.levels[0].versions[1]: Gebietsstand „2014“ davor gilt unbefristet (valid_to null); nur der neueste darf unbefristet sein.'
		]);
		expect(messages({ ...level(v('2014', 2014, 2020), v('2021', 2021, null)), path: 'ot-2014.geojson' })).toEqual([
			'sozialraum.levels[0].path: Muss die Datei des neuesten Gebietsstands sein („ot-2021.geojson“), ist aber „ot-2014.geojson“.'
		]);
	});

	it('finds malformed entries: duplicate ids, years that are no integers, reversed validity, an empty list', () => {
		expect(messages(level(v('2014', 2014, 2020), { ...v('2021', 2021, null), valid_from: '2021' }))).toEqual([
			'sozialraum.levels[0].versions[1].valid_from: Muss ein Jahr (ganze Zahl) oder null sein.'
		]);
		expect(messages(level(v('2021', 2014, 2020), v('2021', 2021, null)))).toEqual(['sozialraum.levels[0].versions[1].id: Gebietsstand „2021“ ist doppelt.']);
		expect(messages(level(v('x', 2020, 2014)))).toEqual(['sozialraum.levels[0].versions[0]: Gültig bis 2014 liegt vor gültig ab 2020.', 'sozialraum.levels[0].path: Muss die Datei des neuesten Gebietsstands sein („ot-x.geojson“), ist aber „ot-2021.geojson“.']);
		expect(messages({ id: 'ortsteil', path: 'x', versions: [] })).toEqual(['sozialraum.levels[0].versions: Muss eine nicht leere Liste von Gebietsständen sein (oder ganz fehlen).']);
	});
});
