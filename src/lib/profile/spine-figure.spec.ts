import { describe, expect, it } from 'vitest';
import { spineTableGraphic, type SpineFigureGroup } from './spine-figure';
import type { Measure } from '$lib/export/figure-layout';

const measure: Measure = (text) => text.length * 7;
const spine = { markup: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 176 22"><circle cx="90" cy="11" r="5" style="fill:rgb(213, 94, 0)"/></svg>', width: 176, height: 22 };
const spark = { markup: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 84 22"><path d="M0 11L84 3"/></svg>', width: 84, height: 22 };
const heads = { indicator: 'Indikator', value: 'Wert', city: 'Stadt', series: 'Verlauf', min: 'Niedrigster', spine: 'Einordnung unter allen Sozialräumen', max: 'Höchster' };
const groups: SpineFigureGroup[] = [
	{
		title: 'Rahmenbedingungen',
		rows: [
			{ label: 'SGB-II-Quote unter 15 Jahren (%)', value: '46,0', city: '19,3', min: '0,0', max: '46,0', spark, spine, current: true },
			{ label: 'Kinder und Jugendliche mit Migrationshintergrund und sehr langem Namen (%)', value: '•', city: '49,3', min: '22,5', max: '76,6', spark: null, spine: null }
		]
	},
	{ title: 'Unter 3 Jahre', rows: [{ label: 'Betreuungsquote <3 & mehr', value: '27,4', city: '31,5', min: '19,7', max: '44,1', spark, spine }] }
];

describe('spineTableGraphic', () => {
	const g = spineTableGraphic(groups, heads, measure);

	it('is one <svg> with a viewBox of its own size', () => {
		expect(g.markup).toMatch(new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${g.width} ${g.height}"`));
		expect(g.markup.endsWith('</svg>')).toBe(true);
	});

	it('has a band per life phase and a row per indicator, with value and city value', () => {
		expect(g.markup).toContain('>Rahmenbedingungen</text>');
		expect(g.markup).toContain('>Unter 3 Jahre</text>');
		expect(g.markup).toContain('>46,0</text>');
		expect(g.markup).toContain('>19,3</text>');
		// a suppressed value stays the mark, never a number
		expect(g.markup).toContain('>•</text>');
		expect(g.markup).toContain('>Betreuungsquote &lt;3 &amp; mehr</text>');
	});

	it('nests each row’s sparkline and spine chart, centred on the row', () => {
		expect(g.markup.match(/viewBox="0 0 176 22"/g)).toHaveLength(2);
		expect(g.markup.match(/viewBox="0 0 84 22"/g)).toHaveLength(2);
		expect(g.markup).toMatch(/<svg x="[\d.]+" y="[\d.]+" width="176" height="22" xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 176 22"><circle/);
	});

	it('wraps a long indicator name and makes its row taller', () => {
		// 286 px of text per line: 40 characters
		expect(g.markup).toContain('>Kinder und Jugendliche mit</text>');
		expect(g.markup).toContain('>Migrationshintergrund und sehr langem</text>');
		expect(g.markup).toContain('>Namen (%)</text>');
		// row separators: one line of text gives 26 px, three lines 3 × 15 + 8
		const seps = [...g.markup.matchAll(/y1="([\d.]+)" y2="[\d.]+" stroke="#e2e2e2"/g)].map((m) => Number(m[1]));
		expect(seps[1] - seps[0]).toBe(53);
	});

	it('marks the row the user came from and widens number columns to their heads', () => {
		expect(g.markup).toContain('fill="#fff4ce"');
		// "Niedrigster" (11 × 7 px) is wider than the default column of 52 px
		const without = spineTableGraphic(groups, { ...heads, min: 'Min' }, measure);
		expect(g.width - without.width).toBe(11 * 7 + 2 - 52);
	});
});
