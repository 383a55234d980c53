import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n/translate';
import type { SeriesPoint, VersionBreak } from '$lib/data/engine';
import { chartNote, conversionSummary, openBreaks, pointNote } from './series-notes';

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
});
