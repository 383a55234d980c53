/**
 * The form of a derived indicator and its formula line, both ways: the form writes the formula
 * (formatFormula), a typed formula fills the form's rows once it parses. Pure, so it is tested
 * without a browser; the component (DerivedForm.svelte) only binds to it.
 */
import { LIFE_PHASES, type Indicator, type ValueType } from '$lib/data/types';
import { computationOf, formatFormula, parseFormula } from './formula';
import { defaultUnit, refKey, type Computation, type DerivedRecord, type PartRef, type Term } from './model';

export interface TermRow {
	sign: 1 | -1;
	/** refKey of the part: "sgb2_u3.zaehler", "bev_0_2". */
	key: string;
}

export interface FormComputation {
	numerator: TermRow[];
	denominator: TermRow[];
	multiplier: number;
	value_type: ValueType;
}

export function rowsOf(terms: readonly Term[]): TermRow[] {
	return terms.map((t) => ({ sign: t.sign, key: refKey(t.ref) }));
}

export function refOf(key: string): PartRef {
	if (key.startsWith('bev_')) return { kind: 'population', ageGroup: key.slice(4) };
	const [indicator, field] = key.split('.');
	return { kind: 'indicator', indicator, field: (field as 'zaehler' | 'nenner' | 'wert') ?? 'zaehler' };
}

/** The formula the form's rows say (rows without a part are left out). */
export function formulaOf(f: FormComputation): string {
	const terms = (rows: TermRow[]) => rows.filter((r) => r.key).map((r): Term => ({ sign: r.sign, ref: refOf(r.key) }));
	const c: Computation = { numerator: terms(f.numerator), denominator: f.value_type === 'count' ? [] : terms(f.denominator), multiplier: f.value_type === 'count' ? 1 : f.multiplier, value_type: f.value_type };
	return formatFormula(c);
}

/** The rows a typed formula gives, or null while it does not parse (the form then keeps its rows). */
export function computationFromFormula(text: string, current: Pick<FormComputation, 'multiplier' | 'value_type'>): FormComputation | null {
	const { formula, issues } = parseFormula(text);
	if (issues.length > 0) return null;
	const c = computationOf(formula, current);
	if (!c) return null;
	return {
		numerator: rowsOf(c.numerator),
		// a count keeps the denominator rows it had (typing "typ = anzahl" and back loses nothing)
		denominator: rowsOf(formula.denominator ?? []),
		multiplier: formula.multiplier ?? (c.value_type === 'count' ? current.multiplier : c.multiplier),
		value_type: c.value_type
	};
}

export interface PartOption {
	key: string;
	label: string;
}
export interface PartGroup {
	label: string;
	options: PartOption[];
}

/**
 * What a row can refer to: residents by age group, then each life phase's indicators with their
 * numerator and denominator (a count: its number). Labels say what is counted.
 */
export function partGroups(
	indicators: readonly Pick<Indicator, 'id' | 'label_de' | 'label_en' | 'life_phase' | 'value_type' | 'numerator_label_de' | 'denominator_label_de'>[],
	ageGroups: readonly string[],
	text: { population: string; ageGroup: (g: string) => string; phase: (p: string) => string; numerator: string; denominator: string; count: string },
	locale: 'de' | 'en'
): PartGroup[] {
	const groups: PartGroup[] = [];
	if (ageGroups.length > 0) groups.push({ label: text.population, options: ageGroups.map((g) => ({ key: `bev_${g}`, label: text.ageGroup(g) })) });
	for (const phase of LIFE_PHASES) {
		const list = indicators.filter((i) => i.life_phase === phase);
		if (list.length === 0) continue;
		groups.push({
			label: text.phase(phase),
			options: list.flatMap((i) => {
				const name = locale === 'de' ? i.label_de : i.label_en || i.label_de;
				if (i.value_type === 'count') return [{ key: `${i.id}.zaehler`, label: `${name} – ${text.count}` }];
				return [
					{ key: `${i.id}.zaehler`, label: `${name} – ${text.numerator}: ${i.numerator_label_de || '…'}` },
					{ key: `${i.id}.nenner`, label: `${name} – ${text.denominator}: ${i.denominator_label_de || '…'}` }
				];
			})
		});
	}
	return groups;
}

/** A new, empty record for the form. */
export function emptyRecord(): DerivedRecord {
	return {
		id: '', label_de: '', label_en: '', unit: '', polarity: 'neutral', life_phase: 'kontext', topic: '', decimals: 1,
		definition_de: '', definition_en: '', numerator_label_de: '', denominator_label_de: '',
		formula: 'zaehler = ; nenner = ; faktor = 100; typ = anteil'
	};
}

/** The unit to show when the planner left it empty. */
export function suggestedUnit(f: Pick<FormComputation, 'multiplier' | 'value_type'>): string {
	return defaultUnit(f.multiplier, f.value_type);
}
