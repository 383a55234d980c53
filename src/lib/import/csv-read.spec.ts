import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvFormatRows, dsvFormat } from 'd3';
import { DsvParser, detectDelimiter, readCsv } from './csv-read';

function parseInPieces(text: string, delimiter: ';' | ',', cuts: number[]): string[][] {
	const p = new DsvParser(delimiter);
	let at = 0;
	for (const cut of [...cuts].sort((a, b) => a - b)) {
		p.push(text.slice(at, cut));
		at = cut;
	}
	p.push(text.slice(at));
	return p.end();
}

describe('detectDelimiter', () => {
	it('finds semicolon, comma, tab and pipe', () => {
		expect(detectDelimiter('Schlüssel;Name;Anzahl\n0101;Altstadt;1.234,5\n')).toBe(';');
		expect(detectDelimiter('key,name,value\n0101,"Altstadt, Süd",12.5\n')).toBe(',');
		expect(detectDelimiter('key\tname\tvalue\n0101\tAltstadt\t12\n')).toBe('\t');
		expect(detectDelimiter('key|name|value\n0101|Altstadt|12\n')).toBe('|');
	});

	it('is not fooled by decimal commas in a semicolon file', () => {
		expect(detectDelimiter('Gebiet;Quote\n0101;12,5\n0102;3,25\n0103;7,0\n')).toBe(';');
	});

	it('ignores delimiters inside quotes and a title line above the table', () => {
		expect(detectDelimiter('"Tabelle 1: Kinder, Jugendliche; Stand 2023"\nA,B,C\n1,2,3\n4,5,6\n')).toBe(',');
	});
});

describe('DsvParser', () => {
	it('handles quotes, doubled quotes, embedded delimiters and line breaks, CRLF and CR', () => {
		const text = 'a;"b;c";"say ""hi"""\r\n"multi\nline";x;\r1;2;3';
		expect(parseInPieces(text, ';', [])).toEqual([
			['a', 'b;c', 'say "hi"'],
			['multi\nline', 'x', ''],
			['1', '2', '3']
		]);
	});

	it('gives the same rows however the text is cut into chunks', () => {
		const cell = fc.string({ unit: fc.constantFrom('a', 'ä', ';', ',', '"', '\n', '\r\n', ' ', '1') });
		const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 });
		fc.assert(
			fc.property(table, fc.array(fc.nat(200), { maxLength: 5 }), (rows, cuts) => {
				const text = dsvFormat(';').formatRows(rows);
				const expected = dsvFormat(';').parseRows(text);
				expect(parseInPieces(text, ';', cuts.map((c) => c % (text.length + 1)))).toEqual(expected);
			})
		);
	});

	it('agrees with d3-dsv on comma files', () => {
		const rows = [['id', 'name'], ['1', 'A, "B"'], ['2', '']];
		const text = csvFormatRows(rows);
		expect(parseInPieces(text, ',', [3, 9])).toEqual(rows);
	});
});

describe('readCsv', () => {
	it('decodes Windows-1252, detects the delimiter and keeps every cell as text', () => {
		const bytes = Uint8Array.from([...'Schl\xfcssel;Anzahl\n0101;1.234\n'].map((c) => c.charCodeAt(0)));
		const r = readCsv(bytes);
		expect(r.encoding).toBe('windows-1252');
		expect(r.delimiter).toBe(';');
		expect(r.grid).toEqual([['Schlüssel', 'Anzahl'], ['0101', '1.234']]);
	});
});
