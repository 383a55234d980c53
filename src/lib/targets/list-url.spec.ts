import { describe, expect, it } from 'vitest';
import { listFilterSearch, parseListFilter } from './list-url';
import { CITY_FILTER } from './scope';

const keys = new Set(['01', '0101', '0603']);
const parse = (q: string) => parseListFilter(new URLSearchParams(q), keys);

describe('target list URL', () => {
	it('round-trips phase and area, the city filter included', () => {
		for (const f of [{ phase: 'u3' as const, area: '0603' }, { phase: '' as const, area: CITY_FILTER }, { phase: 'kontext' as const, area: '01' }, { phase: '' as const, area: '' }]) {
			expect(parse(listFilterSearch(f))).toEqual(f);
		}
		expect(listFilterSearch({ phase: '3_6', area: '*' })).toBe('?lebensphase=3_6&gebiet=*');
		expect(listFilterSearch({ phase: '', area: '' })).toBe('');
	});

	it('ignores unknown phases and areas, and the parameters of a "new target" link', () => {
		expect(parse('lebensphase=9_99&gebiet=0999')).toEqual({ phase: '', area: '' });
		expect(parse('neu&indikator=sgb2_u15&sozialraum=0603')).toEqual({ phase: '', area: '' });
	});
});
