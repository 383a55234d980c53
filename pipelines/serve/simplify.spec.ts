/**
 * Zoom bands keep every area, keep neighbours' shared boundaries identical, and stay within a
 * pixel of the original at each band's deepest zoom. Measured on the scale generator's territory
 * with realistic edge detail (pipelines/scale/grid.ts, --detail 8).
 */
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { buildTerritory, signedArea2, unionOutline, type Ring } from '../scale/grid';
import { BANDS, mercatorPx, minWeight, simplifyBands, simplifyMinAreas, SIMPLIFY_MIN_AREAS, vertexCount } from './simplify';

type Areas = FeatureCollection<Polygon, { key: string }>;

const territory = buildTerritory(600, 7, 2, 8);
const areas: Areas = {
	type: 'FeatureCollection',
	features: territory.cells.map((c, n): Feature<Polygon, { key: string }> => ({ type: 'Feature', properties: { key: String(n).padStart(4, '0') }, geometry: { type: 'Polygon', coordinates: [c.ring] } }))
};
const bands = simplifyBands(areas);

const outerRing = (f: { geometry: unknown }) => {
	const g = f.geometry as { type: string; coordinates: Position[][] | Position[][][] };
	return (g.type === 'Polygon' ? (g.coordinates as Position[][])[0] : (g.coordinates as Position[][][])[0][0]) as Ring;
};
const id = (p: Position) => `${p[0]},${p[1]}`;
const polygonArea = (rings: Ring[]) => rings.reduce((s, r, i) => s + (i === 0 ? 1 : -1) * Math.abs(signedArea2(r)), 0) / 2;

function distance(p: number[], a: number[], b: number[]): number {
	const dx = b[0] - a[0], dy = b[1] - a[1];
	const len2 = dx * dx + dy * dy;
	const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
	return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/**
 * Largest distance, in screen pixels at `zoom`, of an original vertex from the simplified ring
 * (whose vertices must be a subsequence of the original's, in order, from any start).
 */
function maxErrorPx(original: Ring, simplified: Ring, zoom: number): number {
	const scale = 2 ** zoom;
	const px = (p: Position) => mercatorPx(p[0], p[1]).map((v) => v * scale);
	const ring = original.slice(0, -1);
	const start = ring.findIndex((p) => id(p) === id(simplified[0]));
	if (start < 0) throw new Error('simplified ring starts at a vertex the original does not have');
	let worst = 0;
	let k = 0;
	for (let s = 1; s < simplified.length; s++) {
		const a = px(simplified[s - 1]);
		const b = px(simplified[s]);
		for (;;) {
			k++;
			if (k > ring.length) throw new Error('simplified ring is not a subsequence of the original');
			const p = ring[(start + k) % ring.length];
			if (id(p) === id(simplified[s])) break;
			worst = Math.max(worst, distance(px(p), a, b));
		}
	}
	return worst;
}

describe('simplifyBands', () => {
	it('keeps every area, in order, with a ring of positive area', () => {
		for (const { areas: out } of bands) {
			expect(out.features.map((f) => f.properties.key)).toEqual(areas.features.map((f) => f.properties.key));
			for (const f of out.features) {
				const ring = outerRing(f);
				expect(new Set(ring.map(id)).size).toBeGreaterThanOrEqual(3);
				// counter-clockwise as in the input (RFC 7946)
				expect(signedArea2(ring)).toBeGreaterThan(0);
			}
		}
	});

	it('removes vertices: fewer at lower zoom, only original vertices kept', () => {
		const original = vertexCount(areas);
		const [overview, district] = bands.map((b) => b.vertices);
		expect(original).toBeGreaterThan(600 * 30);
		expect(district).toBeLessThan(original * 0.8);
		expect(overview).toBeLessThan(district * 0.7);
		for (const { areas: out } of bands) {
			out.features.forEach((f, n) => {
				const own = new Set(areas.features[n].geometry.coordinates[0].map(id));
				expect(outerRing(f).every((p) => own.has(id(p)))).toBe(true);
			});
		}
	});

	it('keeps the shared boundary of neighbours identical vertex for vertex (no gaps, no slivers)', () => {
		for (const { areas: out } of bands) {
			const rings = out.features.map(outerRing);
			// every inner edge must cancel against its reverse in the neighbour, or the outline
			// would get sliver rings; the areas then add up to the outline's exactly
			const outline = unionOutline(rings);
			expect(outline.map((p) => p.length)).toEqual([1]);
			const sum = rings.reduce((s, r) => s + polygonArea([r]), 0);
			expect(sum).toBeCloseTo(polygonArea(outline[0]), 12);
			// and explicitly: each directed edge is used once, its reverse at most once
			const edges = new Map<string, number>();
			for (const r of rings) for (let k = 1; k < r.length; k++) edges.set(`${id(r[k - 1])}>${id(r[k])}`, (edges.get(`${id(r[k - 1])}>${id(r[k])}`) ?? 0) + 1);
			expect([...edges.values()].every((n) => n === 1)).toBe(true);
			const shared = [...edges.keys()].filter((e) => edges.has(e.split('>').reverse().join('>'))).length;
			expect(shared).toBeGreaterThan(out.features.length * 2);
		}
	});

	it('stays within one pixel of the original at each band’s deepest zoom', () => {
		for (const { band, areas: out } of bands) {
			let worst = 0;
			out.features.forEach((f, n) => (worst = Math.max(worst, maxErrorPx(areas.features[n].geometry.coordinates[0] as Ring, outerRing(f), band.max_zoom))));
			expect(worst).toBeGreaterThan(0);
			expect(worst).toBeLessThan(1);
		}
	});

	it('never lets an island or an area with one neighbour collapse', () => {
		// a lone wobbly circle (one closed arc) and a tiny square inside a larger ring's hole
		const circle: Position[] = Array.from({ length: 65 }, (_, k) => {
			const a = (2 * Math.PI * (k % 64)) / 64;
			return [7 + 0.0004 * Math.cos(a), 51 + 0.0003 * Math.sin(a)];
		});
		const square: Position[] = [[7.1, 51], [7.10001, 51], [7.10001, 51.00001], [7.1, 51.00001], [7.1, 51]];
		const frame: Position[] = [[7.09, 50.99], [7.11, 50.99], [7.11, 51.01], [7.09, 51.01], [7.09, 50.99]];
		const fc: Areas = {
			type: 'FeatureCollection',
			features: [
				{ type: 'Feature', properties: { key: 'circle' }, geometry: { type: 'Polygon', coordinates: [circle] } },
				{ type: 'Feature', properties: { key: 'tiny' }, geometry: { type: 'Polygon', coordinates: [square] } },
				{ type: 'Feature', properties: { key: 'frame' }, geometry: { type: 'Polygon', coordinates: [frame, [...square].reverse()] } }
			]
		};
		for (const { areas: out } of simplifyBands(fc, [{ name: 'far', min_zoom: null, max_zoom: 4, tolerance_px: 1 }])) {
			expect(out.features.map((f) => f.properties.key)).toEqual(['circle', 'tiny', 'frame']);
			for (const f of out.features) {
				const rings = (f.geometry as Polygon).coordinates;
				for (const r of rings) {
					expect(new Set(r.map(id)).size).toBeGreaterThanOrEqual(3);
					expect(Math.abs(signedArea2(r as Ring))).toBeGreaterThan(0);
				}
			}
			// the hole is still the tiny area's outline, reversed
			const tiny = (out.features[1].geometry as Polygon).coordinates[0];
			const hole = (out.features[2].geometry as Polygon).coordinates[1];
			expect(new Set(hole.map(id))).toEqual(new Set(tiny.map(id)));
		}
	});

	it('turns a band’s pixel tolerance into an effective area at zoom 0', () => {
		// 1 px² at zoom 10 is 1 / 4^10 px² of the zoom-0 world
		expect(minWeight({ max_zoom: 10, tolerance_px: 1 })).toBe(1 / 4 ** 10);
		expect(BANDS.every((b, i) => i === 0 || b.min_zoom === BANDS[i - 1].max_zoom)).toBe(true);
	});

	it('reads the threshold from SOZIALRAUM_SIMPLIFY_MIN_AREAS, with a German message for nonsense', () => {
		expect(simplifyMinAreas({})).toBe(Infinity);
		expect(simplifyMinAreas({ SOZIALRAUM_SIMPLIFY_MIN_AREAS: 'on' })).toBe(SIMPLIFY_MIN_AREAS);
		expect(simplifyMinAreas({ SOZIALRAUM_SIMPLIFY_MIN_AREAS: '100' })).toBe(100);
		expect(simplifyMinAreas({ SOZIALRAUM_SIMPLIFY_MIN_AREAS: 'off' })).toBe(Infinity);
		expect(() => simplifyMinAreas({ SOZIALRAUM_SIMPLIFY_MIN_AREAS: 'viele' })).toThrow(/positive ganze Zahl/);
	});
});
