/**
 * A chart's <svg> as standalone markup. Component stylesheets do not travel with serialized markup,
 * so the computed styles are written inline (only what differs from what the element would inherit
 * anyway, to keep files small); class names, ARIA and interaction attributes go, because outside
 * the app they mean nothing and the figure carries its own title and description.
 */
import type { ChartGraphic } from './chart-figure-layout';

/** Presentation properties worth copying; everything else keeps the SVG default. */
export const STYLE_PROPS = [
	'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-opacity',
	'stroke-linecap', 'stroke-linejoin', 'paint-order', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style',
	'text-anchor', 'dominant-baseline', 'visibility', 'display'
] as const;

/** Initial values: at the root, a property equal to these need not be written. */
const INITIAL: Record<string, string> = {
	fill: 'rgb(0, 0, 0)', 'fill-opacity': '1', 'fill-rule': 'nonzero', stroke: 'none', 'stroke-width': '1px',
	'stroke-dasharray': 'none', 'stroke-dashoffset': '0px', 'stroke-opacity': '1', 'stroke-linecap': 'butt',
	'stroke-linejoin': 'miter', 'paint-order': 'normal', opacity: '1', 'font-style': 'normal', 'font-weight': '400',
	'text-anchor': 'start', 'dominant-baseline': 'auto', visibility: 'visible'
};
/** Not inherited: compared with the initial value, never with the parent's. */
const OWN = new Set(['opacity', 'display']);

/**
 * The inline declarations for one element, given its computed values and its parent's (null at the
 * root). Inherited properties are written only where they change; `display` only when it hides.
 */
export function styleDeclarations(values: Record<string, string>, parent: Record<string, string> | null): string[] {
	const decl: string[] = [];
	for (const p of STYLE_PROPS) {
		const v = values[p];
		if (v === undefined || v === '') continue;
		if (p === 'display') {
			if (v === 'none') decl.push('display:none');
			continue;
		}
		const reference = parent && !OWN.has(p) ? parent[p] : INITIAL[p];
		if (v !== reference) decl.push(`${p}:${v}`);
	}
	return decl;
}

/** Attributes that only make sense inside the app (styling hooks, ARIA, focus, test ids). */
export function isAppAttribute(name: string): boolean {
	return name === 'class' || name === 'style' || name === 'tabindex' || name === 'role' || name.startsWith('aria-') || name.startsWith('data-') || name.startsWith('on');
}

function inline(source: Element, clone: Element, parent: Record<string, string> | null) {
	const style = getComputedStyle(source);
	const values: Record<string, string> = {};
	for (const p of STYLE_PROPS) values[p] = style.getPropertyValue(p);
	for (const a of [...clone.attributes]) if (isAppAttribute(a.name)) clone.removeAttribute(a.name);
	const decl = styleDeclarations(values, parent);
	if (decl.length > 0) clone.setAttribute('style', decl.join(';'));
	for (let i = 0; i < source.children.length; i++) inline(source.children[i], clone.children[i], values);
}

/** The chart as standalone markup at its viewBox size (or its drawn size without a viewBox). */
export function chartGraphic(svg: SVGSVGElement): ChartGraphic {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	inline(svg, clone, null);
	const vb = svg.viewBox.baseVal;
	const box = vb && vb.width > 0 ? { width: vb.width, height: vb.height } : { width: svg.clientWidth, height: svg.clientHeight };
	if (!(vb && vb.width > 0)) clone.setAttribute('viewBox', `0 0 ${box.width} ${box.height}`);
	clone.removeAttribute('width');
	clone.removeAttribute('height');
	return { markup: new XMLSerializer().serializeToString(clone), ...box };
}

/**
 * Markup the app rendered for export already (presentation attributes only, e.g. MapFigure) as a
 * graphic: app attributes removed, own width/height dropped in favour of the viewBox.
 */
export function graphicFromMarkup(markup: string): ChartGraphic {
	const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
	const svg = doc.documentElement;
	if (svg.nodeName !== 'svg') throw new Error('Keine SVG-Grafik.');
	for (const el of [svg, ...svg.querySelectorAll('*')]) {
		for (const a of [...el.attributes]) if (a.name !== 'style' && isAppAttribute(a.name)) el.removeAttribute(a.name);
	}
	const [, , width, height] = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
	if (!(width > 0 && height > 0)) throw new Error('Die Grafik hat keine viewBox.');
	svg.removeAttribute('width');
	svg.removeAttribute('height');
	return { markup: new XMLSerializer().serializeToString(svg), width, height };
}
