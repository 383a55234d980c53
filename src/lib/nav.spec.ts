import { describe, expect, it } from 'vitest';
import { NAV_ITEMS, isCurrent, selectionFromUrl } from './nav';

const item = (path: string) => NAV_ITEMS.find((i) => i.path === path)!;

describe('navigation', () => {
	it('carries the atlas selection to the profile and the indicator page', () => {
		const s = selectionFromUrl('/', new URLSearchParams('indikator=sgb2_u15&jahr=2024&sozialraum=0603'));
		expect(s).toEqual({ area: '0603', indicator: 'sgb2_u15', year: 2024 });
		expect(item('/sozialraum/').search!(s)).toBe('?id=0603&jahr=2024&indikator=sgb2_u15');
		expect(item('/indikator/').search!(s)).toBe('?id=sgb2_u15&jahr=2024&sozialraum=0603');
	});

	it('carries the profile selection back to the atlas', () => {
		const s = selectionFromUrl('/sozialraum/', new URLSearchParams('id=0101&jahr=2025'));
		expect(item('/').search!(s)).toBe('?jahr=2025&sozialraum=0101');
	});

	it('marks only the current page', () => {
		expect(isCurrent(item('/'), '/')).toBe(true);
		expect(isCurrent(item('/'), '/sozialraum/')).toBe(false);
		expect(isCurrent(item('/sozialraum/'), '/stadt/monitor/sozialraum/')).toBe(true);
		expect(isCurrent(item('/'), '/stadt/monitor/')).toBe(true);
	});
});
