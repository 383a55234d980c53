/**
 * TargetStorage on the browser's IndexedDB, raw API in a thin wrapper. One database per data package
 * and kind of record (a municipality's targets never mix with the demo's; `database` names the
 * kind: "feinziele", "eigene-indikatoren"). Every change is one readwrite transaction
 * that resolves only on `complete`, so a crash or closed tab mid-edit loses at most that change.
 */
import type { StorageOp, StoredEntry, TargetStorage } from './storage';
import type { TargetRecord } from './model';

const STORE = 'targets';

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

export async function openIdbStorage<R = TargetRecord>(packageName: string, database = 'feinziele'): Promise<TargetStorage<R>> {
	if (typeof indexedDB === 'undefined') throw new Error('IndexedDB ist in diesem Browser nicht verfügbar.');
	const open = indexedDB.open(`sozialraum-monitor.${database}.${packageName}`, 1);
	open.onupgradeneeded = () => {
		if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE, { keyPath: 'id' });
	};
	const db = await new Promise<IDBDatabase>((resolve, reject) => {
		open.onsuccess = () => resolve(open.result);
		open.onerror = () => reject(open.error);
		open.onblocked = () => reject(new Error('Die Datenbank ist in einem anderen Tab blockiert.'));
	});
	// A newer version of the app in another tab wants to upgrade: step aside instead of blocking it.
	db.onversionchange = () => db.close();

	return {
		persistent: true,
		async load() {
			const tx = db.transaction(STORE, 'readonly');
			return request(tx.objectStore(STORE).getAll() as IDBRequest<StoredEntry<R>[]>);
		},
		apply(ops: readonly StorageOp<R>[]) {
			return new Promise<void>((resolve, reject) => {
				const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
				const store = tx.objectStore(STORE);
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(tx.error);
				tx.onabort = () => reject(tx.error ?? new Error('Die Änderung wurde abgebrochen.'));
				try {
					for (const op of ops) {
						if ('put' in op) store.put(op.put);
						else store.delete(op.delete);
					}
				} catch (e) {
					tx.abort();
					reject(e);
				}
			});
		}
	};
}
