import { describe, expect, it } from 'vitest';
import { cell, neutralise, toCsv } from './csv';

describe('CSV for Excel (de-DE)', () => {
	it('writes a BOM, semicolons, decimal commas and CRLF', () => {
		expect(toCsv(['Sozialraum', 'Wert'], [['Altstadt/Süd', 12.5], ['Hafen; Nord', null]])).toBe('\uFEFFSozialraum;Wert\r\nAltstadt/Süd;12,5\r\n"Hafen; Nord";\r\n');
	});

	it('neutralises text that a spreadsheet would run as a formula, but not numbers', () => {
		for (const s of ['=1+1', '+49', '-x', '@SUM(A1)', '\tx']) expect(neutralise(s)).toBe(`'${s}`);
		expect(cell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(cell(-1.5)).toBe('-1,5');
		expect(cell(-0.0001)).toBe('0');
		expect(cell(Number.NaN)).toBe('');
	});
});
