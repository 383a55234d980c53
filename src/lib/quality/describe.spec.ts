import { describe, expect, it } from 'vitest';
import { findingText, yearsText } from './describe';
import { translate } from '$lib/i18n/translate';
import type { Indicator } from '$lib/data/types';

const de = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('de', key, params);
const ind = { id: 'kita_3_6', unit: '%', decimals: 1 } as Indicator;

describe('yearsText', () => {
	it('writes runs of three or more years as a range', () => {
		expect(yearsText([2014, 2015, 2016, 2017])).toBe('2014–2017');
		expect(yearsText([2016, 2019, 2024])).toBe('2016, 2019, 2024');
		expect(yearsText([2014, 2015, 2018, 2019, 2020])).toBe('2014, 2015, 2018–2020');
	});
});

describe('findingText', () => {
	it('says a share above 100 % in German, with de-DE numbers and the unit', () => {
		const f = { check: 'numerator_above_denominator' as const, severity: 'warning' as const, indicator_id: 'kita_3_6', years: [2023], areas: ['0101'], detail: { numerator: 1330, denominator: 1311, value: 101.449275 } };
		expect(findingText(f, ind, de, 'de-DE')).toBe('Zähler 1.330 größer als Nenner 1.311: Anteil 101,4\u00a0% – bei einem Anteil unmöglich.');
	});

	it('has a sentence for every check', () => {
		for (const check of ['missing_areas', 'missing_year', 'suppressed', 'small_denominator', 'own_outlier', 'jump', 'neighbour_outlier', 'series_break', 'documented_break', 'level_sum'] as const) {
			const text = findingText({ check, severity: 'info', indicator_id: 'x', years: [2020], areas: [], detail: {} }, ind, de, 'de-DE');
			expect(text.length, check).toBeGreaterThan(10);
			expect(text, check).not.toMatch(/\{\w+\}/);
		}
	});
});
