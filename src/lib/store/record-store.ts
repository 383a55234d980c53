/**
 * A list of records a planner keeps in this browser on top of the data package's (targets, offers,
 * networks, measures): the package records overlaid with what was made, edited or deleted here
 * (overlay.ts, persisted through storage.ts). Every change is one storage transaction and one undo
 * step (also delete-all and an import). Changes run one after another, so fast clicking cannot
 * interleave them. Each change can carry the editor's name; stores that keep a history record who
 * changed which fields when.
 */
import type { Params } from '$lib/i18n/translate';
import { appendHistory, diffRecords, type HistoryAction, type HistoryItem } from './history';
import type { Message } from './message';
import { Overlay, type Change, type Conflict, type Origin, type OverlayKind } from './overlay';
import type { EntryStorage, StorageOp } from './storage';

export type { Origin, Conflict };

/** One problem of a record: the field it belongs to and a message key (form and import show it). */
export interface RecordIssue {
	field: string;
	key: Message['key'];
	params?: Params;
}

/** A change that was refused; `issues` for a record that does not validate. */
export class StoreError<I extends RecordIssue = RecordIssue> extends Error {
	constructor(readonly key: Message['key'], readonly params: Params = {}, readonly issues: I[] = []) {
		super(key);
	}
}

export interface StoreKind<T extends { id: string }, I extends RecordIssue = RecordIssue> extends OverlayKind<T> {
	newId(taken: ReadonlySet<string>): string;
	/**
	 * The id a new record gets, where a kind decides it from the content (derived indicators: from
	 * the label, and only ids of their pattern are kept); default: its own when set and free, else newId.
	 */
	assignId?(record: T, taken: ReadonlySet<string>): string;
	validate(t: T): I[];
	/** Keep who changed what when (offers); off for kinds that do not show it. */
	history?: boolean;
	/** Undo labels ({id} / {n} / {file} are filled in) and the refusals. */
	labels: {
		create: Message['key'];
		update: Message['key'];
		remove: Message['key'];
		removeAll: Message['key'];
		import: Message['key'];
		resolve: Message['key'];
		notFound: Message['key'];
		invalid: Message['key'];
	};
	now?: () => Date;
}

const UNDO_LIMIT = 100;

export class RecordStore<T extends { id: string }, I extends RecordIssue = RecordIssue> {
	#storage: EntryStorage<T>;
	#overlay: Overlay<T>;
	#kind: StoreKind<T, I>;
	#undo: { label: Message; before: Change<T> }[] = [];
	#queue: Promise<unknown> = Promise.resolve();

	private constructor(storage: EntryStorage<T>, overlay: Overlay<T>, kind: StoreKind<T, I>) {
		this.#storage = storage;
		this.#overlay = overlay;
		this.#kind = kind;
	}

	static async open<T extends { id: string }, I extends RecordIssue = RecordIssue>(storage: EntryStorage<T>, pkg: readonly T[], kind: StoreKind<T, I>): Promise<RecordStore<T, I>> {
		return new RecordStore(storage, new Overlay(pkg, await storage.load(), kind), kind);
	}

	get persistent(): boolean {
		return this.#storage.persistent;
	}

	/** The undo labels and refusals of this kind of record. */
	get labels(): StoreKind<T, I>['labels'] {
		return this.#kind.labels;
	}

	list(): T[] {
		return this.#overlay.list();
	}

	get(id: string): T | undefined {
		return this.list().find((t) => t.id === id);
	}

	origin(id: string): Origin {
		return this.#overlay.origin(id);
	}

	/** The record as the data package has it (also when it is hidden or edited here). */
	packageRecord(id: string): T | undefined {
		return this.#overlay.packageRecord(id);
	}

	/** Number of records that differ from the package in this browser. */
	get changeCount(): number {
		return this.#overlay.changeCount();
	}

	conflicts(): Conflict<T>[] {
		return this.#overlay.conflicts();
	}

	history(id: string): HistoryItem[] {
		return [...(this.#overlay.entry(id)?.history ?? [])];
	}

	/** Every id in use (visible, hidden or deleted package ids). */
	taken(): Set<string> {
		return this.#overlay.taken();
	}

	get undoLabel(): Message | null {
		return this.#undo.at(-1)?.label ?? null;
	}

	same(a: T, b: T): boolean {
		return this.#overlay.same(a, b);
	}

	/** A new id unless `input.id` is free; returns the record as stored. */
	create(input: T, by = ''): Promise<T> {
		return this.#serial(async () => {
			const taken = this.#overlay.taken();
			const id = this.#kind.assignId ? this.#kind.assignId(input, taken) : input.id && !taken.has(input.id) ? input.id : this.#kind.newId(taken);
			const t = this.#kind.canonical({ ...input, id });
			this.#check(t);
			await this.#commit({ key: this.#kind.labels.create, params: { id: t.id } }, new Map([[t.id, this.#put(t, by)]]));
			return t;
		});
	}

	update(t: T, by = ''): Promise<void> {
		return this.#serial(async () => {
			if (!this.get(t.id)) throw new StoreError<I>(this.#kind.labels.notFound, { id: t.id });
			this.#check(t);
			await this.#commit({ key: this.#kind.labels.update, params: { id: t.id } }, new Map([[t.id, this.#put(this.#kind.canonical(t), by)]]));
		});
	}

	remove(id: string, by = ''): Promise<void> {
		return this.#serial(async () => {
			if (!this.get(id)) throw new StoreError<I>(this.#kind.labels.notFound, { id });
			await this.#commit({ key: this.#kind.labels.remove, params: { id } }, new Map([[id, this.#overlay.removeEntry(id, this.#history(id, null, 'removed', by))]]));
		});
	}

	removeAll(): Promise<number> {
		return this.#serial(async () => {
			const ids = this.list().map((t) => t.id);
			if (ids.length > 0) await this.#commit({ key: this.#kind.labels.removeAll, params: { n: ids.length } }, new Map(ids.map((id) => [id, this.#overlay.removeEntry(id)])));
			return ids.length;
		});
	}

	/**
	 * Write several records as one change (an import): each is checked first, none is written when
	 * one fails. Ids already in use are replaced (the caller decided so); new ones keep their order.
	 */
	putMany(records: readonly T[], label: Message, by = ''): Promise<number> {
		return this.putManyWith(() => records, label, by);
	}

	/** putMany with the records decided in turn, against the list as it is when the change runs. */
	putManyWith(decide: () => readonly T[], label: Message, by = ''): Promise<number> {
		return this.#serial(async () => {
			const records = decide();
			for (const t of records) this.#check(t);
			let seq = this.#overlay.nextSeq();
			const change: Change<T> = new Map();
			for (const t of records) change.set(t.id, this.#put(this.#kind.canonical(t), by, seq++, true));
			if (change.size > 0) await this.#commit({ key: label.key, params: label.params }, change);
			return change.size;
		});
	}

	/** Settle conflicts with a new package version: per id keep mine (true) or take the package's (false). */
	resolveConflicts(choices: Readonly<Record<string, 'mine' | 'theirs'>>, by = ''): Promise<number> {
		return this.#serial(async () => {
			const open = new Set(this.conflicts().map((c) => c.id));
			const ids = Object.keys(choices).filter((id) => open.has(id));
			const change: Change<T> = new Map(
				ids.map((id) => {
					const keep = choices[id] === 'mine';
					const e = this.#overlay.entry(id);
					const history = keep && this.#kind.history ? appendHistory(e?.history, this.#item('rebased', by, [])) : undefined;
					return [id, this.#overlay.resolveEntry(id, keep, history)];
				})
			);
			if (change.size > 0) await this.#commit({ key: this.#kind.labels.resolve, params: { n: change.size } }, change);
			return change.size;
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

	#put(t: T, by: string, seq?: number, imported = false) {
		const before = this.get(t.id) ?? null;
		const action: HistoryAction = imported ? 'imported' : before ? 'changed' : 'created';
		return this.#overlay.putEntry(t, seq, this.#history(t.id, t, action, by, before));
	}

	#history(id: string, after: T | null, action: HistoryAction, by: string, before: T | null = this.get(id) ?? null): HistoryItem[] | undefined {
		if (!this.#kind.history) return undefined;
		return appendHistory(this.#overlay.entry(id)?.history, this.#item(action, by, diffRecords(before, after)));
	}

	#item(action: HistoryAction, by: string, changes: HistoryItem['changes']): HistoryItem {
		return { at: (this.#kind.now?.() ?? new Date()).toISOString(), by: by.trim(), action, changes };
	}

	#check(t: T): void {
		const issues = this.#kind.validate(t);
		if (issues.length > 0) throw new StoreError<I>(this.#kind.labels.invalid, {}, issues);
	}

	/** Write first, then update memory: a failed write leaves both as they were. */
	async #commit(label: Message, change: Change<T>, record = true): Promise<void> {
		const before = this.#overlay.before(change);
		const ops: StorageOp<T>[] = [...change].map(([id, e]) => (e ? { put: e } : { delete: id }));
		await this.#storage.apply(ops);
		this.#overlay.apply(change);
		if (record) {
			this.#undo.push({ label, before });
			if (this.#undo.length > UNDO_LIMIT) this.#undo.shift();
		}
	}

	#serial<R>(fn: () => Promise<R>): Promise<R> {
		const run = this.#queue.then(fn);
		this.#queue = run.catch(() => undefined);
		return run;
	}
}
