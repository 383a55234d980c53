import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '$lib/data/engine';
import type { Indicator, Target } from '$lib/data/types';
import { assessTarget } from './assess';
import { assessmentSentence } from './sentence';

const ind = {
	id: 'sgb2_u15', label_de: 'SGB-II-Quote unter 15 Jahren', label_en: 'Children under 15 receiving SGB II benefits',
	unit: '%', multiplier: 100, value_type: 'proportion', polarity: 'higher_is_worse', decimals: 1
} as Indicator;
// FZ01 of Musterstadt: Werftviertel, 40.797721 % (2020) → 25 % (2030)
const fz01: Target = {
	id: 'FZ01', indicator_id: 'sgb2_u15', scope_type: 'sozialraum', scope_keys: ['0603'], baseline_year: 2020,
	baseline_value: 40.797721, target_value: 25, target_year: 2030, owner: 'Jugendamt', decision: 'JHA', note: '', status: 'adopted'
};
const counts = [[716, 1755], [730, 1764], [747, 1806], [804, 1817], [796, 1830], [837, 1819]];
const series: SeriesPoint[] = counts.map(([n, d], i) => ({ year: 2020 + i, value: (n / d) * 100, numerator: n, denominator: d, flag: '' }));
const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('assessment sentence', () => {
	it('states value, target and Soll, the status and the projection in German', () => {
		// 2025: 837/1819 = 46.0 %; Soll = 40.797721 − 15.797721·5/10 = 32.898861 → 32,9 %
		const a = assessTarget(fz01, series, ind);
		const s = nbsp(assessmentSentence(a, { target: fz01, indicator: ind, scope: 'in Werftviertel', locale: 'de' }));
		expect(s).toMatch(/^Die Kennzahl „SGB-II-Quote unter 15 Jahren“ liegt in Werftviertel 2025 bei 46,0 % \(Ziel 2030: 25,0 %, Soll 2025: 32,9 %\)\. /);
		expect(s).toContain('Das Ziel ist nicht auf Kurs');
		expect(s).toContain('liegt der Wert höher als das Soll');
		expect(s).toContain('Der Trend der letzten Jahre lässt das Ziel voraussichtlich verfehlen (Projektion 2030:');
	});

	it('speaks English too', () => {
		const a = assessTarget(fz01, series, ind);
		const s = nbsp(assessmentSentence(a, { target: fz01, indicator: ind, scope: 'in Werftviertel', locale: 'en' }));
		expect(s).toMatch(/^“Children under 15 receiving SGB II benefits” in Werftviertel stands at 46\.0% in 2025 \(target 2030: 25\.0%, required in 2025: 32\.9%\)\./);
		expect(s).toContain('probably be missed');
	});

	it('explains why a target cannot be assessed', () => {
		const suppressed: SeriesPoint[] = [...series.slice(0, 5), { year: 2025, value: null, numerator: null, denominator: null, flag: 'suppressed' }];
		const a = assessTarget(fz01, suppressed, ind);
		const s = nbsp(assessmentSentence(a, { target: fz01, indicator: ind, scope: 'in Werftviertel', locale: 'de' }));
		expect(s).toContain('Der Wert in Werftviertel für 2025 ist wegen kleiner Fallzahlen geheim gehalten; der Stand ist nicht bewertbar.');
		expect(s).toContain('(Projektion 2030:'); // the 5 points 2020–2024 still give a projection
	});
});
