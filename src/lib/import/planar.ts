/**
 * Small-area geometry in WGS84 for the map checks: surface in m² (lon/lat scaled to metres at the
 * map's middle latitude, an equirectangular plane whose area error stays below 0.1 % across a city or a
 * Kreis), a point surely inside a polygon (for containment), and point-in-polygon with holes
 * (d3-polygon's planar test per ring).
 */
import { polygonArea, polygonContains } from 'd3';
import type { Position } from 'geojson';
import type { PolygonCoords } from './reproject';

/**
 * Length of a degree on the GRS80/WGS84 ellipsoid at latitude φ (the series given e.g. in the
 * Wikipedia article "Geographic coordinate system", from Osborne, The Mercator Projections, 2013).
 */
const rad = (deg: number) => (deg * Math.PI) / 180;
export const metresPerDegreeLat = (lat: number) => 111_132.92 - 559.82 * Math.cos(2 * rad(lat)) + 1.175 * Math.cos(4 * rad(lat));
export const metresPerDegreeLon = (lat: number) => 111_412.84 * Math.cos(rad(lat)) - 93.5 * Math.cos(3 * rad(lat));

/** m² per square degree at latitude `lat`. */
export function squareMetresPerDegree(lat: number): number {
	return metresPerDegreeLat(lat) * metresPerDegreeLon(lat);
}

const ringArea = (ring: Position[]) => Math.abs(polygonArea(ring as [number, number][]));

/** Surface of one polygon (outer ring minus holes), m², scaled at its own middle latitude unless given. */
export function polygonSquareMetres(rings: Position[][], lat = middleLatitude([[rings]])): number {
	const deg = rings.reduce((s, ring, i) => s + (i === 0 ? ringArea(ring) : -ringArea(ring)), 0);
	return Math.max(0, deg) * squareMetresPerDegree(lat);
}

export function squareMetres(polygons: PolygonCoords, lat?: number): number {
	return polygons.reduce((s, p) => s + polygonSquareMetres(p, lat), 0);
}

/** Perimeter of a polygon's outer ring in metres (for thinness: slivers have a long edge and no width). */
export function perimeterMetres(ring: Position[], lat = middleLatitude([[[ring]]])): number {
	const kx = metresPerDegreeLon(lat);
	const ky = metresPerDegreeLat(lat);
	let s = 0;
	for (let i = 1; i < ring.length; i++) s += Math.hypot((ring[i][0] - ring[i - 1][0]) * kx, (ring[i][1] - ring[i - 1][1]) * ky);
	return s;
}

/** Inside the outer ring and in none of the holes. */
export function polygonHas(rings: Position[][], p: [number, number]): boolean {
	if (!polygonContains(rings[0] as [number, number][], p)) return false;
	return !rings.slice(1).some((hole) => polygonContains(hole as [number, number][], p));
}

export function contains(polygons: PolygonCoords, p: [number, number]): boolean {
	return polygons.some((rings) => polygonHas(rings, p));
}

/**
 * A point inside the largest polygon: the middle of the widest stretch of the horizontal line
 * through the polygon's vertical middle (holes included in the crossings). Unlike a centroid it
 * never falls outside a crescent-shaped district or into its hole.
 */
export function interiorPoint(polygons: PolygonCoords): [number, number] | null {
	let best: Position[][] | null = null;
	let bestArea = -1;
	for (const rings of polygons) {
		const a = ringArea(rings[0]);
		if (a > bestArea) [best, bestArea] = [rings, a];
	}
	if (!best) return null;
	let minY = Infinity;
	let maxY = -Infinity;
	for (const [, y] of best[0]) [minY, maxY] = [Math.min(minY, y), Math.max(maxY, y)];
	// a line through a vertex makes crossings ambiguous: nudge off the middle by an odd fraction
	for (const f of [0.5, 0.5 + 1e-4 * Math.PI, 0.37, 0.63]) {
		const y = minY + (maxY - minY) * f;
		const xs: number[] = [];
		for (const ring of best) {
			for (let i = 1; i < ring.length; i++) {
				const [x1, y1] = ring[i - 1];
				const [x2, y2] = ring[i];
				if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
			}
		}
		xs.sort((a, b) => a - b);
		let pick: [number, number] | null = null;
		let width = 0;
		for (let i = 0; i + 1 < xs.length; i += 2) {
			if (xs[i + 1] - xs[i] > width) [width, pick] = [xs[i + 1] - xs[i], [(xs[i] + xs[i + 1]) / 2, y]];
		}
		if (pick && polygonHas(best, pick)) return pick;
	}
	return null;
}

/** Middle latitude of a set of polygons (the scale of the plane). */
export function middleLatitude(all: PolygonCoords[]): number {
	let min = Infinity;
	let max = -Infinity;
	for (const polygons of all) for (const rings of polygons) for (const [, y] of rings[0]) [min, max] = [Math.min(min, y), Math.max(max, y)];
	return Number.isFinite(min) ? (min + max) / 2 : 51;
}
