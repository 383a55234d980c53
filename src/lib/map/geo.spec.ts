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

/** Distance from p to the nearest edge of the rings, after stretching x by k (ground distance). */
function edgeDistance(p: number[], rings: number[][][], k: number): number {
	let d = Infinity;
	for (const ring of rings)
		for (let i = 1; i < ring.length; i++) {
			const [ax, ay] = [ring[i - 1][0] * k, ring[i - 1][1]], [bx, by] = [ring[i][0] * k, ring[i][1]];
			const [px, py] = [p[0] * k, p[1]];
			const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
			const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
			d = Math.min(d, Math.hypot(px - (ax + t * dx), py - (ay + t * dy)));
		}
	return d;
}

/** A wobbly star polygon (non-convex, like a district cut along streets and rivers), deterministic. */
function star(seed: number, cx: number, cy: number, r: number): number[][] {
	let x = seed;
	const rand = () => ((x = (x * 16807) % 2147483647) / 2147483647);
	const n = 7 + Math.floor(rand() * 20);
	const ring = Array.from({ length: n }, (_, i) => {
		const a = (2 * Math.PI * i) / n, rr = r * (0.35 + 0.65 * rand());
		return [cx + rr * Math.cos(a), cy + rr * Math.sin(a)];
	});
	return [...ring, ring[0]];
}

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

describe('labelPoint as the pole of inaccessibility (polylabel)', () => {
	// Reference: a brute-force search over a 240 × 240 grid of the bounding box for the interior
	// point farthest from the boundary — the definition of the pole of inaccessibility
	// (Garcia-Castellanos & Lombardo 2007). Its optimum can only be below the true one, so the
	// library's answer must reach it up to the requested precision (0.5 % of the extent).
	it('reaches the brute-force optimum on 40 irregular polygons at Musterstadt latitude', async () => {
		const { labelPoint, pointInRings } = await import('./geo');
		for (let seed = 1; seed <= 40; seed++) {
			const ring = star(seed * 7919, 7.2, 51.5, 0.01);
			const rings = [ring];
			const k = Math.cos((51.5 * Math.PI) / 180);
			const p = labelPoint({ type: 'Polygon', coordinates: rings })!;
			expect(pointInRings(p, rings)).toBe(true);
			const xs = ring.map((q) => q[0]), ys = ring.map((q) => q[1]);
			const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
			let best = 0;
			for (let i = 0; i <= 240; i++)
				for (let j = 0; j <= 240; j++) {
					const q = [w + ((e - w) * i) / 240, s + ((n - s) * j) / 240];
					if (pointInRings(q, rings)) best = Math.max(best, edgeDistance(q, rings, k));
				}
			const extent = Math.max((e - w) * k, n - s);
			expect(edgeDistance(p, rings, k)).toBeGreaterThanOrEqual(best - 0.005 * extent);
		}
	});

	it('measures ground distance, not degrees: a right triangle at 60° N is labelled at its incentre on the ground', async () => {
		const { labelPoint } = await import('./geo');
		// legs of 2° longitude and 1° latitude; on the ground (x stretched by cos of the mid-latitude)
		// the legs are 2k and 1, so the incircle's radius is r = (2k + 1 − √(4k² + 1)) / 2 and its centre
		// lies r from both legs. In raw degrees it would be (2 + 1 − √5) / 2 = 0.38 from both.
		const k = Math.cos((60.5 * Math.PI) / 180);
		const r = (2 * k + 1 - Math.sqrt(4 * k * k + 1)) / 2;
		const p = labelPoint({ type: 'Polygon', coordinates: [[[10, 60], [12, 60], [10, 61], [10, 60]]] })!;
		expect(p[1] - 60).toBeCloseTo(r, 2);
		expect(p[0] - 10).toBeCloseTo(r / k, 2);
		expect(Math.abs(p[0] - 10 - 0.382)).toBeGreaterThan(0.1);
	});

	it('keeps the label out of a hole and labels the largest part of a MultiPolygon', async () => {
		const { labelPoint, pointInRings } = await import('./geo');
		const outer = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
		const hole = [[0.2, 0.2], [0.2, 0.8], [0.8, 0.8], [0.8, 0.2], [0.2, 0.2]];
		const p = labelPoint({ type: 'Polygon', coordinates: [outer, hole] })!;
		expect(pointInRings(p, [outer, hole])).toBe(true);
		expect(pointInRings(p, [hole])).toBe(false);
		const small = [[5, 0], [5.1, 0], [5.1, 0.1], [5, 0.1], [5, 0]];
		const q = labelPoint({ type: 'MultiPolygon', coordinates: [[small], [outer]] })!;
		expect(pointInRings(q, [outer])).toBe(true);
	});

	it('returns the same answer object for the same geometry object (memoised), null for no polygon', async () => {
		const { labelPoint } = await import('./geo');
		const g = { type: 'Polygon' as const, coordinates: [star(3, 7, 51, 0.01)] };
		expect(labelPoint(g)).toBe(labelPoint(g));
		expect(labelPoint({ type: 'Point', coordinates: [7, 51] })).toBeNull();
		expect(labelPoint({ type: 'MultiPolygon', coordinates: [] })).toBeNull();
	});
});
