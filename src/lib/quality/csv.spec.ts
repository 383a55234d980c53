import { describe, expect, it } from 'vitest';
import { findingsCsv } from './csv';
import { translate } from '$lib/i18n/translate';
import type { Indicator } from '$lib/data/types';

const de = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('de', key, params);

describe('findingsCsv', () => {
	it('writes one semicolon row per finding with names, years and the sentence', () => {
		const ind = { id: 'ogs_quote', label_de: 'OGS-Quote', unit: '%', decimals: 1 } as Indicator;
		const csv = findingsCsv(
			[{ check: 'missing_areas', severity: 'warning', indicator_id: 'ogs_quote', years: [2019], areas: ['0504'], detail: { missing: 1, total: 41, withValue: 38, zeroDenominator: 0 } }],
			new Map([['ogs_quote', ind]]),
			(k) => (k === '0504' ? 'Großheide' : k),
			(i) => i.label_de,
			de,
			'de-DE'
		);
		const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
		expect(lines[0]).toBe('Art;Prüfung;Indikator-Kennung;Indikator;Jahre;Gebietsschlüssel;Gebiete;Befund');
		expect(lines[1]).toBe('Prüfen;Fehlende Gebiete;ogs_quote;OGS-Quote;2019;0504;Großheide;1 von 41 Gebieten ohne Wert.');
	});
});
