import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatAsEntered, formatNumber, formatValue, MISSING_VALUE, unitSuffix } from './format';

// Expected strings follow CLDR via Intl.NumberFormat: de-DE "." groups and "," decimals,
// en-GB "," groups and "." decimals; U+00A0 (no-break space) separates number and unit.
const NB = '\u00a0';

describe('formatNumber', () => {
	it('de-DE: 1.234 and 12,5', () => {
		expect(formatNumber(1234, 0, 'de-DE')).toBe('1.234');
		expect(formatNumber(12.5, 1, 'de-DE')).toBe('12,5');
		expect(formatNumber(1234567.891, 2, 'de-DE')).toBe('1.234.567,89');
		expect(formatNumber(3, 1)).toBe('3,0');
	});

	it('en-GB: 1,234 and 12.5', () => {
		expect(formatNumber(1234, 0, 'en-GB')).toBe('1,234');
		expect(formatNumber(12.5, 1, 'en-GB')).toBe('12.5');
	});

	it('missing values print as "–", never as 0', () => {
		for (const v of [null, undefined, Number.NaN, Infinity]) {
			expect(formatNumber(v, 1)).toBe(MISSING_VALUE);
			expect(formatValue(v, '%', 1)).toBe('–');
		}
	});

	it('a value that rounds to zero has no minus sign', () => {
		expect(formatNumber(-0.01, 1, 'de-DE')).toBe('0,0');
		expect(formatNumber(-0.06, 1, 'de-DE')).toBe('-0,1');
	});

	it('property: the de-DE string parses back to the rounded value', () => {
		fc.assert(
			fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 3 }), (v, d) => {
				const s = formatNumber(v, d, 'de-DE');
				const back = Number(s.replace(/\./g, '').replace(',', '.'));
				expect(Math.abs(back - v)).toBeLessThanOrEqual(0.5 * 10 ** -d + 1e-9 * Math.abs(v));
			})
		);
	});
});

describe('formatValue', () => {
	it('per cent: "12,5 %" (de-DE, space as DIN 5008) and "12.5%" (en-GB)', () => {
		expect(formatValue(12.5, '%', 1, 'de-DE')).toBe(`12,5${NB}%`);
		expect(formatValue(12.5, '%', 1, 'en-GB')).toBe('12.5%');
	});

	it('per 1,000: "3,4 je 1.000" and "3.4 per 1,000"', () => {
		expect(formatValue(3.4, 'je 1.000', 1, 'de-DE')).toBe(`3,4${NB}je${NB}1.000`);
		expect(formatValue(3.4, 'je 1.000', 1, 'en-GB')).toBe(`3.4${NB}per${NB}1,000`);
		expect(formatValue(250, 'je 100.000 Einw.', 0, 'de-DE')).toBe(`250${NB}je${NB}100.000 Einw.`);
	});

	it('counts and other units', () => {
		expect(formatValue(1234, 'Anzahl', 0, 'de-DE')).toBe('1.234');
		expect(formatValue(1234, '', 0, 'de-DE')).toBe('1.234');
		expect(formatValue(7, 'Plätze', 0, 'de-DE')).toBe(`7${NB}Plätze`);
		expect(unitSuffix(null)).toBe('');
	});
});

describe('formatAsEntered', () => {
	it('keeps every decimal the number has, in de-DE notation (−0.999 is not "−1,0")', () => {
		expect(formatAsEntered(-0.999, 'de-DE')).toBe('-0,999');
		expect(formatAsEntered(1.5, 'de-DE')).toBe('1,5');
		expect(formatAsEntered(-1, 'de-DE')).toBe('-1');
		expect(formatAsEntered(0.125, 'en-GB')).toBe('0.125');
		expect(formatAsEntered(1234.25, 'de-DE')).toBe('1.234,25');
	});

	it('prints the shortest decimal that is the same number (0.1 + 0.2 stays visible as what it is)', () => {
		expect(formatAsEntered(0.1, 'de-DE')).toBe('0,1');
		expect(formatAsEntered(0.1 + 0.2, 'de-DE')).toBe('0,30000000000000004');
		expect(formatAsEntered(-0, 'de-DE')).toBe('0');
		expect(formatAsEntered(null, 'de-DE')).toBe(MISSING_VALUE);
	});
});
