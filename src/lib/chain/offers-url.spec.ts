import { describe, expect, it } from 'vitest';
import { NO_FILTER } from './offers';
import { MAX_QUERY, offersSearch, parseOffersView, type OffersView } from './offers-url';

const ctx = {
	areaKeys: new Set(['0101', '0603']),
	topics: ['Familie', 'Sprache & Lesen'],
	providers: ['Stadt Musterstadt, Jugendamt', 'AWO'],
	offerIds: new Set(['A001', 'A002'])
};
const parse = (q: string) => parseOffersView(new URLSearchParams(q), ctx);

describe('offers URL state', () => {
	it('round-trips every filter, the search text and the selected offer', () => {
		const v: OffersView = {
			filter: { phase: '3_6', topic: 'Sprache & Lesen', provider: 'Stadt Musterstadt, Jugendamt', area: '0603', query: 'Übergang  kita ' },
			selected: 'A002'
		};
		const q = offersSearch(v);
		expect(parse(q)).toEqual(v);
		expect(new URL('http://x.example/angebote/' + q).search).toBe(q);
		expect(q).toBe('?lebensphase=3_6&thema=Sprache%20%26%20Lesen&traeger=Stadt%20Musterstadt,%20Jugendamt&sozialraum=0603&suche=%C3%9Cbergang%20%20kita%20&angebot=A002');
	});

	it('writes nothing for the unfiltered list and keeps the links the matrix makes', () => {
		expect(offersSearch({ filter: NO_FILTER, selected: null })).toBe('');
		expect(parse('lebensphase=u3&sozialraum=0101')).toEqual({ filter: { ...NO_FILTER, phase: 'u3', area: '0101' }, selected: null });
	});

	it('ignores values this package does not have', () => {
		expect(parse('lebensphase=kontext&thema=Gibtsnicht&traeger=X&sozialraum=101&angebot=Z999')).toEqual({ filter: NO_FILTER, selected: null });
		expect(parse('angebot=__proto__&thema=constructor').selected).toBeNull();
	});

	it('keeps a search text as plain text, without control characters and not too long', () => {
		expect(parse('suche=%3Cscript%3Ealert(1)%3C%2Fscript%3E').filter.query).toBe('<script>alert(1)</script>');
		expect(parse('suche=a%0A%00b').filter.query).toBe('ab');
		expect(parse('suche=' + 'x'.repeat(1000)).filter.query).toHaveLength(MAX_QUERY);
	});
});

describe('offers view: ended offers', () => {
	it('writes and reads beendete=1, and leaves it out by default', () => {
		const ctx = { areaKeys: new Set<string>(), topics: [], providers: [], offerIds: new Set<string>() };
		expect(offersSearch({ filter: NO_FILTER, selected: null, inactive: true })).toBe('?beendete=1');
		expect(offersSearch({ filter: NO_FILTER, selected: null })).toBe('');
		expect(parseOffersView(new URLSearchParams('beendete=1'), ctx).inactive).toBe(true);
		expect(parseOffersView(new URLSearchParams('beendete=ja'), ctx).inactive).toBeUndefined();
	});
});
