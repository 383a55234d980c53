import { expect, it } from 'vitest';
import { formatDate } from './dates';

it('formats the Datenstand as a German date without shifting the day', () => {
	expect(formatDate('2026-06-30', 'de-DE')).toBe('30.06.2026');
	expect(formatDate('2026-01-01T00:00:00Z', 'de-DE')).toBe('01.01.2026');
	expect(formatDate('unbekannt', 'de-DE')).toBe('unbekannt');
});
