/**
 * The choropleth's MapLibre style with and without zoom bands, checked with MapLibre's own style
 * validator, on bands the build step really writes (prepareServedPackage on a generated package).
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { prepareServedPackage } from '../../../pipelines/serve/prepare';
import { renderScalePackage } from '../../../pipelines/scale/package';
import { geometryBands } from '$lib/data/geometry-bands';
import type { PackageDescriptor } from '$lib/data/types';
import { bandAt, bandLayer, choroplethStyle, mapBands, type MapBand } from './choropleth-style';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const areas: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { key: '01', name: 'A' }, geometry: { type: 'Polygon', coordinates: [[[7, 51], [7.01, 51], [7.01, 51.01], [7, 51]]] } }] };

const layerIds = (s: StyleSpecification) => s.layers.map((l) => l.id);
const visibleFills = (s: StyleSpecification, zoom: number) =>
	s.layers.filter((l) => l.type === 'fill' && l.id.startsWith('fill') && (l.minzoom === undefined || zoom >= l.minzoom) && (l.maxzoom === undefined || zoom < l.maxzoom)).map((l) => l.id);

describe('choroplethStyle without bands', () => {
	const style = choroplethStyle({ bands: [{ data: areas }], parents: EMPTY, labels: EMPTY, byState: true });

	it('is the map it always was: one areas source with the default tolerance, the same layers', () => {
		expect(validateStyleMin(style)).toEqual([]);
		expect(Object.keys(style.sources)).toEqual(['areas', 'parents', 'labels', 'highlight']);
		expect(style.sources.areas).toEqual({ type: 'geojson', data: areas, promoteId: 'key' });
		expect(layerIds(style)).toEqual(['background', 'fill', 'suppressed', 'outline', 'parent-outline', 'hover', 'selected', 'labels']);
		expect(style.layers.some((l) => l.id !== 'labels' && ('minzoom' in l || 'maxzoom' in l))).toBe(false);
	});
});

describe('choroplethStyle with the bands the build writes', () => {
	let descriptor: PackageDescriptor;
	let served: string;
	let bands: MapBand[];
	let original: FeatureCollection;

	beforeAll(async () => {
		const dir = await mkdtemp(join(tmpdir(), 'bands-pkg-'));
		for (const [path, text] of Object.entries(renderScalePackage({ areas: 130, indicators: 2, years: 2, detail: 8 }))) {
			await mkdir(dirname(join(dir, path)), { recursive: true });
			await writeFile(join(dir, path), text);
		}
		served = await mkdtemp(join(tmpdir(), 'bands-served-'));
		const report = await prepareServedPackage(dir, served, { simplifyMinAreas: 100 });
		expect(report.geometryBands).toHaveLength(1);
		descriptor = JSON.parse(await readFile(join(served, 'datapackage.json'), 'utf8'));
		const path = descriptor.sozialraum.levels[0].path;
		original = JSON.parse(await readFile(join(served, path), 'utf8'));
		bands = mapBands(original, path, geometryBands(descriptor, path), (p) => `http://127.0.0.1/data/${p}`);
	}, 60_000);

	it('writes bands only for the level above the threshold, the original file last', () => {
		const levels = descriptor.sozialraum.levels;
		expect(Object.keys(descriptor.sozialraum.geometry_bands ?? {})).toEqual([levels[0].path]);
		const list = geometryBands(descriptor, levels[0].path);
		expect(list.map((b) => [b.min_zoom, b.max_zoom])).toEqual([[null, 10], [10, 12], [12, null]]);
		expect(list.at(-1)!.path).toBe(levels[0].path);
		expect(list.at(-1)!.tolerance_px).toBe(0);
	});

	it('keeps every area in every band file, by key', async () => {
		const keys = original.features.map((f) => f.properties!.key);
		for (const b of geometryBands(descriptor, descriptor.sozialraum.levels[0].path).slice(0, -1)) {
			const fc = JSON.parse(await readFile(join(served, b.path), 'utf8')) as FeatureCollection;
			expect(fc.features.map((f) => f.properties!.key)).toEqual(keys);
		}
	});

	it('is a valid style: one source per band without a second simplification, one fill drawn at any zoom', () => {
		const style = choroplethStyle({ bands, parents: EMPTY, labels: EMPTY, byState: true });
		expect(validateStyleMin(style)).toEqual([]);
		expect(style.sources['areas']).toMatchObject({ type: 'geojson', promoteId: 'key', tolerance: 0, data: `http://127.0.0.1/data/${geometryBands(descriptor, descriptor.sozialraum.levels[0].path)[0].path}` });
		expect(style.sources['areas-1']).toMatchObject({ tolerance: 0, promoteId: 'key' });
		// the deepest band draws the object already in memory, not a second download
		expect((style.sources['areas-2'] as { data: unknown }).data).toBe(original);
		for (let z = 0; z <= 22; z += 0.25) expect(visibleFills(style, z)).toEqual([bandLayer('fill', bandAt(bands, z))]);
		expect([bandAt(bands, 9.6), bandAt(bands, 10), bandAt(bands, 11.9), bandAt(bands, 12), bandAt(bands, 16)]).toEqual([0, 1, 1, 2, 2]);
		// fills under hatches under outlines, all below the Stadtbezirk borders
		expect(layerIds(style).slice(0, 11)).toEqual(['background', 'fill', 'fill-1', 'fill-2', 'suppressed', 'suppressed-1', 'suppressed-2', 'outline', 'outline-1', 'outline-2', 'parent-outline']);
	});

	it('falls back to the original alone when the site lacks a band file', () => {
		const path = descriptor.sozialraum.levels[0].path;
		expect(mapBands(original, path, geometryBands(descriptor, path), () => null)).toEqual([{ data: original }]);
		expect(mapBands(original, path, [], () => 'x')).toEqual([{ data: original }]);
	});
});
