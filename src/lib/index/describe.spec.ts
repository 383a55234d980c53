import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n/translate';
import type { MessageKey } from '$lib/i18n/messages';
import { classRange, describeMethod, joinList, legendMethod, signedSd } from './describe';
import { dynamicsIndex } from './dynamics';
import { statusIndex } from './status';
import { area, polarity, settings, values } from './fixtures';

const t = (key: MessageKey, p?: Record<string, string | number>) => translate('de', key, p);
const label = (id: string) => ({ x: 'SGB-II-Quote', y: 'Betreuungsquote', n: 'Migration' })[id] ?? id;
const K = ['A', 'B', 'C', 'D', 'E'];
const areas = [...K.slice(0, 4).map((k) => area(k)), { ...area('E', 120), name: 'Hafeninsel' }];
const now = { x: values(K, [10, 20, 30, 40, 1]), y: values(K, [80, 60, 70, 50, 1]) };
const before = { x: values(K, [14, 20, 25, 30, 1]), y: values(K, [80, 60, 70, 50, 1]) };

describe('method text', () => {
	it('says what was computed, in plain German, from the settings', () => {
		const s = settings({ x: 2, y: 1 });
		const st = statusIndex(areas, now, s, polarity);
		const text = describeMethod(s, st, dynamicsIndex(st, now, before, s, polarity, 2025), { t, label, year: 2025, locale: 'de-DE' }).join(' ');
		expect(text).toContain('Der Index fasst 2 Indikatoren zusammen: SGB-II-Quote (67 %) und Betreuungsquote (33 %).');
		expect(text).toContain('Bei Betreuungsquote ist ein höherer Wert günstig');
		expect(text).toContain('z-standardisiert');
		expect(text).toContain('gewichtete Mittelwert');
		expect(text).toContain('Sozialräume unter 300 Einwohnerinnen und Einwohnern sind ausgeschlossen: Hafeninsel.');
		expect(text).toContain('über die 4 einbezogenen Sozialräume (2025)');
		expect(text).toContain('1 hoch bis −1 SD, 2 mittel bis +1 SD, 3 niedrig bis +1,5 SD');
		expect(text).toContain('vergleicht 2023 mit 2025');
	});

	it('names equal weights, other methods, skipped neutral indicators and the missing dynamics', () => {
		const s = settings({ x: 1, n: 1 }, { method: 'percentile', minPopulation: 0 });
		const st = statusIndex(areas, { ...now, n: now.x }, s, polarity);
		const text = describeMethod(s, st, null, { t, label, year: 2025, locale: 'de-DE' }).join(' ');
		expect(text).toContain('Der Index besteht aus einem Indikator: SGB-II-Quote.');
		expect(text).toContain('Migration hat keine Wertungsrichtung');
		expect(text).toContain('Perzentilränge');
		expect(text).toContain('Eine Mindestgröße ist nicht eingestellt');
		expect(text).toContain('Für eine Dynamik über 2 Jahre fehlen');
	});

	it('formats lists and SD multiples for German, cut-offs exactly as entered', () => {
		expect(joinList(['a', 'b', 'c'], t)).toBe('a, b und c');
		expect(signedSd(-1, 'de-DE')).toBe('\u22121');
		expect(signedSd(1.5, 'de-DE')).toBe('+1,5');
		expect(signedSd(0, 'de-DE')).toBe('0');
		// −0.999 is not "−1,0": every decimal the planner typed, none added
		expect(signedSd(-0.999, 'de-DE')).toBe('\u22120,999');
		expect(signedSd(1.25, 'en-GB')).toBe('+1.25');
	});

	it('names the SD (population by default, with the factor for the sample SD) and the tie rule', () => {
		const pop = settings({ x: 1 }, { sd: 'population', cutTie: 'lower' });
		const st = statusIndex(areas, now, pop, polarity);
		const a = describeMethod(pop, st, null, { t, label, year: 2025, locale: 'de-DE' }).join(' ');
		expect(a).toContain('als Grundgesamtheit (Division durch n)');
		expect(a).toContain('Ein Wert genau auf einer Grenze zählt zur unteren Klasse.');
		const smp = { ...pop, sd: 'sample' as const, cutTie: 'upper' as const, statusCuts: [-0.999, 1, 1.5] as [number, number, number] };
		const b = describeMethod(smp, statusIndex(areas, now, smp, polarity), null, { t, label, year: 2025, locale: 'de-DE' }).join(' ');
		// 4 included areas: √(4/3) = 1,155
		expect(b).toContain('Division durch n − 1, wie in SPSS und R); bei 4 Sozialräumen sind sie um den Faktor 1,155 größer');
		expect(b).toContain('1 hoch unter −0,999 SD, 2 mittel ab −0,999 bis unter +1 SD');
		expect(b).toContain('zählt zur oberen Klasse');
	});

	it('legend texts: the ranges follow the tie rule, the method line names the SD', () => {
		const s = settings({ x: 1 }, { sd: 'population', statusCuts: [-0.999, 1, 1.5] });
		expect(classRange(2, s, t, 'de-DE')).toBe('über \u22120,999 bis +1 SD');
		expect(classRange(2, { ...s, cutTie: 'upper' }, t, 'de-DE')).toBe('ab \u22120,999 bis unter +1 SD');
		expect(classRange(4, { ...s, cutTie: 'upper' }, t, 'de-DE')).toBe('ab +1,5 SD');
		expect(legendMethod(s, 38, t, 'de-DE')).toBe('Grenzen \u22120,999 / +1 / +1,5 SD (SD der Grundgesamtheit, ÷ n); 38 Sozialräume');
	});

	it('without any population figures: no area is excluded as small, and the text says the minimum was not applied', () => {
		const unknown = K.map((k) => area(k, null));
		const s = settings({ x: 1, y: 1 });
		const st = statusIndex(unknown, now, s, polarity);
		expect(st.populationMinimum).toBe('noPopulation');
		expect(st.included).toBe(5);
		const text = describeMethod(s, st, null, { t, label, year: 2025, locale: 'de-DE' }).join(' ');
		expect(text).toContain('Keine Einwohnerzahlen im Datenpaket: Mindestgröße nicht angewandt.');
		expect(text).not.toContain('unter 300 Einwohnerinnen');
	});
});
