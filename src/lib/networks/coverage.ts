/**
 * Which professions take part in the networks of each area of a level, which core professions are
 * missing, and where no network exists at all. A network covers its own area and every area
 * inside it (a Kommune's network covers its Ortsteile); a network of an area inside (a Sozialraum
 * network inside a Stadtbezirk) is listed as "within", not as coverage of the whole area.
 */
import type { AreaInfo } from '$lib/data/engine';
import { MEMBER_TYPES, type MemberType } from '$lib/data/types';
import { lastMeeting, type NetworkRecord } from './model';

export const CORE_TYPES: readonly MemberType[] = MEMBER_TYPES.filter((m) => m.core).map((m) => m.id);

export type CoverageStatus = 'complete' | 'gaps' | 'within' | 'none';

export interface AreaCoverage {
	key: string;
	name: string;
	/** Networks of this area or of an area containing it. */
	networks: NetworkRecord[];
	/** Networks of areas inside it (partial). */
	within: NetworkRecord[];
	/** Core professions taking part in the covering networks, and those missing. */
	present: MemberType[];
	missing: MemberType[];
	/** Other member types present (non-core, "sonstige" by label). */
	others: string[];
	/** Date of the latest meeting of a covering network. */
	lastMeeting: string | null;
	status: CoverageStatus;
}

/** `levels`: the package's level ids, finest first. */
export function networkCoverage(areas: readonly AreaInfo[], levels: readonly string[], level: string, networks: readonly NetworkRecord[]): AreaCoverage[] {
	const rank = new Map(levels.map((l, i) => [l, i]));
	const byLevel = new Map(levels.map((l) => [l, new Map(areas.filter((a) => a.level === l).map((a) => [a.key, a]))]));
	/** The area containing `key` (of level `from`) on level `to` (coarser or equal), or null. */
	const ancestor = (key: string, from: string, to: string): string | null => {
		let k: string | undefined = key;
		for (let i = rank.get(from)!; i < rank.get(to)!; i++) k = byLevel.get(levels[i])!.get(k!)?.parent;
		return k ?? null;
	};
	const r = rank.get(level);
	if (r === undefined) return [];
	return [...byLevel.get(level)!.values()].map((a) => {
		const covering = networks.filter((n) => {
			const nr = rank.get(n.level);
			return nr !== undefined && nr >= r && ancestor(a.key, level, n.level) === n.area_key;
		});
		const within = networks.filter((n) => {
			const nr = rank.get(n.level);
			return nr !== undefined && nr < r && ancestor(n.area_key, n.level, level) === a.key;
		});
		const types = new Set(covering.flatMap((n) => n.members.map((m) => m.type)));
		const present = CORE_TYPES.filter((t) => types.has(t));
		const missing = CORE_TYPES.filter((t) => !types.has(t));
		const others = [...new Set(covering.flatMap((n) => n.members.filter((m) => !CORE_TYPES.includes(m.type)).map((m) => (m.type === 'sonstige' ? m.type_label : m.type))))];
		const dates = covering.map((n) => lastMeeting(n)?.date).filter((d): d is string => !!d).sort();
		const status: CoverageStatus = covering.length ? (missing.length ? 'gaps' : 'complete') : within.length ? 'within' : 'none';
		return { key: a.key, name: a.name, networks: covering, within, present, missing, others, lastMeeting: dates.at(-1) ?? null, status };
	});
}

/** Map colours, Okabe–Ito based: blue for coverage (darker = fewer gaps), orange for none. */
export const COVERAGE_COLORS: Record<CoverageStatus | 'manyGaps', string> = {
	complete: '#1d4e89',
	gaps: '#6fa8dc',
	manyGaps: '#c6dbef',
	within: '#fdd0a2',
	none: '#d55e00'
};

/** "Many gaps": at least a third of the core professions missing. */
export function coverageColor(c: Pick<AreaCoverage, 'status' | 'missing'>): string {
	if (c.status === 'gaps' && c.missing.length * 3 >= CORE_TYPES.length) return COVERAGE_COLORS.manyGaps;
	return COVERAGE_COLORS[c.status];
}
