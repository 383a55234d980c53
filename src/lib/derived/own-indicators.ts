/**
 * Own (derived) indicators next to the build's precomputed files. The files (pipelines/serve/
 * precompute.ts) hold the package's indicators only: an own indicator is defined in the browser
 * (IndexedDB, or the package's derived.json) and exists only in the engine. Pages that draw from
 * the files first therefore ask the engine for exactly these, once it is there.
 */
import type { MonitorEngine } from '$lib/data/engine';
import type { Indicator } from '$lib/data/types';
import type { EntryStorage } from '$lib/store/storage';
import type { DerivedRecord } from './model';
import { RESOURCE_NAME } from './file-format';
import { idbNames } from './session';

export interface OwnIndicators {
	indicators: Indicator[];
	yearsBy: Record<string, number[]>;
}

/**
 * The engine's indicators that the precomputed files do not have (`shipped` says which they
 * have). Only derived ones count: a package indicator without a file is not "own".
 */
export async function ownIndicators(engine: MonitorEngine, shipped: (id: string) => boolean): Promise<OwnIndicators> {
	const all = await engine.indicators();
	const indicators = all.filter((i) => i.derived && !shipped(i.id));
	const years = engine.derived.yearsByIndicator();
	return { indicators, yearsBy: Object.fromEntries(indicators.map((i) => [i.id, years[i.id] ?? []])) };
}

/** The shipped catalogue with the own indicators after it (an id already there is replaced, not doubled). */
export function withOwn(indicators: readonly Indicator[], yearsBy: Record<string, number[]>, own: OwnIndicators): OwnIndicators {
	const ids = new Set(own.indicators.map((i) => i.id));
	return {
		indicators: [...indicators.filter((i) => !ids.has(i.id)), ...own.indicators],
		yearsBy: { ...yearsBy, ...own.yearsBy }
	};
}

/**
 * Whether the built-in package can have own indicators, WITHOUT starting DuckDB: it ships a
 * derived.json, or the planner's store for it holds an entry. A stored entry may be the removal
 * of a package definition; then the answer is "maybe" (true) and the engine settles it — the
 * cost of a wrong true is a started engine, of a wrong false a missing row.
 */
export async function mayHaveOwnIndicators(
	descriptor: { name: string; resources: readonly { name: string }[] },
	storage: () => Promise<EntryStorage<DerivedRecord>> = () => idb(descriptor.name)
): Promise<boolean> {
	if (descriptor.resources.some((r) => r.name === RESOURCE_NAME)) return true;
	try {
		return (await (await storage()).load()).length > 0;
	} catch {
		// no storage (private mode): nothing can have been kept
		return false;
	}
}

async function idb(packageName: string): Promise<EntryStorage<DerivedRecord>> {
	const { openIdbStorage } = await import('$lib/store/idb-storage');
	const { db, store } = idbNames(packageName);
	return openIdbStorage<DerivedRecord>(db, store);
}
