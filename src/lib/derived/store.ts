/**
 * The derived indicators a planner works with: the package's (derived.json) overlaid with what was
 * made, edited or deleted in this browser — the targets' record store (storage, overlay, one undo
 * step per change), with derived records. The store checks the shape; whether a formula computes
 * on the data is checked by the engine before anything is stored (derived.svelte.ts).
 */
import { Overlay, type RecordKind } from '$lib/targets/overlay';
import { RecordStore, StoreError, type StoreKind } from '$lib/targets/record-store';
import type { TargetStorage } from '$lib/targets/storage';
import { decodeFile, readRecord, toJson } from './file-format';
import { canonical, ID_PATTERN, newDerivedId, sameRecord, type DerivedRecord } from './model';
import type { DerivedIssue } from './validate';

export { StoreError };

export const DERIVED_RECORDS: RecordKind<DerivedRecord> = {
	read: (raw) => {
		const r = readRecord(raw);
		return 'record' in r ? r.record : null;
	},
	canonical,
	same: sameRecord
};

const KIND: StoreKind<DerivedRecord, DerivedIssue> = {
	...DERIVED_RECORDS,
	labels: {
		create: 'derived.undo.create',
		update: 'derived.undo.update',
		remove: 'derived.undo.remove',
		removeAll: 'derived.undo.removeAll',
		notFound: 'derived.err.notFound',
		invalid: 'derived.err.invalid'
	},
	assignId: (r, taken) => (ID_PATTERN.test(r.id) && !taken.has(r.id) ? r.id : newDerivedId(r.label_de, taken)),
	validate: (r) => (ID_PATTERN.test(r.id) ? [] : [{ severity: 'error', field: 'id', key: 'derived.err.id', params: { id: r.id } }])
};

export interface ImportResult {
	added: number;
	unchanged: number;
	/** Same id, other content: kept both, the file's one under a new id. */
	copied: { from: string; to: string }[];
}

export class DerivedStore extends RecordStore<DerivedRecord, DerivedIssue> {
	static async open(storage: TargetStorage<DerivedRecord>, pkg: readonly DerivedRecord[] = []): Promise<DerivedStore> {
		return new DerivedStore(storage, KIND, new Overlay(KIND, pkg.map(canonical), await storage.load()));
	}

	exportJson(now?: Date): string {
		return toJson(this.list(), now);
	}

	/**
	 * Read a file (throws DerivedFileError, nothing changes). New ids are added; an identical
	 * record is skipped; a record whose id is taken by another definition is kept as a copy under
	 * a new id, so an import never overwrites. One change, one undo step.
	 */
	decode(file: string, text: string): DerivedRecord[] {
		return decodeFile(file, text);
	}

	importRecords(file: string, incoming: readonly DerivedRecord[]): Promise<ImportResult> {
		return this.serial(async () => {
			const current = new Map(this.list().map((r) => [r.id, r]));
			const taken = this.overlay.taken();
			const put: DerivedRecord[] = [];
			const result: ImportResult = { added: 0, unchanged: 0, copied: [] };
			for (const r of incoming) {
				const mine = current.get(r.id);
				if (mine && sameRecord(mine, r)) result.unchanged++;
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
			await this.putAll({ key: 'derived.undo.import', params: { file } }, put);
			return result;
		});
	}
}
