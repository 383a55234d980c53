import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { labelLines, mapOverlay, placeLabels } from './map-overlay';

const read = (f: string) => JSON.parse(readFileSync(`tests/fixtures/mini/${f}`, 'utf8'));

describe('labelLines', () => {
	it('keeps short names on one line', () => {
		expect(labelLines('Altstadt')).toEqual(['Altstadt']);
	});
	it('splits long names near the middle', () => {
		expect(labelLines('Gewerbegebiet Ost')).toEqual(['Gewerbegebiet', 'Ost']);
		expect(labelLines('Am Wasserturm')).toEqual(['Am', 'Wasserturm']);
		expect(labelLines('Altstadt/Süd-Ost', 10)).toEqual(['Altstadt/', 'Süd-Ost']);
	});
	it('leaves a long single word whole', () => {
		expect(labelLines('Sozialraumentwicklung')).toEqual(['Sozialraumentwicklung']);
	});
});

describe('mapOverlay', () => {
	const areas = read('areas-sozialraum.geojson');
	const parents = read('areas-stadtbezirk.geojson');
	const o = mapOverlay(areas, parents, areas.features[0].properties.key, 800, 600);

	it('labels areas inside the drawing', () => {
		expect(o.labels.length).toBeGreaterThan(0);
		for (const l of o.labels) {
			expect(l.x).toBeGreaterThan(8);
			expect(l.x).toBeLessThan(792);
			expect(l.y).toBeGreaterThan(8);
			expect(l.y).toBeLessThan(592);
		}
	});

	it('draws one border per parent area and the selected outline', () => {
		expect(o.parents).toHaveLength(parents.features.length);
		expect(o.selected).toMatch(/^M/);
		expect(mapOverlay(areas, undefined, null, 800, 600)).toMatchObject({ parents: [], selected: null });
	});
});

describe('placeLabels', () => {
	it('leaves out a label that would overlap one placed before it', () => {
		const a = { x: 100, y: 100, lines: ['Altstadt'] };
		const b = { x: 110, y: 104, lines: ['Neustadt'] };
		const c = { x: 300, y: 100, lines: ['Hafen'] };
		expect(placeLabels([a, b, c], 12)).toEqual([a, c]);
	});
});
