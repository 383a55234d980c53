/**
 * The "Neues Ziel" form without the UI: what the planner typed (texts, as typed, German decimal
 * comma welcome) → a target record plus the problems, field by field.
 */
import type { Indicator } from '$lib/data/types';
import type { MessageKey } from '$lib/i18n/messages';
import { resolveTargetValue, type RuleKind, type TargetRecord, type TargetRule, type TargetScope, type TargetStatus } from './model';
import { validateTarget, type TargetContext, type TargetIssue } from './validate';

export interface FormState {
	id: string;
	indicator_id: string;
	/** "city" or a level id */
	scope_type: TargetScope;
	/** Keys of the chosen areas of that level */
	areas: string[];
	baseline_year: number | null;
	rule: RuleKind;
	/** The target value (absolute) or the change (points, percent); unused for "gap". */
	amount: string;
	target_year: string;
	owner: string;
	decision: string;
	note: string;
	status: TargetStatus;
}

/** "25,5", "−3", "1.234,5", "25.5" → number; null for empty or not a number. */
export function parseDecimal(text: string): number | null {
	let s = text.trim().replace(/[\u2212\u2012\u2013]/g, '-').replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '');
	if (s === '') return null;
	if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
	return /^[-+]?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

/** A number as the planner would type it: 25.5 → "25,5" (de). */
export function toInput(v: number, locale: 'de' | 'en'): string {
	const s = String(Number(v.toPrecision(12)));
	return locale === 'de' ? s.replace('.', ',') : s;
}

export function stateFromRecord(t: TargetRecord, locale: 'de' | 'en'): FormState {
	const r = t.rule;
	const amount = r.kind === 'absolute' ? toInput(t.target_value, locale) : r.kind === 'gap' ? '' : toInput(r.delta, locale);
	return {
		id: t.id, indicator_id: t.indicator_id, scope_type: t.scope_type,
		areas: t.scope_type === 'city' ? [] : [...t.scope_keys],
		baseline_year: t.baseline_year, rule: r.kind, amount, target_year: String(t.target_year),
		owner: t.owner, decision: t.decision, note: t.note, status: t.status
	};
}

export function scopeKeys(s: Pick<FormState, 'scope_type' | 'areas'>): string[] {
	return s.scope_type === 'city' ? [] : [...s.areas];
}

export function ruleOf(s: FormState, cityValue: number | null): TargetRule | null {
	if (s.rule === 'absolute') return { kind: 'absolute' };
	if (s.rule === 'gap') return cityValue === null ? null : { kind: 'gap', factor: 0.5, reference: cityValue };
	const delta = parseDecimal(s.amount);
	return delta === null ? null : { kind: s.rule, delta };
}

export interface FormResult {
	record: TargetRecord | null;
	issues: TargetIssue[];
	/** The resolved target value, for the live preview. */
	targetValue: number | null;
}

/** Build and check. baseline: the value for the scope and baseline year (from the data); cityValue: the city's in that year. */
export function buildRecord(s: FormState, ind: Indicator | undefined, baseline: number | null, cityValue: number | null, ctx: TargetContext): FormResult {
	const issues: TargetIssue[] = [];
	const add = (field: TargetIssue['field'], key: MessageKey) => issues.push({ field, key });
	const rule = ruleOf(s, cityValue);
	const absolute = s.rule === 'absolute' ? parseDecimal(s.amount) : null;
	const targetValue = rule ? resolveTargetValue(rule, baseline, absolute, ind?.decimals ?? 1) : null;
	const targetYear = /^\s*\d{4}\s*$/.test(s.target_year) ? Number(s.target_year) : NaN;
	if (s.scope_type !== 'city' && scopeKeys(s).length === 0) add('scope_keys', 'targets.err.scopeEmpty');
	else if (s.baseline_year === null || baseline === null) add('baseline_value', 'targets.err.noBaseline');
	if (s.rule === 'gap' && s.scope_type === 'city') add('rule', 'targets.err.gapCity');
	else if (!rule || (s.rule !== 'gap' && parseDecimal(s.amount) === null)) add('target_value', 'targets.err.number');
	if (Number.isNaN(targetYear)) add('target_year', 'targets.err.yearFormat');
	if (issues.length > 0 || !rule || targetValue === null || baseline === null || s.baseline_year === null) return { record: null, issues, targetValue };
	const record: TargetRecord = {
		id: s.id, indicator_id: s.indicator_id, scope_type: s.scope_type, scope_keys: scopeKeys(s),
		baseline_year: s.baseline_year, baseline_value: baseline, target_value: targetValue, target_year: targetYear,
		owner: s.owner.trim(), decision: s.decision.trim(), note: s.note.trim(), status: s.status, rule
	};
	// The id is made by the store for a new target; check everything else.
	const found = validateTarget({ ...record, id: record.id || 'NEU' }, ctx);
	return { record: found.length === 0 ? record : null, issues: found, targetValue };
}
