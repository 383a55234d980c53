/**
 * Where the browser keeps its own targets: the shared record storage ($lib/store) on this data
 * package's own IndexedDB database (in memory under Node and where the browser refuses storage).
 */
import { MemoryStorage as GenericMemoryStorage, type EntryStorage, type StoredEntry as GenericEntry } from '$lib/store/storage';
import { openIdbStorage as openGeneric } from '$lib/store/idb-storage';
import type { TargetRecord } from './model';

export type StoredEntry = GenericEntry<TargetRecord>;
export type TargetStorage = EntryStorage<TargetRecord>;

export class MemoryStorage extends GenericMemoryStorage<TargetRecord> {}

/** One database per data package (a municipality's targets never mix with the demo's). */
export function openIdbStorage(packageName: string): Promise<TargetStorage> {
	return openGeneric<TargetRecord>(`sozialraum-monitor.feinziele.${packageName}`, 'targets');
}
