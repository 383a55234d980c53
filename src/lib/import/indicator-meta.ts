/**
 * Indicator metadata the tables do not carry: label, unit, multiplier, polarity, life phase, value
 * type, decimals. The import proposes defaults from what it sees (numerator and denominator → a
 * share in %, only counts → a count) and the user edits them; `indicatorProblems` says in German
 * what is still wrong before a package is built.
 */
import { LIFE_PHASES, POLARITIES, VALUE_TYPES, type Indicator } from '../data/types';

/** An indicator of the package plus the labels it has in the source tables. */
export interface IndicatorMeta extends Indicator {
	/** Texts in an indicator column (or fixed indicator names of tables) that mean this indicator. */
	match: string[];
}

export const UNIT_PRESETS: { unit: string; multiplier: number; value_type: Indicator['value_type']; decimals: number }[] = [
	{ unit: '%', multiplier: 100, value_type: 'proportion', decimals: 1 },
	{ unit: 'je 1.000', multiplier: 1000, value_type: 'rate', decimals: 1 },
	{ unit: 'je 100', multiplier: 100, value_type: 'rate', decimals: 1 },
	{ unit: 'Anzahl', multiplier: 1, value_type: 'count', decimals: 0 }
];

/** A stable lower-case id from a label: "SGB-II-Quote unter 15" → "sgb_ii_quote_unter_15". */
export function indicatorId(label: string): string {
	const id = label
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, 48);
	return /^[a-z]/.test(id) ? id : `i_${id || 'indikator'}`;
}

export function defaultIndicator(label: string, seen: { numerator: boolean; denominator: boolean; value: boolean }): IndicatorMeta {
	const preset = seen.numerator && seen.denominator ? UNIT_PRESETS[0] : seen.numerator && !seen.value ? UNIT_PRESETS[3] : UNIT_PRESETS[0];
	return {
		id: indicatorId(label),
		label_de: label,
		label_en: '',
		unit: preset.unit,
		multiplier: preset.multiplier,
		value_type: preset.value_type,
		polarity: 'neutral',
		life_phase: 'kontext',
		topic: '',
		definition_de: '',
		definition_en: '',
		numerator_label_de: '',
		denominator_label_de: '',
		source: '',
		decimals: preset.decimals,
		match: [label]
	};
}

/** German problems of one indicator's metadata (empty when fine). */
export function indicatorProblems(m: IndicatorMeta): string[] {
	const out: string[] = [];
	const name = `Indikator „${m.label_de || m.id}“`;
	if (!/^[a-z][a-z0-9_]*$/.test(m.id)) out.push(`${name}: Die Kennung „${m.id}“ darf nur Kleinbuchstaben, Ziffern und _ enthalten und muss mit einem Buchstaben beginnen.`);
	if (!m.label_de.trim()) out.push(`${name}: Bitte geben Sie eine Bezeichnung an.`);
	if (!(m.multiplier > 0)) out.push(`${name}: Der Multiplikator muss größer als 0 sein (100 für %, 1000 für „je 1.000“, 1 für Anzahlen).`);
	if (!VALUE_TYPES.includes(m.value_type)) out.push(`${name}: Unbekannter Werttyp „${m.value_type}“.`);
	if (!POLARITIES.includes(m.polarity)) out.push(`${name}: Unbekannte Richtung „${m.polarity}“.`);
	if (!LIFE_PHASES.includes(m.life_phase)) out.push(`${name}: Unbekannte Lebensphase „${m.life_phase}“.`);
	if (!Number.isInteger(m.decimals) || m.decimals < 0 || m.decimals > 6) out.push(`${name}: Nachkommastellen müssen eine ganze Zahl von 0 bis 6 sein.`);
	if (m.value_type === 'count' && m.multiplier !== 1) out.push(`${name}: Bei Anzahlen muss der Multiplikator 1 sein.`);
	return out;
}

/** Find the metadata for a table's indicator text (by label or id). */
export function metaFor(label: string, metas: readonly IndicatorMeta[]): IndicatorMeta | undefined {
	return metas.find((m) => m.match.includes(label)) ?? metas.find((m) => m.id === label || m.id === indicatorId(label));
}
