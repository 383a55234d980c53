import { describe, expect, it } from 'vitest';
import type { Indicator, LifePhase, Polarity } from '$lib/data/types';
import { defaultSettings, type IndexSettings } from './settings';
import { commonYears, hasIndexSettings, indexSearch, parseIndexArea, parseIndexSettings, type IndexUrlContext } from './url-state';

const ind = (id: string, polarity: Polarity, life_phase: LifePhase = 'kontext'): Indicator => ({
	id, label_de: id, label_en: id, unit: '%', multiplier: 100, value_type: 'proportion', polarity, life_phase, topic: '',
	definition_de: '', definition_en: '', numerator_label_de: '', denominator_label_de: '', source: '', decimals: 1
});

const ctx: IndexUrlContext = {
	indicators: [ind('sgb2_u15', 'higher_is_worse'), ind('alg2', 'higher_is_worse'), ind('zuzug', 'neutral'), ind('kita', 'higher_is_better', 'u3'), ind('leer', 'higher_is_worse', 'u3')],
	yearsBy: { sgb2_u15: [2023, 2024, 2025], alg2: [2022, 2023, 2024], zuzug: [2024, 2025], kita: [2025], leer: [] },
	areaKeys: new Set(['0101', '0603'])
};
const parse = (q: string) => parseIndexSettings(new URLSearchParams(q), ctx);
const defaults = defaultSettings(ctx.indicators);

const full: IndexSettings = {
	name: 'Jugendhilfe Süd',
	indicators: [
		{ id: 'alg2', weight: 2 },
		{ id: 'zuzug', weight: 0.5, orientation: 'higher_is_better' },
		{ id: 'sgb2_u15', weight: 0 }
	],
	method: 'percentile',
	sd: 'sample',
	cutTie: 'upper',
	year: 2024,
	dynamicsSpan: 3,
	minPopulation: 500,
	statusCuts: [-1.5, 0.5, 2],
	dynamicsCuts: [-0.5, 0.75]
};

describe('Sozialindex URL state', () => {
	it('round-trips every setting and the selected area', () => {
		const q = indexSearch(full, '0603');
		const p = new URLSearchParams(q);
		expect(parseIndexSettings(p, ctx)).toEqual(full);
		expect(parseIndexArea(p, ctx)).toBe('0603');
		expect(q).toBe('?ind=alg2,zuzug,sgb2_u15&w=2,0.5,0&dir=zuzug:gut&std=perzentil&sd=stichprobe&grenze=oben&jahr=2024&dyn=3&min=500&cuts=-1.5,0.5,2&dcuts=-0.5,0.75&name=Jugendhilfe%20S%C3%BCd&sozialraum=0603');
	});

	it('writes short links: defaults are left out, only the indicator list is always there', () => {
		expect(indexSearch(defaults, null)).toBe('?ind=sgb2_u15,alg2');
		expect(parse('?ind=sgb2_u15,alg2')).toEqual(defaults);
		expect(indexSearch({ ...defaults, indicators: [] }, null)).toBe('?ind=');
	});

	it('round-trips odd but valid numbers (thirds, tiny weights)', () => {
		const s = { ...defaults, indicators: [{ id: 'alg2', weight: 1 / 3 }, { id: 'sgb2_u15', weight: 1e-7 }], minPopulation: 12.5 };
		expect(parse(indexSearch(s, null))).toEqual(s);
	});

	it('defaults to the population SD and the lower class on a cut-off; unknown codes fall back to them', () => {
		expect(defaults).toMatchObject({ sd: 'population', cutTie: 'lower' });
		expect(parse('ind=alg2&sd=stichprobe&grenze=oben')).toMatchObject({ sd: 'sample', cutTie: 'upper' });
		expect(parse('ind=alg2&sd=n-1&grenze=mitte')).toMatchObject({ sd: 'population', cutTie: 'lower' });
		expect(hasIndexSettings(new URLSearchParams('sd=stichprobe'))).toBe(true);
	});

	it('tells a link with index settings from a plain /index/ link', () => {
		expect(hasIndexSettings(new URLSearchParams(''))).toBe(false);
		expect(hasIndexSettings(new URLSearchParams('sozialraum=0101'))).toBe(false);
		expect(hasIndexSettings(new URLSearchParams('ind='))).toBe(true);
		expect(hasIndexSettings(new URLSearchParams('min=500'))).toBe(true);
	});

	it('keeps a deliberately empty indicator list, but falls back when nothing listed is usable', () => {
		expect(parse('ind=').indicators).toEqual([]);
		expect(parse('ind=gibtsnicht,%3Cscript%3E').indicators).toEqual(defaults.indicators);
		expect(parse('min=500').indicators).toEqual(defaults.indicators);
	});

	it('drops unknown, duplicate and data-less indicators, keeping weights in line with the listed ids', () => {
		// "leer" has no years: it cannot be computed, so it cannot come from a link either
		expect(parse('ind=alg2,unbekannt,sgb2_u15,alg2,leer&w=2,9,3,7,4').indicators).toEqual([
			{ id: 'alg2', weight: 2 },
			{ id: 'sgb2_u15', weight: 3 }
		]);
	});

	it('gives bad weights weight 1 and ignores a direction for an indicator not in the index', () => {
		expect(parse('ind=alg2,sgb2_u15,kita&w=-1,abc').indicators).toEqual([
			{ id: 'alg2', weight: 1 },
			{ id: 'sgb2_u15', weight: 1 },
			{ id: 'kita', weight: 1 }
		]);
		expect(parse('ind=alg2&w=1e9').indicators[0].weight).toBe(1);
		expect(parse('ind=zuzug&dir=zuzug:boese,alg2:gut').indicators).toEqual([{ id: 'zuzug', weight: 1 }]);
		expect(parse('ind=zuzug&dir=zuzug:schlecht').indicators).toEqual([{ id: 'zuzug', weight: 1, orientation: 'higher_is_worse' }]);
	});

	it('falls back to defaults for unknown methods, spans and malformed numbers', () => {
		const s = parse('ind=alg2&std=eval(1)&dyn=7&min=-5&cuts=1,0,2&dcuts=-1&jahr=zwanzig');
		expect(s).toMatchObject({ method: 'zscore', dynamicsSpan: 2, minPopulation: 300, statusCuts: [-1, 1, 1.5], dynamicsCuts: [-1, 1], year: null });
		expect(parse('ind=alg2&cuts=-1,1,Infinity&dcuts=0x1,2').statusCuts).toEqual([-1, 1, 1.5]);
		expect(parse('ind=alg2&cuts=-1,1,1e2').statusCuts).toEqual([-1, 1, 1.5]);
		expect(parse('ind=alg2&dcuts=-1,1,2').dynamicsCuts).toEqual([-1, 1]);
	});

	it('accepts only a status year every weighted indicator has', () => {
		expect(parse('ind=sgb2_u15,alg2&jahr=2024').year).toBe(2024);
		expect(parse('ind=sgb2_u15,alg2&jahr=2025').year).toBeNull(); // alg2 ends in 2024
		expect(parse('ind=sgb2_u15,alg2&w=1,0&jahr=2025').year).toBe(2025); // weight 0 does not count
		expect(parse('ind=sgb2_u15&jahr=2024.5').year).toBeNull();
	});

	it('cleans the name: no control characters, at most 120 characters, markup stays plain text', () => {
		expect(parse('ind=alg2&name=%0A%07Mein%20Index%09').name).toBe('Mein Index');
		expect(parse('ind=alg2&name=' + 'x'.repeat(500)).name).toHaveLength(120);
		expect(parse('ind=alg2&name=%20%0A').name).toBe('Standard');
		expect(parse('ind=alg2&name=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E').name).toBe('<img src=x onerror=alert(1)>');
	});

	it('only selects areas of this package', () => {
		expect(parseIndexArea(new URLSearchParams('sozialraum=0101'), ctx)).toBe('0101');
		expect(parseIndexArea(new URLSearchParams('sozialraum=101'), ctx)).toBeNull();
		expect(parseIndexArea(new URLSearchParams(''), ctx)).toBeNull();
	});

	it('parsing is idempotent: a parsed link written again reads the same', () => {
		for (const q of ['', 'ind=alg2,zuzug&w=3,,2&jahr=2025&dir=zuzug:gut', 'ind=kita&jahr=2025&cuts=0,1,2', 'ind=&std=minmax']) {
			const once = parse(q);
			expect(parse(indexSearch(once, null))).toEqual(once);
		}
	});

	it('lists the years common to the weighted indicators', () => {
		expect(commonYears([{ id: 'sgb2_u15', weight: 1 }, { id: 'alg2', weight: 2 }], ctx.yearsBy)).toEqual([2023, 2024]);
		expect(commonYears([{ id: 'sgb2_u15', weight: 0 }], ctx.yearsBy)).toEqual([]);
	});
});
