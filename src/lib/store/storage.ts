/**
 * Where the browser keeps its own records (targets, offers, networks, measures): a small key-value
 * interface, so a store's logic runs under Node with the in-memory implementation and in the
 * browser on IndexedDB (idb-storage.ts).
 *
 * An entry is a record made or edited here, or a tombstone (`record: null`) hiding a package record
 * that was deleted here. Package records themselves are never copied into storage, so a new data
 * package release shows its own records unless the planner changed them; `base` remembers which
 * package version an edit started from, so such a release can tell the planner where both changed.
 */
import type { HistoryItem } from './history';

export interface StoredEntry<T> {
	id: string;
	/** Order of creation, so the list keeps its order across reloads. */
	seq: number;
	record: T | null;
	/**
	 * For a change of a package record: that record as it was in the package when the change began
	 * (canonical JSON). Absent for records made here and for entries written by older versions.
	 */
	base?: string;
	/** Who changed what, when (newest last); only where the store keeps a history. */
	history?: HistoryItem[];
}

export type StorageOp<T> = { put: StoredEntry<T> } | { delete: string };

export interface EntryStorage<T> {
	/** false for the in-memory fallback: changes are lost on reload (the UI says so). */
	readonly persistent: boolean;
	/** The raw entries; the overlay checks them (a crash or an older version may have left anything). */
	load(): Promise<unknown[]>;
	/** All operations in one transaction: all of them happen, or none. */
	apply(ops: readonly StorageOp<T>[]): Promise<void>;
}

/** In memory, copying on the way in and out like IndexedDB's structured clone does. */
export class MemoryStorage<T> implements EntryStorage<T> {
	readonly persistent = false;
	#entries = new Map<string, unknown>();
	/** For specs: make the next apply fail, as a full disk or closed database would. */
	failNext = false;

	constructor(entries: readonly object[] = []) {
		for (const e of entries) this.#entries.set(String((e as { id?: unknown }).id), structuredClone(e));
	}

	async load(): Promise<unknown[]> {
		return [...this.#entries.values()].map((e) => structuredClone(e));
	}

	async apply(ops: readonly StorageOp<T>[]): Promise<void> {
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
