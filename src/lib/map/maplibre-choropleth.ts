/**
 * Owns one MapLibre map showing area polygons coloured through feature-state, so recolouring after
 * an indicator or year change never re-uploads geometry. Only the two fill layers read
 * feature-state: MapLibre rewrites the paint arrays of every layer that does, for every vertex of
 * every changed area, so hover and selection outlines live in a tiny source of their own (at 20,000
 * areas the two outline layers were most of the recolour time). No basemap, no tiles, no glyphs: nothing is
 * requested from another origin. Load through `import()` only (MapLibre touches `window`).
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection, Geometry } from 'geojson';
import { labelPoint, planarBounds } from './geo';
import { hatchImage, NO_DATA_COLOR, OUTLINE_COLOR, SELECTED_COLOR } from './colors';
import { recolourPaint } from './recolour';

maplibregl.setWorkerUrl(new URL(workerUrl, location.href).href);

export interface AreaStyle {
	color: string | null;
	status: 'value' | 'missing' | 'suppressed';
}

export interface ChoroplethEvents {
	onHover(key: string | null, point: { x: number; y: number } | null): void;
	onSelect(key: string | null): void;
}

const SOURCE = 'areas';
const HIGHLIGHT = 'highlight';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
/** Up to this many areas the label points are computed before the map is built. */
const LABELS_EAGER_MAX = 2000;

function labelFeatures(features: FeatureCollection['features']): FeatureCollection['features'] {
	return features.flatMap((f) => {
		const p = labelPoint(f.geometry);
		return p ? [{ type: 'Feature' as const, properties: { name: (f.properties as { name: string }).name }, geometry: { type: 'Point' as const, coordinates: p } }] : [];
	});
}

/**
 * How `setStyles` hands the colours to MapLibre: one feature-state write per area (paint arrays
 * updated on the main thread) or one data-driven expression per layer (see recolour.ts: the map's
 * worker lays the tiles out again). Both draw the same pixels (tests/e2e/recolour.e2e.ts).
 * feature-state is the default because it measured faster: at 1,000 areas input → drawn p95
 * 1.1 s against 2.7–3.1 s, with the same main-thread time (docs/performance.md, 2026-12-03).
 * The expression path stays for the 20,000-area comparison on a quiet machine.
 */
export type RecolourVia = 'expression' | 'feature-state';

/** The benchmark's switch between the two (set by its init script before the page runs). */
function recolourVia(): RecolourVia {
	return (globalThis as { __benchRecolour?: string }).__benchRecolour === 'expression' ? 'expression' : 'feature-state';
}

export class MaplibreChoropleth {
	readonly map: maplibregl.Map;
	readonly #via: RecolourVia;
	#ready: Promise<void>;
	#keys: string[];
	#features: Map<string, FeatureCollection['features'][number]>;
	#selected: string | null = null;
	#hovered: string | null = null;
	/** The styles last handed to the map, and per area the feature-state it has ("color|status"). */
	#lastStyles: Map<string, AreaStyle> | null = null;
	#stateOf = new Map<string, string>();

	constructor(
		container: HTMLElement,
		areas: FeatureCollection<Geometry, { key: string; name: string }>,
		events: ChoroplethEvents,
		options: { parents?: FeatureCollection; labels?: boolean; locale?: Record<string, string>; recolour?: RecolourVia } = {}
	) {
		this.#via = options.recolour ?? recolourVia();
		const byState = this.#via === 'feature-state';
		this.#keys = areas.features.map((f) => f.properties.key);
		this.#features = new Map(areas.features.map((f) => [f.properties.key, f]));
		// Label points cost ≈ 0.2 ms per area: a city's few hundred at once, thousands after the first
		// coloured map, in slices, so they never hold up the map or an input (labels only show from
		// zoom 10.5 anyway).
		const wantLabels = options.labels !== false;
		const eager = wantLabels && areas.features.length <= LABELS_EAGER_MAX;
		const labelPoints: FeatureCollection = { type: 'FeatureCollection', features: eager ? labelFeatures(areas.features) : [] };
		const [[w, s], [e, n]] = planarBounds(areas);
		this.map = new maplibregl.Map({
			container,
			style: {
				version: 8,
				sources: {
					[SOURCE]: { type: 'geojson', data: areas, promoteId: 'key' },
					parents: { type: 'geojson', data: options.parents ?? { type: 'FeatureCollection', features: [] } },
					labels: { type: 'geojson', data: labelPoints },
					[HIGHLIGHT]: { type: 'geojson', data: EMPTY }
				},
				layers: [
					{ id: 'background', type: 'background', paint: { 'background-color': '#f4f6f8' } },
					{
						id: 'fill',
						type: 'fill',
						source: SOURCE,
						paint: { 'fill-color': byState ? ['coalesce', ['feature-state', 'color'], NO_DATA_COLOR] : NO_DATA_COLOR }
					},
					{
						// fill-pattern can read neither feature-state nor feature properties, fill-opacity
						// can: the hatch layer is always there and only shows where an area is suppressed.
						id: 'suppressed',
						type: 'fill',
						source: SOURCE,
						paint: {
							'fill-pattern': 'hatch',
							'fill-opacity': byState ? ['case', ['==', ['feature-state', 'status'], 'suppressed'], 1, 0] : 0
						}
					},
					{
						id: 'outline',
						type: 'line',
						source: SOURCE,
						paint: { 'line-color': OUTLINE_COLOR, 'line-width': 0.8 }
					},
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
			},
			bounds: [w, s, e, n],
			fitBoundsOptions: { padding: 16 },
			attributionControl: false,
			// MapLibre's own control texts (zoom buttons, map title) in the UI language
			locale: options.locale,
			dragRotate: false,
			pitchWithRotate: false,
			touchPitch: false,
			// Labels appear at once: no 300 ms fade after each recolour or zoom (nothing moves on a
			// projector, and 'idle', which the app and its tests wait for, comes one fade earlier).
			fadeDuration: 0,
			// Needed for PNG export and for reading pixels back in tests.
			canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true }
		});
		this.map.touchZoomRotate.disableRotation();
		this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
		const hatch = hatchImage();
		this.map.addImage('hatch', hatch);

		this.#ready = new Promise((resolve) => this.map.once('load', () => resolve()));
		if (wantLabels && !eager) this.map.once('idle', () => this.#labelsLater(areas.features));

		this.map.on('mousemove', 'fill', (ev) => {
			const key = (ev.features?.[0]?.id as string | undefined) ?? null;
			this.#setHover(key);
			events.onHover(key, { x: ev.point.x, y: ev.point.y });
			this.map.getCanvas().style.cursor = key ? 'pointer' : '';
		});
		this.map.on('mouseleave', 'fill', () => {
			this.#setHover(null);
			events.onHover(null, null);
			this.map.getCanvas().style.cursor = '';
		});
		this.map.on('click', (ev) => {
			const f = this.map.queryRenderedFeatures(ev.point, { layers: ['fill'] })[0];
			events.onSelect((f?.id as string | undefined) ?? null);
		});
	}

	get ready(): Promise<void> {
		return this.#ready;
	}

	/** Recolour every area. Areas missing from `styles` are drawn as no data. */
	async setStyles(styles: Map<string, AreaStyle>) {
		await this.#ready;
		if (styles === this.#lastStyles) return;
		this.#lastStyles = styles;
		if (this.#via === 'expression') {
			const paint = recolourPaint(styles);
			this.map.setPaintProperty('fill', 'fill-color', paint.fillColor);
			this.map.setPaintProperty('suppressed', 'fill-opacity', paint.hatchOpacity);
			return;
		}
		// Only the areas whose colour or status changed: MapLibre rewrites the paint arrays of every
		// feature it is given a state for, equal or not (SourceFeatureState.updateState), and from one
		// year to the next most areas keep their class.
		for (const key of this.#keys) {
			const s = styles.get(key) ?? { color: null, status: 'missing' as const };
			const state = `${s.color}|${s.status}`;
			if (this.#stateOf.get(key) === state) continue;
			this.#stateOf.set(key, state);
			this.map.setFeatureState({ source: SOURCE, id: key }, { color: s.color, status: s.status });
		}
	}

	async setSelected(key: string | null) {
		await this.#ready;
		this.#selected = key;
		this.#drawHighlight();
	}

	#setHover(key: string | null) {
		if (key === this.#hovered) return;
		this.#hovered = key;
		this.#drawHighlight();
	}

	/** The hovered and the selected area (a copy of each, tagged with its role). */
	#drawHighlight() {
		const features = (['hover', 'selected'] as const).flatMap((role) => {
			const f = this.#features.get((role === 'hover' ? this.#hovered : this.#selected) ?? '');
			return f ? [{ ...f, properties: { ...f.properties, role } }] : [];
		});
		(this.map.getSource(HIGHLIGHT) as maplibregl.GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features });
	}

	#destroyed = false;
	#labelsLater(features: FeatureCollection['features']) {
		const done: FeatureCollection['features'] = [];
		let i = 0;
		const slice = () => {
			if (this.#destroyed) return;
			const end = Math.min(i + 500, features.length);
			done.push(...labelFeatures(features.slice(i, end)));
			i = end;
			if (i < features.length) setTimeout(slice, 0);
			else (this.map.getSource('labels') as maplibregl.GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: done });
		};
		setTimeout(slice, 0);
	}

	destroy() {
		this.#destroyed = true;
		this.map.remove();
	}
}

/** WebGL2 is required by MapLibre 6; blocked GPUs and remote desktops often lack it. */
export function hasWebGL2(): boolean {
	try {
		return !!document.createElement('canvas').getContext('webgl2');
	} catch {
		return false;
	}
}
