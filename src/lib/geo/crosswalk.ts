/**
 * Crosswalk (Schlüsseltabelle) between two boundary versions of one area level, computed from the
 * two geometries by polygon intersection (docs/levels-and-versions.md, "Crosswalk").
 *
 * For every old area that does not exist in the new version, each overlapping new area gets the
 * share of the old area's counts that belongs to it:
 * - `area`: the share of the old area's surface (true area on the sphere, see below);
 * - `population`: the share of the old area's residents, estimated from population units (e.g. the
 *   finest level's areas or blocks with their residents) spread evenly over each unit's surface.
 *   Units that nest inside the pieces give the exact share; a unit cut by a boundary is split by area.
 *
 * Where to intersect and how to measure: GeoJSON edges are straight lines in longitude/latitude
 * (RFC 7946, 3.1.1), so the two versions' polygons are intersected there: a boundary both versions
 * share has the same vertices and cancels exactly, and a new boundary that ends on an old edge lies
 * on it. (Projected first — e.g. into a local Lambert azimuthal equal-area plane — a vertex added on
 * an old edge falls off that edge, because the projection bends lon/lat lines: weights of a square
 * cut into thirds came out 4·10⁻⁶ off that way.) The pieces are then measured by their true surface
 * on the sphere: for a polygon with lon/lat-straight edges the area is R² ∮ −sin φ dλ (Green's
 * theorem on dA = R² cos φ dλ dφ), in closed form per edge. That is the area the polygon has in the
 * Lambert cylindrical equal-area plane (x = λ, y = sin φ), exact at any latitude; a lon/lat plane
 * scaled by cos φ at the centre instead misweights a piece by about tan φ · Δφ (0.5 % per 0.25° of
 * latitude from the centre at 51° N; the spec checks a split that tells the two apart). The
 * sphere/ellipsoid difference cancels in the ratios.
 *
 * Slivers — pieces smaller than `minShare` of the old area, typically from two digitisations of one
 * boundary that do not match exactly — are dropped, and the remaining weights renormalised to sum
 * to 1. They are reported, so an import can name them.
 */
import polygonClipping, { type MultiPolygon as PcMultiPolygon, type Pair } from 'polygon-clipping';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type AreaGeometry = Polygon | MultiPolygon;

export interface CrosswalkArea {
	key: string;
	geometry: AreaGeometry;
}

/** One row of crosswalk.csv without level and version columns (the caller knows them). */
export interface CrosswalkWeight {
	from_key: string;
	to_key: string;
	/** 0 < weight ≤ 1; the weights of one from_key sum to 1. */
	weight: number;
}

export interface Sliver {
	from_key: string;
	to_key: string;
	/** Share of the old area's surface. */
	share: number;
	areaKm2: number;
}

export interface CrosswalkResult {
	method: 'area' | 'population';
	weights: CrosswalkWeight[];
	/** Pieces below the threshold, dropped before renormalising. */
	slivers: Sliver[];
	/** Old areas (not in the new version) that no new area overlaps: their counts cannot be shared out. */
	unmatched: string[];
	/** Population method only: old areas without residents in any unit, given area weights instead. */
	areaFallback: string[];
}

export interface CrosswalkOptions {
	/** Pieces below this share of the old area's surface are slivers. Default 0.005 (0.5 %). */
	minShare?: number;
	/** Also compute rows for keys present in both versions (by contract they map onto themselves). */
	includeUnchanged?: boolean;
}

export interface PopulationUnit {
	geometry: AreaGeometry;
	persons: number;
}

export const DEFAULT_MIN_SHARE = 0.005;
/** Mean Earth radius in km (IUGG): areas come out in km². */
const EARTH_RADIUS_KM = 6371.0088;

interface Shape {
	key: string;
	shape: PcMultiPolygon;
	bbox: [number, number, number, number];
	areaKm2: number;
}

interface Piece {
	from: Shape;
	to: Shape;
	shape: PcMultiPolygon;
	areaKm2: number;
}

const polygonsOf = (g: AreaGeometry): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const RAD = Math.PI / 180;

/**
 * Surface of a ring with lon/lat-straight edges, in km²: |R² Σ −Δλ · (sin φ̄ · sinc(Δφ/2) − sin φ₀)|,
 * where ∫ sin φ dλ along an edge is Δλ · (cos φ₁ − cos φ₂) / Δφ = Δλ · sin φ̄ · sinc(Δφ/2) (φ̄ the
 * edge's mid-latitude). Subtracting sin φ₀ of the first vertex changes nothing on a closed ring
 * (∮ dλ = 0) but keeps the terms small, so a small area is not a difference of large numbers.
 */
export function ringAreaKm2(ring: readonly Pair[]): number {
	if (ring.length < 3) return 0;
	const sin0 = Math.sin(ring[0][1] * RAD);
	let sum = 0;
	for (let i = 0; i + 1 < ring.length; i++) {
		const [l1, p1] = ring[i];
		const [l2, p2] = ring[i + 1];
		const half = ((p2 - p1) * RAD) / 2;
		const sinc = half === 0 ? 1 : Math.sin(half) / half;
		sum -= (l2 - l1) * RAD * (Math.sin(((p1 + p2) / 2) * RAD) * sinc - sin0);
	}
	const [lf, pf] = ring[0];
	const [ll, pl] = ring[ring.length - 1];
	if (lf !== ll || pf !== pl) {
		// polygon-clipping closes its rings; a caller's open ring gets its closing edge here
		const half = ((pf - pl) * RAD) / 2;
		const sinc = half === 0 ? 1 : Math.sin(half) / half;
		sum -= (lf - ll) * RAD * (Math.sin(((pl + pf) / 2) * RAD) * sinc - sin0);
	}
	return Math.abs(sum) * EARTH_RADIUS_KM * EARTH_RADIUS_KM;
}

/** Surface in km² of polygon-clipping output (lon/lat; first ring outer, the others holes). */
export function areaKm2(shape: PcMultiPolygon): number {
	return shape.reduce((sum, [outer, ...holes]) => sum + ringAreaKm2(outer) - holes.reduce((h, r) => h + ringAreaKm2(r), 0), 0);
}

function bboxOf(shape: PcMultiPolygon): [number, number, number, number] {
	let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
	for (const poly of shape) {
		for (const [x, y] of poly[0] ?? []) {
			if (x < w) w = x;
			if (x > e) e = x;
			if (y < s) s = y;
			if (y > n) n = y;
		}
	}
	return [w, s, e, n];
}

const overlaps = (a: Shape['bbox'], b: Shape['bbox']) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

function shapeOf(key: string, geometry: AreaGeometry): Shape {
	// Normalise through a union: self-touching input rings become valid polygons before clipping.
	const raw = polygonsOf(geometry).map((rings) => rings.map((ring) => ring.map((p) => [p[0], p[1]] as Pair)));
	const shape = raw.length > 0 ? polygonClipping.union(raw) : [];
	return { key, shape, bbox: bboxOf(shape), areaKm2: areaKm2(shape) };
}

function intersect(a: PcMultiPolygon, b: PcMultiPolygon): PcMultiPolygon {
	if (a.length === 0 || b.length === 0) return [];
	return polygonClipping.intersection(a, b);
}

interface Split {
	pieces: Map<string, Piece[]>;
	slivers: Sliver[];
	unmatched: string[];
}

function split(from: readonly CrosswalkArea[], to: readonly CrosswalkArea[], options: CrosswalkOptions): Split {
	const minShare = options.minShare ?? DEFAULT_MIN_SHARE;
	const toKeys = new Set(to.map((a) => a.key));
	const changed = from.filter((a) => options.includeUnchanged || !toKeys.has(a.key));
	const news = to.map((a) => shapeOf(a.key, a.geometry));
	const pieces = new Map<string, Piece[]>();
	const slivers: Sliver[] = [];
	const unmatched: string[] = [];
	for (const area of changed) {
		const old = shapeOf(area.key, area.geometry);
		const kept: Piece[] = [];
		for (const candidate of news) {
			if (!overlaps(old.bbox, candidate.bbox)) continue;
			const shape = intersect(old.shape, candidate.shape);
			const km2 = areaKm2(shape);
			if (!(km2 > 0)) continue;
			const share = old.areaKm2 > 0 ? km2 / old.areaKm2 : 0;
			if (share < minShare) slivers.push({ from_key: old.key, to_key: candidate.key, share, areaKm2: km2 });
			else kept.push({ from: old, to: candidate, shape, areaKm2: km2 });
		}
		if (kept.length === 0) unmatched.push(area.key);
		else pieces.set(area.key, kept);
	}
	return { pieces, slivers, unmatched };
}

/** Weights proportional to `amounts` (one per kept piece), renormalised to sum to 1. */
function normalised(pieces: readonly Piece[], amounts: readonly number[]): CrosswalkWeight[] {
	const total = amounts.reduce((s, x) => s + x, 0);
	return pieces.map((p, i) => ({ from_key: p.from.key, to_key: p.to.key, weight: amounts[i] / total }));
}

/** Area-weighted crosswalk: each weight is the old area's surface share in the new area. */
export function areaCrosswalk(from: readonly CrosswalkArea[], to: readonly CrosswalkArea[], options: CrosswalkOptions = {}): CrosswalkResult {
	const { pieces, slivers, unmatched } = split(from, to, options);
	const weights = [...pieces.values()].flatMap((ps) => normalised(ps, ps.map((p) => p.areaKm2)));
	return { method: 'area', weights, slivers, unmatched, areaFallback: [] };
}

/**
 * Population-weighted crosswalk: each weight is the estimated share of the old area's residents
 * living in the new area. `units` carry residents (e.g. the finest level of the year before the
 * change, or blocks); each unit's residents are spread over its surface.
 */
export function populationCrosswalk(
	from: readonly CrosswalkArea[],
	to: readonly CrosswalkArea[],
	units: readonly PopulationUnit[],
	options: CrosswalkOptions = {}
): CrosswalkResult {
	const { pieces, slivers, unmatched } = split(from, to, options);
	const unitShapes = units.filter((u) => u.persons > 0).map((u, i) => ({ ...shapeOf(String(i), u.geometry), persons: u.persons }));
	const weights: CrosswalkWeight[] = [];
	const areaFallback: string[] = [];
	for (const [key, ps] of pieces) {
		const residents = ps.map((piece) => {
			const bbox = bboxOf(piece.shape);
			let persons = 0;
			for (const u of unitShapes) {
				if (!overlaps(bbox, u.bbox) || !(u.areaKm2 > 0)) continue;
				persons += (u.persons * areaKm2(intersect(piece.shape, u.shape))) / u.areaKm2;
			}
			return persons;
		});
		if (residents.reduce((s, x) => s + x, 0) > 0) weights.push(...normalised(ps, residents).filter((w) => w.weight > 0));
		else {
			areaFallback.push(key);
			weights.push(...normalised(ps, ps.map((p) => p.areaKm2)));
		}
	}
	return { method: 'population', weights, slivers, unmatched, areaFallback };
}

/**
 * Round the weights of each from_key to `decimals` places so that they still sum to exactly 1
 * (largest remainder: the rounding error goes to the pieces that lost most by rounding). A weight
 * that rounds to 0 is dropped, since the format requires 0 < w.
 */
export function roundWeights(weights: readonly CrosswalkWeight[], decimals = 6): CrosswalkWeight[] {
	const unit = 10 ** decimals;
	const groups = new Map<string, CrosswalkWeight[]>();
	for (const w of weights) {
		const g = groups.get(w.from_key);
		if (g) g.push(w);
		else groups.set(w.from_key, [w]);
	}
	const out: CrosswalkWeight[] = [];
	for (const group of groups.values()) {
		const total = group.reduce((s, w) => s + w.weight, 0);
		const scaled = group.map((w) => (w.weight / total) * unit);
		const floors = scaled.map(Math.floor);
		let rest = unit - floors.reduce((s, x) => s + x, 0);
		const order = scaled.map((x, i) => ({ i, r: x - floors[i] })).sort((a, b) => b.r - a.r || a.i - b.i);
		for (const { i } of order) {
			if (rest <= 0) break;
			floors[i] += 1;
			rest -= 1;
		}
		group.forEach((w, i) => {
			if (floors[i] > 0) out.push({ ...w, weight: floors[i] / unit });
		});
	}
	return out;
}
