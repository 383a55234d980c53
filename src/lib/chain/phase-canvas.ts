/**
 * The phase maps above a few thousand areas: projected ONCE into flat screen-space rings that the
 * six canvas maps share (only the fill colours differ between phases), and a grid index over them
 * for naming the area under the pointer. Pure (no DOM): d3 geoPath streams the projected outline
 * into a recorder context instead of an SVG path string; the browser turns the rings into Path2D
 * (phase-canvas-draw.ts).
 */
import { geoMercator, geoPath } from 'd3';
import type { FeatureCollection, GeoJsonProperties, Geometry } from 'geojson';

/** The small maps' drawing size (the SVG maps' viewBox; the canvas maps scale it to their box). */
export const PHASE_MAP = { width: 320, height: 250, pad: 4 } as const;

/**
 * Above this many areas the six phase maps are drawn on canvas instead of SVG. Each SVG map holds a
 * <path>, <title> and <text> per area, six times over: at 20,000 areas that was 360,000 nodes and
 * most of a 1.5 GB heap. At 1,500 areas an average area covers 320 × 250 / 1,500 ≈ 53 px² (about
 * 7 × 7 px) of a small map: too small for its 11 px category symbol or a pointer target, so above
 * that the SVG's extra (symbols, one element per area) buys nothing a canvas does not show.
 */
export const CANVAS_MIN_AREAS = 1500;

export type PhaseMapRenderer = 'svg' | 'canvas';

export function phaseMapRenderer(areas: number, min = CANVAS_MIN_AREAS): PhaseMapRenderer {
	return areas > min ? 'canvas' : 'svg';
}

/** One area's outline in map pixels: rings as flat [x0, y0, x1, y1, …], plus its bounding box. */
export interface ProjectedArea {
	key: string;
	name: string;
	rings: Float32Array[];
	box: [number, number, number, number];
}

export interface ProjectedMap {
	width: number;
	height: number;
	areas: ProjectedArea[];
	/** Outlines of the parent level (drawn as borders), projected the same way. */
	borders: Float32Array[];
	index: HitIndex;
}

/** A CanvasPath-shaped sink for d3.geoPath: collects the rings it draws. */
class RingRecorder {
	rings: Float32Array[] = [];
	private ring: number[] = [];
	moveTo(x: number, y: number) {
		this.flush();
		this.ring.push(x, y);
	}
	lineTo(x: number, y: number) {
		this.ring.push(x, y);
	}
	closePath() {
		this.flush();
	}
	beginPath() {
		this.flush();
	}
	arc() {
		// points (geoPath draws them as circles) are not areas
	}
	flush() {
		if (this.ring.length >= 6) this.rings.push(Float32Array.from(this.ring));
		this.ring = [];
	}
	take(): Float32Array[] {
		this.flush();
		const r = this.rings;
		this.rings = [];
		return r;
	}
}

function boxOf(rings: Float32Array[]): [number, number, number, number] {
	let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
	for (const r of rings) {
		for (let i = 0; i < r.length; i += 2) {
			if (r[i] < x0) x0 = r[i];
			if (r[i] > x1) x1 = r[i];
			if (r[i + 1] < y0) y0 = r[i + 1];
			if (r[i + 1] > y1) y1 = r[i + 1];
		}
	}
	return [x0, y0, x1, y1];
}

/**
 * Project the areas (already wound for d3: rewindForD3) into the small map's box, with the same
 * Mercator fit the SVG maps use, so both renderers put an area at the same place.
 */
export function projectAreas<P extends { key: string; name: string }>(
	shapes: FeatureCollection<Geometry, P>,
	parents: FeatureCollection<Geometry, GeoJsonProperties> | null = null,
	size: { width: number; height: number; pad: number } = PHASE_MAP
): ProjectedMap {
	const projection = geoMercator().fitExtent([[size.pad, size.pad], [size.width - size.pad, size.height - size.pad]], shapes);
	const recorder = new RingRecorder();
	const path = geoPath(projection, recorder);
	const areas = shapes.features.map((f) => {
		path(f);
		const rings = recorder.take();
		return { key: f.properties.key, name: f.properties.name, rings, box: boxOf(rings) };
	});
	const borders: Float32Array[] = [];
	for (const f of parents?.features ?? []) {
		path(f);
		borders.push(...recorder.take());
	}
	return { width: size.width, height: size.height, areas, borders, index: hitIndex(areas, size.width, size.height) };
}

/** Areas by grid cell (bounding boxes), so a pointer test looks at a handful of polygons, not all. */
export interface HitIndex {
	cols: number;
	rows: number;
	cell: number;
	cells: Int32Array[];
}

export function hitIndex(areas: readonly ProjectedArea[], width: number, height: number): HitIndex {
	// about four areas per cell on average, at least one cell
	const cell = Math.max(1, Math.sqrt((width * height * 4) / Math.max(1, areas.length)));
	const cols = Math.ceil(width / cell), rows = Math.ceil(height / cell);
	const lists: number[][] = Array.from({ length: cols * rows }, () => []);
	const clamp = (v: number, n: number) => Math.min(n - 1, Math.max(0, Math.floor(v / cell)));
	areas.forEach((a, i) => {
		if (!a.rings.length) return;
		const [x0, y0, x1, y1] = a.box;
		for (let cy = clamp(y0, rows); cy <= clamp(y1, rows); cy++) for (let cx = clamp(x0, cols); cx <= clamp(x1, cols); cx++) lists[cy * cols + cx].push(i);
	});
	return { cols, rows, cell, cells: lists.map((l) => Int32Array.from(l)) };
}

/** Even–odd point-in-polygon over all rings of one area (holes count). */
export function insideRings(x: number, y: number, rings: readonly Float32Array[]): boolean {
	let inside = false;
	for (const r of rings) {
		const n = r.length;
		for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
			const xi = r[i], yi = r[i + 1], xj = r[j], yj = r[j + 1];
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
		}
	}
	return inside;
}

/** The index of the area under a point in map pixels, or -1. */
export function areaAtPoint(map: ProjectedMap, x: number, y: number): number {
	const { index } = map;
	const cx = Math.floor(x / index.cell), cy = Math.floor(y / index.cell);
	if (cx < 0 || cy < 0 || cx >= index.cols || cy >= index.rows) return -1;
	for (const i of index.cells[cy * index.cols + cx]) {
		const a = map.areas[i];
		if (x < a.box[0] || x > a.box[2] || y < a.box[1] || y > a.box[3]) continue;
		if (insideRings(x, y, a.rings)) return i;
	}
	return -1;
}
