import { describe, expect, it } from 'vitest';
import { CONSOLE_VIEWS } from '$lib/data/analysis/views';
import { MESSAGES } from '$lib/i18n/messages';
import { columnKey, viewKey } from './doc-keys';

describe('view documentation', () => {
	it('has a German and an English text for every view and every column', () => {
		for (const v of CONSOLE_VIEWS) {
			expect(MESSAGES.de[viewKey(v.name)], v.name).toBeTruthy();
			expect(MESSAGES.en[viewKey(v.name)], v.name).toBeTruthy();
			for (const c of v.columns) {
				expect(MESSAGES.de[columnKey(v.name, c.name)], `${v.name}.${c.name}`).toBeTruthy();
				expect(MESSAGES.en[columnKey(v.name, c.name)], `${v.name}.${c.name}`).toBeTruthy();
			}
		}
	});

	it('tells the ids of different views apart', () => {
		expect(columnKey('offers', 'id')).toBe('sql.col.offers.id');
		expect(columnKey('derived_indicators', 'id')).toBe('sql.col.indicators.id');
		expect(columnKey('observations', 'year')).toBe('sql.col.year');
	});
});
