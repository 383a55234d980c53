/**
 * Feinziele (operational targets). A package target (adopted by the steering group, shipped in
 * targets.csv) and a draft made in the browser share one record type: the package `Target` plus the
 * rule that produced the target value, so a relative target ("−10 %") can be re-resolved when its
 * baseline changes and survives export and import.
 */
import type { Indicator, Polarity, Target, TargetScope } from '$lib/data/types';

export type { TargetScope };
export type TargetStatus = Target['status'];

/**
 * How the target value was set; `target_value` always holds the resolved absolute value.
 * - absolute: typed in as a value
 * - points: baseline + delta, in the indicator's unit (Prozentpunkte for %)
 * - percent: baseline × (1 + delta/100)
 * - gap: reference + (baseline − reference) × factor — "Abstand zum Stadtwert halbieren" is factor
 *   0.5 with the city value of the baseline year as reference (kept, so the rule stays reproducible)
 */
export type TargetRule =
	| { kind: 'absolute' }
	| { kind: 'points'; delta: number }
	| { kind: 'percent'; delta: number }
	| { kind: 'gap'; factor: number; reference: number };

export type RuleKind = TargetRule['kind'];
export const RULE_KINDS: readonly RuleKind[] = ['absolute', 'points', 'percent', 'gap'];

export interface TargetRecord extends Target {
	rule: TargetRule;
}

/** Whether the goal is to bring the value down or up. */
export type GoalDirection = 'lower' | 'higher';

/**
 * From the target itself (target below baseline = lower is the goal). A target equal to its baseline
 * ("hold the level") takes the indicator's polarity: hold at most where higher is worse.
 */
export function goalDirection(t: Pick<Target, 'baseline_value' | 'target_value'>, polarity: Polarity): GoalDirection {
	if (t.target_value < t.baseline_value) return 'lower';
	if (t.target_value > t.baseline_value) return 'higher';
	return polarity === 'higher_is_better' ? 'higher' : 'lower';
}

/**
 * The absolute target value a rule gives for a baseline, rounded to the indicator's display
 * decimals: the value the committee reads is the value that is assessed. null when the rule
 * cannot give a number (no baseline).
 */
export function resolveTargetValue(rule: TargetRule, baseline: number | null, absolute: number | null, decimals: number): number | null {
	const round = (v: number) => Number(v.toFixed(Math.max(0, Math.min(10, decimals))));
	if (rule.kind === 'absolute') return absolute === null || !Number.isFinite(absolute) ? null : absolute;
	if (baseline === null || !Number.isFinite(baseline)) return null;
	switch (rule.kind) {
		case 'points':
			return round(baseline + rule.delta);
		case 'percent':
			return round(baseline * (1 + rule.delta / 100));
		case 'gap':
			return round(rule.reference + (baseline - rule.reference) * rule.factor);
	}
}

/** A package row as a record: empty text instead of NULL, the value as typed in. */
export function fromPackage(t: Target): TargetRecord {
	return {
		id: String(t.id),
		indicator_id: String(t.indicator_id),
		scope_type: t.scope_type,
		scope_keys: [...(t.scope_keys ?? [])],
		baseline_year: Number(t.baseline_year),
		baseline_value: Number(t.baseline_value),
		target_value: Number(t.target_value),
		target_year: Number(t.target_year),
		owner: t.owner ?? '',
		decision: t.decision ?? '',
		note: t.note ?? '',
		status: t.status === 'draft' ? 'draft' : 'adopted',
		rule: { kind: 'absolute' }
	};
}

/** Field order of a record (also the CSV column order of the package, plus the rule). */
export const RECORD_FIELDS = [
	'id', 'indicator_id', 'scope_type', 'scope_keys', 'baseline_year', 'baseline_value',
	'target_value', 'target_year', 'owner', 'decision', 'note', 'status', 'rule'
] as const satisfies readonly (keyof TargetRecord)[];

/** A copy with fields in a fixed order, so equal records compare and serialise equally. */
export function canonical(t: TargetRecord): TargetRecord {
	const out = {} as Record<string, unknown>;
	for (const f of RECORD_FIELDS) out[f] = f === 'scope_keys' ? [...t.scope_keys] : f === 'rule' ? { ...t.rule } : t[f];
	return out as unknown as TargetRecord;
}

export function sameTarget(a: TargetRecord, b: TargetRecord): boolean {
	return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Key of the data series a target is measured on (targets on the same scope share it). */
export function seriesKey(t: Pick<Target, 'indicator_id' | 'scope_type' | 'scope_keys'>): string {
	return `${t.indicator_id}|${t.scope_type}|${[...t.scope_keys].sort().join('+')}`;
}

/** Ids are short, URL- and CSV-safe; new ones start with "Z-" so they never clash with package ids like "FZ01". */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

export function newTargetId(taken: ReadonlySet<string>, random: () => number = Math.random): string {
	for (;;) {
		const id = 'Z-' + Math.floor(random() * 36 ** 6).toString(36).toUpperCase().padStart(6, '0');
		if (!taken.has(id)) return id;
	}
}

/** Valid value range of an indicator: proportions 0…multiplier (0–100 for %), rates and counts ≥ 0. */
export function valueRange(ind: Pick<Indicator, 'value_type' | 'multiplier'>): { min: number; max: number } {
	return ind.value_type === 'proportion' ? { min: 0, max: ind.multiplier } : { min: 0, max: Infinity };
}

/** Clamp to the indicator's possible values (a prediction interval can reach below 0 %). */
export function clampToRange(v: number, ind: Pick<Indicator, 'value_type' | 'multiplier'>): number {
	const { min, max } = valueRange(ind);
	return Math.min(max, Math.max(min, v));
}
