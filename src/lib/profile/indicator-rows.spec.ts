import { describe, expect, it } from 'vitest';
import { indicatorRows, seriesAcrossVersions, seriesByArea, sortRows } from './indicator-rows';
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

describe('seriesAcrossVersions', () => {
	// Auetal (A) formed in 2021 from Oberau (O) and Niederau (N); Ortsteil S split across the change
	const own = seriesByArea([
		{ year: 2020, rows: [areaValue('O', 10, 100), areaValue('N', 20, 100), areaValue('K', 5, 50)] },
		{ year: 2021, rows: [areaValue('A', 33, 200), areaValue('S', 9, 60), areaValue('K', 6, 50)] }
	]);
	const older = [
		{
			year: 2020,
			rows: [
				{ ...areaValue('A', 30, 200), origin: 'regrouped' as const },
				{ ...areaValue('S', 8, 55), origin: 'converted' as const, split_share: 0.4 },
				areaValue('K', 5, 50)
			]
		}
	];
	const today = new Set(['A', 'S', 'K']);

	it('continues exact regroupings by default and leaves estimates out; the old areas keep their lines', () => {
		const s = seriesAcrossVersions(own, older, { convert: false, today });
		expect(s.get('A')!.map((p) => [p.year, p.numerator, p.origin])).toEqual([
			[2020, 30, 'regrouped'],
			[2021, 33, undefined]
		]);
		expect(s.get('S')!.map((p) => p.year)).toEqual([2021]);
		expect(s.get('O')!.map((p) => p.year)).toEqual([2020]);
		// an unchanged area keeps its own point, never a second one for the same year
		expect(s.get('K')!.map((p) => p.year)).toEqual([2020, 2021]);
	});

	it('converted: today’s areas only, the estimates marked with their split share', () => {
		const s = seriesAcrossVersions(own, older, { convert: true, today });
		expect([...s.keys()].sort()).toEqual(['A', 'K', 'S']);
		expect(s.get('S')![0]).toMatchObject({ year: 2020, numerator: 8, denominator: 55, origin: 'converted', split_share: 0.4 });
		expect(s.get('S')!.map((p) => p.year)).toEqual([2020, 2021]);
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
