/**
 * One target of a JSON export, checked field by field. Types only: whether the indicator or the
 * areas exist is the validator's business (validate.ts).
 */
import { canonical, type TargetRecord, type TargetRule } from './model';
import type { Message } from './file-format';

type Read = { record: TargetRecord } | { field: string; problem: Message };

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

export function readJsonRecord(raw: unknown): Read {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { field: '–', problem: { key: 'targets.import.notObject' } };
	const r = raw as Record<string, unknown>;
	const fail = (field: string, key: Message['key']): Read => ({ field, problem: { key } });
	for (const f of ['id', 'indicator_id', 'scope_type', 'owner', 'decision', 'status'] as const) {
		if (!isStr(r[f])) return fail(f, r[f] === undefined ? 'targets.import.missing' : 'targets.import.type.string');
	}
	if (r.note !== undefined && !isStr(r.note)) return fail('note', 'targets.import.type.string');
	if (!Array.isArray(r.scope_keys) || !r.scope_keys.every(isStr)) return fail('scope_keys', 'targets.import.type.list');
	for (const f of ['baseline_year', 'target_year'] as const) if (!isInt(r[f])) return fail(f, 'targets.import.type.integer');
	for (const f of ['baseline_value', 'target_value'] as const) if (!isNum(r[f])) return fail(f, 'targets.import.type.number');
	const rule = readRule(r.rule);
	if (!rule) return fail('rule', 'targets.err.rule');
	return {
		record: canonical({
			...(r as unknown as TargetRecord),
			note: (r.note as string | undefined) ?? '',
			scope_keys: [...(r.scope_keys as string[])],
			rule
		})
	};
}

function readRule(v: unknown): TargetRule | null {
	if (v === undefined) return { kind: 'absolute' };
	if (!v || typeof v !== 'object') return null;
	const r = v as Record<string, unknown>;
	if (r.kind === 'absolute') return { kind: 'absolute' };
	if ((r.kind === 'points' || r.kind === 'percent') && isNum(r.delta)) return { kind: r.kind, delta: r.delta };
	if (r.kind === 'gap' && isNum(r.factor) && isNum(r.reference)) return { kind: 'gap', factor: r.factor, reference: r.reference };
	return null;
}
