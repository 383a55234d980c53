/**
 * "Why is this area in status class 4?": the index of an area is the sum of its indicators'
 * contributions (weight share × standardised score), so the breakdown is exact, not a model of it.
 * Returns the parts sorted by contribution; the page turns them into bars and sentences.
 */
import type { IndexSettings } from './settings';
import type { AreaStatus, Component, StatusResult } from './status';

export interface Explanation {
	area: AreaStatus;
	/** Components, largest contribution (most disadvantage) first. */
	parts: Component[];
	/** Sum of the contributions = the area's index value (before re-standardisation). */
	total: number;
	/** The cut-offs (SD) that bound the area's class: below and above (null at the open ends). */
	lowerCut: number | null;
	upperCut: number | null;
	/** Rank among the included areas, 1 = highest index (most disadvantage). */
	rank: number | null;
}

export function explainArea(status: StatusResult, settings: IndexSettings, key: string): Explanation | null {
	const area = status.areas.find((a) => a.key === key);
	if (!area) return null;
	const parts = [...area.components].sort((a, b) => b.contribution - a.contribution);
	const total = parts.reduce((s, p) => s + p.contribution, 0);
	const cls = area.statusClass;
	const cuts = settings.statusCuts;
	const rank = area.z === null ? null : 1 + status.areas.filter((a) => a.z !== null && a.z > (area.z as number)).length;
	return {
		area,
		parts,
		total,
		lowerCut: cls === null || cls === 1 ? null : cuts[cls - 2],
		upperCut: cls === null || cls === 4 ? null : cuts[cls - 1],
		rank
	};
}
