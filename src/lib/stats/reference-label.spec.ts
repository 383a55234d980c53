import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n/translate';
import type { MessageKey } from '$lib/i18n/messages';
import { isMeanReference, meanNames, referenceName } from './reference-label';

const de = (key: MessageKey, p?: Record<string, string | number>) => translate('de', key, p);
const en = (key: MessageKey, p?: Record<string, string | number>) => translate('en', key, p);

describe('reference names', () => {
	it('calls a pooled value the city value, and nothing else', () => {
		expect(referenceName({ basis: 'pooled', weights: null }, de)).toBe('Stadtwert');
		expect(referenceName(null, de)).toBe('Stadtwert');
		expect(isMeanReference({ basis: 'pooled', weights: null })).toBe(false);
	});

	it('labels a mean as such, with its weights (issue #14)', () => {
		expect(referenceName({ basis: 'mean', weights: null }, de)).toBe('Mittelwert der Sozialräume (ungewichtet)');
		expect(referenceName({ basis: 'weighted', weights: 'insgesamt' }, de)).toBe('Mittelwert der Sozialräume (nach Einwohnerzahl gewichtet)');
		expect(referenceName({ basis: 'weighted', weights: '0_2' }, de)).toBe('Mittelwert der Sozialräume (nach Einwohnerzahl von 0 bis 2 Jahren gewichtet)');
		expect(referenceName({ basis: 'weighted', weights: '16_17|18_26' }, de)).toBe('Mittelwert der Sozialräume (nach Einwohnerzahl von 16 bis 26 Jahren gewichtet)');
		expect(referenceName({ basis: 'weighted', weights: '0_2' }, en)).toBe('Mean of the areas (weighted by residents aged 0 to 2)');
	});

	it('has a short form for chart labels that still says "mean"', () => {
		expect(referenceName({ basis: 'mean', weights: null }, de, 'short')).toBe('Mittelwert (ungewichtet)');
		expect(referenceName({ basis: 'weighted', weights: 'insgesamt' }, de, 'short')).toBe('Mittelwert (gewichtet)');
		expect(referenceName({ basis: 'pooled', weights: null }, de, 'short')).toBe('Stadtwert');
	});

	it('lists each distinct mean once for footnotes, and no pooled value', () => {
		const refs = [
			{ basis: 'pooled' as const, weights: null },
			{ basis: 'mean' as const, weights: null },
			null,
			{ basis: 'mean' as const, weights: null },
			{ basis: 'weighted' as const, weights: '0_2' }
		];
		expect(meanNames(refs, de)).toEqual(['Mittelwert der Sozialräume (ungewichtet)', 'Mittelwert der Sozialräume (nach Einwohnerzahl von 0 bis 2 Jahren gewichtet)']);
		expect(meanNames([{ basis: 'pooled', weights: null }], de)).toEqual([]);
	});
});
