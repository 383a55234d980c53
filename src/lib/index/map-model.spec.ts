import { describe, expect, it } from 'vitest';
import { classCounts, STATUS_COLORS, statusLegend, statusStyles } from './map-model';
import { translate } from '$lib/i18n/translate';
import type { MessageKey } from '$lib/i18n/messages';
import { statusIndex } from './status';
import { area, polarity, settings, values } from './fixtures';

describe('status map model', () => {
	it('colours each class, darkest for 4, and draws excluded areas as no data', () => {
		const K = ['A', 'B', 'C', 'D', 'E', 'F'];
		const st = statusIndex([...K.slice(0, 5).map((k) => area(k)), area('F', 10)], { x: values(K, [0, 0, 0, 0, 10, 5]) }, settings({ x: 1 }), polarity);
		const s = statusStyles(st);
		expect(s.get('E')).toEqual({ color: STATUS_COLORS[3], status: 'value' });
		expect(s.get('A')).toEqual({ color: STATUS_COLORS[1], status: 'value' });
		expect(s.get('F')).toEqual({ color: null, status: 'missing' });
		expect(classCounts(st)).toEqual([0, 4, 0, 1]);
		expect(new Set(STATUS_COLORS).size).toBe(4);
		const legend = statusLegend(st, settings({ x: 1 }), (k: MessageKey, p?: Record<string, string | number>) => translate('de', k, p), 'de-DE');
		expect(legend.map((r) => [r.label, r.count])).toEqual([
			['1 – hoch (bis −1 SD)', 0],
			['2 – mittel (über −1 bis +1 SD)', 4],
			['3 – niedrig (über +1 bis +1,5 SD)', 0],
			['4 – sehr niedrig (über +1,5 SD)', 1],
			['ausgeschlossen (zu klein oder Werte fehlen)', 1]
		]);
	});
});
