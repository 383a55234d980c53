/**
 * The targets a planner works with: the package's adopted targets overlaid with what was made,
 * edited or deleted in this browser, on the shared record store ($lib/store: one storage
 * transaction and one undo step per change, changes serialised). Imports never overwrite silently:
 * a target with the same id and other content is a conflict the caller decides (keep mine / take
 * theirs / keep both).
 */
import type { Target } from '$lib/data/types';
import { RecordStore, StoreError, type Origin } from '$lib/store/record-store';
import type { Message } from '$lib/store/message';
import { RecordFacade } from '$lib/store/record-facade';
import { canonical, fromPackage, newTargetId, type TargetRecord } from './model';
import type { TargetStorage } from './storage';
import type { TargetIssue } from './validate';
import { decodeFile, toCsv, toJson } from './file-format';
import { readJsonRecord } from './json-record';
import { checkImport, planImport, resolveImport, type ConflictChoice, type ImportPlan, type ImportResult } from './import-check';

export type { Origin, ConflictChoice, ImportPlan, ImportResult };
export { StoreError };

type Validate = (t: TargetRecord) => TargetIssue[];

const LABELS = {
	create: 'targets.undo.create',
	update: 'targets.undo.update',
	remove: 'targets.undo.remove',
	removeAll: 'targets.undo.removeAll',
	import: 'targets.undo.import',
	resolve: 'targets.undo.import',
	notFound: 'targets.err.notFound',
	invalid: 'targets.err.invalid'
} as const;

export class TargetStore extends RecordFacade<TargetRecord, TargetIssue> {
	#validate: Validate;

	private constructor(store: RecordStore<TargetRecord, TargetIssue>, validate: Validate) {
		super(store);
		this.#validate = validate;
	}

	static async open(storage: TargetStorage, pkg: readonly Target[], validate: Validate = () => []): Promise<TargetStore> {
		const store = await RecordStore.open<TargetRecord, TargetIssue>(storage, pkg.map(fromPackage), {
			canonical,
			read: (raw) => {
				const r = readJsonRecord(raw);
				return 'record' in r ? r.record : null;
			},
			newId: newTargetId,
			validate,
			labels: LABELS
		});
		return new TargetStore(store, validate);
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
		checkImport(file, decoded, this.#validate);
		return planImport(file, decoded.records, this.list());
	}

	/** Apply a plan with one choice per conflict, as one change (one undo step), checked again against the state now. */
	async commitImport(plan: ImportPlan, choices: Readonly<Record<string, ConflictChoice>>): Promise<ImportResult> {
		// resolved inside the store's queue order: the list it is judged against is the one written to
		let result!: ImportResult;
		const label: Message = { key: LABELS.import, params: { file: plan.file } };
		await this.store.putManyWith(() => {
			const r = resolveImport(plan, this.list(), choices, new Set([...this.store.taken(), ...plan.incoming.map((t) => t.id)]));
			result = r.result;
			return r.put;
		}, label);
		return result;
	}
}
