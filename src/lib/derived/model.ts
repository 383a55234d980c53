/**
 * Derived (own) indicators: a planner combines counts the package already has — numerators and
 * denominators of its indicators, residents of an age group — into a new numerator and
 * denominator ("Betreuungsquote unter 6" = Kinder unter 3 in Betreuung + Kinder 3–6 in der Kita,
 * über die Kinder beider Altersgruppen). The engine computes it per area of the finest level and
 * year and from then on treats it like a shipped indicator (src/lib/data/derived.ts).
 *
 * A record holds what a person writes: names, unit, polarity, life phase, definition text, and
 * the computation as one formula line (formula.ts). The formula is the single source of the
 * computation: what is stored, exported and imported is the text a planner can read and edit.
 */
import type { Indicator, LifePhase, Polarity, ValueType } from '$lib/data/types';

/** Every derived id starts with this, so a link to one can be recognised where it is unknown. */
export const DERIVED_PREFIX = 'eigen_';

export type PartField = 'zaehler' | 'nenner' | 'wert';

/** One count a formula refers to. */
export type PartRef = { kind: 'indicator'; indicator: string; field: PartField } | { kind: 'population'; ageGroup: string };

export interface Term {
	sign: 1 | -1;
	ref: PartRef;
}

/** The computation a formula describes. */
export interface Computation {
	numerator: Term[];
	/** Empty for a count (value = numerator). */
	denominator: Term[];
	multiplier: number;
	value_type: ValueType;
}

export interface DerivedRecord {
	id: string;
	label_de: string;
	label_en: string;
	unit: string;
	polarity: Polarity;
	life_phase: LifePhase;
	topic: string;
	decimals: number;
	definition_de: string;
	definition_en: string;
	numerator_label_de: string;
	denominator_label_de: string;
	/** zaehler = …; nenner = …; faktor = …; typ = … (formula.ts). */
	formula: string;
}

export const RECORD_FIELDS = [
	'id', 'label_de', 'label_en', 'unit', 'polarity', 'life_phase', 'topic', 'decimals',
	'definition_de', 'definition_en', 'numerator_label_de', 'denominator_label_de', 'formula'
] as const satisfies readonly (keyof DerivedRecord)[];

/** Multipliers the form offers and the formula accepts (value = numerator / denominator × multiplier). */
export const MULTIPLIERS = [1, 100, 1000, 10000, 100000] as const;

/** The formula's words for the value types (German first; the English ones are read too). */
export const TYPE_WORDS: Record<ValueType, string> = { proportion: 'anteil', rate: 'rate', count: 'anzahl' };

export const ID_PATTERN = /^eigen_[a-z0-9_]{1,40}$/;

export function isDerivedId(id: string | null | undefined): boolean {
	return typeof id === 'string' && id.startsWith(DERIVED_PREFIX);
}

/** Key of a part, the way the formula writes it: "sgb2_u3.zaehler", "bev_0_2". */
export function refKey(ref: PartRef): string {
	return ref.kind === 'population' ? `bev_${ref.ageGroup}` : `${ref.indicator}.${ref.field}`;
}

/** Distinct parts with their net coefficients in numerator and denominator (a part used twice counts twice). */
export function partsOf(c: Pick<Computation, 'numerator' | 'denominator'>): { ref: PartRef; key: string; num: number; den: number }[] {
	const parts = new Map<string, { ref: PartRef; key: string; num: number; den: number }>();
	const add = (terms: Term[], side: 'num' | 'den') => {
		for (const t of terms) {
			const key = refKey(t.ref);
			const p = parts.get(key) ?? { ref: t.ref, key, num: 0, den: 0 };
			p[side] += t.sign;
			parts.set(key, p);
		}
	};
	add(c.numerator, 'num');
	add(c.denominator, 'den');
	return [...parts.values()];
}

/** The unit a multiplier and value type suggest ("%", "je 1.000", "Anzahl"). */
export function defaultUnit(multiplier: number, valueType: ValueType): string {
	if (valueType === 'count') return 'Anzahl';
	if (multiplier === 100) return valueType === 'proportion' ? '%' : 'je 100';
	if (multiplier === 1) return valueType === 'proportion' ? 'Anteil' : 'je Person';
	return `je ${new Intl.NumberFormat('de-DE').format(multiplier)}`;
}

/** An id from the German name: "Betreuungsquote unter 6" → "eigen_betreuungsquote_unter_6" (free in `taken`). */
export function newDerivedId(label: string, taken: ReadonlySet<string>): string {
	const slug =
		label
			.toLowerCase()
			.replace(/ä/g, 'ae')
			.replace(/ö/g, 'oe')
			.replace(/ü/g, 'ue')
			.replace(/ß/g, 'ss')
			.normalize('NFKD')
			.replace(/[^a-z0-9]+/g, '_')
			.replace(/^_+|_+$/g, '')
			.slice(0, 32)
			.replace(/_+$/, '') || 'indikator';
	const base = DERIVED_PREFIX + slug;
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** A copy with fields in a fixed order and text trimmed, so equal records compare and serialise equally. */
export function canonical(r: DerivedRecord): DerivedRecord {
	const out = {} as Record<string, unknown>;
	for (const f of RECORD_FIELDS) {
		const v = r[f];
		out[f] = f === 'decimals' ? Number(v) : typeof v === 'string' ? v.trim() : String(v ?? '');
	}
	return out as unknown as DerivedRecord;
}

export function sameRecord(a: DerivedRecord, b: DerivedRecord): boolean {
	return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * The indicator row the engine adds to its catalogue. The source line names the formula and the
 * sources of the parts: it is what every export and slide prints under the figure.
 */
export function toIndicator(r: DerivedRecord, c: Computation, partSources: readonly string[]): Indicator {
	const sources = [...new Set(partSources.filter(Boolean))];
	return {
		id: r.id,
		label_de: r.label_de,
		label_en: r.label_en || r.label_de,
		unit: r.unit || defaultUnit(c.multiplier, c.value_type),
		multiplier: c.multiplier,
		value_type: c.value_type,
		polarity: r.polarity,
		life_phase: r.life_phase,
		topic: r.topic,
		definition_de: r.definition_de,
		definition_en: r.definition_en || r.definition_de,
		numerator_label_de: r.numerator_label_de,
		denominator_label_de: c.value_type === 'count' ? '–' : r.denominator_label_de,
		source: `Eigener Indikator (${r.formula})${sources.length ? `; Daten: ${sources.join('; ')}` : ''}`,
		decimals: r.decimals
	};
}

/** The formula back out of a derived indicator's source line (what toIndicator wrote). */
export function derivedFormula(source: string): string {
	const m = /^Eigener Indikator \((.*?)\)(?:; Daten: |$)/.exec(source);
	return m ? m[1] : '';
}
