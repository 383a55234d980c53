import { describe, expect, it } from 'vitest';
import { consoleSearch, parseConsoleView, MAX_SQL_IN_URL } from './url-state';

describe('console permalink', () => {
	it('round-trips query, view and column', () => {
		const v = { sql: "SELECT area_key, value\nFROM observations WHERE indicator_id = 'sgb2_u15' AND value > 5 & 1 = 1", view: 'map' as const, column: 'value' };
		const search = consoleSearch(v);
		expect(search).toContain('ansicht=karte');
		expect(parseConsoleView(new URL(`http://x/analyse/${search}`).searchParams)).toEqual(v);
	});

	it('leaves defaults out and falls back to the table for an unknown view', () => {
		expect(consoleSearch({ sql: '', view: 'table', column: '' })).toBe('');
		expect(parseConsoleView(new URLSearchParams('ansicht=kuchen'))).toEqual({ sql: '', view: 'table', column: '' });
	});

	it('keeps very long queries out of the address', () => {
		expect(consoleSearch({ sql: 'x'.repeat(MAX_SQL_IN_URL + 1), view: 'chart', column: '' })).toBe('?ansicht=diagramm');
	});
});
