/**
 * Where to click: three Sozialräume spread over the package (at 30, 50 and 70 % of the feature
 * list), each with a point inside it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { ClickTarget } from './atlas';

/** A point inside a polygon: the mean of the outer ring's vertices, if inside (grid and Voronoi cells). */
function insidePoint(g: Polygon | MultiPolygon): [number, number] | null {
	const ring = (g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0][0]) as Position[];
	const pts = ring.slice(0, -1);
	const p: [number, number] = [pts.reduce((s, q) => s + q[0], 0) / pts.length, pts.reduce((s, q) => s + q[1], 0) / pts.length];
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside ? p : null;
}

export function clickTargets(pkgDir: string): ClickTarget[] {
	const d = JSON.parse(readFileSync(join(pkgDir, 'datapackage.json'), 'utf8'));
	const fc = JSON.parse(readFileSync(join(pkgDir, d.sozialraum.levels[0].path), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { key: string }>;
	const out: ClickTarget[] = [];
	for (const q of [0.3, 0.5, 0.7]) {
		for (let i = Math.floor(fc.features.length * q); i < fc.features.length; i++) {
			const p = insidePoint(fc.features[i].geometry);
			if (p && !out.some((o) => o.key === fc.features[i].properties.key)) {
				out.push({ key: fc.features[i].properties.key, lonLat: p });
				break;
			}
		}
	}
	return out;
}

