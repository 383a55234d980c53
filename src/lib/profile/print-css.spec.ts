import { describe, expect, it } from 'vitest';
import { cssString, printPageCss } from './print-css';

describe('print page css', () => {
	it('escapes quotes, backslashes, line breaks and angle brackets', () => {
		expect(cssString('Altstadt "Süd"')).toBe('"Altstadt \\"Süd\\""');
		expect(cssString('a\\b')).toBe('"a\\\\b"');
		expect(cssString('a\nb')).toBe('"a b"');
		expect(cssString('</style><script>')).not.toContain('<');
	});

	it('sets A4 landscape with running header, footer and page numbers', () => {
		const css = printPageCss({ topLeft: 'Steckbrief Altstadt', topRight: 'Datenstand: 30.06.2026', bottomLeft: 'Fiktive Daten', page: 'Seite', of: 'von' });
		expect(css).toContain('size: A4 landscape');
		expect(css).toContain('@top-left { content: "Steckbrief Altstadt";');
		expect(css).toContain('@bottom-right { content: "Seite " counter(page) " von " counter(pages);');
		// balanced braces: the rule cannot leak into the rest of the sheet
		expect(css.split('{').length).toBe(css.split('}').length);
	});
});
