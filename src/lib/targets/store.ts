/**
 * The targets a planner works with: the package's adopted targets overlaid with what was made,
 * edited or deleted in this browser (overlay.ts, persisted through storage.ts). Every change is one
 * storage transaction and one undo step (also delete-all and an import). Imports never overwrite
 * silently: a target with the same id and other content is a conflict the caller decides (keep mine /
 * take theirs / keep both). Changes run one after another, so fast clicking cannot interleave them.
 */
import type { Target } from '$lib/data/types';
import { canonical, newTargetId, type TargetRecord } from './model';
import type { StorageOp, TargetStorage } from './storage';
import type { TargetIssue } from './validate';
import { decodeFile, toCsv, toJson, type Message } from './file-format';
import { checkImport, planImport, resolveImport, StoreError, type ConflictChoice, type ImportPlan, type ImportResult } from './import-check';
import { Overlay, type Change, type Origin } from './overlay';

export type { Origin, ConflictChoice, ImportPlan, ImportResult };
export { StoreError };

type Validate = (t: TargetRecord) => TargetIssue[];
const UNDO_LIMIT = 100;

export class TargetStore {
	#storage: TargetStorage;
	#overlay: Overlay;
	#validate: Validate;
	#undo: { label: Message; before: Change }[] = [];
	#queue: Promise<unknown> = Promise.resolve();

	private constructor(storage: TargetStorage, overlay: Overlay, validate: Validate) {
		this.#storage = storage;
		this.#overlay = overlay;
		this.#validate = validate;
	}

	static async open(storage: TargetStorage, pkg: readonly Target[], validate: Validate = () => []): Promise<TargetStore> {
		return new TargetStore(storage, new Overlay(pkg, await storage.load()), validate);
	}

	get persistent(): boolean {
		return this.#storage.persistent;
	}

	list(): TargetRecord[] {
		return this.#overlay.list();
	}

	get(id: string): TargetRecord | undefined {
		return this.list().find((t) => t.id === id);
	}

	origin(id: string): Origin {
		return this.#overlay.origin(id);
	}

	get undoLabel(): Message | null {
		return this.#undo.at(-1)?.label ?? null;
	}

	create(input: TargetRecord): Promise<TargetRecord> {
		return this.#serial(async () => {
			const taken = this.#overlay.taken();
			const t = canonical({ ...input, id: input.id && !taken.has(input.id) ? input.id : newTargetId(taken) });
			this.#check(t);
			await this.#commit({ key: 'targets.undo.create', params: { id: t.id } }, new Map([[t.id, this.#overlay.putEntry(t)]]));
			return t;
		});
	}

	update(t: TargetRecord): Promise<void> {
		return this.#serial(async () => {
			if (!this.get(t.id)) throw new StoreError('targets.err.notFound', { id: t.id });
			this.#check(t);
			await this.#commit({ key: 'targets.undo.update', params: { id: t.id } }, new Map([[t.id, this.#overlay.putEntry(canonical(t))]]));
		});
	}

	remove(id: string): Promise<void> {
		return this.#serial(async () => {
			if (!this.get(id)) throw new StoreError('targets.err.notFound', { id });
			await this.#commit({ key: 'targets.undo.remove', params: { id } }, new Map([[id, this.#overlay.removeEntry(id)]]));
		});
	}

	removeAll(): Promise<number> {
		return this.#serial(async () => {
			const ids = this.list().map((t) => t.id);
			if (ids.length > 0) await this.#commit({ key: 'targets.undo.removeAll', params: { n: ids.length } }, new Map(ids.map((id) => [id, this.#overlay.removeEntry(id)])));
			return ids.length;
		});
	}

	/** Revert the last change; returns what was undone. */
	undo(): Promise<Message | null> {
		return this.#serial(async () => {
			const step = this.#undo.at(-1);
			if (!step) return null;
			await this.#commit(step.label, step.before, false);
			this.#undo.pop();
			return step.label;
		});
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
	commitImport(plan: ImportPlan, choices: Readonly<Record<string, ConflictChoice>>): Promise<ImportResult> {
		return this.#serial(async () => {
			const { put, result } = resolveImport(plan, this.list(), choices, new Set([...this.#overlay.taken(), ...plan.incoming.map((t) => t.id)]));
			let seq = this.#overlay.nextSeq();
			const change: Change = new Map(put.map((t) => [t.id, this.#overlay.putEntry(t, seq++)]));
			if (change.size > 0) await this.#commit({ key: 'targets.undo.import', params: { file: plan.file } }, change);
			return result;
		});
	}

	#check(t: TargetRecord): void {
		const issues = this.#validate(t);
		if (issues.length > 0) throw new StoreError('targets.err.invalid', {}, issues);
	}

	/** Write first, then update memory: a failed write leaves both as they were. */
	async #commit(label: Message, change: Change, record = true): Promise<void> {
		const before = this.#overlay.before(change);
		const ops: StorageOp[] = [...change].map(([id, e]) => (e ? { put: e } : { delete: id }));
		await this.#storage.apply(ops);
		this.#overlay.apply(change);
		if (record) {
			this.#undo.push({ label, before });
			if (this.#undo.length > UNDO_LIMIT) this.#undo.shift();
		}
	}

	#serial<T>(fn: () => Promise<T>): Promise<T> {
		const run = this.#queue.then(fn);
		this.#queue = run.catch(() => undefined);
		return run;
	}
}
