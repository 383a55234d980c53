/**
 * The map as a picture for exports. Two ways, same colours: the live MapLibre canvas (drawn with
 * preserveDrawingBuffer, read after the map went `idle` so it is complete), or the SVG choropleth
 * (Map.svg.svelte inside MapFigure.svelte) rendered off-screen and rasterised — used without WebGL, for slides, and when the
 * canvas comes back empty (a lost WebGL context must never give a blank export).
 */
import { flushSync, mount, unmount } from 'svelte';
import type { FeatureCollection, Geometry } from 'geojson';
import type { AreaProperties } from '$lib/data/types';
import type { AreaStyle } from '$lib/map/maplibre-choropleth';
import MapFigure from './MapFigure.svelte';
import { isBlank } from './figure-layout';

interface MaplibreLike {
	getCanvas(): HTMLCanvasElement;
	once(type: 'idle', listener: () => void): unknown;
	triggerRepaint(): void;
}

function liveMap(): MaplibreLike | null {
	// ChoroplethMap exposes its MapLibre map here (for tests and for this export).
	return (window as unknown as { __sozialraumMap?: MaplibreLike }).__sozialraumMap ?? null;
}

/** Resolve when the map has rendered everything, or after `timeout` ms (an export must not hang). */
function idle(map: MaplibreLike, timeout = 5000): Promise<void> {
	return new Promise((resolve) => {
		const timer = setTimeout(resolve, timeout);
		map.once('idle', () => {
			clearTimeout(timer);
			resolve();
		});
		map.triggerRepaint();
	});
}

/** A small copy of a drawable, to tell whether it holds anything but one colour. */
export function looksBlank(source: CanvasImageSource, w: number, h: number): boolean {
	const probe = document.createElement('canvas');
	probe.width = 96;
	probe.height = Math.max(1, Math.round((96 * h) / Math.max(1, w)));
	const ctx = probe.getContext('2d', { willReadFrequently: true })!;
	ctx.drawImage(source, 0, 0, probe.width, probe.height);
	return isBlank(ctx.getImageData(0, 0, probe.width, probe.height).data);
}

/** The live MapLibre canvas inside `container` once idle; null without WebGL or when it is empty. */
export async function liveMapCanvas(container: HTMLElement | undefined): Promise<HTMLCanvasElement | null> {
	const canvas = container?.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas');
	if (!canvas) return null;
	const map = liveMap();
	if (map && map.getCanvas() === canvas) await idle(map);
	return looksBlank(canvas, canvas.width, canvas.height) ? null : canvas;
}

export interface SvgMapInput {
	areas: FeatureCollection<Geometry, AreaProperties>;
	parents?: FeatureCollection<Geometry, AreaProperties>;
	styles: Map<string, AreaStyle>;
	selected: string | null;
	label: string;
	width: number;
	height: number;
}

/** Standalone SVG markup of the choropleth, rendered by the same components the app shows. */
export function mapSvgMarkup(input: SvgMapInput): string {
	const target = document.createElement('div');
	const component = mount(MapFigure, { target, props: input });
	try {
		flushSync();
		return new XMLSerializer().serializeToString(target.querySelector('svg')!);
	} finally {
		unmount(component);
	}
}

/** Decode SVG markup into an image that can be drawn onto a canvas (blob: URL, allowed by the CSP). */
export async function svgToImage(markup: string): Promise<HTMLImageElement> {
	const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.src = url;
		await img.decode();
		return img;
	} finally {
		URL.revokeObjectURL(url);
	}
}
