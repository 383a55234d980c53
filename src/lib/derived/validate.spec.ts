import { describe, expect, it } from 'vitest';
import { issueText } from './issue-text';
import type { DerivedRecord } from './model';
import { validateDerived, yearRanges, type DerivedCatalogue } from './validate';

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const cat: DerivedCatalogue = {
	indicators: [
		{ id: 'betreuung_u3', value_type: 'proportion', unit: '%', label_de: 'Betreuungsquote unter 3' },
		{ id: 'kita_3_6', value_type: 'proportion', unit: '%', label_de: 'Kita-Besuchsquote 3 bis 6' },
		{ id: 'sprache_befund', value_type: 'proportion', unit: '%', label_de: 'Sprachauffälligkeiten' },
		{ id: 'hze_6_10', value_type: 'rate', unit: 'je 1.000', label_de: 'HzE 6 bis 10' },
		{ id: 'plaetze', value_type: 'count', unit: 'Anzahl', label_de: 'Kita-Plätze' },
		{ id: 'eigen_alt', value_type: 'proportion', unit: '%', label_de: 'Älterer eigener' }
	],
	derivedIds: new Set(['eigen_alt']),
	ageGroups: ['0_2', '3_5', '6_9', 'insgesamt'],
	years: {
		betreuung_u3: range(2014, 2025),
		kita_3_6: range(2014, 2025),
		sprache_befund: [...range(2014, 2019), ...range(2021, 2025)],
		hze_6_10: range(2014, 2025),
		plaetze: range(2010, 2013),
		eigen_alt: range(2014, 2025)
	},
	populationYears: range(2014, 2025),
	levels: [
		{ id: 'sozialraum', label_de: 'Sozialraum' },
		{ id: 'stadtbezirk', label_de: 'Stadtbezirk' },
		{ id: 'stadt', label_de: 'Stadt' }
	]
};

const rec = (formula: string, over: Partial<DerivedRecord> = {}): DerivedRecord => ({
	id: 'eigen_betreuung_u6', label_de: 'Betreuungsquote unter 6', label_en: '', unit: '%', polarity: 'higher_is_better',
	life_phase: '3_6', topic: '', decimals: 1, definition_de: '', definition_en: '', numerator_label_de: '', denominator_label_de: '',
	formula, ...over
});
const errors = (r: DerivedRecord) => validateDerived(r, cat).issues.filter((i) => i.severity === 'error');
const texts = (r: DerivedRecord) => errors(r).map((i) => issueText(i));

describe('validateDerived', () => {
	it('accepts the childcare rate under 6 and says in which years it exists and how it is pooled', () => {
		const v = validateDerived(rec('zaehler = betreuung_u3.zaehler + kita_3_6.zaehler; nenner = betreuung_u3.nenner + kita_3_6.nenner; faktor = 100; typ = anteil'), cat);
		expect(v.issues.filter((i) => i.severity !== 'info')).toEqual([]);
		expect(v.years).toEqual(range(2014, 2025));
		expect(v.issues.map((i) => issueText(i))).toEqual([
			'Ergebnis für 12 Jahre: 2014–2025 (nur Jahre, in denen alle Teile vorliegen).',
			'Berechnet je Sozialraum und Jahr; Werte für Stadtbezirk, Stadt entstehen wie bei jedem Indikator aus den summierten Zählern und Nennern.'
		]);
	});

	it('names the part of the formula with an unknown indicator, and suggests the nearest id', () => {
		expect(texts(rec('zaehler = betreuung_u3.zaehler + kita_36.zaehler; nenner = bev_0_2 + bev_3_5'))).toEqual([
			'Zähler, Summand 2 („kita_36.zaehler“): Den Indikator „kita_36“ gibt es im Datenpaket nicht. Gemeint ist vielleicht „kita_3_6“?'
		]);
		expect(texts(rec('zaehler = xyz.zaehler; nenner = bev_0_2'))).toEqual(['Zähler, Summand 1 („xyz.zaehler“): Den Indikator „xyz“ gibt es im Datenpaket nicht.']);
		expect(texts(rec('zaehler = betreuung_u3.zaehler; nenner = bev_0_5'))[0]).toBe(
			'Nenner, Summand 1 („bev_0_5“): Die Altersgruppe gibt es in population.csv nicht; vorhanden sind bev_0_2, bev_3_5, bev_6_9, bev_insgesamt.'
		);
	});

	it('refuses a % value as a summand (not a count), a count’s denominator, derived parts and values of higher levels', () => {
		expect(texts(rec('zaehler = betreuung_u3.wert; nenner = bev_0_2'))[0]).toContain('Der Wert von „betreuung_u3“ ist ein Verhältnis (%), keine Anzahl');
		expect(errors(rec('zaehler = plaetze.wert; typ = anzahl'))).toEqual([]); // a count's value is a count
		expect(errors(rec('zaehler = plaetze.nenner; typ = anzahl'))[0].key).toBe('derived.err.countHasNoDenominator');
		expect(errors(rec('zaehler = eigen_alt.zaehler; nenner = bev_0_2'))[0].key).toBe('derived.err.derivedPart');
		expect(texts(rec('zaehler = stadtbezirk.zaehler; nenner = bev_0_2'))[0]).toContain('Werte der Ebene „Stadtbezirk“ können nicht verwendet werden. Beobachtungen gibt es nur je Sozialraum');
	});

	it('a rate’s numerator per residents is fine: counts of different kinds sum', () => {
		expect(errors(rec('zaehler = hze_6_10.zaehler + plaetze.zaehler; nenner = bev_6_9; faktor = 1000; typ = rate'))).toEqual([
			expect.objectContaining({ key: 'derived.err.noCommonYear', params: { list: 'hze_6_10.zaehler: 2014–2025; plaetze.zaehler: 2010–2013; bev_6_9: 2014–2025' } })
		]);
		expect(errors(rec('zaehler = hze_6_10.zaehler; nenner = bev_6_9; faktor = 1000; typ = rate'))).toEqual([]);
	});

	it('says which years a part lacks; the result exists only where all parts do', () => {
		const v = validateDerived(rec('zaehler = sprache_befund.zaehler + kita_3_6.zaehler; nenner = sprache_befund.nenner + kita_3_6.nenner'), cat);
		expect(v.years).not.toContain(2020);
		expect(v.issues.map((i) => issueText(i))).toContain('Nicht in allen Jahren vorhanden: sprache_befund.zaehler (2020), sprache_befund.nenner (2020).');
	});

	it('warns when a proportion’s numerator is not contained in its denominator', () => {
		const warn = (f: string) => validateDerived(rec(f), cat).issues.some((i) => i.key === 'derived.warn.mayExceed');
		expect(warn('zaehler = betreuung_u3.zaehler; nenner = bev_0_2')).toBe(true);
		expect(warn('zaehler = bev_0_2; nenner = bev_0_2 + bev_3_5')).toBe(false);
		expect(warn('zaehler = betreuung_u3.zaehler + kita_3_6.zaehler; nenner = betreuung_u3.nenner + kita_3_6.nenner')).toBe(false);
		expect(warn('zaehler = betreuung_u3.zaehler; nenner = betreuung_u3.nenner - bev_0_2')).toBe(true);
		expect(warn('zaehler = betreuung_u3.zaehler + betreuung_u3.zaehler; nenner = betreuung_u3.nenner')).toBe(true);
		expect(warn('zaehler = hze_6_10.zaehler; nenner = bev_6_9; typ = rate')).toBe(false);
	});

	it('refuses sums that cancel or are never positive, a missing denominator and a count with one', () => {
		expect(errors(rec('zaehler = bev_0_2 - bev_0_2; nenner = bev_3_5')).map((i) => i.key)).toEqual(['derived.err.cancels']);
		expect(errors(rec('zaehler = - bev_0_2; nenner = bev_3_5')).map((i) => i.key)).toEqual(['derived.err.negativeSum']);
		expect(errors(rec('zaehler = bev_0_2; typ = anteil')).map((i) => i.key)).toEqual(['derived.err.noDenominator']);
		expect(errors(rec('zaehler = bev_0_2; nenner = bev_3_5; typ = anzahl')).map((i) => i.key)).toEqual(['derived.err.countDenominator']);
	});

	it('checks the fields of the form', () => {
		const keys = errors(rec('zaehler = bev_0_2; nenner = bev_3_5', { id: 'betreuung_u3', label_de: ' ', decimals: 9 })).map((i) => [i.field, i.key]);
		expect(keys).toEqual([['id', 'derived.err.id'], ['label_de', 'derived.err.label'], ['decimals', 'derived.err.decimals']]);
		expect(errors(rec('zaehler = bev_0_2; nenner = bev_3_5', { id: 'eigen_alt' }))).toEqual([]); // editing itself
	});

	it('passes syntax problems on with their position', () => {
		expect(errors(rec('zaehler = bev_0_2 +'))).toEqual([expect.objectContaining({ field: 'formula', key: 'derived.formula.expectedTerm', span: { from: 18, to: 19 } })]);
	});
});

describe('yearRanges', () => {
	it('joins runs of years', () => {
		expect(yearRanges([2021, 2014, 2015, 2016, 2018, 2022])).toBe('2014–2016, 2018, 2021–2022');
		expect(yearRanges([])).toBe('');
	});
});
