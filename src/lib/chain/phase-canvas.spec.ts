import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { geoMercator, geoPath } from 'd3';
import type { FeatureCollection, Polygon } from 'geojson';
import { labelPoint, rewindForD3 } from '$lib/map/geo';
import { areaAtPoint, CANVAS_MIN_AREAS, insideRings, PHASE_MAP, phaseMapRenderer, projectAreas } from './phase-canvas';

type Props = { key: string; name: string };
const square = (key: string, x: number, y: number, s: number, hole?: number): FeatureCollection<Polygon, Props>['features'][number] => {
	const ring = (x0: number, y0: number, w: number) => [[x0, y0], [x0 + w, y0], [x0 + w, y0 + w], [x0, y0 + w], [x0, y0]];
	const rings = [ring(x, y, s)];
	if (hole) rings.push(ring(x + (s - hole) / 2, y + (s - hole) / 2, hole));
	return { type: 'Feature', properties: { key, name: `Gebiet ${key}` }, geometry: { type: 'Polygon', coordinates: rings } };
};

describe('phaseMapRenderer', () => {
	it('keeps SVG up to the threshold and draws on canvas above it', () => {
		expect(phaseMapRenderer(41)).toBe('svg');
		expect(phaseMapRenderer(CANVAS_MIN_AREAS)).toBe('svg');
		expect(phaseMapRenderer(CANVAS_MIN_AREAS + 1)).toBe('canvas');
		expect(phaseMapRenderer(20_000)).toBe('canvas');
		expect(phaseMapRenderer(41, 0)).toBe('canvas');
	});
});

describe('projectAreas and areaAtPoint', () => {
	const fc = rewindForD3<Polygon, Props>({
		type: 'FeatureCollection',
		features: [square('A', 7.0, 51.0, 0.1), square('B', 7.1, 51.0, 0.1, 0.04), square('C', 7.0, 51.1, 0.2)]
	});
	const map = projectAreas(fc);
	const projection = geoMercator().fitExtent([[PHASE_MAP.pad, PHASE_MAP.pad], [PHASE_MAP.width - PHASE_MAP.pad, PHASE_MAP.height - PHASE_MAP.pad]], fc);
	const at = (lon: number, lat: number) => {
		const [x, y] = projection([lon, lat])!;
		return areaAtPoint(map, x, y);
	};

	it('projects with the fit the SVG maps use: the same path, as rings', () => {
		const svg = geoPath(projection)(fc.features[0])!;
		const first = svg.match(/^M([-\d.]+),([-\d.]+)/)!;
		expect(map.areas[0].rings[0][0]).toBeCloseTo(Number(first[1]), 3);
		expect(map.areas[0].rings[0][1]).toBeCloseTo(Number(first[2]), 3);
		expect(map.areas.map((a) => a.key)).toEqual(['A', 'B', 'C']);
		expect(map.areas[1].rings).toHaveLength(2);
	});

	it('names the area under a point, not its neighbour', () => {
		expect(at(7.05, 51.05)).toBe(0);
		expect(at(7.11, 51.01)).toBe(1);
		expect(at(7.1, 51.2)).toBe(2);
	});

	it('finds nothing in a hole or outside every area', () => {
		expect(at(7.15, 51.05)).toBe(-1); // B's hole
		expect(at(7.15, 51.2)).toBe(2);
		expect(areaAtPoint(map, -5, 10)).toBe(-1);
		expect(areaAtPoint(map, 10_000, 10)).toBe(-1);
	});

	it('treats rings even–odd', () => {
		const r = Float32Array.from([0, 0, 10, 0, 10, 10, 0, 10]);
		const hole = Float32Array.from([4, 4, 6, 4, 6, 6, 4, 6]);
		expect(insideRings(2, 2, [r])).toBe(true);
		expect(insideRings(5, 5, [r, hole])).toBe(false);
		expect(insideRings(11, 5, [r])).toBe(false);
	});

	it('finds every area of the demo city at its label point', () => {
		const demo = rewindForD3(JSON.parse(readFileSync('data/musterstadt/areas-sozialraum.geojson', 'utf8')) as FeatureCollection<Polygon, Props>);
		const parents = rewindForD3(JSON.parse(readFileSync('data/musterstadt/areas-stadtbezirk.geojson', 'utf8')) as FeatureCollection<Polygon, Props>);
		const m = projectAreas(demo, parents);
		const proj = geoMercator().fitExtent([[PHASE_MAP.pad, PHASE_MAP.pad], [PHASE_MAP.width - PHASE_MAP.pad, PHASE_MAP.height - PHASE_MAP.pad]], demo);
		expect(m.borders.length).toBeGreaterThanOrEqual(parents.features.length);
		demo.features.forEach((f, i) => {
			const [x, y] = proj(labelPoint(f.geometry)!)!;
			expect(m.areas[areaAtPoint(m, x, y)]?.key, f.properties.key).toBe(f.properties.key);
		});
	});
});
