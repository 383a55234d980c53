import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { contains, interiorPoint, squareMetres } from './planar';

const square = (x0: number, y0: number, d: number) => [[x0, y0], [x0 + d, y0], [x0 + d, y0 + d], [x0, y0 + d], [x0, y0]];

describe('planar helpers', () => {
	it('measures a 2 km × 2 km UTM square reprojected to WGS84 as 4 km² (within 0.1 %)', () => {
		// UTM shrinks lengths by its scale factor k ≈ 0.9998 this far (128 km) from the central meridian
		const utm = square(372_000, 5_706_000, 2000);
		const wgs = utm.map((p) => proj4('+proj=utm +zone=32 +ellps=GRS80 +units=m', 'EPSG:4326', p));
		const lat = (wgs[0][1] + wgs[2][1]) / 2;
		expect(Math.abs(squareMetres([[wgs]], lat) / 4_000_000 - 1)).toBeLessThan(0.001);
	});

	it('subtracts holes', () => {
		const outer = square(7, 51, 0.02);
		const hole = square(7.005, 51.005, 0.01).reverse();
		expect(squareMetres([[outer, hole]], 51) / squareMetres([[outer]], 51)).toBeCloseTo(0.75, 6);
	});

	it('finds a point inside a crescent and outside its hole', () => {
		// a "U": the centroid of its bounding box lies in the notch
		const u = [[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]];
		const p = interiorPoint([[u]])!;
		expect(contains([[u]], p)).toBe(true);
		const ring = [square(0, 0, 4), square(1, 1, 2).reverse()];
		const q = interiorPoint([ring])!;
		expect(contains([ring], q)).toBe(true);
		expect(contains([[square(1, 1, 2)]], q)).toBe(false);
	});
});
