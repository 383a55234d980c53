import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n/translate';
import type { SeriesPoint, VersionBreak } from '$lib/data/engine';
import type { Indicator } from '$lib/data/types';
import { geoExportNotes, trendTable } from './trend-table';
import { toCsv } from './csv';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('de', key, params);
const p = (year: number, value: number | null, extra: Partial<SeriesPoint> = {}): SeriesPoint => ({ year, value, numerator: value === null ? null : value * 2, denominator: value === null ? null : 200, flag: '', ...extra });
const brk: VersionBreak = { year: 2021, before_de: 'Gebietsstand 2014', before_en: 'Boundaries 2014', after_de: 'Gebietsstand 2021', after_en: 'Boundaries 2021', convertible: true };
const ind = { id: 'quote', unit: '%', decimals: 1, source: 'Statistikstelle' } as Indicator;
const input = (series: SeriesPoint[], method: 'area' | null) => ({
	indicator: ind, indicatorLabel: 'Quote', areaKey: 'OT9', areaName: 'Neustadt', series, city: [2020, 2021].map((year) => ({ year, value: 10, numerator: 20, denominator: 200, areas_used: 5, basis: 'pooled' as const, weights: null })), breaks: [brk], method, locale: 'de-DE'
});

describe('the trend export across a boundary change', () => {
	it('names method and split share in every converted row and once in the notes', () => {
		const table = trendTable(input([p(2020, 12.5, { origin: 'converted', split_share: 0.35 }), p(2021, 11)], 'area'), t);
		const csv = toCsv(table);
		expect(csv).toContain('OT9;Neustadt;2020;12,5;25;200;10,0;"umgerechnet (flächengewichtet); 35\u00a0% aus geteilten Gebieten"\r\n');
		expect(csv).toContain('OT9;Neustadt;2021;11,0;22;200;10,0;\r\n');
		expect(table.meta.filter(([, v]) => v.includes('flächengewichtet'))).toHaveLength(1);
		expect(table.meta.some(([, v]) => v.includes('Gebietsstand geändert'))).toBe(false);
	});

	it('says where the series breaks when nothing is converted', () => {
		const notes = geoExportNotes([p(2021, 11)], [brk], null, t, 'de-DE');
		expect(notes).toEqual(['Zwischen 2020 und 2021 hat sich der Gebietsstand geändert (Gebietsstand 2014 → Gebietsstand 2021).']);
		expect(geoExportNotes([p(2021, 11)], [], null, t, 'de-DE')).toEqual([]);
	});

	it('never writes a withheld number', () => {
		const csv = toCsv(trendTable(input([p(2021, 3, { flag: 'suppressed' })], null), t));
		expect(csv).toContain('OT9;Neustadt;2021;•;•;•;');
		expect(csv).not.toContain(';6;');
	});
});
