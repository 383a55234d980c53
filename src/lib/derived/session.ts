/**
 * The derived indicators of one loaded engine: the store (this package's own IndexedDB database,
 * in memory when the browser refuses storage) and what the engine holds. Opened once per engine,
 * right after it loaded (app-engine.ts), so that every page's first query already sees them.
 * A definition that no longer computes (a newer package lacks a part) stays in the store and is
 * reported here, not dropped.
 */
import type { MonitorEngine } from '$lib/data/engine';
import type { DerivedIssue } from './validate';
import type { DerivedRecord } from './model';
import { DerivedStore } from './store';
import { MemoryStorage, type EntryStorage } from '$lib/store/storage';

export interface DerivedSession {
	engine: MonitorEngine;
	store: DerivedStore;
	/** Per id, why it could not be computed with this package. */
	failures: Map<string, DerivedIssue[]>;
	/** Make the engine hold exactly the store's list again (after every change and undo). */
	sync(): Promise<void>;
}

const sessions = new WeakMap<MonitorEngine, Promise<DerivedSession>>();

export const IDB_DATABASE = 'eigene-indikatoren';
/** One database per data package; object store "targets": the name main's first derived-indicator databases were created with. */
export const idbNames = (packageName: string) => ({ db: `sozialraum-monitor.${IDB_DATABASE}.${packageName}`, store: 'targets' });

export function derivedSession(engine: MonitorEngine, storage?: () => Promise<EntryStorage<DerivedRecord>>): Promise<DerivedSession> {
	let s = sessions.get(engine);
	if (!s) {
		s = open(engine, storage ?? (() => idbStorage(engine.descriptor.name)));
		sessions.set(engine, s);
		s.catch(() => sessions.delete(engine));
	}
	return s;
}

async function idbStorage(packageName: string): Promise<EntryStorage<DerivedRecord>> {
	try {
		const { openIdbStorage } = await import('$lib/store/idb-storage');
		const { db, store } = idbNames(packageName);
		return await openIdbStorage<DerivedRecord>(db, store);
	} catch {
		return new MemoryStorage<DerivedRecord>();
	}
}

async function open(engine: MonitorEngine, storage: () => Promise<EntryStorage<DerivedRecord>>): Promise<DerivedSession> {
	const store = await DerivedStore.open(await storage(), engine.derived.packageRecords);
	const session: DerivedSession = {
		engine,
		store,
		failures: new Map(),
		async sync() {
			const list = store.list().map((record) => ({ record, origin: store.origin(record.id) === 'package' ? ('package' as const) : ('local' as const) }));
			session.failures = await engine.derived.sync(list);
		}
	};
	await session.sync();
	return session;
}
