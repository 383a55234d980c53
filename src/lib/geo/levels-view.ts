/**
 * Which levels a view offers to switch to. A top level with one area is the territory itself: its
 * value is the reference line of every chart, not a map of one polygon.
 */
import type { MonitorEngine } from '$lib/data/engine';

export function selectableLevels(engine: Pick<MonitorEngine, 'levels' | 'geometry'>): string[] {
	const levels = engine.levels;
	const top = levels[levels.length - 1];
	const singleTop = levels.length > 1 && (engine.geometry[top.id]?.features.length ?? 0) <= 1;
	return levels.filter((l) => !(singleTop && l === top)).map((l) => l.id);
}
