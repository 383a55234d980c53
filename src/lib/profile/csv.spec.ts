import { describe, expect, it } from 'vitest';
import { cellText, csvFileName, csvNumber, neutralise, toCsv } from './csv';

describe('csv for German Excel', () => {
	it('starts with a BOM, separates with semicolons and ends lines with CRLF', () => {
		const s = toCsv(['Sozialraum', 'Wert'], [['Altstadt', { num: 31.25, decimals: 1 }]]);
		expect(s).toBe('\uFEFFSozialraum;Wert\r\nAltstadt;31,3\r\n');
	});

	it('writes numbers with a decimal comma and no grouping, rounded zero without sign', () => {
		expect(csvNumber(1234.5, 1)).toBe('1234,5');
		expect(csvNumber(-0.01, 1)).toBe('0,0');
		expect(csvNumber(null)).toBe('');
		expect(csvNumber(Number.NaN)).toBe('');
	});

	it('neutralises text cells that a spreadsheet would run as a formula', () => {
		for (const bad of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
			expect(neutralise(bad)).toBe(`'${bad}`);
		}
		expect(neutralise('Altstadt/Süd')).toBe('Altstadt/Süd');
		// the neutralised formula still gets quoted because of its quote characters
		expect(cellText('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
	});

	it('quotes cells with separators, quotes, line breaks or edge spaces', () => {
		expect(cellText('a;b')).toBe('"a;b"');
		expect(cellText('Zeile\nzwei')).toBe('"Zeile\nzwei"');
		expect(cellText(' x')).toBe('" x"');
		expect(cellText(null)).toBe('');
	});

	it('keeps the suppression mark as text', () => {
		expect(toCsv(['Wert'], [['•']])).toBe('\uFEFFWert\r\n•\r\n');
	});

	it('makes safe file names', () => {
		expect(csvFileName('steckbrief', '0101', 'Altstadt/Süd', 2025)).toBe('steckbrief_0101_altstadt-sud_2025.csv');
	});
});
