import { describe, expect, it } from 'vitest';
import { nameCandidates, nameSimilarity, normaliseName } from './names';

describe('normaliseName', () => {
	it('makes the usual spellings of one area equal', () => {
		const forms = ['Altstadt/Süd', 'Altstadt-Süd', 'altstadt süd', 'Altstadt – Sued', ' ALTSTADT / SÜD '];
		expect(new Set(forms.map(normaliseName))).toEqual(new Set(['altstadt sued']));
	});

	it('spells out St. as Sankt and ß as ss', () => {
		expect(normaliseName('St. Georg')).toBe(normaliseName('Sankt Georg'));
		expect(normaliseName('Großer Garten')).toBe('grosser garten');
	});
});

describe('nameSimilarity and candidates', () => {
	const areas = [
		{ key: '0101', name: 'Altstadt/Süd' },
		{ key: '0102', name: 'Altstadt/Nord' },
		{ key: '0201', name: 'Sankt Georg' },
		{ key: '0301', name: 'Hafen' }
	];

	it('gives 1 only for names equal after normalisation', () => {
		expect(nameSimilarity('Altstadt-Süd', 'Altstadt/Süd')).toBe(1);
		expect(nameSimilarity('Altstadt Sued', 'Altstadt/Süd')).toBe(1);
		expect(nameSimilarity('Altstadt-Südost', 'Altstadt/Süd')).toBeLessThan(1);
	});

	it('ranks the right area first for a misspelling, with a confidence below 1', () => {
		const c = nameCandidates('Altstadt Sud', areas);
		expect(c[0].key).toBe('0101');
		expect(c[0].confidence).toBeLessThan(1);
		expect(c[0].confidence).toBeGreaterThan(c[1].confidence);
	});

	it('finds St. Georg for Sankt Georg as an exact match', () => {
		expect(nameCandidates('St. Georg', areas)[0]).toEqual({ key: '0201', name: 'Sankt Georg', confidence: 1 });
	});

	it('suggests nothing for an unrelated name', () => {
		expect(nameCandidates('Zollverein', areas)).toEqual([]);
	});
});
