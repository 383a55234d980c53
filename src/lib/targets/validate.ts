/**
 * Checks a target before it is stored (form, edit, import). Each problem names the field it belongs
 * to and a message key, so the form can show it next to the input and the import can name the file,
 * row and column; the texts (German first) live in the targets catalogue.
 */
import type { AreaInfo } from '$lib/data/engine';
import type { Indicator } from '$lib/data/types';
import type { MessageKey } from '$lib/i18n/messages';
import type { Params } from '$lib/i18n/translate';
import { ID_PATTERN, RECORD_FIELDS, resolveTargetValue, valueRange, type TargetRecord } from './model';
import { scopeLevelIndex } from '$lib/data/levels';

export interface TargetContext {
	indicators: readonly Indicator[];
	areas: readonly AreaInfo[];
	/** Level id of the finest level (the level indicators are observed on). */
	baseLevel: string;
	/** The package's level ids, finest first (a target's scope is "city" or one of them). */
	levels: readonly string[];
}

/** The level a scope names (legacy "sozialraum" / "stadtbezirk" included); null for "city" or unknown. */
export function scopeLevelOf(scope: string, ctx: Pick<TargetContext, 'levels'>): string | null {
	if (scope === 'city') return null;
	const i = scopeLevelIndex(scope, ctx.levels);
	return i < 0 ? null : ctx.levels[i];
}

export type IssueField = (typeof RECORD_FIELDS)[number];

export interface TargetIssue {
	field: IssueField;
	key: MessageKey;
	params?: Params;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

export function validateTarget(t: TargetRecord, ctx: TargetContext): TargetIssue[] {
	const issues: TargetIssue[] = [];
	const add = (field: IssueField, key: MessageKey, params?: Params) => issues.push({ field, key, params });

	if (!ID_PATTERN.test(t.id)) add('id', 'targets.err.id', { id: t.id });
	const ind = ctx.indicators.find((i) => i.id === t.indicator_id);
	if (!ind) add('indicator_id', 'targets.err.indicator', { id: t.indicator_id });
	checkScope(t, ctx, add);

	const yearOk = (y: number) => Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
	if (!yearOk(t.baseline_year)) add('baseline_year', 'targets.err.year', { min: MIN_YEAR, max: MAX_YEAR });
	if (!yearOk(t.target_year)) add('target_year', 'targets.err.year', { min: MIN_YEAR, max: MAX_YEAR });
	else if (yearOk(t.baseline_year) && t.target_year <= t.baseline_year) {
		add('target_year', 'targets.err.yearOrder', { target: t.target_year, baseline: t.baseline_year });
	}

	if (ind) {
		const { min, max } = valueRange(ind);
		for (const field of ['baseline_value', 'target_value'] as const) {
			const v = t[field];
			if (!Number.isFinite(v)) add(field, 'targets.err.number');
			else if (v < min || v > max) add(field, max === Infinity ? 'targets.err.negative' : 'targets.err.range', { min, max });
		}
		if (t.target_value === t.baseline_value && ind.polarity === 'neutral') add('target_value', 'targets.err.noDirection');
		checkRule(t, ind.decimals, add);
	}

	if (t.owner.trim() === '') add('owner', 'targets.err.owner');
	if (t.status !== 'adopted' && t.status !== 'draft') add('status', 'targets.err.status');
	else if (t.status === 'adopted' && t.decision.trim() === '') add('decision', 'targets.err.decision');
	return issues;
}

type Add = (field: IssueField, key: MessageKey, params?: Params) => void;

function checkScope(t: TargetRecord, ctx: TargetContext, add: Add): void {
	const keys = t.scope_keys;
	if (t.scope_type === 'city') {
		if (keys.length > 0) add('scope_keys', 'targets.err.cityKeys');
		return;
	}
	const level = scopeLevelOf(String(t.scope_type), ctx);
	if (!level) {
		add('scope_type', 'targets.err.scopeType', { value: String(t.scope_type), levels: ctx.levels.join(', ') });
		return;
	}
	if (keys.length === 0) return add('scope_keys', 'targets.err.scopeEmpty');
	if (new Set(keys).size !== keys.length) add('scope_keys', 'targets.err.duplicateArea');
	const unknown = keys.find((k) => !ctx.areas.some((a) => a.key === k && a.level === level));
	if (unknown !== undefined) add('scope_keys', 'targets.err.areaUnknown', { key: unknown, level });
}

function checkRule(t: TargetRecord, decimals: number, add: Add): void {
	const r = t.rule;
	const finite = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
	const ok =
		r.kind === 'absolute' ||
		((r.kind === 'points' || r.kind === 'percent') && finite(r.delta) && r.delta !== 0) ||
		(r.kind === 'gap' && finite(r.factor) && r.factor >= 0 && r.factor < 1 && finite(r.reference));
	if (!ok) return add('rule', 'targets.err.rule');
	if (r.kind === 'percent' && r.delta <= -100) return add('rule', 'targets.err.rule');
	// A relative rule must agree with the stored absolute value (an edited file could break that).
	const resolved = resolveTargetValue(r, t.baseline_value, t.target_value, decimals);
	if (resolved !== null && Math.abs(resolved - t.target_value) > 1e-9 * Math.max(1, Math.abs(resolved))) {
		add('target_value', 'targets.err.ruleMismatch', { value: resolved });
	}
}
