/**
 * Everything the targets pages need from one loaded data package: its indicators and areas, the
 * validation context, and the store on this package's own IndexedDB database (in memory when the
 * browser refuses storage, e.g. some private modes: the page then says changes are not kept).
 */
import type { AreaInfo, MonitorEngine } from '$lib/data/engine';
import type { Indicator } from '$lib/data/types';
import { MemoryStorage, openIdbStorage, type TargetStorage } from './storage';
import { TargetStore } from './store';
import { validateTarget, type TargetContext } from './validate';

export interface OpenedTargets {
	indicators: Indicator[];
	areas: AreaInfo[];
	context: TargetContext;
	store: TargetStore;
}

export async function openTargets(engine: MonitorEngine): Promise<OpenedTargets> {
	const [indicators, areas, pkg] = await Promise.all([engine.indicators(), engine.areas(), engine.targets()]);
	const context: TargetContext = { indicators, areas, baseLevel: engine.baseLevel, levels: engine.levels.map((l) => l.id) };
	let storage: TargetStorage;
	try {
		storage = await openIdbStorage(engine.descriptor.name);
	} catch {
		storage = new MemoryStorage();
	}
	const store = await TargetStore.open(storage, pkg, (t) => validateTarget(t, context));
	return { indicators, areas, context, store };
}
