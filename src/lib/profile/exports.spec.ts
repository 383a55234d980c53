import { describe, expect, it } from 'vitest';
import { dsvFormat } from 'd3';
import { translate } from '$lib/i18n/translate';
import type { SeriesPoint, VersionBreak } from '$lib/data/engine';
import { profileCsv, profileGeoNotes } from './exports';
import { profileRow } from './rows';
import { areaValue, city, indicator, series } from './fixtures';

const de = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('de', k, p);
const en = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('en', k, p);
const brk: VersionBreak = { year: 2021, before_de: 'Gebietsstand 2014', before_en: 'Boundaries 2014', after_de: 'Gebietsstand 2021', after_en: 'Boundaries 2021', convertible: true };
const pt = (year: number, n: number, extra: Partial<SeriesPoint> = {}): SeriesPoint => ({ year, value: n / 10, numerator: n, denominator: 1000, flag: '', ...extra });

// A new Ortsteil (since 2021): SGB II from 2019 (converted on request), the other indicator only since 2021.
const sgb2 = indicator();
const kita = indicator({ id: 'kita', label_de: 'Kita-Besuchsquote' });
const yearsBy = { sgb2_u15: [2019, 2020, 2021, 2022], kita: [2021, 2022] };
const own = [pt(2021, 200), pt(2022, 210)];
const convertedSeries = [pt(2019, 180, { origin: 'converted', split_share: 0.42 }), pt(2020, 190, { origin: 'converted', split_share: 0.3 }), ...own];

const rowOf = (ind: typeof sgb2, s: SeriesPoint[], flag: '' | 'suppressed' = '') =>
	profileRow({ indicator: ind, year: 2022, areaKey: '0599903602', values: [areaValue('0599903602', flag ? null : 210, flag ? null : 1000, flag)], series: s, city: city(2019, [17, 17, 18, 18]) });
const parse = (csv: string) => dsvFormat(';').parseRows(csv.replace(/^\ufeff/, '').trimEnd());

describe('the Steckbrief CSV across a boundary change', () => {
	it('names the break for an indicator whose years cross it, not for one that starts after it', () => {
		const notes = profileGeoNotes(new Map([['sgb2_u15', own], ['kita', own]]), [brk], null, yearsBy, de, 'de-DE');
		expect(notes.get('sgb2_u15')).toBe('Zwischen 2020 und 2021 hat sich der Gebietsstand geändert (Gebietsstand 2014 → Gebietsstand 2021).');
		expect(notes.has('kita')).toBe(false);
	});

	it('writes the conversion with method and largest split share into the Hinweis column, after a flag', () => {
		const seriesBy = new Map([['sgb2_u15', convertedSeries], ['kita', own]]);
		const notes = profileGeoNotes(seriesBy, [brk], 'population', yearsBy, de, 'de-DE');
		const rows = parse(profileCsv([rowOf(sgb2, convertedSeries), rowOf(kita, own, 'suppressed')], '0599903602', 'Auetal-Mitte', de, (i) => i.label_de, notes));
		const col = rows[0].indexOf('Hinweis');
		expect(col).toBe(rows[0].length - 1);
		expect(rows[1][col]).toBe(
			'Werte bis 2020 von „Gebietsstand 2014“ auf „Gebietsstand 2021“ umgerechnet (bevölkerungsgewichtet). Das sind Schätzungen: bis zu 42\u00a0% der umgerechneten Zahlen stammen aus Gebieten, die geteilt wurden.'
		);
		expect(rows[2][col]).toBe('geheim gehalten');
		const withFlag = parse(profileCsv([rowOf(sgb2, convertedSeries, 'suppressed')], '0599903602', 'Auetal-Mitte', de, (i) => i.label_de, notes));
		expect(withFlag[1][col]).toMatch(/^geheim gehalten; Werte bis 2020 von/);
	});

	it('says the same in English and leaves the column as it was without a boundary change', () => {
		const notes = profileGeoNotes(new Map([['sgb2_u15', convertedSeries]]), [brk], 'area', yearsBy, en, 'en-GB');
		expect(notes.get('sgb2_u15')).toContain('converted from “Boundaries 2014” to “Boundaries 2021” (area-weighted)');
		expect(notes.get('sgb2_u15')).toContain('up to 42% of the converted counts');
		const plain = parse(profileCsv([rowOf(sgb2, series(2019, [170, 180, 190, 200]))], '0101', 'Altstadt', de, (i) => i.label_de));
		expect(plain[1].at(-1)).toBe('');
	});
});
