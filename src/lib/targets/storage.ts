/**
 * Where the browser keeps its own records (targets; also the derived indicators of
 * $lib/derived): a small key-value interface so the store's logic runs under Node with the
 * in-memory implementation and in the browser on IndexedDB (idb-storage.ts).
 *
 * An entry is either a record made or edited here, or a tombstone (`target: null`) hiding a package
 * record that was deleted here; package records themselves are never copied into storage, so a new
 * data package release shows its own records unless the planner changed them. (The field is called
 * `target` for every kind of record: the targets' databases were written with that name first.)
 */
import type { TargetRecord } from './model';

export interface StoredEntry<R = TargetRecord> {
	id: string;
	/** Order of creation, so the list keeps its order across reloads. */
	seq: number;
	target: R | null;
}

export type StorageOp<R = TargetRecord> = { put: StoredEntry<R> } | { delete: string };

export interface TargetStorage<R = TargetRecord> {
	/** false for the in-memory fallback: changes are lost on reload (the UI says so). */
	readonly persistent: boolean;
	load(): Promise<StoredEntry<R>[]>;
	/** All operations in one transaction: all of them happen, or none. */
	apply(ops: readonly StorageOp<R>[]): Promise<void>;
}

/** In memory, copying on the way in and out like IndexedDB's structured clone does. */
export class MemoryStorage<R = TargetRecord> implements TargetStorage<R> {
	readonly persistent = false;
	#entries = new Map<string, StoredEntry<R>>();
	/** For specs: make the next apply fail, as a full disk or closed database would. */
	failNext = false;

	constructor(entries: StoredEntry<R>[] = []) {
		for (const e of entries) this.#entries.set(e.id, structuredClone(e));
	}

	async load(): Promise<StoredEntry<R>[]> {
		return [...this.#entries.values()].map((e) => structuredClone(e));
	}

	async apply(ops: readonly StorageOp<R>[]): Promise<void> {
		if (this.failNext) {
			this.failNext = false;
			throw new Error('Speicher nicht verfügbar (Test).');
		}
		for (const op of ops) {
			if ('put' in op) this.#entries.set(op.put.id, structuredClone(op.put));
			else this.#entries.delete(op.delete);
		}
	}
}
