import { describe, expect, it } from 'vitest';
// MapLibre's own expression engine (the package maplibre-gl bundles and its worker runs), so the
// spec checks what the map will evaluate, not a re-implementation of 'match'.
import { Color, createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { AreaStyle } from './maplibre-choropleth';
import { NO_DATA_COLOR } from './colors';
import { recolourPaint } from './recolour';

const paintFill = latest.paint_fill as Record<string, unknown>;

function evaluate(value: unknown, property: 'fill-color' | 'fill-opacity', key: string): unknown {
	const parsed = createPropertyExpression(value, 'paint', paintFill[property] as never);
	if (parsed.result === 'error') throw new Error(parsed.value.map((e) => e.message).join('; '));
	return parsed.value.evaluate({ zoom: 12 }, { type: 'Polygon', properties: { key } } as never);
}
const hex = (c: unknown) => {
	const [r, g, b] = (c as Color).rgb ?? [(c as Color).r, (c as Color).g, (c as Color).b];
	return '#' + [r, g, b].map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('');
};

describe('recolourPaint', () => {
	const styles = new Map<string, AreaStyle>([
		['001', { color: '#fdd49e', status: 'value' }],
		['002', { color: '#b30000', status: 'value' }],
		['010', { color: '#fdd49e', status: 'value' }],
		['011', { color: null, status: 'missing' }],
		['012', { color: null, status: 'suppressed' }]
	]);
	const paint = recolourPaint(styles);

	it('gives every area the colour of its style, keys with leading zeros included', () => {
		expect(hex(evaluate(paint.fillColor, 'fill-color', '001'))).toBe('#fdd49e');
		expect(hex(evaluate(paint.fillColor, 'fill-color', '010'))).toBe('#fdd49e');
		expect(hex(evaluate(paint.fillColor, 'fill-color', '002'))).toBe('#b30000');
	});

	it('draws areas without a colour, and areas without a style, as no data', () => {
		for (const key of ['011', '012', '999', '1']) expect(hex(evaluate(paint.fillColor, 'fill-color', key))).toBe(NO_DATA_COLOR);
	});

	it('shows the hatch only over suppressed areas', () => {
		expect(evaluate(paint.hatchOpacity, 'fill-opacity', '012')).toBe(1);
		for (const key of ['001', '011', '999']) expect(evaluate(paint.hatchOpacity, 'fill-opacity', key)).toBe(0);
	});

	it('has one branch per colour, not per area (a small expression at 20,000 areas)', () => {
		const many = new Map<string, AreaStyle>(Array.from({ length: 20000 }, (_, i) => [String(i).padStart(5, '0'), { color: ['#fee8c8', '#fdbb84', '#e34a33'][i % 3], status: 'value' }]));
		const big = recolourPaint(many).fillColor as unknown[];
		// 'match', input, 3 × (labels, colour), default
		expect(big.length).toBe(2 + 3 * 2 + 1);
		expect(hex(evaluate(big, 'fill-color', '19999'))).toBe('#fdbb84');
	});

	it('is a constant when nothing has a colour or nothing is suppressed (match needs a branch)', () => {
		const none = recolourPaint(new Map([['001', { color: null, status: 'missing' }]]));
		expect(none).toEqual({ fillColor: NO_DATA_COLOR, hatchOpacity: 0 });
		expect(recolourPaint(new Map())).toEqual({ fillColor: NO_DATA_COLOR, hatchOpacity: 0 });
	});
});
