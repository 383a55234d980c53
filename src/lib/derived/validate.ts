/**
 * Checks a derived indicator against the loaded data package before anything is computed: the
 * formula's syntax (formula.ts), what each part refers to, whether the parts can be summed, in
 * which years all of them exist, and the fields a planner fills in. Each finding names the part
 * of the formula it is about ("Zähler, Summand 2"); texts are in the derived catalogue (German
 * first). What only the numbers can show (denominators of 0, a numerator above its denominator)
 * is checked by the engine (src/lib/data/derived.ts), with the same issue shape.
 */
import { LIFE_PHASES, POLARITIES, type Indicator } from '$lib/data/types';
import type { MessageKey } from '$lib/i18n/messages';
import type { Params } from '$lib/i18n/translate';
import { nameSimilarity } from '$lib/import/names';
import { computationOf, parseFormula, type Side, type Span } from './formula';
import { ID_PATTERN, isDerivedId, refKey, type Computation, type DerivedRecord, type Term } from './model';

export type Severity = 'error' | 'warning' | 'info';

export interface DerivedIssue {
	severity: Severity;
	/** The field of the form the issue belongs to. */
	field: keyof DerivedRecord;
	key: MessageKey;
	params?: Params;
	/** The term of the formula it is about: side and 1-based position. */
	where?: { side: Side; n: number };
	/** Character range in the formula line. */
	span?: Span;
}

export interface DerivedCatalogue {
	indicators: readonly Pick<Indicator, 'id' | 'value_type' | 'unit' | 'label_de'>[];
	/** Ids of derived indicators (they cannot be parts of another one). */
	derivedIds: ReadonlySet<string>;
	/** Age groups of population.csv; empty when the package has none. */
	ageGroups: readonly string[];
	/** Years with values, per indicator id. */
	years: Readonly<Record<string, readonly number[]>>;
	populationYears: readonly number[];
	/** Area levels, finest first (an id used in a formula gets the message about levels). */
	levels: readonly { id: string; label_de: string }[];
}

/** "2014–2019, 2021–2025" */
export function yearRanges(years: readonly number[]): string {
	const sorted = [...new Set(years)].sort((a, b) => a - b);
	const out: string[] = [];
	for (let i = 0; i < sorted.length; ) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
		out.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
		i = j + 1;
	}
	return out.join(', ');
}

const SIDES: Side[] = ['numerator', 'denominator'];

export interface Validation {
	computation: Computation | null;
	issues: DerivedIssue[];
	/** Years in which every part has values (the years the result can exist in). */
	years: number[];
}

/**
 * All findings for a record. `packageIds`: ids of the package's own indicators (a derived id
 * must not take one). Errors block saving; warnings and infos are shown with the preview.
 */
export function validateDerived(r: DerivedRecord, cat: DerivedCatalogue, defaults: Partial<Pick<Computation, 'multiplier' | 'value_type'>> = {}): Validation {
	const issues: DerivedIssue[] = [];
	const err = (field: keyof DerivedRecord, key: MessageKey, params?: Params, extra: Partial<DerivedIssue> = {}) => issues.push({ severity: 'error', field, key, params, ...extra });
	if (!ID_PATTERN.test(r.id)) err('id', 'derived.err.id', { id: r.id });
	else if (cat.indicators.some((i) => i.id === r.id && !cat.derivedIds.has(i.id))) err('id', 'derived.err.idTaken', { id: r.id });
	if (!r.label_de.trim()) err('label_de', 'derived.err.label');
	if (!Number.isInteger(r.decimals) || r.decimals < 0 || r.decimals > 6) err('decimals', 'derived.err.decimals');
	if (!POLARITIES.includes(r.polarity)) err('polarity', 'derived.err.polarity');
	if (!LIFE_PHASES.includes(r.life_phase)) err('life_phase', 'derived.err.lifePhase');

	const { formula, issues: syntax } = parseFormula(r.formula);
	for (const s of syntax) err('formula', s.key, s.params, { span: { from: s.from, to: s.to } });
	if (syntax.length > 0) return { computation: null, issues, years: [] };

	const c = computationOf(formula, defaults);
	if (!c) {
		err('formula', 'derived.err.noNumerator');
		return { computation: null, issues, years: [] };
	}
	if (c.value_type !== 'count' && !formula.denominator) err('formula', 'derived.err.noDenominator');
	if (c.value_type === 'count' && formula.denominator) err('formula', 'derived.err.countDenominator');

	const byId = new Map(cat.indicators.map((i) => [i.id, i]));
	const levelIds = new Map(cat.levels.map((l) => [l.id.toLowerCase(), l]));
	const ageGroups = new Set(cat.ageGroups);
	let partsOk = true;
	for (const side of SIDES) {
		const terms = side === 'numerator' ? c.numerator : c.denominator;
		terms.forEach((t, i) => {
			const where = { side, n: i + 1 };
			const span = formula.spans[side][i];
			const problem = termProblem(t, byId, levelIds, ageGroups, cat);
			if (problem) {
				partsOk = false;
				err('formula', problem.key, problem.params, { where, span });
			}
		});
		const net = netCoefficients(terms);
		if (terms.length > 0 && [...net.values()].every((v) => v === 0)) err('formula', 'derived.err.cancels', { side: sideWord(side) }, { where: { side, n: 0 } });
		else if (terms.length > 0 && [...net.values()].every((v) => v <= 0)) err('formula', 'derived.err.negativeSum', {}, { where: { side, n: 0 } });
	}
	if (!partsOk) return { computation: c, issues, years: [] };

	const years = commonYears(c, cat);
	if (years.common.length === 0) {
		err('formula', 'derived.err.noCommonYear', { list: years.perPart.map(([k, ys]) => `${k}: ${ys.length ? yearRanges(ys) : '–'}`).join('; ') });
	} else {
		issues.push({ severity: 'info', field: 'formula', key: 'derived.info.years', params: { years: yearRanges(years.common), n: years.common.length } });
		const gaps = years.perPart
			.map(([k, ys]) => [k, years.all.filter((y) => !ys.includes(y))] as const)
			.filter(([, missing]) => missing.length > 0)
			.map(([k, missing]) => `${k} (${yearRanges(missing)})`);
		if (gaps.length > 0) issues.push({ severity: 'info', field: 'formula', key: 'derived.info.yearsMissing', params: { list: gaps.join(', ') } });
	}
	if (c.value_type === 'proportion' && !numeratorCovered(c, byId)) issues.push({ severity: 'warning', field: 'formula', key: 'derived.warn.mayExceed' });
	const [base, ...upper] = cat.levels;
	if (base) issues.push({ severity: 'info', field: 'formula', key: 'derived.info.level', params: { base: base.label_de, upper: upper.map((l) => l.label_de).join(', ') || '–' } });
	return { computation: c, issues, years: years.common };
}

function sideWord(side: Side): string {
	return side === 'numerator' ? 'zaehler' : 'nenner';
}

function termProblem(
	t: Term,
	byId: Map<string, DerivedCatalogue['indicators'][number]>,
	levels: Map<string, { id: string; label_de: string }>,
	ageGroups: Set<string>,
	cat: DerivedCatalogue
): { key: MessageKey; params: Params } | null {
	const ref = refKey(t.ref);
	if (t.ref.kind === 'population') {
		if (cat.ageGroups.length === 0) return { key: 'derived.err.noPopulation', params: { ref } };
		if (!ageGroups.has(t.ref.ageGroup)) return { key: 'derived.err.unknownAgeGroup', params: { ref, groups: cat.ageGroups.map((g) => `bev_${g}`).join(', ') } };
		return null;
	}
	const id = t.ref.indicator;
	const level = levels.get(id.toLowerCase());
	if (level) return { key: 'derived.err.level', params: { ref, level: level.label_de, base: [...levels.values()][0]?.label_de ?? '' } };
	const ind = byId.get(id);
	if (!ind) {
		const best = [...byId.keys()].map((k) => [k, nameSimilarity(k, id)] as const).sort((a, b) => b[1] - a[1])[0];
		return best && best[1] >= 0.6
			? { key: 'derived.err.unknownIndicatorSuggest', params: { ref, id, suggestion: best[0] } }
			: { key: 'derived.err.unknownIndicator', params: { ref, id } };
	}
	if (cat.derivedIds.has(id) || isDerivedId(id)) return { key: 'derived.err.derivedPart', params: { ref, id } };
	if (t.ref.field === 'wert' && ind.value_type !== 'count') return { key: 'derived.err.valueNotCount', params: { ref, id, unit: ind.unit } };
	if (t.ref.field === 'nenner' && ind.value_type === 'count') return { key: 'derived.err.countHasNoDenominator', params: { ref, id } };
	return null;
}

function netCoefficients(terms: readonly Term[]): Map<string, number> {
	const net = new Map<string, number>();
	for (const t of terms) net.set(refKey(t.ref), (net.get(refKey(t.ref)) ?? 0) + t.sign);
	return net;
}

function commonYears(c: Computation, cat: DerivedCatalogue): { common: number[]; all: number[]; perPart: [string, number[]][] } {
	const perPart = new Map<string, number[]>();
	for (const t of [...c.numerator, ...c.denominator]) {
		const k = refKey(t.ref);
		if (!perPart.has(k)) perPart.set(k, [...(t.ref.kind === 'population' ? cat.populationYears : (cat.years[t.ref.indicator] ?? []))].sort((a, b) => a - b));
	}
	const lists = [...perPart.values()];
	const all = [...new Set(lists.flat())].sort((a, b) => a - b);
	const common = all.filter((y) => lists.every((ys) => ys.includes(y)));
	return { common, all, perPart: [...perPart] };
}

/**
 * Can the numerator of a proportion exceed its denominator? Guaranteed not when every part the
 * numerator adds is matched by the denominator: the same part, or the denominator of a
 * proportion whose numerator it is (children in SGB II ⊆ all children) — and the denominator
 * subtracts nothing. Anything else is a warning; the engine then checks the actual numbers.
 */
function numeratorCovered(c: Computation, byId: Map<string, Pick<Indicator, 'value_type'>>): boolean {
	const den = netCoefficients(c.denominator);
	if ([...den.values()].some((v) => v < 0)) return false;
	const available = new Map(den);
	for (const [key, n] of netCoefficients(c.numerator)) {
		if (n <= 0) continue;
		let need = n;
		const take = (k: string) => {
			const have = available.get(k) ?? 0;
			const used = Math.min(have, need);
			available.set(k, have - used);
			need -= used;
		};
		take(key);
		const [id, field] = key.split('.');
		if (need > 0 && field === 'zaehler' && byId.get(id)?.value_type === 'proportion') take(`${id}.nenner`);
		if (need > 0) return false;
	}
	return true;
}

export function hasErrors(issues: readonly DerivedIssue[]): boolean {
	return issues.some((i) => i.severity === 'error');
}
