import { describe, expect, it } from 'vitest';
import { atlasCaption, type CaptionInput, type Tr } from './caption';
import type { AreaValue } from '$lib/data/engine';

const row = (key: string, name: string, value: number | null, flag: AreaValue['flag'] = ''): AreaValue => ({
	area_key: key, name, parent: '', value, numerator: value === null ? null : 10, denominator: 100, flag
});
const rows = [row('1', 'Altstadt', 12.5), row('2', 'Nordstadt', 30.1), row('3', 'Hafen', null, 'suppressed'), row('4', 'Süd', 4.2)];
const tr: Tr = (key, p = {}) => `${key}${JSON.stringify(p)}`;
const base: CaptionInput = {
	rows, year: 2025, city: '18,0 %', mode: 'values', comparison: () => undefined, directional: true, selected: null,
	format: (v) => v.toFixed(1).replace('.', ',') + ' %'
};

describe('atlasCaption', () => {
	it('names the highest and lowest published area and counts suppressed ones', () => {
		const c = atlasCaption(base, tr);
		expect(c).toContain('"maxArea":"Nordstadt","max":"30,1 %"');
		expect(c).toContain('"minArea":"Süd","min":"4,2 %"');
		expect(c).toContain('present.caption.suppressed{"n":1}');
	});

	it('never names a suppressed area with a number, even when it is selected', () => {
		const c = atlasCaption({ ...base, selected: '3' }, tr);
		expect(c).toContain('present.caption.areaSuppressed{"area":"Hafen"}');
		expect(c).not.toMatch(/Hafen[^}]*value/);
	});

	it('gives the selected area its value', () => {
		expect(atlasCaption({ ...base, selected: '1' }, tr)).toContain('present.caption.area{"area":"Altstadt","value":"12,5 %"}');
	});

	it('counts categories in comparison mode', () => {
		const cats: Record<string, 'worse' | 'better' | 'similar'> = { '1': 'similar', '2': 'worse', '4': 'better' };
		const c = atlasCaption({ ...base, mode: 'compare', comparison: (k) => cats[k] }, tr);
		expect(c).toContain('present.caption.compare{"city":"18,0 %","worse":1,"better":1,"similar":1}');
	});
});
