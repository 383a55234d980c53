/** Hand-made inputs for the profile specs (not shipped: only specs import this). */
import type { AreaValue, ReferencePoint, SeriesPoint } from '$lib/data/engine';
import type { Indicator } from '$lib/data/types';

export function indicator(over: Partial<Indicator> = {}): Indicator {
	return {
		id: 'sgb2_u15',
		label_de: 'SGB-II-Quote unter 15 Jahren',
		label_en: 'Children under 15 receiving SGB II benefits',
		unit: '%',
		multiplier: 100,
		value_type: 'proportion',
		polarity: 'higher_is_worse',
		life_phase: 'kontext',
		topic: 'Soziale Lage',
		definition_de: '',
		definition_en: '',
		numerator_label_de: 'Kinder in SGB-II-Bedarfsgemeinschaften',
		denominator_label_de: 'Kinder unter 15 Jahren',
		source: 'Bundesagentur für Arbeit',
		decimals: 1,
		...over
	};
}

export function areaValue(key: string, numerator: number | null, denominator: number | null, flag: AreaValue['flag'] = ''): AreaValue {
	const suppressed = flag === 'suppressed';
	return {
		area_key: key,
		name: `Gebiet ${key}`,
		parent: key.slice(0, 2),
		value: suppressed || numerator === null || denominator === null ? null : (numerator / denominator) * 100,
		numerator: suppressed ? null : numerator,
		denominator: suppressed ? null : denominator,
		flag
	};
}

/** A proportion series (per cent) from numerators over a fixed denominator. */
export function series(from: number, numerators: (number | null)[], denominator = 1000): SeriesPoint[] {
	return numerators.map((n, i) => ({
		year: from + i,
		value: n === null ? null : (n / denominator) * 100,
		numerator: n,
		denominator: n === null ? null : denominator,
		flag: n === null ? 'suppressed' : ''
	}));
}

export function city(from: number, values: number[]): ReferencePoint[] {
	return values.map((v, i) => ({ year: from + i, value: v, numerator: 0, denominator: 0, areas_used: 40, basis: 'pooled', weights: null }));
}
