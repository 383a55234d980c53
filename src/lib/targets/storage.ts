/**
 * Where the browser keeps its own targets: a small key-value interface so the store's logic runs
 * under Node with the in-memory implementation and in the browser on IndexedDB (idb-storage.ts).
 *
 * An entry is either a target made or edited here, or a tombstone (`target: null`) hiding a package
 * target that was deleted here; package targets themselves are never copied into storage, so a new
 * data package release shows its own targets unless the planner changed them.
 */
import type { TargetRecord } from './model';

export interface StoredEntry {
	id: string;
	/** Order of creation, so the list keeps its order across reloads. */
	seq: number;
	target: TargetRecord | null;
}

export type StorageOp = { put: StoredEntry } | { delete: string };

export interface TargetStorage {
	/** false for the in-memory fallback: changes are lost on reload (the UI says so). */
	readonly persistent: boolean;
	load(): Promise<StoredEntry[]>;
	/** All operations in one transaction: all of them happen, or none. */
	apply(ops: readonly StorageOp[]): Promise<void>;
}

/** In memory, copying on the way in and out like IndexedDB's structured clone does. */
export class MemoryStorage implements TargetStorage {
	readonly persistent = false;
	#entries = new Map<string, StoredEntry>();
	/** For specs: make the next apply fail, as a full disk or closed database would. */
	failNext = false;

	constructor(entries: StoredEntry[] = []) {
		for (const e of entries) this.#entries.set(e.id, structuredClone(e));
	}

	async load(): Promise<StoredEntry[]> {
		return [...this.#entries.values()].map((e) => structuredClone(e));
	}

	async apply(ops: readonly StorageOp[]): Promise<void> {
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
