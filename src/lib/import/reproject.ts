/**
 * Reprojection to WGS84 longitude/latitude with proj4 (the standard JS port of PROJ), coordinate
 * rounding (5 decimals ≈ 1 m, the package convention) and per-ring simplification.
 */
import proj4 from 'proj4';
import type { Position } from 'geojson';
import { CRS_LIST, type CrsCode } from './crs';
import { simplifyRing } from './simplify';

for (const c of CRS_LIST) if (!['EPSG:4326', 'EPSG:3857'].includes(c.code)) proj4.defs(c.code, c.proj4);

export type Rings = Position[][];
export type PolygonCoords = Rings[];

export interface TransformOptions {
	from: CrsCode;
	/** Douglas–Peucker tolerance in metres (0 = off). */
	simplifyMetres?: number;
	/** Decimals of the output coordinates (default 5). */
	decimals?: number;
}

/** Transform polygons (a MultiPolygon's coordinates) to rounded WGS84. */
export function transformPolygons(polygons: PolygonCoords, options: TransformOptions): PolygonCoords {
	const toWgs = options.from === 'EPSG:4326' ? null : proj4(options.from, 'EPSG:4326');
	const factor = 10 ** (options.decimals ?? 5);
	const round = (v: number) => Math.round(v * factor) / factor;
	const tol = options.simplifyMetres ?? 0;
	return polygons.map((rings) =>
		rings.map((ring) => {
			let pts: Position[] = ring.map((p) => {
				if (!toWgs || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return [p[0], p[1]];
				const [lon, lat] = toWgs.forward([p[0], p[1]]);
				return [lon, lat];
			});
			if (tol > 0) pts = simplifyRing(pts, metresToDegrees(tol, pts));
			const out = pts.map((p) => [round(p[0]), round(p[1])]);
			return dropRepeats(out);
		})
	);
}

/** A tolerance in metres as degrees at the ring's latitude (longitude degrees shrink with cos φ). */
function metresToDegrees(m: number, pts: Position[]): number {
	const lat = pts.length ? pts[0][1] : 51;
	return m / (111_320 * Math.max(0.2, Math.cos((lat * Math.PI) / 180)));
}

/** Rounding can make neighbours equal: drop zero-length steps (a closed ring stays closed). */
function dropRepeats(ring: Position[]): Position[] {
	const out: Position[] = [];
	for (const p of ring) {
		const last = out[out.length - 1];
		if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
	}
	return out;
}
