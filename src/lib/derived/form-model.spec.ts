import { describe, expect, it } from 'vitest';
import { computationFromFormula, formulaOf, partGroups } from './form-model';

describe('form ↔ formula', () => {
	it('the form writes the formula, and the formula fills the same rows back', () => {
		const form = {
			numerator: [{ sign: 1 as const, key: 'betreuung_u3.zaehler' }, { sign: 1 as const, key: 'kita_3_6.zaehler' }],
			denominator: [{ sign: 1 as const, key: 'bev_0_2' }, { sign: 1 as const, key: 'bev_3_5' }],
			multiplier: 100,
			value_type: 'proportion' as const
		};
		const text = formulaOf(form);
		expect(text).toBe('zaehler = betreuung_u3.zaehler + kita_3_6.zaehler; nenner = bev_0_2 + bev_3_5; faktor = 100; typ = anteil');
		expect(computationFromFormula(text, form)).toEqual(form);
	});

	it('a typed formula with a difference and no type fills the rows and keeps the form’s type', () => {
		expect(computationFromFormula('zaehler = sgb2_u15.zaehler - sgb2_u3.zaehler; nenner = bev_insgesamt; faktor = 1000', { multiplier: 100, value_type: 'rate' })).toEqual({
			numerator: [{ sign: 1, key: 'sgb2_u15.zaehler' }, { sign: -1, key: 'sgb2_u3.zaehler' }],
			denominator: [{ sign: 1, key: 'bev_insgesamt' }],
			multiplier: 1000,
			value_type: 'rate'
		});
		expect(computationFromFormula('zaehler = sgb2_u15.zaehler +', { multiplier: 100, value_type: 'rate' })).toBeNull();
	});

	it('rows without a part are left out; a count drops the denominator from the formula', () => {
		expect(formulaOf({ numerator: [{ sign: 1, key: 'a.zaehler' }, { sign: -1, key: '' }], denominator: [{ sign: 1, key: 'bev_0_2' }], multiplier: 100, value_type: 'count' })).toBe('zaehler = a.zaehler; typ = anzahl');
	});

	it('offers age groups first, then each phase’s numerators and denominators by what they count', () => {
		const groups = partGroups(
			[{ id: 'sgb2_u3', label_de: 'SGB-II-Quote unter 3', label_en: 'SGB II under 3', life_phase: 'u3', value_type: 'proportion', numerator_label_de: 'Kinder u3 in SGB II', denominator_label_de: 'Kinder u3' }],
			['0_2', 'insgesamt'],
			{ population: 'Bevölkerung', ageGroup: (g) => `Einwohner ${g}`, phase: (p) => `Phase ${p}`, numerator: 'Zähler', denominator: 'Nenner', count: 'Anzahl' },
			'de'
		);
		expect(groups).toEqual([
			{ label: 'Bevölkerung', options: [{ key: 'bev_0_2', label: 'Einwohner 0_2' }, { key: 'bev_insgesamt', label: 'Einwohner insgesamt' }] },
			{ label: 'Phase u3', options: [{ key: 'sgb2_u3.zaehler', label: 'SGB-II-Quote unter 3 – Zähler: Kinder u3 in SGB II' }, { key: 'sgb2_u3.nenner', label: 'SGB-II-Quote unter 3 – Nenner: Kinder u3' }] }
		]);
	});
});
