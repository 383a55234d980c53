import { describe, expect, it } from 'vitest';
import { geoParams, parseConvert, parseLevel } from './geo-url';

const levels = ['ortsteil', 'gemeinde', 'kreis'];

describe('level and conversion in links', () => {
	it('reads a known level and falls back to the finest', () => {
		expect(parseLevel(new URLSearchParams('ebene=gemeinde'), levels)).toBe('gemeinde');
		expect(parseLevel(new URLSearchParams('ebene=bezirk'), levels)).toBe('ortsteil');
		expect(parseLevel(new URLSearchParams(''), levels)).toBe('ortsteil');
	});

	it('reads a conversion method only when the package offers it', () => {
		expect(parseConvert(new URLSearchParams('umrechnung=flaeche'), ['population', 'area'])).toBe('area');
		expect(parseConvert(new URLSearchParams('umrechnung=vorgabe'), ['population', 'area'])).toBeNull();
		expect(parseConvert(new URLSearchParams('umrechnung=area'), ['area'])).toBeNull();
	});

	it('writes only what differs from the default, and reads back what it wrote', () => {
		expect(geoParams('ortsteil', levels, null)).toEqual([]);
		const entries = geoParams('gemeinde', levels, 'population');
		expect(entries).toEqual([['ebene', 'gemeinde'], ['umrechnung', 'bevoelkerung']]);
		const p = new URLSearchParams(entries);
		expect([parseLevel(p, levels), parseConvert(p, ['population'])]).toEqual(['gemeinde', 'population']);
	});
});
