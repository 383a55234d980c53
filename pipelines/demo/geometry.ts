/**
 * City shape in a local metric plane (km east / km north of the centre): a smooth noisy outline
 * with a harbour notch, seed points denser towards the centre, and Voronoi cells clipped to the
 * outline. Working in km keeps distances isotropic; conversion to lon/lat happens once at the end.
 */
import { Delaunay, polygonArea, polygonCentroid } from 'd3';
import polygonClipping from 'polygon-clipping';
import type { MultiPolygon, Pair, Polygon, Ring } from 'polygon-clipping';
import { AREA_COUNT, CENTRE_LAT, CENTRE_LON, HALF_HEIGHT_KM, HALF_WIDTH_KM } from './config';
import { round } from './format';
import { stream, type Streams } from './random';

export type { MultiPolygon, Pair, Polygon, Ring };

const KM_PER_DEG_LAT = 111.2;

/** Local km around (lon, lat) → WGS84 lon/lat, rounded to 5 decimals (≈ 1 m, plenty for a map). */
export function lonLatConverter(lon: number, lat: number): (p: Pair) => Pair {
	const kmPerDegLon = 111.32 * Math.cos((lat * Math.PI) / 180);
	return ([x, y]) => [round(lon + x / kmPerDegLon, 5), round(lat + y / KM_PER_DEG_LAT, 5)];
}

/** Musterstadt's plane. */
export const toLonLat = lonLatConverter(CENTRE_LON, CENTRE_LAT);

/** Where the harbour basin ends inside the city. */
const NOTCH_TIP: Pair = [-2.9, 1.9];

/** A tapering channel from outside the north-west edge towards the centre: the harbour basin. */
function harbourChannel(): Ring {
	const from: Pair = [-7.6, 5.0];
	const steps = 12;
	const left: Pair[] = [];
	const right: Pair[] = [];
	for (let i = 0; i <= steps; i++) {
		const t = i / steps;
		// A gentle bend, as a river mouth would have.
		const cx = from[0] + (NOTCH_TIP[0] - from[0]) * t + 0.5 * Math.sin(Math.PI * t);
		const cy = from[1] + (NOTCH_TIP[1] - from[1]) * t + 0.4 * Math.sin(Math.PI * t);
		const dx = NOTCH_TIP[0] - from[0];
		const dy = NOTCH_TIP[1] - from[1];
		const len = Math.hypot(dx, dy);
		const half = 0.32 * (1 - t) + 0.06;
		left.push([cx - (dy / len) * half, cy + (dx / len) * half]);
		right.push([cx + (dy / len) * half, cy - (dx / len) * half]);
	}
	const ring = [...left, ...right.reverse()];
	return [...ring, ring[0]];
}

export interface OutlineShape {
	halfWidthKm: number;
	halfHeightKm: number;
	/** Amplitudes of the harmonics 2, 3, 4, 5, 7 of the radius (relative). */
	amplitudes: readonly number[];
	/** Cut the harbour basin into the north-west edge (Musterstadt). */
	harbour: boolean;
}

export const MUSTERSTADT_OUTLINE: OutlineShape = {
	halfWidthKm: HALF_WIDTH_KM,
	halfHeightKm: HALF_HEIGHT_KM,
	amplitudes: [0.085, 0.065, 0.045, 0.03, 0.02],
	harbour: true
};

/** Noisy ellipse (sum of low harmonics, so the edge is irregular but smooth), optionally minus the harbour. */
export function cityOutline(shape: OutlineShape = MUSTERSTADT_OUTLINE, streams: Streams = stream): Ring {
	const rng = streams('geometry/outline');
	const harmonics = [2, 3, 4, 5, 7].map((k, i) => ({
		k,
		amp: shape.amplitudes[i],
		phase: rng.between(0, 2 * Math.PI)
	}));
	const n = 144;
	const ring: Pair[] = [];
	for (let i = 0; i < n; i++) {
		const a = (2 * Math.PI * i) / n;
		const r = 1 + harmonics.reduce((s, h) => s + h.amp * Math.cos(h.k * a + h.phase), 0);
		ring.push([shape.halfWidthKm * r * Math.cos(a), shape.halfHeightKm * r * Math.sin(a)]);
	}
	ring.push(ring[0]);
	if (!shape.harbour) return ring;
	const cut = polygonClipping.difference([ring], [harbourChannel()]);
	const largest = [...cut].sort((a, b) => ringArea(b[0]) - ringArea(a[0]))[0];
	return largest[0];
}

export function ringArea(ring: Ring): number {
	return Math.abs(polygonArea(ring as [number, number][]));
}

/** Even-odd ray casting: true when the point lies inside the polygon (holes respected). */
export function pointInPolygon([x, y]: Pair, polygon: Polygon): boolean {
	let inside = false;
	for (const ring of polygon) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = ring[i];
			const [xj, yj] = ring[j];
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
		}
	}
	return inside;
}

export interface SeedOptions {
	count: number;
	/** The first point (e.g. the town centre). */
	first: Pair;
	/** Wanted distance to the nearest point, by position: smaller = denser there. */
	spacing: (p: Pair) => number;
	/** Points placed before (e.g. in a neighbouring Gemeinde): they count for the spacing, but are not returned. */
	existing?: readonly Pair[];
}

/** Musterstadt: a spacing that grows towards the edge (small inner-city Sozialräume, large ones at the edge). */
export const MUSTERSTADT_SEEDS: SeedOptions = {
	count: AREA_COUNT,
	first: [0.15, -0.1],
	spacing: ([x, y]) => 0.38 + 0.9 * Math.min(1.2, Math.hypot(x / HALF_WIDTH_KM, y / HALF_HEIGHT_KM))
};

/** Mitchell's best-candidate sampling: well spread points, as dense as `spacing` asks. */
export function seedPoints(outline: Ring, options: SeedOptions = MUSTERSTADT_SEEDS, streams: Streams = stream): Pair[] {
	const rng = streams('geometry/seeds');
	const [x0, y0, x1, y1] = bbox(outline);
	const { spacing } = options;
	const points: Pair[] = [options.first];
	const others = options.existing ?? [];
	while (points.length < options.count) {
		let best: Pair | null = null;
		let bestScore = -Infinity;
		for (let c = 0; c < 40; c++) {
			const p: Pair = [rng.between(x0, x1), rng.between(y0, y1)];
			if (!pointInPolygon(p, [outline])) continue;
			const nearest = Math.min(...points.map((q) => Math.hypot(p[0] - q[0], p[1] - q[1])), ...others.map((q) => Math.hypot(p[0] - q[0], p[1] - q[1])));
			const score = nearest / spacing(p);
			if (score > bestScore) {
				bestScore = score;
				best = p;
			}
		}
		if (best) points.push(best);
	}
	return points;
}

export function bbox(ring: Ring): [number, number, number, number] {
	const xs = ring.map((p) => p[0]);
	const ys = ring.map((p) => p[1]);
	return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/**
 * Voronoi cells clipped to the outline. A cell the harbour notch cuts in two keeps the part with
 * its seed; stray parts join the nearest neighbour they form one polygon with, so every
 * Sozialraum is a single polygon and together they still cover the whole city.
 */
export function voronoiCells(seeds: Pair[], outline: Ring): MultiPolygon[] {
	const [x0, y0, x1, y1] = bbox(outline);
	const voronoi = Delaunay.from(seeds).voronoi([x0 - 1, y0 - 1, x1 + 1, y1 + 1]);
	const cells: MultiPolygon[] = seeds.map((_, i) => {
		const ring = voronoi.cellPolygon(i) as unknown as Ring;
		return polygonClipping.intersection([ring], [outline]);
	});
	const strays: { poly: Polygon; owner: number }[] = [];
	cells.forEach((cell, i) => {
		if (cell.length <= 1) return;
		const keep = cell.find((poly) => pointInPolygon(seeds[i], poly)) ?? cell[0];
		for (const poly of cell) if (poly !== keep) strays.push({ poly, owner: i });
		cells[i] = [keep];
	});
	for (const { poly, owner } of strays) {
		const c = polygonCentroid(poly[0] as [number, number][]);
		const order = seeds
			.map((s, j) => ({ j, d: Math.hypot(s[0] - c[0], s[1] - c[1]) }))
			.filter(({ j }) => j !== owner)
			.sort((a, b) => a.d - b.d || a.j - b.j);
		const home = order.find(({ j }) => polygonClipping.union(cells[j], poly).length === 1);
		if (!home) throw new Error('stray Voronoi fragment touches no neighbour');
		cells[home.j] = polygonClipping.union(cells[home.j], poly);
	}
	return cells;
}
