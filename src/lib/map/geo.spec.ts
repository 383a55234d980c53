import { describe, expect, it } from 'vitest';
import { geoArea, geoBounds } from 'd3';
import type { FeatureCollection, Polygon } from 'geojson';
import { planarBounds, rewindForD3, ringArea2 } from './geo';

// An RFC 7946 (counter-clockwise) square of 0.01° around Musterstadt's latitude.
const ccw: FeatureCollection<Polygon> = {
	type: 'FeatureCollection',
	features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[7, 51], [7.01, 51], [7.01, 51.01], [7, 51.01], [7, 51]]] } }]
};

describe('planar geometry helpers', () => {
	it('takes bounds in the plane regardless of winding', () => {
		expect(planarBounds(ccw)).toEqual([[7, 51], [7.01, 51.01]]);
		// what goes wrong without them: d3 reads the CCW ring as the whole globe minus the square
		expect(geoBounds(ccw)[0][0]).toBe(-180);
	});

	it('rewinds rings so d3 sees the small polygon, not its complement', () => {
		expect(ringArea2(ccw.features[0].geometry.coordinates[0])).toBeGreaterThan(0);
		const fixed = rewindForD3(ccw);
		expect(geoArea(fixed.features[0])).toBeLessThan(1e-6);
		expect(geoArea(ccw.features[0])).toBeGreaterThan(12);
		// rewinding twice changes nothing
		expect(rewindForD3(fixed)).toEqual(fixed);
	});
});

describe('labelPoint', () => {
	it('puts the label inside an L-shaped district whose centroid lies outside', async () => {
		const { labelPoint, pointInRings } = await import('./geo');
		// an L: the bounding-box centre (0.5, 0.5) is in the notch
		const ring = [[0, 0], [1, 0], [1, 0.2], [0.2, 0.2], [0.2, 1], [0, 1], [0, 0]];
		const p = labelPoint({ type: 'Polygon', coordinates: [ring] })!;
		expect(pointInRings(p, [ring])).toBe(true);
		expect(pointInRings([0.5, 0.5], [ring])).toBe(false);
	});
});
