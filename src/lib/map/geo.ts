/**
 * Small planar helpers for district-sized geometry. d3-geo works on the sphere and reads ring
 * winding the opposite way to GeoJSON RFC 7946: an RFC-conformant (counter-clockwise) ring is, to
 * d3, "the whole globe minus this area". So bounds are taken in the plane, and geometry handed to
 * d3 is rewound to d3's convention first.
 */
import type { FeatureCollection, Geometry, Position } from 'geojson';

export type Bounds = [[number, number], [number, number]];

export function planarBounds(fc: FeatureCollection): Bounds {
	let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
	const visit = (p: Position) => {
		if (p[0] < w) w = p[0];
		if (p[0] > e) e = p[0];
		if (p[1] < s) s = p[1];
		if (p[1] > n) n = p[1];
	};
	for (const f of fc.features) forEachPosition(f.geometry, visit);
	return [[w, s], [e, n]];
}

function forEachPosition(g: Geometry | null, visit: (p: Position) => void) {
	if (!g) return;
	switch (g.type) {
		case 'Point': visit(g.coordinates); break;
		case 'MultiPoint': case 'LineString': g.coordinates.forEach(visit); break;
		case 'MultiLineString': case 'Polygon': g.coordinates.forEach((r) => r.forEach(visit)); break;
		case 'MultiPolygon': g.coordinates.forEach((p) => p.forEach((r) => r.forEach(visit))); break;
		case 'GeometryCollection': g.geometries.forEach((c) => forEachPosition(c, visit)); break;
	}
}

/** Twice the signed area of a ring in the lon/lat plane (> 0: counter-clockwise). */
export function ringArea2(ring: Position[]): number {
	let a = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
	return a;
}

function orient(ring: Position[], clockwise: boolean): Position[] {
	const ccw = ringArea2(ring) > 0;
	return ccw === clockwise ? [...ring].reverse() : ring;
}

/** d3-geo convention: exterior rings clockwise, holes counter-clockwise. */
function rewindPolygon(rings: Position[][]): Position[][] {
	return rings.map((r, i) => orient(r, i === 0));
}

export function rewindForD3<G extends Geometry, P>(fc: FeatureCollection<G, P>): FeatureCollection<G, P> {
	return {
		...fc,
		features: fc.features.map((f) => {
			const g = f.geometry as Geometry;
			if (g?.type === 'Polygon') return { ...f, geometry: { ...g, coordinates: rewindPolygon(g.coordinates) } as G };
			if (g?.type === 'MultiPolygon') return { ...f, geometry: { ...g, coordinates: g.coordinates.map(rewindPolygon) } as G };
			return f;
		})
	};
}

/** Planar point-in-polygon (even–odd rule over all rings, so holes work). */
export function pointInRings(p: Position, rings: Position[][]): boolean {
	let inside = false;
	for (const ring of rings) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = ring[i], [xj, yj] = ring[j];
			if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
		}
	}
	return inside;
}

function distToSegment(p: Position, a: Position, b: Position): number {
	const dx = b[0] - a[0], dy = b[1] - a[1];
	const len2 = dx * dx + dy * dy;
	const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
	return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/**
 * A label point well inside a polygon: the grid point farthest from the boundary (an approximate
 * pole of inaccessibility). The centroid of an irregular district can lie outside it.
 */
export function labelPoint(geometry: Geometry, steps = 20): [number, number] | null {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
	// label the largest part
	const main = polygons.reduce<Position[][] | null>((best, poly) => (!best || Math.abs(ringArea2(poly[0])) > Math.abs(ringArea2(best[0])) ? poly : best), null);
	if (!main) return null;
	const [[w, s], [e, n]] = planarBounds({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: main } }] });
	let best: [number, number] | null = null;
	let bestD = -1;
	for (let i = 0; i <= steps; i++) {
		for (let j = 0; j <= steps; j++) {
			const p: [number, number] = [w + ((e - w) * i) / steps, s + ((n - s) * j) / steps];
			if (!pointInRings(p, main)) continue;
			let d = Infinity;
			for (const ring of main) for (let k = 1; k < ring.length; k++) d = Math.min(d, distToSegment(p, ring[k - 1], ring[k]));
			if (d > bestD) {
				bestD = d;
				best = p;
			}
		}
	}
	return best;
}

/** Key of the area whose polygon contains a point (lon/lat), or null: where an offer clicked on the map lies. */
export function areaAt(fc: FeatureCollection<Geometry, { key: string }>, p: Position): string | null {
	for (const f of fc.features) {
		const g = f.geometry;
		const polygons = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
		if (polygons.some((rings) => pointInRings(p, rings))) return f.properties.key;
	}
	return null;
}
