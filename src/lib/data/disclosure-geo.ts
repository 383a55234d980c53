/**
 * Disclosure control (stats/disclosure.ts) on a package with levels and boundary versions.
 *
 * A year's cells belong to the boundary version valid in that year, and so does the hierarchy
 * of totals they add up to: an Ortsteil that moved to a merged Gemeinde counts towards the old
 * Gemeinde before the change and towards the new one after it. computeSuppression works on one
 * tree, per indicator and year; here each year is given the tree of its epoch (geography.ts), so
 * every level's totals in every version are margins of the problem and a withheld cell can be
 * recovered neither from its Gemeinde nor from the Kreis, before or after a change.
 *
 * Pure TypeScript: the engine (browser), the served layout and the public copy (Node) share it.
 */
import type { DisclosureSettings } from './types';
import { epochHierarchy, epochOf, type Geography } from './geography';
import { computeSuppression, type DisclosureCell, type DisclosureResult } from '../stats/disclosure';

/** A finest-level cell without its parent: the year decides the parent. */
export type GeoCell = Omit<DisclosureCell, 'parent'>;

/**
 * Primary and secondary suppression of every cell, each year in the hierarchy of its epoch.
 * Cells whose key is not a finest area of the version valid in their year are left out (the
 * validator rejects them; the engine's joins drop them the same way).
 */
export function suppressAcrossVersions(cells: readonly GeoCell[], geo: Geography, settings: Partial<DisclosureSettings>): DisclosureResult {
	const byEpoch = new Map<number, DisclosureCell[]>();
	const hierarchies = new Map<number, Record<string, string>>();
	const finest = geo.levels[0]?.id;
	const valid = new Map<number, Set<string>>();
	geo.epochs.forEach((e, i) => {
		hierarchies.set(i, epochHierarchy(geo, e));
		valid.set(i, new Set(geo.areas.filter((a) => a.level === finest && a.version === e.versions[finest]).map((a) => a.key)));
	});
	for (const c of cells) {
		const e = geo.epochs.indexOf(epochOf(geo.epochs, c.year));
		if (!valid.get(e)!.has(c.area_key)) continue;
		const hierarchy = hierarchies.get(e)!;
		let list = byEpoch.get(e);
		if (!list) byEpoch.set(e, (list = []));
		list.push({ ...c, parent: hierarchy[c.area_key] ?? '' });
	}
	const parts = [...byEpoch.entries()].sort((a, b) => a[0] - b[0]).map(([e, list]) => computeSuppression(list, hierarchies.get(e)!, settings));
	if (parts.length === 1) return parts[0];
	const order = <T extends { indicator_id: string; year: number; area_key: string }>(a: T, b: T) =>
		(a.indicator_id < b.indicator_id ? -1 : a.indicator_id > b.indicator_id ? 1 : 0) || a.year - b.year || (a.area_key < b.area_key ? -1 : a.area_key > b.area_key ? 1 : 0);
	const sum = (k: keyof DisclosureResult['summary']) => parts.reduce((s, p) => s + p.summary[k], 0);
	return {
		cells: parts.flatMap((p) => p.cells).sort(order),
		totals: parts.flatMap((p) => p.totals).sort(order),
		summary: {
			cells: sum('cells'),
			primary: sum('primary'),
			secondary: sum('secondary'),
			totals: sum('totals'),
			totalsPrimary: sum('totalsPrimary'),
			totalsSecondary: sum('totalsSecondary')
		}
	};
}
