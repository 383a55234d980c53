/**
 * Keeps the user's imported package in the browser (IndexedDB) so it survives a reload until the
 * user removes it. One record: the package files plus when they were saved. IndexedDB because
 * packages run to megabytes (localStorage holds ~5 MB of text) and it stores Uint8Array as is.
 * Nothing leaves the machine.
 */
export type StoredPackage = { files: Record<string, Uint8Array>; savedAt: string };

const DB = 'sozialraum-monitor';
const STORE = 'user-package';
const KEY = 'current';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE);
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

async function run<T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest): Promise<T> {
	const db = await open();
	try {
		return await new Promise<T>((resolve, reject) => {
			const tx = db.transaction(STORE, mode);
			const req = op(tx.objectStore(STORE));
			tx.oncomplete = () => resolve(req.result as T);
			tx.onerror = tx.onabort = () => reject(tx.error ?? req.error);
		});
	} finally {
		db.close();
	}
}

export const hasIndexedDb = () => typeof indexedDB !== 'undefined';

export async function loadStoredPackage(): Promise<StoredPackage | null> {
	if (!hasIndexedDb()) return null;
	return (await run<StoredPackage | undefined>('readonly', (s) => s.get(KEY))) ?? null;
}

export async function storePackage(files: Record<string, Uint8Array>): Promise<void> {
	await run('readwrite', (s) => s.put({ files, savedAt: new Date().toISOString() } satisfies StoredPackage, KEY));
}

export async function deleteStoredPackage(): Promise<void> {
	if (hasIndexedDb()) await run('readwrite', (s) => s.delete(KEY));
}
