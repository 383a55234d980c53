/**
 * The derived indicators a planner works with: the package's (derived.json) overlaid with what was
 * made, edited or deleted in this browser — the shared record store ($lib/store: storage, overlay,
 * one undo step per change), with derived records. The store checks the shape; whether a formula
 * computes on the data is checked by the engine before anything is stored (derived.svelte.ts).
 */
import { RecordStore, StoreError, type Origin, type StoreKind } from '$lib/store/record-store';
import type { EntryStorage } from '$lib/store/storage';
import { RecordFacade } from '$lib/store/record-facade';
import { decodeFile, readRecord, toJson } from './file-format';
import { canonical, ID_PATTERN, newDerivedId, type DerivedRecord } from './model';
import type { DerivedIssue } from './validate';

export { StoreError };
export type { Origin };

const KIND: StoreKind<DerivedRecord, DerivedIssue> = {
	read: (raw) => {
		const r = readRecord(raw);
		return 'record' in r ? r.record : null;
	},
	canonical,
	// Only called through assignId (the label gives the id); kept for the kind's interface.
	newId: (taken) => newDerivedId('', taken),
	assignId: (r, taken) => (ID_PATTERN.test(r.id) && !taken.has(r.id) ? r.id : newDerivedId(r.label_de, taken)),
	validate: (r) => (ID_PATTERN.test(r.id) ? [] : [{ severity: 'error', field: 'id', key: 'derived.err.id', params: { id: r.id } }]),
	labels: {
		create: 'derived.undo.create',
		update: 'derived.undo.update',
		remove: 'derived.undo.remove',
		removeAll: 'derived.undo.removeAll',
		import: 'derived.undo.import',
		// no conflict panel for derived indicators yet; the import label is the nearest wording
		resolve: 'derived.undo.import',
		notFound: 'derived.err.notFound',
		invalid: 'derived.err.invalid'
	}
};

export interface ImportResult {
	added: number;
	unchanged: number;
	/** Same id, other content: kept both, the file's one under a new id. */
	copied: { from: string; to: string }[];
}

export class DerivedStore extends RecordFacade<DerivedRecord, DerivedIssue> {

	private constructor(store: RecordStore<DerivedRecord, DerivedIssue>) {
		super(store);
	}

	static async open(storage: EntryStorage<DerivedRecord>, pkg: readonly DerivedRecord[] = []): Promise<DerivedStore> {
		return new DerivedStore(await RecordStore.open(storage, pkg.map(canonical), KIND));
	}

	exportJson(now?: Date): string {
		return toJson(this.list(), now);
	}

	/** Read a file (throws DerivedFileError, nothing changes). */
	decode(file: string, text: string): DerivedRecord[] {
		return decodeFile(file, text);
	}

	/**
	 * New ids are added; an identical record is skipped; a record whose id is taken by another
	 * definition is kept as a copy under a new id, so an import never overwrites. One change, one
	 * undo step; decided against the list as it is when the change runs.
	 */
	async importRecords(file: string, incoming: readonly DerivedRecord[]): Promise<ImportResult> {
		let result!: ImportResult;
		await this.store.putManyWith(
			() => {
				const current = new Map(this.list().map((r) => [r.id, r]));
				const taken = this.store.taken();
				const put: DerivedRecord[] = [];
				result = { added: 0, unchanged: 0, copied: [] };
				for (const r of incoming) {
					const mine = current.get(r.id);
					if (mine && this.store.same(mine, r)) result.unchanged++;
					else if (mine || taken.has(r.id)) {
						const id = newDerivedId(r.label_de, taken);
						taken.add(id);
						put.push({ ...r, id });
						result.copied.push({ from: r.id, to: id });
					} else {
						taken.add(r.id);
						put.push(r);
						result.added++;
					}
				}
				return put;
			},
			{ key: 'derived.undo.import', params: { file } }
		);
		return result;
	}
}
