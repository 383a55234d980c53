import { describe, expect, it } from 'vitest';
import { defaultSettings, type IndexSettings } from '$lib/index/settings';
import { indexSearch, parseIndexSearch } from './index-query';
import type { Indicator } from '$lib/data/types';

const ind = (id: string, polarity: Indicator['polarity'] = 'higher_is_worse') => ({ id, polarity });
const indicators = [ind('sgb2_u15'), ind('alleinerziehend'), ind('kita', 'higher_is_better'), ind('mig', 'neutral')];
const fallback: IndexSettings = {
	...defaultSettings([]),
	indicators: [
		{ id: 'sgb2_u15', weight: 1 },
		{ id: 'alleinerziehend', weight: 1 }
	]
};
const ctx = { indicators, fallback, areaKeys: ['0101', '0603'] };
const parse = (q: string) => parseIndexSearch(new URLSearchParams(q), ctx);

describe('indexSearch / parseIndexSearch', () => {
	it('round-trips every setting and stays readable', () => {
		const s: IndexSettings = {
			name: 'Lenkungsgruppe & Co',
			indicators: [
				{ id: 'sgb2_u15', weight: 2 },
				{ id: 'mig', weight: 0.5, orientation: 'higher_is_worse' },
				{ id: 'kita', weight: 1 }
			],
			method: 'percentile',
			year: 2024,
			dynamicsSpan: 3,
			minPopulation: 500,
			statusCuts: [-1.5, 0.5, 1.25],
			dynamicsCuts: [-0.5, 0.5]
		};
		const q = indexSearch(s, '0603');
		expect(q).toBe('?ind=sgb2_u15,mig,kita&w=2,0.5,1&dir=mig:schlecht&std=perzentil&jahr=2024&dyn=3&min=500&cuts=-1.5,0.5,1.25&dcuts=-0.5,0.5&name=Lenkungsgruppe%20%26%20Co&sozialraum=0603');
		expect(parse(q.slice(1))).toEqual({ settings: s, selected: '0603' });
	});

	it('leaves options at their default out of the link', () => {
		expect(indexSearch({ ...fallback, name: 'Standard' })).toBe('?ind=sgb2_u15,alleinerziehend');
		expect(parse('ind=sgb2_u15,alleinerziehend').settings).toEqual({ ...fallback, name: 'Standard' });
	});

	it('leaves the year out when the index follows the latest year', () => {
		const q = indexSearch({ ...fallback, year: null });
		expect(q).not.toContain('jahr=');
		expect(parse(q.slice(1)).settings.year).toBeNull();
	});

	it('falls back to the defaults without parameters', () => {
		expect(parse('')).toEqual({ settings: fallback, selected: null });
	});

	it('drops unknown indicators but keeps each weight with its own indicator', () => {
		const { settings } = parse('ind=nope,kita,sgb2_u15,kita&w=9,3,x');
		expect(settings.indicators).toEqual([
			{ id: 'kita', weight: 3 },
			{ id: 'sgb2_u15', weight: 1 }
		]);
	});

	it('ignores bad values, one by one', () => {
		const { settings, selected } = parse('ind=sgb2_u15&w=-1&std=magic&jahr=20x5&min=1e3&dyn=7&cuts=1,0,2&dcuts=1&dir=sgb2_u15:sehr&sozialraum=<script>');
		// a weight that is no weight counts as 1 (as in the builder, where every indicator starts at 1)
		expect(settings.indicators).toEqual([{ id: 'sgb2_u15', weight: 1 }]);
		expect(settings.method).toBe(fallback.method);
		expect(settings.year).toBe(fallback.year);
		expect(settings.minPopulation).toBe(fallback.minPopulation);
		expect(settings.dynamicsSpan).toBe(fallback.dynamicsSpan);
		expect(settings.statusCuts).toEqual(fallback.statusCuts);
		expect(settings.dynamicsCuts).toEqual(fallback.dynamicsCuts);
		expect(selected).toBeNull();
	});

	it('keeps the defaults when every weight is zero or no id is known', () => {
		expect(parse('ind=sgb2_u15&w=0').settings.indicators).toEqual(fallback.indicators);
		expect(parse('ind=a,b,c').settings.indicators).toEqual(fallback.indicators);
	});

	it('reads the method codes and refuses an area that does not exist', () => {
		expect(parse('std=minmax').settings.method).toBe('minmax');
		expect(parse('std=z').settings.method).toBe('zscore');
		expect(parse('sozialraum=9999').selected).toBeNull();
		expect(parse('sozialraum=0101').selected).toBe('0101');
	});

	it('does not share arrays with the fallback', () => {
		const { settings } = parse('');
		settings.statusCuts[0] = 99;
		settings.indicators[0].weight = 99;
		expect(fallback.statusCuts[0]).not.toBe(99);
		expect(fallback.indicators[0].weight).toBe(1);
	});
});
