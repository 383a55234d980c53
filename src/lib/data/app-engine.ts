/**
 * The app's single engine instance, started on first use in the browser. Pages call `getEngine()`;
 * the wasm module and worker are fetched only then (never during prerender).
 *
 * Which package it holds: a package the user imported (kept in IndexedDB, restored on reload)
 * or else the bundled package this browser chose (src/lib/packages/choice.svelte.ts). `loadUserPackage` builds a NEW engine first and swaps it in
 * only when loading succeeded, so a failed import changes nothing already loaded;
 * `removeUserPackage` goes back to the built-in package.
 */
import type { MonitorEngine, PackageSource } from './engine';
import type { PackageDescriptor } from './types';
import type { PackageFiles } from './source-user';
import { bundledHead } from './bundled';
import { currentChoice, showPackage } from '$lib/packages/choice.svelte';

export type PackageOrigin = 'bundled' | 'user';

export interface ActivePackage {
	origin: PackageOrigin;
	descriptor: PackageDescriptor;
	/** Set when a stored user package could not be restored and the built-in one was loaded instead. */
	restoreError?: string;
}

interface Loaded extends ActivePackage {
	engine: MonitorEngine;
	close(): Promise<void>;
}

let pending: Promise<Loaded> | null = null;
let active: ActivePackage | null = null;
const listeners = new Set<(p: ActivePackage | null) => void>();

export function getEngine(): Promise<MonitorEngine> {
	return current().then((l) => l.engine);
}

/** What is loaded now (null before the first load finished). */
export function activePackage(): ActivePackage | null {
	return active;
}

/** Called whenever the loaded package changes (import, removal, restore). Returns an unsubscribe. */
export function onPackageChange(listener: (p: ActivePackage | null) => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

function current(): Promise<Loaded> {
	if (!pending) {
		const p: Promise<Loaded> = start().then(
			(l) => (pending === p && setActive(l), l),
			(e) => {
				if (pending === p) pending = null; // allow "Erneut versuchen"
				throw e;
			}
		);
		pending = p;
	}
	return pending;
}

async function start(): Promise<Loaded> {
	const [{ appPackageSource }, store] = await Promise.all([import('./source-app'), import('$lib/import/user-store')]);
	const stored = await store.loadStoredPackage().catch(() => null);
	const bundled = () => appPackageSource(currentChoice().name);
	if (stored) {
		try {
			const { userPackageSource } = await import('./source-user');
			return await open(userPackageSource(stored.files), 'user');
		} catch (e) {
			const loaded = await open(await bundled(), 'bundled');
			return { ...loaded, restoreError: (e as Error).message };
		}
	}
	return open(await bundled(), 'bundled');
}

async function open(source: PackageSource, origin: PackageOrigin): Promise<Loaded> {
	const [{ createBrowserConnector }, { MonitorEngine }] = await Promise.all([import('./connector-browser'), import('./engine')]);
	const db = await createBrowserConnector();
	try {
		const engine = await MonitorEngine.load(db, source);
		return { engine, origin, descriptor: source.descriptor, close: () => db.close() };
	} catch (e) {
		await db.close().catch(() => {});
		throw e;
	}
}

function setActive(l: ActivePackage | null) {
	active = l && { origin: l.origin, descriptor: l.descriptor, ...(l.restoreError ? { restoreError: l.restoreError } : {}) };
	showPackage(active?.descriptor ?? bundledHead(currentChoice().name));
	for (const fn of listeners) fn(active);
}

function retire(old: Promise<Loaded> | null) {
	// the old engine's worker holds the previous package in memory: end it once nothing awaits it
	old?.then((l) => l.close()).catch(() => {});
}

/**
 * Load an imported package (files by path, as build-package.ts writes them). Throws — with the
 * engine's German message — and leaves everything as it was when the package does not load.
 * `stored` says whether it was also kept for the next visit (IndexedDB can be full or disabled).
 */
export async function loadUserPackage(files: PackageFiles, options: { persist?: boolean } = {}): Promise<{ engine: MonitorEngine; stored: boolean }> {
	const { userPackageSource } = await import('./source-user');
	const next = await open(userPackageSource(files), 'user');
	let stored = false;
	if (options.persist ?? true) {
		try {
			const { storePackage } = await import('$lib/import/user-store');
			await storePackage(files);
			stored = true;
		} catch {
			stored = false;
		}
	}
	const old = pending;
	pending = Promise.resolve(next);
	setActive(next);
	retire(old);
	return { engine: next.engine, stored };
}

/** Forget the imported package (also in IndexedDB); the next getEngine() loads the built-in one. */
export async function removeUserPackage(): Promise<void> {
	const { deleteStoredPackage } = await import('$lib/import/user-store');
	await deleteStoredPackage();
	const old = pending;
	pending = null;
	setActive(null);
	retire(old);
}
