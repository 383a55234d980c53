/**
 * A list of records a planner edits in the browser: the package's records overlaid with what was
 * made, edited or deleted here (overlay.ts, persisted through storage.ts). Every change is one
 * storage transaction and one undo step (delete-all and an import too). Changes run one after
 * another, so fast clicking cannot interleave them. Written for the targets (store.ts) and used
 * unchanged by the derived indicators ($lib/derived/store.ts); a kind of record says how its
 * records are read, compared, named and checked.
 */
import type { MessageKey } from '$lib/i18n/messages';
import type { Params } from '$lib/i18n/translate';
import { Overlay, type Change, type Origin, type RecordKind } from './overlay';
import type { StorageOp, TargetStorage } from './storage';

export type { Origin, RecordKind };

export interface Label {
	key: MessageKey;
	params?: Params;
}

export interface StoreKind<R extends { id: string }, I> extends RecordKind<R> {
	/** Undo labels ("Ziel Z-1 angelegt"): create/update/remove get `{ id }`, removeAll `{ n }`. */
	labels: { create: MessageKey; update: MessageKey; remove: MessageKey; removeAll: MessageKey; notFound: MessageKey; invalid: MessageKey };
	/** The id a new record gets: its own when that is set and free, else a fresh one. */
	assignId(r: R, taken: ReadonlySet<string>): string;
	validate(r: R): I[];
}

/** A change that was refused; `issues` for a record that does not validate. */
export class StoreError<I = unknown> extends Error {
	constructor(readonly key: MessageKey, readonly params: Params = {}, readonly issues: I[] = []) {
		super(key);
	}
}

const UNDO_LIMIT = 100;

export class RecordStore<R extends { id: string }, I = unknown> {
	protected readonly kind: StoreKind<R, I>;
	protected readonly overlay: Overlay<R>;
	#storage: TargetStorage<R>;
	#undo: { label: Label; before: Change<R> }[] = [];
	#queue: Promise<unknown> = Promise.resolve();

	constructor(storage: TargetStorage<R>, kind: StoreKind<R, I>, overlay: Overlay<R>) {
		this.#storage = storage;
		this.kind = kind;
		this.overlay = overlay;
	}

	get persistent(): boolean {
		return this.#storage.persistent;
	}

	list(): R[] {
		return this.overlay.list();
	}

	get(id: string): R | undefined {
		return this.list().find((r) => r.id === id);
	}

	origin(id: string): Origin {
		return this.overlay.origin(id);
	}

	get undoLabel(): Label | null {
		return this.#undo.at(-1)?.label ?? null;
	}

	create(input: R): Promise<R> {
		return this.serial(async () => {
			const r = this.kind.canonical({ ...input, id: this.kind.assignId(input, this.overlay.taken()) });
			this.check(r);
			await this.commit({ key: this.kind.labels.create, params: { id: r.id } }, new Map([[r.id, this.overlay.putEntry(r)]]));
			return r;
		});
	}

	update(r: R): Promise<void> {
		return this.serial(async () => {
			if (!this.get(r.id)) throw new StoreError(this.kind.labels.notFound, { id: r.id });
			this.check(r);
			await this.commit({ key: this.kind.labels.update, params: { id: r.id } }, new Map([[r.id, this.overlay.putEntry(this.kind.canonical(r))]]));
		});
	}

	remove(id: string): Promise<void> {
		return this.serial(async () => {
			if (!this.get(id)) throw new StoreError(this.kind.labels.notFound, { id });
			await this.commit({ key: this.kind.labels.remove, params: { id } }, new Map([[id, this.overlay.removeEntry(id)]]));
		});
	}

	removeAll(): Promise<number> {
		return this.serial(async () => {
			const ids = this.list().map((r) => r.id);
			if (ids.length > 0) await this.commit({ key: this.kind.labels.removeAll, params: { n: ids.length } }, new Map(ids.map((id) => [id, this.overlay.removeEntry(id)])));
			return ids.length;
		});
	}

	/** Revert the last change; returns what was undone. */
	undo(): Promise<Label | null> {
		return this.serial(async () => {
			const step = this.#undo.at(-1);
			if (!step) return null;
			await this.commit(step.label, step.before, false);
			this.#undo.pop();
			return step.label;
		});
	}

	/** Several records written as one change (one undo step), e.g. an import. */
	protected putAll(label: Label, records: readonly R[]): Promise<void> {
		let seq = this.overlay.nextSeq();
		const change: Change<R> = new Map(records.map((r) => [r.id, this.overlay.putEntry(r, seq++)]));
		return change.size > 0 ? this.commit(label, change) : Promise.resolve();
	}

	protected check(r: R): void {
		const issues = this.kind.validate(r);
		if (issues.length > 0) throw new StoreError(this.kind.labels.invalid, {}, issues);
	}

	/** Write first, then update memory: a failed write leaves both as they were. */
	protected async commit(label: Label, change: Change<R>, record = true): Promise<void> {
		const before = this.overlay.before(change);
		const ops: StorageOp<R>[] = [...change].map(([id, e]) => (e ? { put: e } : { delete: id }));
		await this.#storage.apply(ops);
		this.overlay.apply(change);
		if (record) {
			this.#undo.push({ label, before });
			if (this.#undo.length > UNDO_LIMIT) this.#undo.shift();
		}
	}

	protected serial<T>(fn: () => Promise<T>): Promise<T> {
		const run = this.#queue.then(fn);
		this.#queue = run.catch(() => undefined);
		return run;
	}
}
