/**
 * EntryStorage on the browser's IndexedDB, raw API in a thin wrapper. One database per kind of
 * record and data package (a municipality's records never mix with the demo's). Every change is one
 * readwrite transaction that resolves only on `complete`, so a crash or closed tab mid-edit loses
 * at most that change.
 */
import type { EntryStorage, StorageOp } from './storage';

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

/** Open (or create) database `dbName` with one object store `storeName` keyed by `id`. */
export async function openIdbStorage<T>(dbName: string, storeName: string): Promise<EntryStorage<T>> {
	if (typeof indexedDB === 'undefined') throw new Error('IndexedDB ist in diesem Browser nicht verfügbar.');
	const open = indexedDB.open(dbName, 1);
	open.onupgradeneeded = () => {
		if (!open.result.objectStoreNames.contains(storeName)) open.result.createObjectStore(storeName, { keyPath: 'id' });
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
			const tx = db.transaction(storeName, 'readonly');
			return request(tx.objectStore(storeName).getAll() as IDBRequest<unknown[]>);
		},
		apply(ops: readonly StorageOp<T>[]) {
			return new Promise<void>((resolve, reject) => {
				const tx = db.transaction(storeName, 'readwrite', { durability: 'strict' });
				const store = tx.objectStore(storeName);
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
