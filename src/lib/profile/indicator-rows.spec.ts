import { describe, expect, it } from 'vitest';
import { indicatorRows, seriesByArea, sortRows } from './indicator-rows';
import { indicatorCsv } from './exports';
import { translate } from '$lib/i18n/translate';
import { areaValue, indicator } from './fixtures';

const y2025 = [areaValue('0101', 300, 1000), areaValue('0102', 100, 1000), areaValue('0201', 190, 1000), areaValue('0202', null, null, 'suppressed')];
const ind = indicator();
const rows = indicatorRows({
	indicator: ind,
	year: 2025,
	values: y2025,
	series: seriesByArea([
		{ year: 2024, rows: [areaValue('0101', 280, 1000)] },
		{ year: 2025, rows: y2025 }
	]),
	city: 18.4,
	districtNames: new Map([
		['01', 'Mitte'],
		['02', 'Nord']
	])
});
const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('de', k, p);

describe('indicatorRows', () => {
	it('pivots per-year values into one series per area, oldest first', () => {
		const s = seriesByArea([
			{ year: 2025, rows: [areaValue('0101', 3, 10)] },
			{ year: 2024, rows: [areaValue('0101', 2, 10)] }
		]);
		expect(s.get('0101')!.map((p) => p.year)).toEqual([2024, 2025]);
	});

	it('gives every area its district, comparison and rank', () => {
		const by = new Map(rows.map((r) => [r.key, r]));
		expect(by.get('0101')).toMatchObject({ district: 'Mitte', comparison: 'worse', rank: 1, trend: 'cannot_be_calculated' });
		expect(by.get('0102')).toMatchObject({ comparison: 'better', rank: 3 });
		expect(by.get('0202')).toMatchObject({ district: 'Nord', value: null, rank: null, comparison: 'not_comparable', flag: 'suppressed' });
	});

	it('sorts by value either way with suppressed rows always last', () => {
		expect(sortRows(rows, 'value', 'desc').map((r) => r.key)).toEqual(['0101', '0201', '0102', '0202']);
		expect(sortRows(rows, 'value', 'asc').map((r) => r.key)).toEqual(['0102', '0201', '0101', '0202']);
		expect(sortRows(rows, 'comparison', 'asc').map((r) => r.key)).toEqual(['0101', '0201', '0102', '0202']);
		expect(sortRows(rows, 'name', 'desc').map((r) => r.key)).toEqual(['0202', '0201', '0102', '0101']);
	});
});

describe('indicatorCsv', () => {
	it('writes what the table shows, suppressed cells as • and never as a number', () => {
		const csv = indicatorCsv(sortRows(rows, 'value', 'desc'), ind, 2025, t);
		const lines = csv.slice(1).trimEnd().split('\r\n');
		expect(lines[0]).toBe(
			'Schlüssel;Sozialraum;Stadtbezirk;Jahr;Wert (%);Untere Grenze 95-%-KI;Obere Grenze 95-%-KI;Zähler;Nenner;Vergleich mit dem Stadtwert;Trend der letzten 5 Jahre;Rang (1 = höchster Wert);Hinweis'
		);
		expect(lines[1]).toMatch(/^0101;Gebiet 0101;Mitte;2025;30,0;27,\d;32,\d;300;1000;signifikant schlechter als der Stadtwert;nicht berechenbar/);
		expect(lines[4]).toBe('0202;Gebiet 0202;Nord;2025;•;•;•;•;•;;nicht berechenbar (weniger als 5 veröffentlichte Werte);;geheim gehalten');
	});
});
