import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { read } from 'shapefile';
import { crsFromGeoJson, crsFromWkt, guessCrs } from './crs';
import { transformPolygons } from './reproject';
import { simplifyRing } from './simplify';
import { checkPlace, checkStructure, rewind } from './geometry-check';
import { writeDbf, writeShp } from '../../../tests/fixtures/import/shapefile-write';

describe('crs recognition', () => {
	it('reads the CRS from ESRI and OGC WKT', () => {
		expect(crsFromWkt('PROJCS["ETRS_1989_UTM_Zone_32N",GEOGCS["GCS_ETRS_1989"]]')).toBe('EPSG:25832');
		expect(crsFromWkt('PROJCS["ETRS89 / UTM zone 33N",GEOGCS["ETRS89"],AUTHORITY["EPSG","25833"]]')).toBe('EPSG:25833');
		expect(crsFromWkt('PROJCS["DHDN_3_Degree_Gauss_Kruger_Zone_3",GEOGCS["GCS_Deutsches_Hauptdreiecksnetz"]]')).toBe('EPSG:31467');
		expect(crsFromWkt('PROJCS["DHDN / 3-degree Gauss-Kruger zone 2",GEOGCS["DHDN"]]')).toBe('EPSG:31466');
		expect(crsFromWkt('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984"]]')).toBe('EPSG:4326');
		expect(crsFromWkt('PROJCS["Lambert_Conformal_Conic"]')).toBeNull();
	});

	it('reads the legacy GeoJSON crs member', () => {
		expect(crsFromGeoJson({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } })).toBe('EPSG:25832');
		expect(crsFromGeoJson({ type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } })).toBe('EPSG:4326');
	});

	it('guesses from coordinates, and says when it cannot be sure', () => {
		expect(guessCrs(7.3, 51.5)).toEqual({ code: 'EPSG:4326', sure: true });
		expect(guessCrs(3_382_000, 5_708_600)).toEqual({ code: 'EPSG:31467', sure: true });
		expect(guessCrs(2_600_000, 5_708_600)).toEqual({ code: 'EPSG:31466', sure: true });
		expect(guessCrs(372_000, 5_706_000)).toEqual({ code: 'EPSG:25832', sure: false });
	});
});

describe('reprojection', () => {
	it('puts UTM 32N points on the central meridian where the definition of the projection says', () => {
		// E = 500 000 m on the central meridian 9° E; N = 0.9996 × GRS80 meridian arc (52° → 5 761 038 m)
		const [[[a, b]]] = transformPolygons([[[[500_000, 0], [500_000, 5_761_038]]]], { from: 'EPSG:25832', decimals: 6 });
		expect(a).toEqual([9, 0]);
		expect(b[0]).toBe(9);
		expect(b[1]).toBeCloseTo(52, 4);
	});

	it('applies the DHDN datum shift for Gauss-Krüger (without it the point is ~100 m off)', () => {
		const gk = proj4('EPSG:4326', 'EPSG:31467', [7.21634, 51.48165]);
		const [[[back]]] = transformPolygons([[[gk]]], { from: 'EPSG:31467', decimals: 6 });
		expect(back[0]).toBeCloseTo(7.21634, 5);
		expect(back[1]).toBeCloseTo(51.48165, 5);
		const naive = proj4('+proj=tmerc +lat_0=0 +lon_0=9 +k=1 +x_0=3500000 +y_0=0 +ellps=bessel +units=m', 'EPSG:4326', gk);
		expect(Math.abs(naive[1] - 51.48165) * 111_000).toBeGreaterThan(50);
	});

	it('rounds to 5 decimals by default and drops the steps rounding makes empty', () => {
		const ring = [[7.000001, 51.000001], [7.000002, 51.000002], [7.1, 51], [7.1, 51.1], [7.000001, 51.000001]];
		const [[out]] = transformPolygons([[ring]], { from: 'EPSG:4326' });
		expect(out).toEqual([[7, 51], [7.1, 51], [7.1, 51.1], [7, 51]]);
	});
});

describe('simplifyRing', () => {
	const circle = Array.from({ length: 101 }, (_, i) => [Math.cos(((i % 100) / 100) * 2 * Math.PI), Math.sin(((i % 100) / 100) * 2 * Math.PI)]);

	it('drops points within the tolerance and keeps the ring closed', () => {
		const s = simplifyRing(circle, 0.05);
		expect(s.length).toBeLessThan(30);
		expect(s[0]).toEqual(s[s.length - 1]);
	});

	it('never returns fewer than four positions', () => {
		expect(simplifyRing(circle, 10).length).toBeGreaterThanOrEqual(4);
		expect(checkStructure([[simplifyRing(circle, 10)]])).toBeNull();
	});
});

describe('geometry checks', () => {
	it('names open rings, short rings and non-numeric coordinates', () => {
		expect(checkStructure([[[[0, 0], [1, 0], [1, 1], [0, 1]]]])).toContain('nicht geschlossen');
		expect(checkStructure([[[[0, 0], [1, 0], [0, 0]]]])).toContain('nur 3 Punkte');
		expect(checkStructure([[[[0, 0], [NaN, 0], [1, 1], [0, 0]]]])).toContain('Punkt 2');
	});

	it('rejects places outside Germany and recognises swapped axes', () => {
		expect(checkPlace([[[[7.2, 51.5]]]], 'X')).toBeNull();
		expect(checkPlace([[[[-30, 44]]]], 'X')).toContain('außerhalb Deutschlands');
		expect(checkPlace([[[[51.5, 7.2]]]], 'X')).toContain('vertauscht');
	});

	it('rewinds outer rings counter-clockwise and holes clockwise (RFC 7946)', () => {
		const cw = [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]];
		const [[outer, hole]] = rewind([[cw, [...cw].reverse()]]);
		expect(outer).toEqual([...cw].reverse());
		expect(hole).toEqual(cw);
	});
});

describe('fixture Shapefile writer', () => {
	it('writes files the shapefile reader reads back, with Windows-1252 attributes', async () => {
		const ring: [number, number][] = [[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]]; // clockwise: outer
		const { shp } = writeShp([[ring]]);
		const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
		const dbf = writeDbf([{ name: 'NR', type: 'N', length: 4 }, { name: 'NAME', type: 'C', length: 20 }], [[101, 'Süd']], cp1252);
		const fc = await read(shp, dbf, { encoding: 'windows-1252' });
		expect(fc.features[0].properties).toEqual({ NR: 101, NAME: 'Süd' });
		expect(fc.features[0].geometry).toEqual({ type: 'Polygon', coordinates: [ring] });
	});
});
