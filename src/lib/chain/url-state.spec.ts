import { describe, expect, it } from 'vitest';
import { chainSearch, DEFAULT_CHAIN_VIEW, parseChainView } from './url-state';
import { CHAIN_PHASES } from './phases';

const parse = (q: string) => parseChainView(new URLSearchParams(q));

describe('prevention chain URL state', () => {
	it('round-trips every combination of phase, method, measure and order', () => {
		for (const focus of CHAIN_PHASES)
			for (const method of ['tercile', 'sd'] as const)
				for (const measure of ['offers', 'places'] as const)
					for (const sort of ['key', 'gaps', 'name'] as const) {
						const v = { focus, method, measure, sort };
						expect(parse(chainSearch(v))).toEqual(v);
					}
	});

	it('writes nothing for the default view and readable words otherwise', () => {
		expect(chainSearch(DEFAULT_CHAIN_VIEW)).toBe('');
		expect(chainSearch({ focus: '3_6', method: 'sd', measure: 'places', sort: 'gaps' })).toBe('?lebensphase=3_6&methode=sd&mass=plaetze&sortierung=luecken');
	});

	it('falls back to the defaults for unknown or hostile values', () => {
		expect(parse('')).toEqual(DEFAULT_CHAIN_VIEW);
		expect(parse('lebensphase=kontext&methode=SD&mass=%3Cscript%3E&sortierung=toString')).toEqual(DEFAULT_CHAIN_VIEW);
		expect(parse('lebensphase=__proto__&sortierung=constructor')).toEqual(DEFAULT_CHAIN_VIEW);
		expect(parse('lebensphase=16_27&methode=sd').focus).toBe('16_27');
	});
});
