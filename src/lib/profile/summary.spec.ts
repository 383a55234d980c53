import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n/translate';
import { formatNumber, formatValue } from '$lib/stats/format';
import { keyFacts } from './facts';
import { profileRow } from './rows';
import { indicatorSentence, profileSummary, type SummaryFormat } from './summary';
import { profileCsv } from './exports';
import { areaValue, city, indicator, series } from './fixtures';

const de: SummaryFormat = {
	t: (k, p) => translate('de', k, p),
	label: (i) => i.label_de,
	value: (v, i) => formatValue(v, i.unit, i.decimals, 'de-DE'),
	count: (n) => formatNumber(n, 0, 'de-DE'),
	percent: (p) => formatValue(p, '%', 1, 'de-DE')
};
const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');

const cityRef = city(2021, [16, 17, 17.5, 18, 18.4]);
function row(key: string, over: Parameters<typeof indicator>[0] = {}, trend: (number | null)[] = []) {
	const values = [areaValue('0101', 312, 1000), areaValue('0102', 190, 1000), areaValue('0103', 100, 1000), areaValue('0104', 184, 1000), areaValue('0105', null, null, 'suppressed')];
	return profileRow({ indicator: indicator(over), year: 2025, areaKey: key, values, series: series(2021, trend), city: cityRef });
}

describe('indicatorSentence', () => {
	it('says "deutlich über" and "steigt seit" only when interval and trend test support it', () => {
		const s = indicatorSentence(row('0101', {}, [200, 230, 260, 280, 312]), de)!;
		expect(nbsp(s)).toBe('Beim Indikator „SGB-II-Quote unter 15 Jahren“ liegt der Wert mit 31,2 % deutlich über dem Stadtwert (18,4 %) und steigt seit 2021.');
	});

	it('says the difference is not significant when the interval contains the city value', () => {
		const s = nbsp(indicatorSentence(row('0102'), de)!);
		expect(s).toBe('Beim Indikator „SGB-II-Quote unter 15 Jahren“ liegt der Wert mit 19,0 % über dem Stadtwert (18,4 %; Unterschied nicht signifikant).');
		expect(s).not.toContain('deutlich');
	});

	it('says "deutlich unter" for a significantly lower value, whatever the polarity', () => {
		const s = nbsp(indicatorSentence(row('0103', { polarity: 'higher_is_better' }, [100, 100, 102, 98, 100]), de)!);
		expect(s).toBe('Beim Indikator „SGB-II-Quote unter 15 Jahren“ liegt der Wert mit 10,0 % deutlich unter dem Stadtwert (18,4 %) und hat sich seit 2021 nicht signifikant verändert.');
	});

	it('says "entspricht" when value and city value print the same', () => {
		expect(nbsp(indicatorSentence(row('0104'), de)!)).toBe('Beim Indikator „SGB-II-Quote unter 15 Jahren“ entspricht der Wert mit 18,4 % dem Stadtwert.');
	});

	it('says nothing about a suppressed value', () => {
		expect(indicatorSentence(row('0105'), de)).toBeNull();
	});

	it('names a mean of shares standing in for the city value, and claims no significance (issue #14)', () => {
		const values = [areaValue('0101', 312, 1000), areaValue('0102', 184, 1000)];
		const mean = cityRef.map((p) => ({ ...p, basis: 'weighted' as const, weights: 'insgesamt' }));
		const r = profileRow({ indicator: indicator(), year: 2025, areaKey: '0101', values, series: [], city: mean });
		expect(r.cityKind).toEqual({ basis: 'weighted', weights: 'insgesamt' });
		const s = nbsp(indicatorSentence(r, de)!);
		expect(s).toBe('Beim Indikator „SGB-II-Quote unter 15 Jahren“ liegt der Wert mit 31,2 % über dem Mittelwert der Sozialräume (nach Einwohnerzahl gewichtet) von 18,4 %.');
		expect(s).not.toContain('deutlich');
		expect(s).not.toContain('signifikant');
		const eq = profileRow({ indicator: indicator(), year: 2025, areaKey: '0102', values, series: [], city: mean });
		expect(nbsp(indicatorSentence(eq, de)!)).toBe('Beim Indikator „SGB-II-Quote unter 15 Jahren“ entspricht der Wert mit 18,4 % dem Mittelwert der Sozialräume (nach Einwohnerzahl gewichtet).');
	});

	it('gives the profile CSV a column naming the reference only when one is a mean', () => {
		const t = de.t;
		const pooled = profileCsv([row('0101')], '0101', 'Altstadt', t, (i) => i.label_de);
		expect(pooled).not.toContain('Art des Bezugswerts');
		const mean = cityRef.map((p) => ({ ...p, basis: 'mean' as const, weights: null }));
		const m = profileRow({ indicator: indicator(), year: 2025, areaKey: '0101', values: [areaValue('0101', 312, 1000)], series: [], city: mean });
		const lines = profileCsv([row('0102'), m], '0101', 'Altstadt', t, (i) => i.label_de).replace(/^\ufeff/, '').split(/\r?\n/);
		const header = lines[0].split(';');
		const col = header.indexOf('Art des Bezugswerts');
		expect(col).toBe(header.indexOf('Stadtwert') + 1);
		expect(lines[1].split(';')[col]).toBe('Stadtwert');
		expect(lines[2].split(';')[col]).toBe('Mittelwert der Sozialräume (ungewichtet)');
	});
});

describe('profileSummary', () => {
	const facts = keyFacts([
		{ age_group: '0_2', persons: 250 },
		{ age_group: '3_5', persons: 300 },
		{ age_group: '6_9', persons: 380 },
		{ age_group: '10_15', persons: 550 },
		{ age_group: '16_17', persons: 170 },
		{ age_group: 'insgesamt', persons: 8250 }
	]);
	const rows = [
		row('0101', {}, [200, 230, 260, 280, 312]),
		row('0101', { id: 'teen', label_de: 'Geburten von Müttern unter 20 Jahren' }),
		row('0101', { id: 'kita', label_de: 'Kita-Besuchsquote', polarity: 'higher_is_better' }),
		row('0101', { id: 'mig', label_de: 'Migrationshintergrund', polarity: 'neutral' }),
		row('0105', { id: 'hidden', label_de: 'Inobhutnahmen' })
	];
	const s = profileSummary({ areaName: 'Altstadt', districtName: 'Mitte', year: 2025, facts, factsYear: 2025, rows, headline: 'sgb2_u15' }, de);

	it('opens with the key facts and counts the comparisons', () => {
		expect(nbsp(s.intro[0])).toBe('2025 lebten in Altstadt (Stadtbezirk Mitte) 8.250 Menschen, davon 1.650 Kinder und Jugendliche unter 18 Jahren (20,0 %).');
		expect(s.intro[1]).toBe(
			'Im Vergleich mit dem Stadtwert (2025) ist der Wert bei 2 von 4 Indikatoren signifikant ungünstiger und bei 1 signifikant günstiger; bei 0 ist der Unterschied statistisch nicht gesichert.'
		);
		expect(s.intro[2]).toBe('Bei einem Indikator ohne Wertungsrichtung weicht der Wert signifikant vom Stadtwert ab.');
	});

	it('puts the headline indicator first and lists the others by side', () => {
		expect(s.headline).toContain('SGB-II-Quote unter 15 Jahren');
		expect(s.worse).toHaveLength(1);
		expect(s.worse[0]).toContain('Geburten von Müttern unter 20 Jahren');
		expect(s.better[0]).toContain('Kita-Besuchsquote');
		// a neutral indicator is neither better nor worse
		expect([...s.worse, ...s.better].join(' ')).not.toContain('Migrationshintergrund');
	});

	it('names suppressed indicators as suppressed', () => {
		expect(s.notes).toEqual(['Wegen kleiner Fallzahlen geheim gehalten (•): Inobhutnahmen.']);
	});
});
