import { describe, expect, it } from 'vitest';
import { detectDecimalMark, parseNumberCell } from './numbers';

const num = (cell: string | number, d: ',' | '.' = ',') => parseNumberCell(cell, d);

describe('parseNumberCell', () => {
	it('reads German numbers with decimal comma and thousands dots', () => {
		expect(num('1.234,5')).toEqual({ kind: 'number', value: 1234.5 });
		expect(num('1.234')).toEqual({ kind: 'number', value: 1234 });
		expect(num('12,5 %')).toEqual({ kind: 'number', value: 12.5 });
		expect(num('−3,25')).toEqual({ kind: 'number', value: -3.25 });
		expect(num('12 345')).toEqual({ kind: 'number', value: 12345 });
		expect(num('0')).toEqual({ kind: 'number', value: 0 });
	});

	it('reads English numbers when the file uses a decimal point', () => {
		expect(num('1,234.5', '.')).toEqual({ kind: 'number', value: 1234.5 });
		expect(num('12.5', '.')).toEqual({ kind: 'number', value: 12.5 });
	});

	it('keeps spreadsheet numbers as they are', () => {
		expect(num(1.5)).toEqual({ kind: 'number', value: 1.5 });
	});

	it('reports placeholders by their symbol instead of guessing a number', () => {
		for (const [cell, symbol] of [['.', '.'], ['-', '-'], ['–', '-'], ['x', 'x'], ['X', 'x'], ['()', '()'], ['…', '…'], ['...', '…'], ['*', '*'], ['/', '/']]) {
			expect(num(cell)).toEqual({ kind: 'placeholder', symbol });
		}
	});

	it('reads a bracketed number as a value of limited reliability', () => {
		expect(num('(12)')).toEqual({ kind: 'bracketed', value: 12 });
	});

	it('explains a number in the other convention and rejects garbage', () => {
		const r = num('1.5');
		expect(r.kind).toBe('invalid');
		expect(r.kind === 'invalid' && r.message).toContain('Dezimalpunkt');
		expect(num('12,5', '.')).toMatchObject({ kind: 'invalid' });
		expect(num('20x4')).toEqual({ kind: 'invalid', message: '„20x4“ ist keine Zahl.' });
		expect(num('1.23.4')).toMatchObject({ kind: 'invalid' });
	});

	it('treats whitespace as empty', () => {
		expect(num('  ')).toEqual({ kind: 'empty' });
	});
});

describe('detectDecimalMark', () => {
	it('recognises German and English samples', () => {
		expect(detectDecimalMark(['12,5', '3,25', '1.234'])).toBe(',');
		expect(detectDecimalMark(['12.5', '3.25', '100'])).toBe('.');
		expect(detectDecimalMark(['1', '2'])).toBe(',');
	});
});
