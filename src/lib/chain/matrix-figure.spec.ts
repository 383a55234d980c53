import { describe, expect, it } from 'vitest';
import { matrixGraphic, type MatrixFigureRow } from './matrix-figure';
import type { Measure } from '$lib/export/figure-layout';

const measure: Measure = (text) => text.length * 7;
const cell = (label: string, color: string, symbol: string) => ({ color, ink: '#000000', symbol, label, levels: 'hoch / gering' });
const rows: MatrixFigureRow[] = [
	{ name: 'Altstadt', cells: [cell('Lücke', '#d55e00', '▲'), cell('übrige', '#eef0f2', '·')] },
	{ name: 'Stadtwald', note: 'unter 300 Einw.', cells: [cell('keine Angabe', '#d4d4d4', '–'), cell('keine Angabe', '#d4d4d4', '–')] }
];

describe('matrixGraphic', () => {
	const g = matrixGraphic(rows, { area: 'Sozialraum', phases: ['Schwangerschaft und Geburt', 'Unter 3 Jahre'] }, measure);

	it('draws one coloured cell per area and phase, with symbol, category and levels', () => {
		expect(g.markup.match(/<rect /g)).toHaveLength(4);
		expect(g.markup).toContain('fill="#d55e00"');
		expect(g.markup).toContain('>▲ Lücke</text>');
		expect(g.markup).toContain('>hoch / gering</text>');
		expect(g.markup).toContain('>unter 300 Einw.</text>');
	});

	it('sizes the name column to the longest name and wraps long phase heads', () => {
		// "Sozialraum" and "Stadtwald" are 10 and 9 characters: 70 px + 12
		expect(g.width).toBe(82 + 2 * (122 + 2));
		// 116 px of text per head: "Schwangerschaft und" (133 px) does not fit
		expect(g.markup).toContain('>Schwangerschaft</text>');
		expect(g.markup).toContain('>und Geburt</text>');
		expect(g.markup).toMatch(new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${g.width} ${g.height}"`));
	});
});
