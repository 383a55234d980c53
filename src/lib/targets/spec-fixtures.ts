/** A tiny validation context for the specs: two indicators, two Stadtbezirke with two Sozialräume each. */
import type { AreaInfo } from '$lib/data/engine';
import type { Indicator } from '$lib/data/types';

const indicator = (id: string, over: Partial<Indicator> = {}): Indicator => ({
	id, label_de: id, label_en: id, unit: '%', multiplier: 100, value_type: 'proportion', polarity: 'higher_is_worse',
	life_phase: 'kontext', topic: '', definition_de: '', definition_en: '', numerator_label_de: '', denominator_label_de: '',
	source: '', decimals: 1, ...over
});

const area = (key: string, level: string, parent: string): AreaInfo => ({ key, name: `Gebiet ${key}`, level, parent });

export const ctx = {
	indicators: [indicator('quote'), indicator('betreuung', { polarity: 'higher_is_better' }), indicator('hze', { unit: 'je 1.000', multiplier: 1000, value_type: 'rate' }), indicator('neutral', { polarity: 'neutral' })],
	areas: [area('0101', 'sozialraum', '01'), area('0102', 'sozialraum', '01'), area('0201', 'sozialraum', '02'), area('01', 'stadtbezirk', '00'), area('02', 'stadtbezirk', '00'), area('00', 'stadt', '')],
	baseLevel: 'sozialraum',
	levels: ['sozialraum', 'stadtbezirk', 'stadt']
};
