import { describe, expect, it } from 'vitest';
import { isAppAttribute, styleDeclarations } from './svg-inline';

const root = {
	fill: 'rgb(0, 0, 0)', stroke: 'none', 'stroke-width': '1px', 'font-size': '16px', 'font-family': 'system-ui, sans-serif',
	'font-weight': '400', opacity: '1', display: 'inline'
};

describe('styleDeclarations', () => {
	it('writes at the root only what differs from the initial values', () => {
		expect(styleDeclarations(root, null)).toEqual(['font-family:system-ui, sans-serif', 'font-size:16px']);
	});

	it('writes inherited properties only where they change', () => {
		const text = { ...root, fill: 'rgb(26, 26, 26)', 'font-size': '11px' };
		expect(styleDeclarations(text, root)).toEqual(['fill:rgb(26, 26, 26)', 'font-size:11px']);
		expect(styleDeclarations({ ...text }, text)).toEqual([]);
	});

	it('compares opacity with its initial value, never with the parent’s (it is not inherited)', () => {
		const faded = { ...root, opacity: '0.5' };
		expect(styleDeclarations({ ...root, opacity: '0.5' }, faded)).toEqual(['opacity:0.5']);
		expect(styleDeclarations(root, faded)).toEqual([]);
	});

	it('keeps a hidden element hidden and says nothing about visible ones', () => {
		expect(styleDeclarations({ ...root, display: 'none' }, root)).toEqual(['display:none']);
		expect(styleDeclarations({ ...root, display: 'block' }, root)).toEqual([]);
	});

	it('copies dashes and paint order (dashed city line, haloed labels)', () => {
		const line = { ...root, stroke: 'rgb(31, 78, 121)', 'stroke-dasharray': '6px, 3px', 'paint-order': 'stroke' };
		expect(styleDeclarations(line, root)).toEqual(['stroke:rgb(31, 78, 121)', 'stroke-dasharray:6px, 3px', 'paint-order:stroke']);
	});
});

describe('isAppAttribute', () => {
	it('drops styling hooks, ARIA, focus and test ids but keeps geometry and references', () => {
		for (const a of ['class', 'style', 'tabindex', 'role', 'aria-label', 'aria-selected', 'data-key', 'onclick']) expect(isAppAttribute(a), a).toBe(true);
		for (const a of ['d', 'x', 'fill', 'stroke', 'clip-path', 'id', 'viewBox', 'opacity', 'offset', 'text-anchor']) expect(isAppAttribute(a), a).toBe(false);
	});
});
