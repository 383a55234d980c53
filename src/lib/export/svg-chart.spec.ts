import { describe, expect, it } from 'vitest';
import { escapeXml, frameSvg } from './svg-chart';

describe('frameSvg', () => {
	const inner = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 560 260"><path d="M0 0L10 10"/></svg>';
	const out = frameSvg(inner, { width: 560, height: 260 }, { title: 'Entwicklung: Nord & Süd', footer: ['Quelle: Statistik <fiktiv>', 'Datenstand: 30.06.2026'] });

	it('nests the chart below a title band, at its own size', () => {
		expect(out).toContain('<svg x="12" y="46" width="560" height="260" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 560 260">');
		expect(out).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="584" height="\d+"/);
	});

	it('writes title and footer as escaped text', () => {
		expect(out).toContain('>Entwicklung: Nord &amp; Süd</text>');
		expect(out).toContain('<title>Entwicklung: Nord &amp; Süd</title>');
		expect(out).toContain('>Quelle: Statistik &lt;fiktiv&gt;</text>');
		expect(out).toContain('>Datenstand: 30.06.2026</text>');
	});

	it('makes room for every footer line', () => {
		const h = Number(/height="(\d+)"/.exec(out)![1]);
		expect(h).toBe(46 + 260 + 12 + 2 * 18 + 12);
	});

	it('adds subtitle and a key of line styles', () => {
		const framed = frameSvg(inner, { width: 560, height: 260 }, {
			title: 'T',
			subtitle: 'SGB-II-Quote',
			key: [{ label: 'Altstadt', color: '#b30000' }, { label: 'Stadt', color: '#1f4e79', dash: '6 3' }],
			footer: []
		});
		expect(framed).toContain('y="64" width="560"');
		expect(framed).toContain('>SGB-II-Quote</text>');
		expect(framed).toMatch(/<line [^>]*stroke="#b30000" stroke-width="3"\/><text [^>]*>Altstadt<\/text>/);
		expect(framed).toContain('stroke="#1f4e79" stroke-width="3" stroke-dasharray="6 3"/>');
	});
});

describe('escapeXml', () => {
	it('escapes markup characters', () => {
		expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
	});
});
