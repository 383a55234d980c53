/**
 * The formula line of a derived indicator, German first:
 *
 *   zaehler = betreuung_u3.zaehler + kita_3_6.zaehler; nenner = bev_0_2 + bev_3_5; faktor = 100; typ = anteil
 *
 * - `zaehler`, `nenner`: a sum or difference of parts. A part is an indicator's numerator or
 *   denominator (`id.zaehler`, `id.nenner`; for a count indicator also `id.wert`) or the residents
 *   of an age group of population.csv (`bev_0_2`, `bev_insgesamt`).
 * - `faktor`: 1, 100, 1000 (also written 1.000), 10000, 100000.
 * - `typ`: `anteil` (proportion), `rate` or `anzahl` (count; no `nenner`).
 * Statements are separated by `;` or line breaks; case does not matter; `zähler`, the English words
 * (numerator, denominator, factor, type, proportion, rate, count) and "−" for minus are read too.
 *
 * Parsed by a small hand-written recursive-descent parser: the grammar has four statements and
 * one operator level, a generated parser (peggy, chevrotain) would be a dependency larger than the
 * grammar, and a hand-written one can say in German exactly where a planner's typing went wrong.
 * It reports every statement's first problem with its character range, so the page can mark it.
 */
import type { ValueType } from '$lib/data/types';
import type { MessageKey } from '$lib/i18n/messages';
import type { Params } from '$lib/i18n/translate';
import { MULTIPLIERS, TYPE_WORDS, type Computation, type PartField, type PartRef, type Term } from './model';

export interface Span {
	from: number;
	to: number;
}

export interface FormulaIssue extends Span {
	key: MessageKey;
	params?: Params;
}

export type Side = 'numerator' | 'denominator';

/** What the line says; a statement that is absent or broken stays null. */
export interface ParsedFormula {
	numerator: Term[] | null;
	denominator: Term[] | null;
	multiplier: number | null;
	value_type: ValueType | null;
	/** Where each term of a side was written (same order as the terms). */
	spans: Record<Side, Span[]>;
}

type TokenKind = 'word' | 'number' | 'eq' | 'plus' | 'minus' | 'dot' | 'sep' | 'end' | 'bad';
interface Token extends Span {
	kind: TokenKind;
	text: string;
}

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < text.length) {
		const c = text[i];
		if (c === ' ' || c === '\t' || c === '\r' || c === '\u00a0') {
			i++;
			continue;
		}
		const single: Partial<Record<string, TokenKind>> = { '=': 'eq', '+': 'plus', '-': 'minus', '\u2212': 'minus', '\u2013': 'minus', '.': 'dot', ';': 'sep', '\n': 'sep' };
		const kind = single[c];
		if (kind) {
			tokens.push({ kind, text: c, from: i, to: i + 1 });
			i++;
			continue;
		}
		const m = /^[\p{L}\p{N}_]+/u.exec(text.slice(i));
		if (m) {
			tokens.push({ kind: /^\d+$/.test(m[0]) ? 'number' : 'word', text: m[0], from: i, to: i + m[0].length });
			i += m[0].length;
			continue;
		}
		tokens.push({ kind: 'bad', text: c, from: i, to: i + 1 });
		i++;
	}
	tokens.push({ kind: 'end', text: '', from: text.length, to: text.length });
	return tokens;
}

/** Lower case with umlauts spelled out, so "Zähler" and "ZAEHLER" are the same word. */
function norm(word: string): string {
	return word.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
}

const KEYS: Record<string, 'numerator' | 'denominator' | 'multiplier' | 'type'> = {
	zaehler: 'numerator', numerator: 'numerator',
	nenner: 'denominator', denominator: 'denominator',
	faktor: 'multiplier', factor: 'multiplier', multiplier: 'multiplier',
	typ: 'type', type: 'type'
};
const FIELDS: Record<string, PartField> = { zaehler: 'zaehler', numerator: 'zaehler', nenner: 'nenner', denominator: 'nenner', wert: 'wert', value: 'wert' };
const TYPES: Record<string, ValueType> = { anteil: 'proportion', proportion: 'proportion', quote: 'proportion', rate: 'rate', anzahl: 'count', count: 'count' };
export const POPULATION_PREFIX = 'bev_';

class Failure extends Error {
	constructor(readonly issue: FormulaIssue) {
		super(issue.key);
	}
}

class Parser {
	#t: Token[];
	#i = 0;
	#src: string;
	issues: FormulaIssue[] = [];
	result: ParsedFormula = { numerator: null, denominator: null, multiplier: null, value_type: null, spans: { numerator: [], denominator: [] } };
	#seen = new Set<string>();

	constructor(src: string) {
		this.#src = src;
		this.#t = tokenize(src);
	}

	get #cur(): Token {
		return this.#t[this.#i];
	}

	#fail(tok: Span, key: MessageKey, params?: Params): never {
		throw new Failure({ key, params, from: tok.from, to: tok.to });
	}

	parse(): void {
		for (;;) {
			while (this.#cur.kind === 'sep') this.#i++;
			if (this.#cur.kind === 'end') return;
			try {
				this.#statement();
			} catch (e) {
				if (!(e instanceof Failure)) throw e;
				this.issues.push(e.issue);
				// skip to the next statement (the getter is re-read each time; TS narrows it as if it were a field)
				while (!['sep', 'end'].includes(this.#cur.kind as string)) this.#i++;
			}
		}
	}

	#statement(): void {
		const keyTok = this.#cur;
		if (keyTok.kind === 'bad') this.#fail(keyTok, 'derived.formula.unexpected', { text: keyTok.text, pos: keyTok.from + 1 });
		const key = keyTok.kind === 'word' ? KEYS[norm(keyTok.text)] : undefined;
		if (!key) this.#fail(keyTok, 'derived.formula.unknownKey', { text: keyTok.text });
		this.#i++;
		if (this.#cur.kind !== 'eq') this.#fail(this.#cur.kind === 'end' ? keyTok : this.#cur, 'derived.formula.expectedEquals', { key: keyTok.text });
		const eq = this.#cur;
		this.#i++;
		if (this.#seen.has(key)) this.#fail(keyTok, 'derived.formula.duplicateKey', { key: keyTok.text });
		this.#seen.add(key);
		if (key === 'numerator' || key === 'denominator') {
			const { terms, spans } = this.#sum(key, eq);
			this.result[key] = terms;
			this.result.spans[key] = spans;
		} else if (key === 'multiplier') this.result.multiplier = this.#multiplier(eq);
		else this.result.value_type = this.#type(eq);
		const next = this.#cur;
		if (next.kind !== 'sep' && next.kind !== 'end') {
			const startsStatement = next.kind === 'word' && KEYS[norm(next.text)] !== undefined && this.#t[this.#i + 1]?.kind === 'eq';
			if (startsStatement) this.#fail(next, 'derived.formula.missingSeparator', { text: next.text });
			this.#fail(next, 'derived.formula.unexpected', { text: next.text, pos: next.from + 1 });
		}
	}

	#sum(side: Side, eq: Token): { terms: Term[]; spans: Span[] } {
		const terms: Term[] = [];
		const spans: Span[] = [];
		const part = side === 'numerator' ? 'zaehler' : 'nenner';
		let sign: 1 | -1 = 1;
		let opTok: Token = eq;
		if (this.#cur.kind === 'minus' || this.#cur.kind === 'plus') {
			sign = this.#cur.kind === 'minus' ? -1 : 1;
			opTok = this.#cur;
			this.#i++;
		}
		for (;;) {
			const start = this.#cur;
			if (start.kind === 'sep' || start.kind === 'end') {
				this.#fail(terms.length === 0 ? eq : opTok, terms.length === 0 ? 'derived.formula.emptySum' : 'derived.formula.expectedTerm', { part, after: opTok.text });
			}
			const ref = this.#ref();
			terms.push({ sign, ref });
			spans.push({ from: start.from, to: this.#t[this.#i - 1].to });
			if (this.#cur.kind !== 'plus' && this.#cur.kind !== 'minus') return { terms, spans };
			opTok = this.#cur;
			sign = this.#cur.kind === 'minus' ? -1 : 1;
			this.#i++;
		}
	}

	#ref(): PartRef {
		const tok = this.#cur;
		if (tok.kind === 'number') this.#fail(tok, 'derived.formula.constant', { text: tok.text });
		if (tok.kind !== 'word') this.#fail(tok, 'derived.formula.expectedTerm', { part: '', after: this.#t[this.#i - 1]?.text ?? '' });
		this.#i++;
		const name = tok.text;
		if (this.#cur.kind !== 'dot') {
			if (name.toLowerCase().startsWith(POPULATION_PREFIX) && name.length > POPULATION_PREFIX.length) {
				return { kind: 'population', ageGroup: name.slice(POPULATION_PREFIX.length) };
			}
			this.#fail(tok, 'derived.formula.fieldMissing', { ref: name });
		}
		this.#i++;
		const fieldTok = this.#cur;
		if (fieldTok.kind !== 'word' && fieldTok.kind !== 'number') this.#fail(fieldTok.kind === 'end' ? tok : fieldTok, 'derived.formula.fieldMissing', { ref: name });
		this.#i++;
		if (name.toLowerCase().startsWith(POPULATION_PREFIX)) {
			this.#fail({ from: tok.from, to: fieldTok.to }, 'derived.formula.populationField', { ref: name });
		}
		const field = FIELDS[norm(fieldTok.text)];
		if (!field) this.#fail({ from: tok.from, to: fieldTok.to }, 'derived.formula.field', { ref: `${name}.${fieldTok.text}` });
		return { kind: 'indicator', indicator: name, field };
	}

	#multiplier(eq: Token): number {
		const start = this.#cur;
		if (start.kind !== 'number') this.#fail(start.kind === 'end' || start.kind === 'sep' ? eq : start, 'derived.formula.multiplier', { text: start.text });
		// "1.000" is a thousand in German writing; the groups after the first must have three digits.
		let digits = start.text;
		let end = start.to;
		this.#i++;
		while (this.#cur.kind === 'dot' && this.#t[this.#i + 1]?.kind === 'number' && /^\d{3}$/.test(this.#t[this.#i + 1].text)) {
			digits += this.#t[this.#i + 1].text;
			end = this.#t[this.#i + 1].to;
			this.#i += 2;
		}
		const value = Number(digits);
		if (!(MULTIPLIERS as readonly number[]).includes(value)) this.#fail({ from: start.from, to: end }, 'derived.formula.multiplier', { text: this.#src.slice(start.from, end) });
		return value;
	}

	#type(eq: Token): ValueType {
		const tok = this.#cur;
		if (tok.kind !== 'word') this.#fail(tok.kind === 'end' || tok.kind === 'sep' ? eq : tok, 'derived.formula.type', { text: tok.text });
		const type = TYPES[norm(tok.text)];
		if (!type) this.#fail(tok, 'derived.formula.type', { text: tok.text });
		this.#i++;
		return type;
	}
}

export function parseFormula(text: string): { formula: ParsedFormula; issues: FormulaIssue[] } {
	const p = new Parser(text);
	p.parse();
	return { formula: p.result, issues: p.issues };
}

function writeSum(terms: readonly Term[]): string {
	return terms
		.map((t, i) => {
			const key = t.ref.kind === 'population' ? `bev_${t.ref.ageGroup}` : `${t.ref.indicator}.${t.ref.field}`;
			return i === 0 ? (t.sign < 0 ? `- ${key}` : key) : `${t.sign < 0 ? '-' : '+'} ${key}`;
		})
		.join(' ');
}

/** The canonical formula line of a computation (what the form writes and what is stored). */
export function formatFormula(c: Computation): string {
	const parts = [`zaehler = ${writeSum(c.numerator)}`];
	if (c.value_type !== 'count') parts.push(`nenner = ${writeSum(c.denominator)}`, `faktor = ${c.multiplier}`);
	parts.push(`typ = ${TYPE_WORDS[c.value_type]}`);
	return parts.join('; ');
}

/**
 * The computation of a parsed line, with the defaults a form supplies for what the line leaves
 * out (type: count without a denominator, else proportion; multiplier: 100 for a proportion).
 * null when the line has no numerator.
 */
export function computationOf(f: ParsedFormula, defaults: Partial<Pick<Computation, 'multiplier' | 'value_type'>> = {}): Computation | null {
	if (!f.numerator) return null;
	const value_type = f.value_type ?? defaults.value_type ?? (f.denominator ? 'proportion' : 'count');
	const multiplier = value_type === 'count' ? 1 : (f.multiplier ?? defaults.multiplier ?? 100);
	return { numerator: f.numerator, denominator: value_type === 'count' ? [] : (f.denominator ?? []), multiplier, value_type };
}
