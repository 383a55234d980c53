import { describe, expect, it } from 'vitest';
import { atlasLinkSearch, indicatorSearch, neighbours, parseIndicatorParams, parseProfileParams, profileSearch } from './links';

const options = {
	areaKeys: ['0101', '0102', '0201'],
	indicators: ['sgb2_u15', 'sprache_befund'],
	defaultIndicator: 'sgb2_u15',
	yearsOf: (id: string | null) => (id === 'sprache_befund' ? [2019, 2021] : [2019, 2020, 2021])
};
const params = (s: string) => new URLSearchParams(s);

describe('links', () => {
	it('carries area, year and indicator to each page under the names each page reads', () => {
		const sel = { area: '0101', year: 2025, indicator: 'sgb2_u15' };
		expect(profileSearch(sel)).toBe('?id=0101&jahr=2025&indikator=sgb2_u15');
		expect(indicatorSearch(sel)).toBe('?id=sgb2_u15&jahr=2025&sozialraum=0101');
		expect(atlasLinkSearch(sel)).toBe('?indikator=sgb2_u15&jahr=2025&sozialraum=0101');
		expect(profileSearch({ area: '0101', year: null, indicator: null })).toBe('?id=0101');
	});

	it('reads a profile URL and falls back to valid choices', () => {
		expect(parseProfileParams(params('id=0102&jahr=2020&indikator=sprache_befund'), options)).toEqual({
			area: '0102',
			year: 2020,
			indicator: 'sprache_befund'
		});
		expect(parseProfileParams(params('id=9999&jahr=1900&indikator=x'), options)).toEqual({ area: '0101', year: 2021, indicator: null });
		expect(parseProfileParams(params('jahr=2020.5'), options).year).toBe(2021);
	});

	it('reads an indicator URL: unknown → default indicator, year without data → latest of that indicator', () => {
		expect(parseIndicatorParams(params('id=sprache_befund&jahr=2020&sozialraum=0201'), options)).toEqual({
			indicator: 'sprache_befund',
			year: 2021,
			area: '0201'
		});
		expect(parseIndicatorParams(params('id=nope'), options)).toEqual({ indicator: 'sgb2_u15', year: 2021, area: null });
	});

	it('carries the level and the conversion on indicator and atlas links, leaving the defaults out', () => {
		const sel = { area: '05999036', year: 2022, indicator: 'sgb2_u15', level: 'gemeinde', convert: 'population' as const };
		expect(indicatorSearch(sel)).toBe('?id=sgb2_u15&jahr=2022&sozialraum=05999036&ebene=gemeinde&umrechnung=bevoelkerung');
		expect(atlasLinkSearch(sel)).toBe('?indikator=sgb2_u15&jahr=2022&sozialraum=05999036&ebene=gemeinde&umrechnung=bevoelkerung');
		expect(indicatorSearch({ ...sel, level: null, convert: null })).toBe('?id=sgb2_u15&jahr=2022&sozialraum=05999036');
	});

	it('reads the level of an indicator URL: the area must be one of that level, an unknown level is the finest', () => {
		const geo = {
			...options,
			levels: ['ortsteil', 'gemeinde', 'kreis'],
			areaKeysOf: (level: string) => (level === 'gemeinde' ? ['05999004', '05999036'] : level === 'ortsteil' ? options.areaKeys : ['05999']),
			methods: ['population', 'area'] as const
		};
		expect(parseIndicatorParams(params('id=sgb2_u15&ebene=gemeinde&sozialraum=05999036&umrechnung=flaeche'), geo)).toEqual({
			indicator: 'sgb2_u15',
			year: 2021,
			area: '05999036',
			level: 'gemeinde',
			convert: 'area'
		});
		// an Ortsteil's key on the Gemeinde level highlights nothing; the finest level is not written
		expect(parseIndicatorParams(params('ebene=gemeinde&sozialraum=0101'), geo).area).toBeNull();
		const finest = parseIndicatorParams(params('ebene=bezirk&sozialraum=0101&umrechnung=vorgabe'), geo);
		expect(finest).toEqual({ indicator: 'sgb2_u15', year: 2021, area: '0101' });
		expect('level' in finest || 'convert' in finest).toBe(false);
	});

	it('finds previous and next area without wrapping around', () => {
		expect(neighbours(options.areaKeys, '0101')).toEqual({ prev: null, next: '0102' });
		expect(neighbours(options.areaKeys, '0102')).toEqual({ prev: '0101', next: '0201' });
		expect(neighbours(options.areaKeys, '0201')).toEqual({ prev: '0102', next: null });
		expect(neighbours(options.areaKeys, 'x')).toEqual({ prev: null, next: null });
	});
});
