/**
 * Owns one MapLibre map showing area polygons coloured through feature-state, so recolouring after
 * an indicator or year change never re-uploads geometry. Only the two fill layers read
 * feature-state: MapLibre rewrites the paint arrays of every layer that does, for every vertex of
 * every changed area, so hover and selection outlines live in a tiny source of their own (at 20,000
 * areas the two outline layers were most of the recolour time). No basemap, no tiles, no glyphs: nothing is
 * requested from another origin. Load through `import()` only (MapLibre touches `window`).
 * A level with many areas may come in zoom bands of simplified geometry (choropleth-style.ts):
 * then only the band in view gets the feature-states, and a band gets them when it comes into view.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection, Geometry } from 'geojson';
import { labelPoint, planarBounds } from './geo';
import { mapContextAttributes, webglSupport } from './webgl-support';
import { hatchImage } from './colors';
import { recolourPaint } from './recolour';
import { bandAt, bandLayer, bandSource, choroplethStyle, HIGHLIGHT, type MapBand } from './choropleth-style';

export type { MapBand };

maplibregl.setWorkerUrl(new URL(workerUrl, location.href).href);

export interface AreaStyle {
	color: string | null;
	status: 'value' | 'missing' | 'suppressed';
}

export interface ChoroplethEvents {
	onHover(key: string | null, point: { x: number; y: number } | null): void;
	onSelect(key: string | null): void;
}

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

/** The benchmark's switch to draw the original geometry at every zoom (bands measured against none). */
function benchWithoutBands(): boolean {
	return (globalThis as { __benchBands?: string }).__benchBands === 'off';
}

export class MaplibreChoropleth {
	readonly map: maplibregl.Map;
	readonly #via: RecolourVia;
	#ready: Promise<void>;
	#keys: string[];
	#features: Map<string, FeatureCollection['features'][number]>;
	#selected: string | null = null;
	#hovered: string | null = null;
	/** Geometry per zoom band (one band: the areas as given). */
	readonly #bands: MapBand[];
	readonly #fillLayers: string[];
	/** The styles last handed to the map, and per band and area the feature-state it has ("color|status"): feature-state is per source. */
	#lastStyles: Map<string, AreaStyle> | null = null;
	#stateOf = new Map<number, Map<string, string>>();

	constructor(
		container: HTMLElement,
		areas: FeatureCollection<Geometry, { key: string; name: string }>,
		events: ChoroplethEvents,
		options: { parents?: FeatureCollection; labels?: boolean; locale?: Record<string, string>; recolour?: RecolourVia; bands?: MapBand[] } = {}
	) {
		this.#bands = options.bands && options.bands.length > 0 && !benchWithoutBands() ? options.bands : [{ data: areas }];
		this.#fillLayers = this.#bands.map((_, i) => bandLayer('fill', i));
		this.#via = options.recolour ?? recolourVia();
		const byState = this.#via === 'feature-state';
		this.#keys = areas.features.map((f) => f.properties.key);
		this.#features = new Map(areas.features.map((f) => [f.properties.key, f]));
		// Label points cost ≈ 0.02 ms per area (polylabel, geo.ts): a city's few hundred at once,
		// thousands after the first coloured map, in slices, so they never hold up the map or an
		// input (labels only show from zoom 10.5 anyway).
		const wantLabels = options.labels !== false;
		const eager = wantLabels && areas.features.length <= LABELS_EAGER_MAX;
		const labelPoints: FeatureCollection = { type: 'FeatureCollection', features: eager ? labelFeatures(areas.features) : [] };
		const [[w, s], [e, n]] = planarBounds(areas);
		this.map = new maplibregl.Map({
			container,
			style: choroplethStyle({ bands: this.#bands, parents: options.parents ?? { type: 'FeatureCollection', features: [] }, labels: labelPoints, byState }) as maplibregl.StyleSpecification,
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
			// The drawing buffer is kept for PNG export and for reading pixels back in tests;
			// antialiasing only on a GPU (webgl-support.ts: on the CPU it costs ≈ 45 % of a frame).
			canvasContextAttributes: mapContextAttributes(webglSupport())
		});
		this.map.touchZoomRotate.disableRotation();
		this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
		const hatch = hatchImage();
		this.map.addImage('hatch', hatch);

		// Sources and layers exist once the style is loaded, before the first tiles are laid out:
		// feature-states set then are in the first frame the map draws (MapLibre gives a tile the
		// states when it arrives), instead of a frame without colours followed by a recolour.
		this.#ready = new Promise((resolve) => this.map.once('style.load', () => resolve()));
		if (wantLabels && !eager) this.map.once('idle', () => this.#labelsLater(areas.features));

		// A band's feature-states are written when it comes into view (see setStyles).
		if (this.#bands.length > 1) this.map.on('zoom', () => this.#applyToVisibleBand());

		this.map.on('mousemove', this.#fillLayers, (ev) => {
			const key = (ev.features?.[0]?.id as string | undefined) ?? null;
			this.#setHover(key);
			events.onHover(key, { x: ev.point.x, y: ev.point.y });
			this.map.getCanvas().style.cursor = key ? 'pointer' : '';
		});
		this.map.on('mouseleave', this.#fillLayers, () => {
			this.#setHover(null);
			events.onHover(null, null);
			this.map.getCanvas().style.cursor = '';
		});
		this.map.on('click', (ev) => {
			const f = this.map.queryRenderedFeatures(ev.point, { layers: this.#fillLayers })[0];
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
			this.#bands.forEach((_, i) => {
				this.map.setPaintProperty(bandLayer('fill', i), 'fill-color', paint.fillColor);
				this.map.setPaintProperty(bandLayer('suppressed', i), 'fill-opacity', paint.hatchOpacity);
			});
			return;
		}
		this.#applyToVisibleBand();
	}

	/**
	 * Only the band drawn now gets the states (writing every band's would multiply a recolour's
	 * main-thread work by the number of bands; a band coming into view catches up on zoom), and of
	 * it only the areas whose colour or status changed: MapLibre rewrites the paint arrays of every
	 * feature it is given a state for, equal or not (SourceFeatureState.updateState), and from one
	 * year to the next most areas keep their class.
	 */
	#applyToVisibleBand() {
		const styles = this.#lastStyles;
		if (!styles) return;
		const band = bandAt(this.#bands, this.map.getZoom());
		const source = bandSource(band);
		let stateOf = this.#stateOf.get(band);
		if (!stateOf) this.#stateOf.set(band, (stateOf = new Map()));
		for (const key of this.#keys) {
			const s = styles.get(key) ?? { color: null, status: 'missing' as const };
			const state = `${s.color}|${s.status}`;
			if (stateOf.get(key) === state) continue;
			stateOf.set(key, state);
			this.map.setFeatureState({ source, id: key }, { color: s.color, status: s.status });
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

/**
 * Create MapLibre's workers now (fetching and compiling the worker script takes ≈ 0.2–0.5 s on a
 * slow machine), before the first map needs them; they are kept for every later map of the page.
 */
export function prewarmMap(): void {
	maplibregl.prewarm();
}

/** WebGL2 is required by MapLibre 6; blocked GPUs and remote desktops often lack it (webgl-support.ts). */
export function hasWebGL2(): boolean {
	return webglSupport().available;
}
