/**
 * Topology-preserving simplification of a level's areas per zoom band, for the served layout of
 * levels with many areas (MapLibre's recolour and tile layout cost grow with the vertices drawn;
 * docs/performance.md).
 *
 * Why not leave it to MapLibre: geojson-vt simplifies every polygon on its own (Douglas–Peucker per
 * ring), so the boundary two neighbours share is simplified twice, differently, and slivers or
 * gaps appear at low zoom. Here the areas become one TopoJSON topology (topojson-server: every
 * shared boundary is one arc), each arc is simplified once (Visvalingam's effective area,
 * topojson-simplify), and both neighbours are rebuilt from the same arcs (topojson-client), so
 * their common boundary stays identical vertex for vertex. No quantization: every vertex kept is
 * an original vertex, bit for bit.
 *
 * Every area is kept: topojson-simplify always keeps arc endpoints (the points where three areas
 * meet), and a ring with fewer than three distinct endpoints (an island, an enclave, an area with
 * one or two neighbours) keeps its most significant other vertices, so no ring collapses to zero
 * area. topojson-simplify's `filter` (which drops small rings) is deliberately not used.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { presimplify, simplify, type Triangle } from 'topojson-simplify';
import { feature } from 'topojson-client';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';

/** With SOZIALRAUM_SIMPLIFY_MIN_AREAS=on, levels with at least this many areas get zoom bands. */
export const SIMPLIFY_MIN_AREAS = 5000;

/**
 * Off unless SOZIALRAUM_SIMPLIFY_MIN_AREAS says otherwise ("on": SIMPLIFY_MIN_AREAS, or a number):
 * measured at 5,000 detailed areas the bands drew twice the vertices geojson-vt's own per-tile
 * simplification leaves and were slower (docs/performance.md, "Simplified geometry per zoom").
 */
export function simplifyMinAreas(env: Record<string, string | undefined> = process.env): number {
	const v = env.SOZIALRAUM_SIMPLIFY_MIN_AREAS?.trim();
	if (!v || v === 'off') return Infinity;
	if (v === 'on') return SIMPLIFY_MIN_AREAS;
	const n = Number(v);
	if (!Number.isInteger(n) || n < 1) throw new Error(`SOZIALRAUM_SIMPLIFY_MIN_AREAS: erwartet eine positive ganze Zahl oder „off“, nicht „${v}“.`);
	return n;
}

export interface BandSpec {
	name: string;
	min_zoom: number | null;
	/** The band is drawn below this zoom, so its error is measured there (where it is largest). */
	max_zoom: number;
	/** Vertices whose effective area is below tolerance_px² screen pixels at max_zoom are removed. */
	tolerance_px: number;
}

/**
 * Overview (the whole city on screen: at 5,000–20,000 areas MapLibre fits it at zoom ≈ 8.5–10) and
 * district; from zoom 12 (≈ 12 m per pixel at 51.5° N) the original geometry is drawn. 0.7 px² of
 * effective area moves a boundary by well under a pixel at the band's deepest zoom (the spec
 * measures it), i.e. less than the 0.8 px outline drawn over it.
 */
export const BANDS: readonly BandSpec[] = [
	{ name: 'overview', min_zoom: null, max_zoom: 10, tolerance_px: 0.7 },
	{ name: 'district', min_zoom: 10, max_zoom: 12, tolerance_px: 0.7 }
];

/** Zoom from which the original geometry is drawn. */
export const ORIGINAL_FROM_ZOOM = 12;

/** Web Mercator position in pixels of a 512-px world at zoom 0 (MapLibre's tile size). */
export function mercatorPx(lon: number, lat: number): [number, number] {
	const phi = (Math.max(-85.05113, Math.min(85.05113, lat)) * Math.PI) / 180;
	return [((lon + 180) / 360) * 512, ((1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2) * 512];
}

/** Visvalingam's effective area of a vertex, in zoom-0 pixels² of the map (so tolerances are screen pixels). */
export function mercatorTriangleArea(t: Triangle): number {
	const [a, b, c] = t.map((p) => mercatorPx(p[0], p[1]));
	return Math.abs((a[0] - c[0]) * (b[1] - a[1]) - (a[0] - b[0]) * (c[1] - a[1])) / 2;
}

/** The minimum weight that keeps a band's error below its tolerance at its max_zoom. */
export function minWeight(band: Pick<BandSpec, 'max_zoom' | 'tolerance_px'>): number {
	return (band.tolerance_px * band.tolerance_px) / 4 ** band.max_zoom;
}

type Areas = FeatureCollection<Polygon | MultiPolygon, { key: string }>;
type WeightedPoint = [number, number, number];

function ringsOf(g: TopoPolygon | TopoMultiPolygon | { type: null }): number[][] {
	if (g.type === 'Polygon') return g.arcs;
	if (g.type === 'MultiPolygon') return g.arcs.flat();
	return [];
}

/** Raise the weight of a ring's most significant vertices until it keeps three distinct points. */
function protectRings(topo: Topology, geometries: GeometryCollection['geometries']) {
	const arcs = topo.arcs as unknown as WeightedPoint[][];
	const pointsOf = (a: number) => arcs[a < 0 ? ~a : a];
	const id = (p: WeightedPoint) => `${p[0]},${p[1]}`;
	for (const g of geometries) {
		for (const ring of ringsOf(g as TopoPolygon | TopoMultiPolygon)) {
			const kept = new Set<string>();
			for (const a of ring) {
				const pts = pointsOf(a);
				kept.add(id(pts[0]));
				kept.add(id(pts[pts.length - 1]));
			}
			if (kept.size >= 3) continue;
			const candidates = ring.flatMap((a) => pointsOf(a).slice(1, -1)).sort((p, q) => q[2] - p[2]);
			for (const p of candidates) {
				if (kept.size >= 3) break;
				if (kept.has(id(p))) continue;
				p[2] = Infinity;
				kept.add(id(p));
			}
		}
	}
}

export interface SimplifiedBand {
	band: BandSpec;
	areas: FeatureCollection<Geometry, { key: string }>;
	vertices: number;
}

/** Count of positions in a collection's polygons (closing positions included). */
export function vertexCount(fc: FeatureCollection): number {
	let n = 0;
	for (const f of fc.features) {
		const g = f.geometry;
		if (g?.type === 'Polygon') for (const r of g.coordinates) n += r.length;
		else if (g?.type === 'MultiPolygon') for (const p of g.coordinates) for (const r of p) n += r.length;
	}
	return n;
}

/**
 * The areas simplified for every band, in input order, each feature with only its `key`
 * (all the map needs of them: the original file carries the names).
 */
export function simplifyBands(areas: Areas, bands: readonly BandSpec[] = BANDS): SimplifiedBand[] {
	// Only the key travels through the topology (the map's promoteId); no quantization (see above).
	const slim: Areas = { type: 'FeatureCollection', features: areas.features.map((f): Feature<Polygon | MultiPolygon, { key: string }> => ({ type: 'Feature', properties: { key: f.properties.key }, geometry: f.geometry })) };
	const topo = topology({ areas: slim });
	// (topojson-server's and topojson-simplify's typings disagree on the properties type only)
	const weighted = presimplify(topo as Parameters<typeof presimplify>[0], mercatorTriangleArea);
	const collection = weighted.objects.areas as GeometryCollection;
	protectRings(weighted, collection.geometries);
	return bands.map((band) => {
		const simple = simplify(weighted, minWeight(band));
		const out = feature(simple, simple.objects.areas as GeometryCollection<{ key: string }>) as FeatureCollection<Geometry, { key: string }>;
		return { band, areas: out, vertices: vertexCount(out) };
	});
}
