import { describe, expect, it } from 'vitest';
import { atlasSearch, keepYear, parseAtlasState } from './url-state';

const options = {
	indicators: ['sgb2_u15', 'betreuung_u3'],
	defaultIndicator: 'sgb2_u15',
	yearsOf: (i: string) => (i === 'sgb2_u15' ? [2014, 2015, 2025] : [2020, 2021]),
	areaKeys: new Set(['0101', '0102'])
};
const parse = (q: string) => parseAtlasState(new URLSearchParams(q), options);

describe('atlas URL state', () => {
	it('round-trips a full state, keeping leading zeros of area keys', () => {
		const s = { indicator: 'betreuung_u3', year: 2020, area: '0102' };
		expect(parse(atlasSearch(s))).toEqual(s);
		expect(atlasSearch(s)).toBe('?indikator=betreuung_u3&jahr=2020&sozialraum=0102');
	});

	it('falls back to the default indicator and its latest year', () => {
		expect(parse('')).toEqual({ indicator: 'sgb2_u15', year: 2025, area: null });
		expect(parse('indikator=gibtsnicht&jahr=abc')).toEqual({ indicator: 'sgb2_u15', year: 2025, area: null });
	});

	it('rejects a year without data and an unknown area instead of showing a broken view', () => {
		expect(parse('indikator=betreuung_u3&jahr=2025&sozialraum=101')).toEqual({
			indicator: 'betreuung_u3',
			year: 2021,
			area: null
		});
	});

	it('keeps the year across an indicator change when the new indicator has it', () => {
		expect(keepYear(2020, [2019, 2020])).toBe(2020);
		expect(keepYear(2025, [2019, 2020])).toBe(2020);
	});
});
