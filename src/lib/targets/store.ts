/**
 * The targets a planner works with: the package's adopted targets overlaid with what was made,
 * edited or deleted in this browser (record-store.ts: overlay, storage, one undo step per change).
 * Imports never overwrite silently: a target with the same id and other content is a conflict the
 * caller decides (keep mine / take theirs / keep both).
 */
import type { Target } from '$lib/data/types';
import { canonical, fromPackage, newTargetId, sameTarget, type TargetRecord } from './model';
import type { TargetStorage } from './storage';
import type { TargetIssue } from './validate';
import { decodeFile, toCsv, toJson } from './file-format';
import { checkImport, planImport, resolveImport, StoreError, type ConflictChoice, type ImportPlan, type ImportResult } from './import-check';
import { Overlay, type Origin, type RecordKind } from './overlay';
import { readJsonRecord } from './json-record';
import { RecordStore, type StoreKind } from './record-store';

export type { Origin, ConflictChoice, ImportPlan, ImportResult };
export { StoreError };

type Validate = (t: TargetRecord) => TargetIssue[];

export const TARGET_RECORDS: RecordKind<TargetRecord> = {
	read: (raw) => {
		const read = readJsonRecord(raw);
		return 'record' in read ? read.record : null;
	},
	canonical,
	same: sameTarget
};

function targetKind(validate: Validate): StoreKind<TargetRecord, TargetIssue> {
	return {
		...TARGET_RECORDS,
		labels: {
			create: 'targets.undo.create',
			update: 'targets.undo.update',
			remove: 'targets.undo.remove',
			removeAll: 'targets.undo.removeAll',
			notFound: 'targets.err.notFound',
			invalid: 'targets.err.invalid'
		},
		assignId: (t, taken) => (t.id && !taken.has(t.id) ? t.id : newTargetId(taken)),
		validate
	};
}

export class TargetStore extends RecordStore<TargetRecord, TargetIssue> {
	static async open(storage: TargetStorage, pkg: readonly Target[], validate: Validate = () => []): Promise<TargetStore> {
		const kind = targetKind(validate);
		return new TargetStore(storage, kind, new Overlay(kind, pkg.map(fromPackage), await storage.load()));
	}

	exportJson(now?: Date): string {
		return toJson(this.list(), now);
	}

	exportCsv(): string {
		return toCsv(this.list());
	}

	/** Read a file and sort its targets into new, identical and conflicting; changes nothing. Throws TargetsFileError. */
	prepareImport(file: string, text: string): ImportPlan {
		const decoded = decodeFile(file, text);
		checkImport(file, decoded, this.kind.validate);
		return planImport(file, decoded.records, this.list());
	}

	/** Apply a plan with one choice per conflict, as one change (one undo step), checked again against the state now. */
	commitImport(plan: ImportPlan, choices: Readonly<Record<string, ConflictChoice>>): Promise<ImportResult> {
		return this.serial(async () => {
			const { put, result } = resolveImport(plan, this.list(), choices, new Set([...this.overlay.taken(), ...plan.incoming.map((t) => t.id)]));
			await this.putAll({ key: 'targets.undo.import', params: { file: plan.file } }, put);
			return result;
		});
	}
}
