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
import type { PrecomputedData } from './precomputed-client';
import { EngineGate } from './engine-gate';

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
const gate = new EngineGate();
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

/**
 * Keep the engine from starting (getEngine() callers wait) until the returned function is called
 * or `maxMs` passed: the atlas draws its first view from the build's files meanwhile, so the
 * engine's start does not compete with the first map frame (engine-gate.ts).
 */
export function holdEngine(maxMs: number): () => void {
	return gate.hold(maxMs);
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

/** The imported package kept in IndexedDB, read once per page (the engine and the precomputed path both ask). */
let storedRead: Promise<import('$lib/import/user-store').StoredPackage | null> | null = null;
function storedPackage() {
	storedRead ??= import('$lib/import/user-store').then((store) => store.loadStoredPackage()).catch(() => null);
	return storedRead;
}

let precomputedRead: Promise<PrecomputedData | null> | null = null;

/**
 * The build's precomputed answers for the built-in package (src/lib/data/precomputed-client.ts),
 * available long before the engine: null when the build has none or when the user's own package
 * is loaded instead (its answers come from the engine only).
 */
export function getPrecomputed(): Promise<PrecomputedData | null> {
	precomputedRead ??= (async () => {
		if (await storedPackage()) return null;
		const { bundledPrecomputed } = await import('./precomputed-client');
		return bundledPrecomputed();
	})().catch(() => null);
	return precomputedRead.then((p) => (active && active.origin !== 'bundled' ? null : p));
}

async function start(): Promise<Loaded> {
	await gate.opened();
	// the benchmark's waterfall (tests/bench/probe.ts) and the first-map test read this
	performance.mark('engine:start');
	const { appPackageSource } = await import('./source-app');
	const stored = await storedPackage();
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
		// The planner's own indicators, defined before any page asks (a failure there never stops the app).
		await import('$lib/derived/session').then((m) => m.derivedSession(engine)).catch(() => undefined);
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
