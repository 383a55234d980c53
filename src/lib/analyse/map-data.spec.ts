import { describe, expect, it } from 'vitest';
import { resultAreaValues, resultChoropleth } from './map-data';
import type { QueryResult } from '$lib/data/connector';

const AREAS = ['0101', '0102', '0103', '0104', '0105', '0106'].map((key) => ({ key, name: `G${key}`, level: 'sozialraum', parent: '01' }));
const shape = { areaColumn: 0, valueColumns: [1], yearColumn: null, labelColumn: null, flagColumn: 2 };

describe('resultAreaValues', () => {
	it('places the first row of each area, counts the repeats, and keeps absent, withheld and "•" apart', () => {
		const r: QueryResult = {
			columns: [{ name: 'area_key', kind: 'text' }, { name: 'v', kind: 'number' }, { name: 'flag', kind: 'text' }],
			rows: [['0101', 1.25, ''], ['0101', 99, ''], ['0102', null, 'suppressed'], ['0103', '•', ''], ['0104', 4, ''], ['0105', 5.5, '']],
			more: false
		};
		const m = resultAreaValues(r, shape, 1, AREAS);
		expect(m.duplicates).toBe(1);
		expect(m.decimals).toBe(2);
		expect(m.rows.map((x) => [x.area_key, x.value, x.flag])).toEqual([
			['0101', 1.25, ''], ['0102', null, 'suppressed'], ['0103', null, 'suppressed'], ['0104', 4, ''], ['0105', 5.5, ''], ['0106', null, 'missing']
		]);
		const model = resultChoropleth(m, 'de-DE');
		expect(model.suppressed).toBe(2);
		expect(model.missing).toBe(1);
		expect(model.styles.get('0101')?.status).toBe('value');
		expect(model.legend.reduce((s, l) => s + l.count, 0)).toBe(3);
	});
});
