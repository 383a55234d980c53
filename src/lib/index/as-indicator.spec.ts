import { describe, expect, it } from 'vitest';
import { INDEX_INDICATOR_ID, indexAreaValues, indexIndicator, statusClassByArea } from './as-indicator';
import { statusIndex } from './status';
import { area, polarity, settings, values } from './fixtures';

describe('index as an atlas layer', () => {
	const K = ['A', 'B', 'C', 'D', 'E'];
	const st = statusIndex([...K.slice(0, 4).map((k) => area(k)), area('E', 10)], { x: values(K, [10, 20, 30, 40, 50]) }, settings({ x: 1 }), polarity);

	it('gives AreaValue rows: z as value, excluded areas as missing (never 0)', () => {
		const rows = indexAreaValues(st);
		expect(rows).toHaveLength(5);
		expect(rows[3]).toMatchObject({ area_key: 'D', parent: '01', numerator: null, flag: '' });
		expect(rows[3].value).toBeCloseTo(1.1619, 4);
		expect(rows[4]).toMatchObject({ area_key: 'E', value: null, flag: 'missing' });
		expect(statusClassByArea(st).get('E')).toBeNull();
	});

	it('describes itself as an indicator with direction "higher is worse"', () => {
		const ind = indexIndicator({ ...settings({ x: 1 }), name: 'Standard' }, 2025, 'Der Index fasst …');
		expect(ind).toMatchObject({ id: INDEX_INDICATOR_ID, polarity: 'higher_is_worse', multiplier: 1, definition_de: 'Der Index fasst …' });
		expect(ind.label_de).toContain('Standard');
	});
});
