/**
 * Text widths for laying out SVG figures (SVG has no line wrapping). A canvas measures with the
 * fonts the browser will draw with; without a DOM (unit specs, prerendering) a rough estimate of
 * 0.55 em per character keeps the layout usable.
 */
import type { Measure } from '$lib/export/figure-layout';

let ctx: CanvasRenderingContext2D | null | undefined;

export const estimate: Measure = (text, font) => text.length * Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 16) * 0.55;

export function textMeasure(): Measure {
	if (ctx === undefined) ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
	const c = ctx;
	if (!c) return estimate;
	return (text, font) => {
		c.font = font;
		return c.measureText(text).width;
	};
}
