import { describe, expect, it } from 'vitest';
import { formatCell } from './cells';

describe('formatCell', () => {
	it('writes numbers the German way, NULL as a dash and keeps "•"', () => {
		expect(formatCell(1234.56789, 'de-DE')).toBe('1.234,568');
		expect(formatCell(1234.5, 'en-GB')).toBe('1,234.5');
		expect(formatCell(null, 'de-DE')).toBe('–');
		expect(formatCell('•', 'de-DE')).toBe('•');
		expect(formatCell(true, 'de-DE')).toBe('true');
	});
});
