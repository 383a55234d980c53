/**
 * A trend figure's caption across a boundary change: the sentences the chart prints under itself
 * (series-notes) lead the footer, and the composed SVG carries them whole — wrapped into lines,
 * but not one word lost, in the text and in the description.
 */
import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n/translate';
import type { SeriesPoint, VersionBreak } from '$lib/data/engine';
import { seriesNotes, seriesSetNotes } from '$lib/geo/series-notes';
import { composeChartFigure, type ChartGraphic } from './chart-figure-layout';
import type { Measure } from './figure-layout';

const measure: Measure = (text) => text.length * 7;
const chart: ChartGraphic = { markup: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 560 260" width="560" height="260"><path d="M0 0L10 10"/></svg>', width: 560, height: 260 };
const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('de', k, p);
const brk: VersionBreak = { year: 2021, before_de: 'Gebietsstand 2014', before_en: 'Boundaries 2014', after_de: 'Gebietsstand 2021', after_en: 'Boundaries 2021', convertible: true };
const pt = (year: number, extra: Partial<SeriesPoint> = {}): SeriesPoint => ({ year, value: 20, numerator: 20, denominator: 100, flag: '', ...extra });
const SOURCE = ['Quelle: Jobcenter', 'Datenstand: 30.06.2026'];

/** The figure's visible text, line after line, as a reader (or the e2e test) joins it. */
const visibleText = (markup: string) =>
	[...markup.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&')).join(' ');

describe('a trend figure across a boundary change', () => {
	it('leads its caption with the conversion note, method and largest split share included', () => {
		const points = [pt(2019, { origin: 'converted', split_share: 0.57 }), pt(2020, { origin: 'converted', split_share: 0.2 }), pt(2021), pt(2022)];
		const notes = seriesNotes(points, [brk], 'population', t, 'de-DE');
		const { markup, layout } = composeChartFigure(chart, { title: 'Entwicklung: Auetal-Mitte', footer: [...notes, ...SOURCE] }, measure);
		const note = 'Werte bis 2020 von „Gebietsstand 2014“ auf „Gebietsstand 2021“ umgerechnet (bevölkerungsgewichtet). Das sind Schätzungen: bis zu 57\u00a0% der umgerechneten Zahlen stammen aus Gebieten, die geteilt wurden.';
		expect(notes).toEqual([note]);
		// long enough to wrap, and still complete in reading order, before the source
		expect(layout.footer.lines.length).toBeGreaterThan(SOURCE.length + 1);
		expect(visibleText(markup)).toContain(`${note} Quelle: Jobcenter`);
		expect(markup).toContain(`<desc id="chart-figure-desc">${note} Quelle: Jobcenter`);
	});

	it('names the break of the indicator page’s areas once, and says nothing when no series crosses a change', () => {
		const years = [2019, 2020, 2021, 2022];
		const notes = seriesSetNotes(
			[
				{ points: [pt(2021), pt(2022)], breaks: [brk] },
				{ points: [pt(2019), pt(2020)], breaks: [brk] }
			],
			null,
			t,
			'de-DE',
			years
		);
		const { markup } = composeChartFigure(chart, { title: 'Entwicklung', footer: [...notes, ...SOURCE] }, measure);
		expect(visibleText(markup)).toContain('Zwischen 2020 und 2021 hat sich der Gebietsstand geändert (Gebietsstand 2014 → Gebietsstand 2021). Quelle');
		expect(visibleText(markup).match(/Zwischen 2020 und 2021/g)).toHaveLength(1);
		expect(seriesSetNotes([{ points: [pt(2019), pt(2022)], breaks: [] }], null, t, 'de-DE', years)).toEqual([]);
	});
});
