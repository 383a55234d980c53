import { describe, expect, it } from 'vitest';
import { atlasSearch, DEFAULT_VIEW, keepYear, namesUnknownIndicator, parseAtlasState } from './url-state';

const options = {
	indicators: ['sgb2_u15', 'betreuung_u3'],
	defaultIndicator: 'sgb2_u15',
	yearsOf: (i: string) => (i === 'sgb2_u15' ? [2014, 2015, 2025] : [2020, 2021]),
	areaKeys: new Set(['0101', '0102'])
};
const parse = (q: string) => parseAtlasState(new URLSearchParams(q), options);

describe('atlas URL state', () => {
	it('round-trips a full state, keeping leading zeros of area keys', () => {
		const s = { indicator: 'betreuung_u3', year: 2020, area: '0102', view: DEFAULT_VIEW };
		expect(parse(atlasSearch(s))).toEqual(s);
		expect(atlasSearch(s)).toBe('?indikator=betreuung_u3&jahr=2020&sozialraum=0102');
	});

	it('round-trips class method, number of classes, fixed breaks, comparison mode and level', () => {
		const view = { mode: 'compare' as const, method: 'naturalBreaks' as const, k: 7, fixed: true, level: 0.998 as const, breaks: [] };
		const s = { indicator: 'sgb2_u15', year: 2015, area: null, view };
		expect(parse(atlasSearch(s))).toEqual(s);
		expect(atlasSearch(s)).toContain('modus=vergleich');
		expect(atlasSearch(s)).toContain('niveau=99.8');
	});

	it('keeps manual breaks sorted and drops the manual method without breaks', () => {
		expect(parse('klassen=manual&grenzen=20_10_30').view).toMatchObject({ method: 'manual', breaks: [10, 20, 30] });
		expect(parse('klassen=manual').view.method).toBe('quantile');
		expect(parse('klassen=erfunden&anzahl=99').view).toMatchObject({ method: 'quantile', k: 5 });
	});

	it('falls back to the default indicator and its latest year', () => {
		expect(parse('')).toEqual({ indicator: 'sgb2_u15', year: 2025, area: null, view: DEFAULT_VIEW });
		expect(parse('indikator=gibtsnicht&jahr=abc')).toMatchObject({ indicator: 'sgb2_u15', year: 2025, area: null });
	});

	it('rejects a year without data and an unknown area instead of showing a broken view', () => {
		expect(parse('indikator=betreuung_u3&jahr=2025&sozialraum=101')).toMatchObject({
			indicator: 'betreuung_u3',
			year: 2021,
			area: null
		});
	});

	it('keeps the year across an indicator change when the new indicator has it', () => {
		expect(keepYear(2020, [2019, 2020])).toBe(2020);
		expect(keepYear(2025, [2019, 2020])).toBe(2020);
	});
});

describe('atlas URL state across levels and boundary versions', () => {
	const geo = {
		...options,
		levels: ['ortsteil', 'gemeinde', 'kreis'],
		areaKeysOf: (l: string) => new Set(l === 'gemeinde' ? ['G1', 'G2'] : l === 'ortsteil' ? ['0101', '0102'] : ['K']),
		methods: ['population', 'area'] as const
	};
	const parseGeo = (q: string) => parseAtlasState(new URLSearchParams(q), { ...geo, methods: [...geo.methods] });

	it('round-trips a coarser level with an area of that level and a conversion method', () => {
		const s = { indicator: 'sgb2_u15', year: 2015, area: 'G2', view: DEFAULT_VIEW, level: 'gemeinde', convert: 'area' as const };
		expect(atlasSearch(s)).toContain('ebene=gemeinde');
		expect(atlasSearch(s)).toContain('umrechnung=flaeche');
		expect(parseGeo(atlasSearch(s))).toEqual(s);
	});

	it('keeps the finest level out of the link and drops an area of another level', () => {
		expect(parseGeo('ebene=ortsteil&sozialraum=0101')).toEqual({ indicator: 'sgb2_u15', year: 2025, area: '0101', view: DEFAULT_VIEW });
		expect(parseGeo('ebene=gemeinde&sozialraum=0101').area).toBeNull();
		expect(parseGeo('ebene=bezirk&sozialraum=G1')).toMatchObject({ area: null });
		expect(parseGeo('umrechnung=vorgabe').convert).toBeUndefined();
	});

	it('tells a link to an indicator not (yet) in the catalogue from one without or with a known indicator', () => {
		const known = (id: string) => options.indicators.includes(id);
		expect(namesUnknownIndicator(new URLSearchParams('indikator=eigen_betreuung&jahr=2024'), known)).toBe(true);
		expect(namesUnknownIndicator(new URLSearchParams('indikator=betreuung_u3'), known)).toBe(false);
		expect(namesUnknownIndicator(new URLSearchParams('jahr=2024'), known)).toBe(false);
		expect(namesUnknownIndicator(new URLSearchParams('indikator='), known)).toBe(false);
	});
});
