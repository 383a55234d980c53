/**
 * The current index as an indicator-like layer, so the atlas and the district profile can show it
 * with their usual machinery: an `Indicator` descriptor plus `AreaValue` rows per area.
 * value = status index in standard deviations from the mean of the included areas (z), higher =
 * more disadvantage; excluded areas come back as 'missing' with no value, never as 0.
 */
import type { AreaValue } from '$lib/data/engine';
import type { Indicator } from '$lib/data/types';
import type { IndexSettings } from './settings';
import type { StatusResult } from './status';

export const INDEX_INDICATOR_ID = 'sozialindex';

/** Descriptor for the atlas picker and legend. `methodText` is describeMethod(...) joined (German). */
export function indexIndicator(settings: IndexSettings, year: number, methodText: string, methodTextEn = methodText): Indicator {
	return {
		id: INDEX_INDICATOR_ID,
		label_de: `Sozialindex (Statusindex) – ${settings.name}`,
		label_en: `Social index (status index) – ${settings.name}`,
		unit: 'SD',
		multiplier: 1,
		// A plain score: no numerator, so the atlas's interval comparison reports "not comparable".
		value_type: 'count',
		polarity: 'higher_is_worse',
		life_phase: 'kontext',
		topic: 'Sozialindex',
		definition_de: methodText,
		definition_en: methodTextEn,
		numerator_label_de: '–',
		denominator_label_de: '–',
		source: `Eigene Berechnung aus den Indikatoren des Datenpakets (${year})`,
		decimals: 2
	};
}

/** One row per area, in the order of the status result. */
export function indexAreaValues(status: StatusResult): AreaValue[] {
	return status.areas.map((a) => ({
		area_key: a.key,
		name: a.name,
		parent: a.parent,
		value: a.z,
		numerator: null,
		denominator: null,
		flag: a.z === null ? 'missing' : ''
	}));
}

/** Status class per area (1 hoch … 4 sehr niedrig), e.g. for a profile badge. */
export function statusClassByArea(status: StatusResult): Map<string, number | null> {
	return new Map(status.areas.map((a) => [a.key, a.statusClass]));
}
