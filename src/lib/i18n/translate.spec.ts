import { describe, expect, it } from 'vitest';
import { de, en } from './messages';
import { translate } from './translate';
import { VOCABULARY_WORDS } from './vocabulary';

describe('translate', () => {
	it('fills placeholders and keeps unknown ones visible', () => {
		expect(translate('de', 'atlas.heading', { indicator: 'Kinderarmut', year: 2025 })).toBe('Atlas: Kinderarmut, 2025');
		expect(translate('en', 'atlas.cityValue', { year: 2025 })).toBe('City value 2025: {value}');
	});

	it('has an English text for every German key and no English key German lacks', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
		for (const key of Object.keys(de) as (keyof typeof de)[]) expect(en[key].length).toBeGreaterThan(0);
	});

	it('uses the same placeholders in both languages (level words aside: a language may not need them)', () => {
		const words: readonly string[] = VOCABULARY_WORDS;
		const names = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((n) => !words.includes(n)))].sort();
		for (const key of Object.keys(de) as (keyof typeof de)[]) expect(names(en[key]), key).toEqual(names(de[key]));
	});
});
