/**
 * The scale generator makes valid, deterministic packages of the documented format at any size.
 * Small sizes only (the unit project runs every spec); the large sizes are made by tests/bench.
 */
import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { readPackage } from '../../src/lib/data/package/validate';
import type { LoadedPackage } from '../../src/lib/data/package/model';
import { buildTerritory, signedArea2, unionOutline, type MultiPolygon } from './grid';
import { buildScalePackage, renderScalePackage } from './package';
import { indicatorArrow } from './write';

const OPTIONS = { areas: 130, indicators: 4, years: 3 };

function load(files: Record<string, string>): LoadedPackage {
	const pkg: LoadedPackage = { descriptor: JSON.parse(files['datapackage.json']), geojson: {}, csv: {}, unreadable: {} };
	for (const [path, text] of Object.entries(files)) {
		if (path.endsWith('.geojson')) pkg.geojson[path] = JSON.parse(text);
		else if (path.endsWith('.csv')) pkg.csv[path] = text;
	}
	return pkg;
}

const files = renderScalePackage(OPTIONS);
const { data, problems } = readPackage(load(files));

const area = (mp: MultiPolygon) => mp.reduce((s, poly) => s + poly.reduce((t, ring, i) => t + (i === 0 ? 1 : -1) * Math.abs(signedArea2(ring)), 0), 0) / 2;

describe('scale generator', () => {
	it('writes a package the validator accepts without a single problem', () => {
		expect(problems).toEqual([]);
		expect(data).not.toBeNull();
	});

	it('has the requested numbers of areas, indicators, years and observation rows', () => {
		expect(data!.areas.sozialraum.features).toHaveLength(130);
		expect(data!.indicators).toHaveLength(4);
		expect(new Set(data!.observations.map((o) => o.year))).toEqual(new Set([2023, 2024, 2025]));
		expect(data!.observations).toHaveLength(130 * 4 * 3);
		expect(data!.descriptor.sozialraum.default_indicator).toBe('sgb2_u15');
		// numerators and denominators throughout, except the flagged gaps
		expect(data!.observations.filter((o) => o.numerator === null).every((o) => o.flag === 'missing')).toBe(true);
	});

	it('gives text keys with leading zeros and about one Stadtbezirk per 40 Sozialräume', () => {
		const keys = data!.areas.sozialraum.features.map((f) => f.properties.key);
		expect(new Set(keys).size).toBe(keys.length);
		expect(keys.every((k) => /^0\d{3}$/.test(k))).toBe(true);
		const parents = data!.areas.stadtbezirk.features;
		expect(parents.length).toBeGreaterThanOrEqual(2);
		expect(parents.length).toBeLessThanOrEqual(6);
		expect(parents.every((f) => /^0\d$/.test(f.properties.key) && f.properties.parent === '00')).toBe(true);
		expect(data!.areas.stadt.features.map((f) => f.properties.key)).toEqual(['00']);
	});

	it('is deterministic: a second run gives identical bytes', () => {
		expect(renderScalePackage(OPTIONS)).toEqual(files);
	});

	it('tiles the territory: cells cover the city outline without gaps or overlaps', () => {
		const cells = data!.areas.sozialraum.features.map((f) => area([f.geometry.coordinates as MultiPolygon[number]]));
		const city = data!.areas.stadt.features[0].geometry;
		const outline = (city.type === 'Polygon' ? [city.coordinates] : city.coordinates) as MultiPolygon;
		expect(outline).toHaveLength(1);
		expect(cells.reduce((s, a) => s + a, 0)).toBeCloseTo(area(outline), 10);
		for (const f of data!.areas.sozialraum.features) expect(signedArea2((f.geometry.coordinates as MultiPolygon[number])[0])).toBeGreaterThan(0);
	});

	it('stays in a plausible NRW extent at 20,000 areas, with ~N/40 Stadtbezirke', () => {
		const t = buildTerritory(20_000, 7);
		expect(t.cells).toHaveLength(20_000);
		expect(t.blocks.length).toBeGreaterThan(440);
		expect(t.blocks.length).toBeLessThan(560);
		const points = t.cells.flatMap((c) => c.ring);
		const lons = points.map((p) => p[0]);
		const lats = points.map((p) => p[1]);
		expect(lons.reduce((a, b) => Math.min(a, b))).toBeGreaterThan(6.0);
		expect(lons.reduce((a, b) => Math.max(a, b))).toBeLessThan(8.6);
		expect(lats.reduce((a, b) => Math.min(a, b))).toBeGreaterThan(51.0);
		expect(lats.reduce((a, b) => Math.max(a, b))).toBeLessThan(52.0);
		// the union of all cells is one polygon without holes
		expect(unionOutline(t.cells.map((c) => c.ring)).map((p) => p.length)).toEqual([1]);
	});

	it('with --detail gives every edge N shared vertices and still validates and tiles', () => {
		const detailed = renderScalePackage({ ...OPTIONS, detail: 8 });
		const loaded = readPackage(load(detailed));
		expect(loaded.problems).toEqual([]);
		const features = loaded.data!.areas.sozialraum.features;
		expect(features).toHaveLength(130);
		// 4 corners + 4 × 8 edge vertices + the closing position (rounding may merge a few)
		const lengths = features.map((f) => (f.geometry.coordinates as MultiPolygon[number])[0].length);
		expect(Math.max(...lengths)).toBe(37);
		expect(lengths.filter((n) => n === 37).length).toBeGreaterThan(120);
		const rings = features.map((f) => (f.geometry.coordinates as MultiPolygon[number])[0]);
		// unionOutline throws unless neighbours share every vertex; area sums say: no gap, no overlap
		const outline = unionOutline(rings as MultiPolygon[number][number][]);
		expect(outline.map((p) => p.length)).toEqual([1]);
		expect(rings.reduce((sum, r) => sum + area([[r as MultiPolygon[number][number]]]), 0)).toBeCloseTo(area(outline), 10);
		expect(JSON.parse(detailed['datapackage.json']).name).toBe('scale-130x4x3-d8');
		expect(renderScalePackage({ ...OPTIONS, detail: 8 })).toEqual(detailed);
	});

	it('per-indicator partitions hold exactly the rows of the monolithic table', () => {
		const pkg = buildScalePackage(OPTIONS);
		const [header, ...pieces] = [...pkg.observationPieces()];
		expect(header + pieces.join('')).toBe(files['observations.csv']);
		const id = pkg.model.defaultIndicator;
		const arrow = tableFromIPC(indicatorArrow(pkg.model, pkg.columns(id)));
		const fromCsv = data!.observations.filter((o) => o.indicator_id === id);
		expect(arrow.numRows).toBe(fromCsv.length);
		const rows = arrow.toArray().map((r) => r.toJSON());
		expect(rows.map((r) => [r.area_key, r.year, r.value, r.numerator, r.denominator, r.flag])).toEqual(
			fromCsv.map((o) => [o.area_key, o.year, o.value, o.numerator, o.denominator, o.flag])
		);
	});
});
