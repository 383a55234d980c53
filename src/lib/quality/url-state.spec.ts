import { describe, expect, it } from 'vitest';
import { parseQualityView, qualitySearch } from './url-state';

describe('quality report permalink', () => {
	it('round-trips every setting', () => {
		const v = { severity: 'warning' as const, check: 'jump' as const, indicator: 'sgb2_u15', minDenominator: 30 };
		const s = qualitySearch(v);
		expect(s).toBe('?art=pruefen&pruefung=jump&indikator=sgb2_u15&mindestnenner=30');
		expect(parseQualityView(new URLSearchParams(s), ['sgb2_u15'])).toEqual(v);
	});

	it('falls back to the defaults for unknown values and writes nothing for them', () => {
		const v = parseQualityView(new URLSearchParams('art=alles&pruefung=x&indikator=nope&mindestnenner=-3'), ['sgb2_u15']);
		expect(v).toEqual({ severity: 'all', check: '', indicator: '', minDenominator: 20 });
		expect(qualitySearch(v)).toBe('');
	});
});
