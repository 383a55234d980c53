/**
 * Which areas are neighbours, from the boundary geometry alone (no extra file needed).
 *
 * Rule, as R `spdep::poly2nb(queen = FALSE)` ("rook" contiguity): two areas are neighbours when
 * their boundaries share more than one point. Points are compared after snapping to a grid of
 * 10^−decimals degrees (default 5 decimals ≈ 1 m, the precision docs/data-package.md asks for),
 * which plays the part of spdep's `snap` tolerance: boundaries digitised from the same line meet
 * exactly once rounded. Touching at a single corner is not enough (a Sozialraum diagonally across a
 * crossing is not its neighbour). Areas whose boundaries do not share points (gaps, overlaps from
 * separately simplified polygons) come out without neighbours, and the neighbour check skips them
 * rather than guessing.
 */
import type { FeatureCollection, Geometry, Position } from 'geojson';

export type Neighbours = Map<string, string[]>;

function rings(geometry: Geometry): Position[][] {
	if (geometry.type === 'Polygon') return geometry.coordinates;
	if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
	return [];
}

export function rookNeighbours(areas: FeatureCollection<Geometry, { key: string }>, decimals = 5): Neighbours {
	const f = 10 ** decimals;
	const snap = ([x, y]: Position) => `${Math.round(x * f)},${Math.round(y * f)}`;
	// point → areas whose boundary has it
	const owners = new Map<string, Set<string>>();
	for (const feature of areas.features) {
		const key = String(feature.properties.key);
		for (const ring of rings(feature.geometry)) {
			for (const p of ring) {
				const k = snap(p);
				let s = owners.get(k);
				if (!s) owners.set(k, (s = new Set()));
				s.add(key);
			}
		}
	}
	// shared points per pair
	const shared = new Map<string, Map<string, number>>();
	for (const keys of owners.values()) {
		if (keys.size < 2) continue;
		const list = [...keys];
		for (const a of list) {
			for (const b of list) {
				if (a === b) continue;
				let m = shared.get(a);
				if (!m) shared.set(a, (m = new Map()));
				m.set(b, (m.get(b) ?? 0) + 1);
			}
		}
	}
	const out: Neighbours = new Map();
	for (const feature of areas.features) {
		const key = String(feature.properties.key);
		const m = shared.get(key) ?? new Map<string, number>();
		out.set(key, [...m].filter(([, n]) => n > 1).map(([k]) => k).sort());
	}
	return out;
}
