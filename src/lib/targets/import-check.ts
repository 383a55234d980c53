/**
 * Import without the storage: content checks before anything changes (no id twice, every target
 * valid for this data package; the first problem is reported with file and row/column or
 * target/field, since a planner fixes files one error at a time), sorting into new / identical /
 * conflicting, and turning the planner's choice per conflict into the targets to write.
 */
import { StoreError } from '$lib/store/record-store';
import {
	planImport as genericPlan,
	resolveImport as genericResolve,
	type ConflictChoice,
	type ImportConflict,
	type ImportPlan as GenericPlan,
	type ImportResult
} from '$lib/store/import-plan';
import { newTargetId, sameTarget, type TargetRecord } from './model';
import { TargetsFileError, type Decoded, type Message, type Origin } from './file-format';
import type { TargetIssue } from './validate';

export type { ConflictChoice, ImportResult };
export type Conflict = ImportConflict<TargetRecord>;
export type ImportPlan = GenericPlan<TargetRecord>;

/** A change that was refused; `issues` for a target that does not validate (the shared store's error). */
export { StoreError };

export function planImport(file: string, incoming: TargetRecord[], list: readonly TargetRecord[]): ImportPlan {
	return genericPlan(file, incoming, list, sameTarget);
}

/** The targets to write; "both" adds the file's version as a new draft with a new id. */
export function resolveImport(plan: ImportPlan, list: readonly TargetRecord[], choices: Readonly<Record<string, ConflictChoice>>, taken: Set<string>): { put: TargetRecord[]; result: ImportResult } {
	return genericResolve(plan, list, choices, taken, {
		same: sameTarget,
		newId: newTargetId,
		copy: (t, id) => ({ ...t, id, status: 'draft' }),
		choiceMissing: 'targets.import.choiceMissing'
	});
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
