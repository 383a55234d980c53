import { describe, expect, it } from 'vitest';
import { figureLayout, fitContain, isBlank, legendBlock, PAD, wrapText, type Measure } from './figure-layout';

/** 10 px per character: easy to reason about. */
const measure: Measure = (text) => text.length * 10;

describe('wrapText', () => {
	it('breaks between words and keeps paragraphs', () => {
		expect(wrapText('eins zwei drei vier', 100, measure, '')).toEqual(['eins zwei', 'drei vier']);
		expect(wrapText('a\nb', 100, measure, '')).toEqual(['a', 'b']);
	});
	it('never breaks at a no-break space', () => {
		expect(wrapText('Stadtwert 19,3\u00a0%', 100, measure, '')).toEqual(['Stadtwert', '19,3\u00a0%']);
	});
	it('keeps a word longer than the line whole', () => {
		expect(wrapText('Sozialraumentwicklungsplanung kurz', 100, measure, '')).toEqual(['Sozialraumentwicklungsplanung', 'kurz']);
	});
});

describe('legendBlock', () => {
	it('stacks rows below title and method, growing with wrapped labels', () => {
		const block = legendBlock(
			{
				title: 'Titel',
				method: 'Quantile',
				items: [
					{ swatch: { kind: 'color', color: '#fff' }, label: 'kurz', count: '3 Sozialräume' },
					{ swatch: { kind: 'hatch' }, label: 'geheim gehalten wegen kleiner Zahlen', count: '1 Sozialraum' }
				]
			},
			200,
			measure
		);
		expect(block.items[0].y).toBeGreaterThan(0);
		expect(block.items[1].y).toBe(block.items[0].y + block.items[0].h);
		expect(block.items[1].lines.length).toBeGreaterThan(1);
		expect(block.items[1].h).toBeGreaterThan(block.items[0].h);
		expect(block.height).toBe(block.items[1].y + block.items[1].h);
	});
});

describe('figureLayout', () => {
	it('puts the map left and the legend right, between title and footer, without overlap', () => {
		const l = figureLayout({ map: { w: 800, h: 600 }, legendWidth: 300, legendHeight: 700, titleHeight: 60, footerHeight: 40 });
		expect(l.map).toMatchObject({ x: PAD, w: 800, h: 600 });
		expect(l.legend.x).toBeGreaterThanOrEqual(l.map.x + l.map.w);
		expect(l.map.y).toBeGreaterThan(l.title!.y + l.title!.h);
		// the taller legend decides where the footer goes
		expect(l.footer!.y).toBeGreaterThanOrEqual(l.legend.y + l.legend.h);
		expect(l.height).toBeGreaterThanOrEqual(l.footer!.y + l.footer!.h);
		expect(l.width).toBe(l.legend.x + 300 + PAD);
	});
	it('drops title and footer bands when there is nothing to put in them', () => {
		const l = figureLayout({ map: { w: 800, h: 600 }, legendWidth: 300, legendHeight: 200, titleHeight: 0, footerHeight: 0 });
		expect(l.title).toBeNull();
		expect(l.footer).toBeNull();
		expect(l.map.y).toBe(PAD);
	});
});

describe('fitContain', () => {
	it('keeps the aspect ratio and centres', () => {
		expect(fitContain(400, 200, { x: 0, y: 0, w: 200, h: 200 })).toEqual({ x: 0, y: 50, w: 200, h: 100 });
	});
});

describe('isBlank', () => {
	it('tells a uniform image from one with content', () => {
		const px = new Uint8ClampedArray(4 * 100).fill(240);
		expect(isBlank(px)).toBe(true);
		px.set([200, 30, 30, 255], 40);
		expect(isBlank(px)).toBe(false);
	});
});
