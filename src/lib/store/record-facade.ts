/**
 * The record operations every kind's store passes through to the shared RecordStore unchanged
 * (targets, derived indicators). Kept here once, so a kind's store holds only what is its own:
 * how records are validated, imported and exported.
 */
import type { Message } from './message';
import type { RecordStore, Origin, RecordIssue } from './record-store';

export class RecordFacade<T extends { id: string }, I extends RecordIssue> {
	protected readonly store: RecordStore<T, I>;

	protected constructor(store: RecordStore<T, I>) {
		this.store = store;
	}

	get persistent(): boolean {
		return this.store.persistent;
	}

	list(): T[] {
		return this.store.list();
	}

	get(id: string): T | undefined {
		return this.store.get(id);
	}

	origin(id: string): Origin {
		return this.store.origin(id);
	}

	get undoLabel(): Message | null {
		return this.store.undoLabel;
	}

	create(input: T): Promise<T> {
		return this.store.create(input);
	}

	update(r: T): Promise<void> {
		return this.store.update(r);
	}

	remove(id: string): Promise<void> {
		return this.store.remove(id);
	}

	removeAll(): Promise<number> {
		return this.store.removeAll();
	}

	/** Revert the last change; returns what was undone. */
	undo(): Promise<Message | null> {
		return this.store.undo();
	}
}
