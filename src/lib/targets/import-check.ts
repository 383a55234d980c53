/**
 * Import without the storage: content checks before anything changes (no id twice, every target
 * valid for this data package; the first problem is reported with file and row/column or
 * target/field, since a planner fixes files one error at a time), sorting into new / identical /
 * conflicting, and turning the planner's choice per conflict into the targets to write.
 */
import type { Params } from '$lib/i18n/translate';
import { newTargetId, sameTarget, type TargetRecord } from './model';
import { TargetsFileError, type Decoded, type Message, type Origin } from './file-format';
import type { TargetIssue } from './validate';
import { StoreError as RecordStoreError } from './record-store';

export type ConflictChoice = 'mine' | 'theirs' | 'both';
export interface Conflict { id: string; mine: TargetRecord; theirs: TargetRecord }
export interface ImportPlan { file: string; incoming: TargetRecord[]; fresh: TargetRecord[]; identical: TargetRecord[]; conflicts: Conflict[] }
export interface ImportResult { added: number; replaced: number; kept: number; duplicated: number; unchanged: number }

/**
 * A change that was refused; `issues` for a target that does not validate. The record store's own
 * class (so `instanceof` holds for what the store throws), typed with the targets' issues.
 */
export const StoreError = RecordStoreError as new (key: Message['key'], params?: Params, issues?: TargetIssue[]) => RecordStoreError<TargetIssue>;
export type StoreError = RecordStoreError<TargetIssue>;

export function planImport(file: string, incoming: TargetRecord[], list: readonly TargetRecord[]): ImportPlan {
	const current = new Map(list.map((t) => [t.id, t]));
	const plan: ImportPlan = { file, incoming, fresh: [], identical: [], conflicts: [] };
	for (const t of incoming) {
		const mine = current.get(t.id);
		if (!mine) plan.fresh.push(t);
		else if (sameTarget(mine, t)) plan.identical.push(t);
		else plan.conflicts.push({ id: t.id, mine, theirs: t });
	}
	return plan;
}

/**
 * The targets to write for a plan, judged against the list as it is now (it may have changed since
 * the plan was made). A conflict without a choice throws: nothing is overwritten by default.
 * "both" keeps mine and adds the file's version as a new draft with a new id.
 */
export function resolveImport(plan: ImportPlan, list: readonly TargetRecord[], choices: Readonly<Record<string, ConflictChoice>>, taken: Set<string>): { put: TargetRecord[]; result: ImportResult } {
	const result: ImportResult = { added: 0, replaced: 0, kept: 0, duplicated: 0, unchanged: 0 };
	const current = new Map(list.map((t) => [t.id, t]));
	const put: TargetRecord[] = [];
	for (const t of plan.incoming) {
		const mine = current.get(t.id);
		const choice = mine && !sameTarget(mine, t) ? choices[t.id] : undefined;
		if (!mine) (put.push(t), result.added++);
		else if (sameTarget(mine, t)) result.unchanged++;
		else if (!choice) throw new StoreError('targets.import.choiceMissing', { id: t.id });
		else if (choice === 'mine') result.kept++;
		else if (choice === 'theirs') (put.push(t), result.replaced++);
		else {
			const id = newTargetId(taken);
			taken.add(id);
			put.push({ ...t, id, status: 'draft' });
			result.duplicated++;
		}
	}
	return { put, result };
}

export function checkImport(file: string, decoded: Decoded, validate: (t: TargetRecord) => TargetIssue[]): void {
	const seen = new Set<string>();
	decoded.records.forEach((t, i) => {
		const where = decoded.origins[i];
		if (seen.has(t.id)) throw locate(file, where, 'id', { key: 'targets.import.duplicate', params: { id: t.id } });
		seen.add(t.id);
		const issue = validate(t)[0];
		if (issue) throw locate(file, where, issue.field, { key: issue.key, params: issue.params });
	});
}

function locate(file: string, where: Origin, field: string, inner: { key: TargetIssue['key']; params?: TargetIssue['params'] }): TargetsFileError {
	return 'row' in where
		? new TargetsFileError('targets.import.csvCell', { file, row: where.row, column: field === 'rule' ? 'target_rule' : field }, inner)
		: new TargetsFileError('targets.import.jsonField', { file, n: where.n, id: where.id, field }, inner);
}
