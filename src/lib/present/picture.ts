/**
 * Pictures of drawn slides for the PPTX: the slide's own SVG (the same component the projector
 * shows, mounted off-screen), rasterised through a canvas at 2× for a sharp picture on a projector.
 * SVG from a blob: URL (allowed by the CSP), system fonts only, no request leaves the page. Maps go
 * through the atlas export's figure (map + large legend), like atlas slides always did.
 */
import { flushSync, mount, unmount, type Component } from 'svelte';
import { drawFigure } from '$lib/export/figure';
import { mapSvgMarkup, svgToImage } from '$lib/export/map-image';
import ProfileFigure from './ProfileFigure.svelte';
import TargetFigure from './TargetFigure.svelte';
import type { SlideBody } from './content';

export interface Picture {
	/** PNG as a data URL. */
	data: string;
	w: number;
	h: number;
}

/** Standalone markup of a component whose root element is an <svg> with width and height. */
export function componentSvgMarkup<P extends Record<string, unknown>>(component: Component<P>, props: P): string {
	const target = document.createElement('div');
	const instance = mount(component, { target, props });
	try {
		flushSync();
		const svg = target.querySelector('svg');
		if (!svg) throw new Error('no SVG');
		return new XMLSerializer().serializeToString(svg);
	} finally {
		unmount(instance);
	}
}

/** Size in user units from the root element's width/height attributes. */
export function svgSize(markup: string): { w: number; h: number } {
	const root = /<svg\b[^>]*>/.exec(markup)?.[0] ?? '';
	const w = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
	const h = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
	if (!(w > 0 && h > 0)) throw new Error('SVG without size');
	return { w, h };
}

/** Rasterise at `scale`, with a white margin (in SVG units) so the figure does not touch the picture's edge. */
export async function svgPicture(markup: string, scale = 2, margin = 20): Promise<Picture> {
	const { w, h } = svgSize(markup);
	const image = await svgToImage(markup);
	const canvas = document.createElement('canvas');
	canvas.width = Math.round((w + 2 * margin) * scale);
	canvas.height = Math.round((h + 2 * margin) * scale);
	const ctx = canvas.getContext('2d')!;
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	ctx.drawImage(image, margin * scale, margin * scale, w * scale, h * scale);
	return { data: canvas.toDataURL('image/png'), w: canvas.width, h: canvas.height };
}

/** The picture of a slide's drawn view. */
export async function bodyPicture(body: SlideBody): Promise<Picture> {
	if (body.type === 'map') {
		const w = 1000;
		const h = 750;
		const markup = mapSvgMarkup({ areas: body.areas, parents: body.parents, styles: body.styles, selected: body.selected, label: body.label, width: w, height: h });
		const { canvas } = drawFigure({ map: { image: await svgToImage(markup), w, h }, legend: body.legend, legendWidth: 380, scale: 2 });
		return { data: canvas.toDataURL('image/png'), w: canvas.width, h: canvas.height };
	}
	if (body.type === 'profile') {
		const { type: _type, ...props } = body;
		return svgPicture(componentSvgMarkup(ProfileFigure, props));
	}
	const { type: _type, ...props } = body;
	return svgPicture(componentSvgMarkup(TargetFigure, props));
}
