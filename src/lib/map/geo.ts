/**
 * Small planar helpers for district-sized geometry. d3-geo works on the sphere and reads ring
 * winding the opposite way to GeoJSON RFC 7946: an RFC-conformant (counter-clockwise) ring is, to
 * d3, "the whole globe minus this area". So bounds are taken in the plane, and geometry handed to
 * d3 is rewound to d3's convention first.
 */
import type { FeatureCollection, Geometry, Position } from 'geojson';
import polylabel from 'polylabel';

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

/** Label points are asked for the same geometry by the map, the chain page and the exports. */
const labelMemo = new WeakMap<Geometry, [number, number] | null>();

/** The result's precision as a share of the polygon's larger extent (0.5 %: a pixel at city scale). */
const LABEL_PRECISION = 0.005;

/**
 * A label point well inside a polygon: its pole of inaccessibility, the interior point farthest
 * from the boundary (Garcia-Castellanos & Lombardo 2007, Scottish Geographical Journal 123(3)),
 * found by polylabel's quadtree search — the centroid of an irregular district can lie outside it,
 * and a fixed grid search cost 3 s for 20,000 areas (docs/performance.md). Of a MultiPolygon the
 * largest part is labelled. Lon/lat is stretched by cos(latitude) first, so "farthest" is measured
 * in ground distance rather than in degrees (a degree of longitude is 0.62 of one of latitude in
 * NRW). Memoised per geometry object: callers pass the same features again and again.
 */
export function labelPoint(geometry: Geometry): [number, number] | null {
	const known = labelMemo.get(geometry);
	if (known !== undefined) return known;
	const point = poleOf(geometry);
	labelMemo.set(geometry, point);
	return point;
}

function poleOf(geometry: Geometry): [number, number] | null {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
	const main = polygons.reduce<Position[][] | null>((best, poly) => (poly[0]?.length && (!best || Math.abs(ringArea2(poly[0])) > Math.abs(ringArea2(best[0]))) ? poly : best), null);
	if (!main) return null;
	let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
	for (const [x, y] of main[0]) {
		if (x < w) w = x;
		if (x > e) e = x;
		if (y < s) s = y;
		if (y > n) n = y;
	}
	// Only geographic coordinates get the stretch; projected ones are already isotropic.
	const geographic = Math.abs(s) <= 90 && Math.abs(n) <= 90 && Math.abs(w) <= 180 && Math.abs(e) <= 180;
	const k = geographic ? Math.cos((((s + n) / 2) * Math.PI) / 180) : 1;
	const rings = main.map((ring) => ring.map(([x, y]) => [x * k, y] as [number, number]));
	const extent = Math.max((e - w) * k, n - s);
	if (!(extent > 0)) return [main[0][0][0], main[0][0][1]];
	const [x, y] = polylabel(rings, extent * LABEL_PRECISION);
	return [x / k, y];
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
