/**
 * The MapLibre style of the choropleth, as data (no MapLibre import, so a spec can validate it).
 *
 * Zoom bands: a level with many areas comes with simplified copies of its geometry
 * (pipelines/serve/simplify.ts). Each band is a GeoJSON source of its own whose fill, hatch and
 * outline layers show only in the band's zoom range, so MapLibre draws (and recolours, and lays
 * out) the vertices of one band at a time. A band's source sets geojson-vt's `tolerance` to 0: the
 * band is already simplified with the topology kept, and geojson-vt's own per-ring simplification
 * would take neighbours' shared boundaries apart again. Without bands the style is the one the map
 * always had (one source, default tolerance).
 */
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { GeometryBand } from '$lib/data/types';
import { NO_DATA_COLOR, OUTLINE_COLOR, SELECTED_COLOR } from './colors';

/** One band's data (an object, or a same-origin URL MapLibre fetches in its worker) and zoom range. */
export interface MapBand {
	data: string | FeatureCollection;
	minzoom?: number;
	maxzoom?: number;
}

export const HIGHLIGHT = 'highlight';

/** Source of band i: band 0 keeps the name the map always used. */
export function bandSource(i: number): string {
	return i === 0 ? 'areas' : `areas-${i}`;
}

/** Layer of band i: band 0 keeps the ids tests and the export know ('fill', 'suppressed', 'outline'). */
export function bandLayer(kind: 'fill' | 'suppressed' | 'outline', i: number): string {
	return i === 0 ? kind : `${kind}-${i}`;
}

/** Index of the band drawn at a zoom (MapLibre: minzoom inclusive, maxzoom exclusive). */
export function bandAt(bands: readonly MapBand[], zoom: number): number {
	const i = bands.findIndex((b) => (b.minzoom === undefined || zoom >= b.minzoom) && (b.maxzoom === undefined || zoom < b.maxzoom));
	return i < 0 ? 0 : i;
}

/**
 * The map's bands for a geometry file: the build's bands (the original file among them, drawn from
 * the object already in memory), or the original alone. `url` resolves a band file of the package.
 */
export function mapBands(areas: FeatureCollection, originalPath: string | null, bands: readonly GeometryBand[], url: (path: string) => string | null): MapBand[] {
	const out: MapBand[] = [];
	for (const b of bands) {
		const data = b.path === originalPath ? areas : url(b.path);
		// a band file the site does not have: draw the original instead of nothing
		if (!data) return [{ data: areas }];
		out.push({ data, ...(b.min_zoom !== null ? { minzoom: b.min_zoom } : {}), ...(b.max_zoom !== null ? { maxzoom: b.max_zoom } : {}) });
	}
	return out.length > 0 ? out : [{ data: areas }];
}

export function choroplethStyle(o: { bands: readonly MapBand[]; parents: FeatureCollection; labels: FeatureCollection; byState: boolean }): StyleSpecification {
	const banded = o.bands.length > 1;
	const zoom = (b: MapBand) => ({ ...(b.minzoom !== undefined ? { minzoom: b.minzoom } : {}), ...(b.maxzoom !== undefined ? { maxzoom: b.maxzoom } : {}) });
	const sources: StyleSpecification['sources'] = {};
	o.bands.forEach((b, i) => {
		sources[bandSource(i)] = { type: 'geojson', data: b.data as GeoJSONSourceSpecification['data'], promoteId: 'key', ...(banded ? { tolerance: 0 } : {}) };
	});
	const fills = o.bands.map((b, i): LayerSpecification => ({
		id: bandLayer('fill', i),
		type: 'fill',
		source: bandSource(i),
		...zoom(b),
		paint: { 'fill-color': o.byState ? ['coalesce', ['feature-state', 'color'], NO_DATA_COLOR] : NO_DATA_COLOR }
	}));
	// fill-pattern can read neither feature-state nor feature properties, fill-opacity can: the
	// hatch layer is always there and only shows where an area is suppressed.
	const hatches = o.bands.map((b, i): LayerSpecification => ({
		id: bandLayer('suppressed', i),
		type: 'fill',
		source: bandSource(i),
		...zoom(b),
		paint: {
			'fill-pattern': 'hatch',
			'fill-opacity': o.byState ? ['case', ['==', ['feature-state', 'status'], 'suppressed'], 1, 0] : 0
		}
	}));
	const outlines = o.bands.map((b, i): LayerSpecification => ({
		id: bandLayer('outline', i),
		type: 'line',
		source: bandSource(i),
		...zoom(b),
		paint: { 'line-color': OUTLINE_COLOR, 'line-width': 0.8 }
	}));
	return {
		version: 8,
		sources: {
			...sources,
			parents: { type: 'geojson', data: o.parents },
			labels: { type: 'geojson', data: o.labels },
			[HIGHLIGHT]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }
		},
		layers: [
			{ id: 'background', type: 'background', paint: { 'background-color': '#f4f6f8' } },
			...fills,
			...hatches,
			...outlines,
			{
				// Stadtbezirk borders drawn over the Sozialräume: planners read the map by Bezirk.
				id: 'parent-outline',
				type: 'line',
				source: 'parents',
				paint: { 'line-color': '#1a1a1a', 'line-width': 2.2 }
			},
			{
				id: 'hover',
				type: 'line',
				source: HIGHLIGHT,
				filter: ['==', ['get', 'role'], 'hover'],
				paint: { 'line-color': SELECTED_COLOR, 'line-width': 2 }
			},
			{
				id: 'selected',
				type: 'line',
				source: HIGHLIGHT,
				filter: ['==', ['get', 'role'], 'selected'],
				paint: { 'line-color': SELECTED_COLOR, 'line-width': 3.5 }
			},
			{
				// Rendered with the browser's local fonts: the style has no glyphs URL, so no font
				// is fetched from anywhere.
				id: 'labels',
				type: 'symbol',
				source: 'labels',
				minzoom: 10.5,
				layout: {
					'text-field': ['get', 'name'],
					'text-size': 11,
					'text-max-width': 7,
					'text-padding': 1
				},
				paint: { 'text-color': '#111111', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 }
			}
		]
	};
}
