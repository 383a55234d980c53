import { describe, expect, it } from 'vitest';
import { decodeChunks, decodeText, isUtf8 } from './decode';

const cp1252 = (s: string) => Uint8Array.from([...s].map((ch) => ({ ä: 0xe4, ö: 0xf6, ü: 0xfc, ß: 0xdf, Ä: 0xc4, '€': 0x80 })[ch] ?? ch.charCodeAt(0)));

describe('decodeText', () => {
	it('reads UTF-8 without BOM as UTF-8, silently', () => {
		const r = decodeText(new TextEncoder().encode('Schlüssel;Größe'));
		expect(r).toMatchObject({ text: 'Schlüssel;Größe', encoding: 'utf-8', bom: false, notes: [] });
	});

	it('strips the BOM Excel writes and says it was there', () => {
		const r = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Jahr')]));
		expect(r).toMatchObject({ text: 'Jahr', encoding: 'utf-8', bom: true });
	});

	it('falls back to Windows-1252 for invalid UTF-8 and says so', () => {
		const r = decodeText(cp1252('Süd;Straße;€'));
		expect(r.text).toBe('Süd;Straße;€');
		expect(r.encoding).toBe('windows-1252');
		expect(r.notes[0]).toContain('kein gültiges UTF-8');
	});

	it('reads UTF-16LE with BOM (Excel "Unicode-Text")', () => {
		const bytes = new Uint8Array([0xff, 0xfe, 0x41, 0, 0xe4, 0]);
		expect(decodeText(bytes).text).toBe('Aä');
	});

	it('warns when a UTF-8 file is forced to Windows-1252 (mojibake)', () => {
		const r = decodeText(new TextEncoder().encode('Süd'), 'windows-1252');
		expect(r.text).toBe('SÃ¼d');
		expect(r.notes.join()).toContain('Bitte wählen Sie die Zeichenkodierung UTF-8');
	});

	it('keeps multi-byte characters intact across chunk borders', () => {
		const text = 'ä'.repeat(3_000_000); // 6 MB: crosses the 4 MiB chunk border inside a character
		const parts: string[] = [];
		const fractions: number[] = [];
		decodeChunks(new TextEncoder().encode(text), 'auto', (t) => parts.push(t), (f) => fractions.push(f));
		expect(parts.join('')).toBe(text);
		expect(fractions.at(-1)).toBe(1);
		expect(fractions.length).toBe(2);
	});
});

describe('isUtf8', () => {
	it('rejects overlong forms, surrogates and truncated sequences', () => {
		expect(isUtf8(new Uint8Array([0xc0, 0xaf]))).toBe(false);
		expect(isUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(false);
		expect(isUtf8(new Uint8Array([0xe2, 0x82]))).toBe(false);
		expect(isUtf8(new TextEncoder().encode('€ 𝄞 ß'))).toBe(true);
	});
});
