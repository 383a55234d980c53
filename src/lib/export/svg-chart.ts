/**
 * Any chart on screen as a standalone SVG file: the chart's <svg> with its computed styles written
 * inline (component stylesheets do not travel with the markup), framed by a title above and source /
 * Datenstand below, so the graphic is still self-explaining when it lands in a report.
 */
import { FONT } from './figure-layout';

/** Presentation properties worth copying; everything else keeps the SVG default. */
const PROPS = [
	'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linecap',
	'stroke-linejoin', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor',
	'dominant-baseline', 'visibility', 'display'
];

export function escapeXml(s: string): string {
	return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export interface KeyItem {
	label: string;
	color: string;
	/** SVG stroke-dasharray, e.g. "6 3" for a dashed line. */
	dash?: string;
}

export interface Frame {
	title: string;
	subtitle?: string;
	/** What the lines mean (the on-screen key is HTML outside the chart's <svg>). */
	key?: KeyItem[];
	footer: string[];
}

const LINE = 18;

/**
 * Wrap serialized chart markup (`inner`, an <svg> element with its own viewBox) into a larger SVG
 * with title, subtitle, key and footer lines. Pure, so it is tested without a DOM.
 */
export function frameSvg(inner: string, box: { width: number; height: number }, frame: Frame): string {
	const pad = 12;
	const width = box.width + 2 * pad;
	const top = pad + 26 + (frame.subtitle ? LINE : 0) + 8;
	const below = top + box.height + pad;
	const keyHeight = frame.key?.length ? LINE + 6 : 0;
	const height = below + keyHeight + frame.footer.length * LINE + pad;
	const nested = inner.replace(/^<svg\b/, `<svg x="${pad}" y="${top}" width="${box.width}" height="${box.height}"`);
	let x = pad;
	const key = (frame.key ?? [])
		.map((k) => {
			const y = below + 12;
			const item =
				`<line x1="${x}" x2="${x + 26}" y1="${y - 4}" y2="${y - 4}" stroke="${escapeXml(k.color)}" stroke-width="3"${k.dash ? ` stroke-dasharray="${escapeXml(k.dash)}"` : ''}/>` +
				`<text x="${x + 32}" y="${y}" font-size="13" fill="#1a1a1a">${escapeXml(k.label)}</text>`;
			x += 32 + k.label.length * 7.5 + 24;
			return item;
		})
		.join('');
	const footer = frame.footer
		.map((line, i) => `<text x="${pad}" y="${below + keyHeight + (i + 1) * LINE - 4}" font-size="12" fill="#4d4d4d">${escapeXml(line)}</text>`)
		.join('');
	const subtitle = frame.subtitle ? `<text x="${pad}" y="${pad + 26 + LINE - 4}" font-size="13" fill="#4d4d4d">${escapeXml(frame.subtitle)}</text>` : '';
	return (
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${FONT}'>` +
		`<title>${escapeXml(frame.title)}</title>` +
		`<rect width="100%" height="100%" fill="#ffffff"/>` +
		`<text x="${pad}" y="${pad + 18}" font-size="17" font-weight="700" fill="#1a1a1a">${escapeXml(frame.title)}</text>` +
		subtitle +
		nested +
		key +
		footer +
		`</svg>\n`
	);
}

/** Initial values: a property equal to these (at the root) or to the parent's value need not be written. */
const INITIAL: Record<string, string> = {
	fill: 'rgb(0, 0, 0)', 'fill-opacity': '1', stroke: 'none', 'stroke-width': '1px', 'stroke-dasharray': 'none',
	'stroke-opacity': '1', 'stroke-linecap': 'butt', 'stroke-linejoin': 'miter', opacity: '1', 'font-style': 'normal',
	'font-weight': '400', 'text-anchor': 'start', 'dominant-baseline': 'auto', visibility: 'visible'
};
/** Not inherited: compared with the initial value, never with the parent's. */
const OWN = new Set(['opacity', 'display']);

/** Copy the computed styles of `source` and its descendants onto `clone`, leaving out what is inherited anyway. */
function inlineStyles(source: Element, clone: Element, parent: Record<string, string> | null) {
	const style = getComputedStyle(source);
	const values: Record<string, string> = {};
	const decl: string[] = [];
	for (const p of PROPS) {
		const v = style.getPropertyValue(p);
		values[p] = v;
		if (p === 'display') {
			if (v === 'none') decl.push('display:none');
			continue;
		}
		const reference = parent && !OWN.has(p) ? parent[p] : INITIAL[p];
		if (v !== reference) decl.push(`${p}:${v}`);
	}
	if (decl.length > 0) clone.setAttribute('style', decl.join(';'));
	else clone.removeAttribute('style');
	clone.removeAttribute('class');
	for (let i = 0; i < source.children.length; i++) inlineStyles(source.children[i], clone.children[i], values);
}

/** The chart as a standalone SVG document. */
export function chartSvg(svg: SVGSVGElement, frame: Frame): string {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	inlineStyles(svg, clone, null);
	const vb = svg.viewBox.baseVal;
	const box = vb && vb.width > 0 ? { width: vb.width, height: vb.height } : { width: svg.clientWidth, height: svg.clientHeight };
	clone.removeAttribute('width');
	clone.removeAttribute('height');
	const inner = new XMLSerializer().serializeToString(clone);
	return frameSvg(inner, box, frame);
}
