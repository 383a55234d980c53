import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n/translate';
import type { SeriesPoint, VersionBreak } from '$lib/data/engine';
import { breakNote, chartNote, conversionSummary, openBreaks, pointNote, seriesNotes, seriesSetNotes, shownBreaks, shownSetBreaks } from './series-notes';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('de', key, params);
const p = (year: number, value: number | null, extra: Partial<SeriesPoint> = {}): SeriesPoint => ({ year, value, numerator: null, denominator: null, flag: '', ...extra });
const brk: VersionBreak = { year: 2021, before_de: 'Gebietsstand 2014', before_en: 'Boundaries 2014', after_de: 'Gebietsstand 2021', after_en: 'Boundaries 2021', convertible: true };

describe('notes on a series across a boundary change', () => {
	const converted = [p(2019, 30, { origin: 'converted', split_share: 1 }), p(2020, 33, { origin: 'converted', split_share: 0.4 }), p(2021, 20), p(2022, 21)];

	it('sums up converted and regrouped years and the largest split share', () => {
		expect(conversionSummary(converted)).toEqual({ converted: [2019, 2020], regrouped: [], maxShare: 1 });
		expect(conversionSummary([p(2019, 10, { origin: 'regrouped' }), p(2021, 11)])).toEqual({ converted: [], regrouped: [2019], maxShare: 0 });
	});

	it('keeps a break open until the year before it is bridged', () => {
		expect(openBreaks([p(2021, 20), p(2022, 21)], [brk])).toEqual([brk]);
		expect(openBreaks(converted, [brk])).toEqual([]);
	});

	it('names method and uncertainty under the chart and per point', () => {
		expect(chartNote(converted, [brk], 'area', t, 'de-DE')).toBe(
			'Werte bis 2020 von „Gebietsstand 2014“ auf „Gebietsstand 2021“ umgerechnet (flächengewichtet). Das sind Schätzungen: bis zu 100\u00a0% der umgerechneten Zahlen stammen aus Gebieten, die geteilt wurden.'
		);
		expect(pointNote(converted[1], 'population', t, 'de-DE')).toBe('umgerechnet (bevölkerungsgewichtet); 40\u00a0% aus geteilten Gebieten');
		expect(pointNote(p(2019, 1, { origin: 'regrouped' }), null, t, 'de-DE')).toBe('aus dem früheren Gebietsstand zusammengerechnet');
		expect(pointNote(converted[2], 'area', t, 'de-DE')).toBe('');
		expect(chartNote([p(2021, 1)], [brk], null, t, 'de-DE')).toBeNull();
	});

	const BREAK_DE = 'Zwischen 2020 und 2021 hat sich der Gebietsstand geändert (Gebietsstand 2014 → Gebietsstand 2021).';

	it('marks a break only inside the years a chart draws', () => {
		const after = [p(2021, 20), p(2022, 21)];
		// the area's own points start at the change: the chart's years (with the reference's) decide
		expect(shownBreaks(after, [brk])).toEqual([]);
		expect(shownBreaks(after, [brk], [2019, 2020, 2021, 2022])).toEqual([brk]);
		expect(shownBreaks(converted, [brk], [2019, 2020, 2021, 2022])).toEqual([]);
		expect(breakNote(brk, t, 'de-DE')).toBe(BREAK_DE);
		expect(breakNote(brk, (k, q) => translate('en', k, q), 'en-GB')).toBe('Between 2020 and 2021 the boundaries changed (Boundaries 2014 → Boundaries 2021).');
	});

	it('gives a trend chart its sentences in screen order: the conversion, then the breaks', () => {
		expect(seriesNotes(converted, [brk], 'population', t, 'de-DE')).toEqual([chartNote(converted, [brk], 'population', t, 'de-DE')]);
		expect(seriesNotes([p(2021, 20), p(2022, 21)], [brk], null, t, 'de-DE', [2019, 2020, 2021, 2022])).toEqual([BREAK_DE]);
		expect(seriesNotes([p(2019, 1), p(2020, 2)], [], null, t, 'de-DE')).toEqual([]);
		const en = seriesNotes(converted, [brk], 'area', (k, q) => translate('en', k, q), 'en-GB');
		expect(en).toEqual(['Values up to 2020 converted from “Boundaries 2014” to “Boundaries 2021” (area-weighted). They are estimates: up to 100% of the converted counts come from areas that were split.']);
	});

	it('sums up many areas: the largest split share of any, each open break once', () => {
		const years = [2019, 2020, 2021, 2022];
		const set = [
			{ points: [p(2019, 30, { origin: 'converted' as const, split_share: 0.25 }), p(2020, 31, { origin: 'converted' as const, split_share: 0.6 }), p(2021, 20)], breaks: [brk] },
			{ points: [p(2019, 30, { origin: 'converted' as const, split_share: 0.3 }), p(2020, 30, { origin: 'converted' as const, split_share: 0.3 }), p(2021, 20)], breaks: [brk] },
			{ points: [p(2019, 10), p(2020, 11), p(2021, 12)], breaks: [] }
		];
		const notes = seriesSetNotes(set, 'population', t, 'de-DE', years);
		expect(notes).toHaveLength(1);
		expect(notes[0]).toContain('(bevölkerungsgewichtet)');
		expect(notes[0]).toContain('bis zu 60 %');
		// without conversion two new areas break at the same change: one sentence, one mark
		const broken = [
			{ points: [p(2021, 20)], breaks: [brk] },
			{ points: [p(2021, 25), p(2022, 26)], breaks: [{ ...brk }] },
			{ points: [p(2019, 10), p(2020, 11)], breaks: [{ ...brk, convertible: false }] }
		];
		expect(shownSetBreaks(broken, years)).toHaveLength(1);
		expect(seriesSetNotes(broken, null, t, 'de-DE', years)).toEqual([BREAK_DE]);
		expect(seriesSetNotes([{ points: [p(2021, 1)], breaks: [] }], null, t, 'de-DE', years)).toEqual([]);
	});
});
