import { describe, expect, it } from 'vitest';
import { applyMends, sameAction } from './mend';
import { ProblemList } from './problems';
import type { MapFeature } from './areas';

const square = (x: number, y: number, d = 1) => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });
const features: MapFeature[] = [
	{ index: 1, key: '0101', name: 'Altstadt', parent: '', geometry: square(0, 0) },
	{ index: 2, key: '0101', name: 'Sankt Georg', parent: '', geometry: square(1, 0) },
	{ index: 3, key: '0202', name: 'Hafen', parent: '', geometry: square(0, 1) },
	{ index: 4, key: '0202', name: 'Hafen', parent: '', geometry: square(5, 5, 0.2) }
];

describe('map repairs', () => {
	it('renames, merges and records each repair; the file itself is not changed', () => {
		const problems = new ProblemList();
		const r = applyMends('k.geojson', { level: 'sozialraum' }, features, [
			{ level: 'sozialraum', action: 'merge', key: '0202' },
			{ level: 'sozialraum', action: 'rename', feature: 2, key: '0101', to: '0102' }
		], problems);
		expect(problems.finish()).toEqual([]);
		expect(r.features.map((f) => [f.index, f.key])).toEqual([[1, '0101'], [2, '0102'], [3, '0202']]);
		expect((r.features[2].geometry as { type: string }).type).toBe('MultiPolygon');
		// renames apply before merges whatever the order of confirmation
		expect(r.provenance.map((p) => p.note_de)).toEqual(['Objekt 2 („0101“ Sankt Georg): Schlüssel in „0102“ geändert.', 'Objekt 3 und Objekt 4 („0202“ Hafen) zu einer Fläche vereinigt.']);
		expect(features[1].key).toBe('0101');
	});

	it('does not apply a repair that no longer fits the file, and says so', () => {
		const problems = new ProblemList();
		const r = applyMends('k.geojson', { level: 'sozialraum' }, features, [{ level: 'sozialraum', action: 'drop', feature: 3, key: '0303' }, { level: 'ortsteil', action: 'drop', feature: 1, key: '0101' }], problems);
		expect(r.features).toHaveLength(4);
		expect(problems.finish().map((p) => p.message_de)).toEqual(['k.geojson: Die Korrektur „Objekt 3 („0303“) entfernen“ passt nicht mehr zur Datei und wird nicht angewendet. Hat sich die Karte geändert? Bitte prüfen Sie die Korrekturen in der Importkonfiguration.']);
	});

	it('tells equal repairs apart from different ones regardless of field order', () => {
		expect(sameAction({ level: 'a', action: 'merge', key: '1' }, { key: '1', action: 'merge', level: 'a', version: undefined })).toBe(true);
		expect(sameAction({ level: 'a', action: 'merge', key: '1' }, { level: 'a', version: '2021', action: 'merge', key: '1' })).toBe(false);
	});
});
