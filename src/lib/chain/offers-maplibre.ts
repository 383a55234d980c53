/**
 * One MapLibre map of the offers: area outlines as the base, offers as points that cluster where
 * they are dense (GeoJSON source clustering, supercluster), cluster sizes as text drawn with the
 * browser's local fonts (no glyphs URL: nothing is fetched from another origin), no tiles.
 * Load through `import()` only (MapLibre touches `window`).
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection, Point } from 'geojson';
import { planarBounds } from '$lib/map/geo';
import { OUTLINE_COLOR } from '$lib/map/colors';
import { mapContextAttributes, webglSupport } from '$lib/map/webgl-support';

maplibregl.setWorkerUrl(new URL(workerUrl, location.href).href);

/** Okabe–Ito blue for offers; clusters a darker shade so they read as "several". */
export const POINT_COLOR = '#0072b2';
export const CLUSTER_COLOR = '#1d4e89';
export const SELECTED_POINT = '#d55e00';
/** The offer being placed: Okabe–Ito yellow with a dark ring, distinct from both. */
export const DRAFT_POINT = '#f0e442';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export class OffersMaplibre {
	readonly map: maplibregl.Map;
	readonly ready: Promise<void>;

	constructor(
		container: HTMLElement,
		areas: FeatureCollection,
		parents: FeatureCollection | undefined,
		onSelect: (id: string | null) => void,
		/** MapLibre UI texts (zoom buttons, map title) in the UI language. */
		locale?: Record<string, string>
	) {
		const [[w, s], [e, n]] = planarBounds(areas);
		this.map = new maplibregl.Map({
			container,
			style: {
				version: 8,
				sources: {
					areas: { type: 'geojson', data: areas, promoteId: 'key' },
					parents: { type: 'geojson', data: parents ?? EMPTY },
					offers: { type: 'geojson', data: EMPTY, cluster: true, clusterRadius: 36, clusterMaxZoom: 13, promoteId: 'id' },
					// the location of the offer being edited, not yet (or not there) in the inventory
					draft: { type: 'geojson', data: EMPTY }
				},
				layers: [
					{ id: 'background', type: 'background', paint: { 'background-color': '#f4f6f8' } },
					// The area chosen in the filter is tinted, so the points inside it stand out.
					{ id: 'area-fill', type: 'fill', source: 'areas', paint: { 'fill-color': ['case', ['boolean', ['feature-state', 'chosen'], false], '#ffe08a', '#ffffff'] } },
					{ id: 'area-line', type: 'line', source: 'areas', paint: { 'line-color': OUTLINE_COLOR, 'line-width': 0.7 } },
					{ id: 'parent-line', type: 'line', source: 'parents', paint: { 'line-color': '#1a1a1a', 'line-width': 2 } },
					{
						id: 'clusters',
						type: 'circle',
						source: 'offers',
						filter: ['has', 'point_count'],
						paint: {
							'circle-color': CLUSTER_COLOR,
							'circle-radius': ['step', ['get', 'point_count'], 12, 5, 16, 15, 21],
							'circle-stroke-color': '#ffffff',
							'circle-stroke-width': 2
						}
					},
					{
						id: 'cluster-count',
						type: 'symbol',
						source: 'offers',
						filter: ['has', 'point_count'],
						layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-size': 13, 'text-allow-overlap': true },
						paint: { 'text-color': '#ffffff' }
					},
					{
						id: 'points',
						type: 'circle',
						source: 'offers',
						filter: ['!', ['has', 'point_count']],
						paint: {
							'circle-color': ['case', ['boolean', ['feature-state', 'selected'], false], SELECTED_POINT, POINT_COLOR],
							'circle-radius': ['case', ['boolean', ['feature-state', 'selected'], false], 9, 6],
							'circle-stroke-color': '#ffffff',
							'circle-stroke-width': 1.5
						}
					},
					{
						id: 'draft',
						type: 'circle',
						source: 'draft',
						paint: { 'circle-color': DRAFT_POINT, 'circle-radius': 9, 'circle-stroke-color': '#1a1a1a', 'circle-stroke-width': 3 }
					}
				]
			},
			bounds: [w, s, e, n],
			fitBoundsOptions: { padding: 16 },
			attributionControl: false,
			locale,
			dragRotate: false,
			pitchWithRotate: false,
			touchPitch: false,
			canvasContextAttributes: mapContextAttributes(webglSupport())
		});
		this.map.touchZoomRotate.disableRotation();
		this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
		this.ready = new Promise((resolve) => this.map.once('load', () => resolve()));
		this.map.on('click', async (ev) => {
			// placing an offer: the click is a location, not a selection
			if (this.#onPick) return this.#onPick([ev.lngLat.lng, ev.lngLat.lat]);
			const [hit] = this.map.queryRenderedFeatures(ev.point, { layers: ['clusters', 'points'] });
			if (!hit) return onSelect(null);
			const clusterId = hit.properties?.cluster_id as number | undefined;
			if (clusterId === undefined) return onSelect(String(hit.properties?.id ?? ''));
			// A cluster: zoom to where it splits up.
			const src = this.map.getSource('offers') as maplibregl.GeoJSONSource;
			const zoom = await src.getClusterExpansionZoom(clusterId);
			this.map.easeTo({ center: (hit.geometry as Point).coordinates as [number, number], zoom });
		});
		for (const layer of ['clusters', 'points']) {
			this.map.on('mouseenter', layer, () => (this.map.getCanvas().style.cursor = this.#onPick ? 'crosshair' : 'pointer'));
			this.map.on('mouseleave', layer, () => (this.map.getCanvas().style.cursor = this.#onPick ? 'crosshair' : ''));
		}
	}

	async setOffers(data: FeatureCollection<Point>): Promise<void> {
		await this.ready;
		const src = this.map.getSource('offers') as maplibregl.GeoJSONSource;
		await src.setData(data);
	}

	#selected: string | null = null;
	async setSelected(id: string | null): Promise<void> {
		await this.ready;
		if (this.#selected) this.map.setFeatureState({ source: 'offers', id: this.#selected }, { selected: false });
		this.#selected = id;
		if (id) this.map.setFeatureState({ source: 'offers', id }, { selected: true });
	}

	#area: string | null = null;
	async setArea(key: string | null): Promise<void> {
		await this.ready;
		if (this.#area) this.map.setFeatureState({ source: 'areas', id: this.#area }, { chosen: false });
		this.#area = key;
		if (key) this.map.setFeatureState({ source: 'areas', id: key }, { chosen: true });
	}

	#onPick: ((lonLat: [number, number]) => void) | null = null;
	/** While set, a click on the map reports its location instead of selecting an offer. */
	setPicking(onPick: ((lonLat: [number, number]) => void) | null) {
		this.#onPick = onPick;
		this.map.getCanvas().style.cursor = onPick ? 'crosshair' : '';
	}

	async setDraft(lonLat: [number, number] | null): Promise<void> {
		await this.ready;
		const data: FeatureCollection = lonLat ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: lonLat } }] } : EMPTY;
		await (this.map.getSource('draft') as maplibregl.GeoJSONSource).setData(data);
	}

	/** Centre on an offer, close enough that it is no longer in a cluster. */
	flyTo(lonLat: [number, number]) {
		this.map.easeTo({ center: lonLat, zoom: Math.max(this.map.getZoom(), 14) });
	}

	destroy() {
		this.map.remove();
	}
}
