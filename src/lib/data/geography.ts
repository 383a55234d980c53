/**
 * The geography of a package as relations: every area of every level and boundary version with
 * its validity, the periods ("epochs") in which one combination of versions holds, and for every
 * finest area its ancestors at every coarser level in each period.
 *
 * Why epochs: a key names one area across versions, but its parent may change (an Ortsteil that
 * moved to a merged Gemeinde keeps its key). Values of a coarser area in a year are sums over the
 * finest areas that lie in it *in that year*, so the hierarchy is a function of the year. Within
 * an epoch it is one tree, which is what disclosure control and aggregation need.
 *
 * Pure TypeScript: the engine loads these rows into DuckDB, the build steps (served layout,
 * public copy) use them for disclosure control, all from the same function.
 */
import type { AreaLevel, AreaVersion } from './types';
import { levelVersions, validFrom, validTo, YEAR_MAX, YEAR_MIN } from './levels';

/** Key of the whole territory above the top level (like `referenceSeries(indicator, '')`). */
export const TERRITORY = '';

/** One area in one boundary version of its level. */
export interface GeoArea {
	key: string;
	name: string;
	level: string;
	/** 0 = finest level. */
	level_rank: number;
	parent: string;
	/** Version id ("" for a level without versions). */
	version: string;
	/** Inclusive validity in reporting years (YEAR_MIN / YEAR_MAX = open). */
	valid_from: number;
	valid_to: number;
}

/** A period in which every level has one version. */
export interface Epoch {
	from: number;
	to: number;
	/** Version id per level id. */
	versions: Record<string, string>;
}

/** A finest area and one of its ancestors (itself at depth 0, the territory "" last) in some years. */
export interface AncestorRow {
	key: string;
	ancestor: string;
	/** Level id of the ancestor; "" for the territory. */
	ancestor_level: string;
	depth: number;
	valid_from: number;
	valid_to: number;
}

export interface AreaFeatureProps {
	key: string;
	name: string;
	parent: string;
}

export interface Geography {
	levels: AreaLevel[];
	areas: GeoArea[];
	epochs: Epoch[];
	ancestors: AncestorRow[];
}

/** Features of one level version, as read from its GeoJSON. */
export type FeatureLookup = (level: AreaLevel, version: AreaVersion) => readonly AreaFeatureProps[];

/** Years where some level changes version, as epochs covering YEAR_MIN … YEAR_MAX. */
export function epochsOf(levels: readonly AreaLevel[]): Epoch[] {
	const cuts = new Set<number>([YEAR_MIN]);
	for (const level of levels) {
		for (const v of levelVersions(level)) {
			if (v.valid_from !== null) cuts.add(v.valid_from);
			if (v.valid_to !== null && v.valid_to < YEAR_MAX) cuts.add(v.valid_to + 1);
		}
	}
	const starts = [...cuts].sort((a, b) => a - b);
	return starts.map((from, i) => {
		const to = i + 1 < starts.length ? starts[i + 1] - 1 : YEAR_MAX;
		const versions: Record<string, string> = {};
		for (const level of levels) {
			const vs = levelVersions(level);
			// a period before the first version (or in a gap the validator reports) uses the nearest one
			const v = vs.find((x) => from >= validFrom(x) && from <= validTo(x)) ?? (from < validFrom(vs[0]) ? vs[0] : vs[vs.length - 1]);
			versions[level.id] = v.id;
		}
		return { from, to, versions };
	});
}

/** The epoch a reporting year falls into. */
export function epochOf(epochs: readonly Epoch[], year: number): Epoch {
	return epochs.find((e) => year >= e.from && year <= e.to) ?? epochs[epochs.length - 1];
}

/** Every area of every level and version with its validity (the first part of buildGeography). */
export function geoAreas(levels: readonly AreaLevel[], features: FeatureLookup): GeoArea[] {
	const areas: GeoArea[] = [];
	levels.forEach((level, rank) => {
		for (const v of levelVersions(level)) {
			for (const f of features(level, v)) {
				areas.push({
					key: String(f.key),
					name: String(f.name),
					level: level.id,
					level_rank: rank,
					parent: String(f.parent ?? ''),
					version: v.id,
					valid_from: validFrom(v),
					valid_to: validTo(v)
				});
			}
		}
	});
	return areas;
}

export function buildGeography(levels: readonly AreaLevel[], features: FeatureLookup): Geography {
	const areas = geoAreas(levels, features);
	const epochs = epochsOf(levels);
	const byVersion = new Map<string, GeoArea[]>();
	for (const a of areas) {
		const id = `${a.level}\u0000${a.version}`;
		let list = byVersion.get(id);
		if (!list) byVersion.set(id, (list = []));
		list.push(a);
	}
	const ancestors: AncestorRow[] = [];
	for (const e of epochs) {
		const parentOf = hierarchyOf(levels, byVersion, e);
		const finest = byVersion.get(`${levels[0].id}\u0000${e.versions[levels[0].id]}`) ?? [];
		for (const a of finest) {
			let key = a.key;
			let depth = 0;
			const seen = new Set<string>();
			ancestors.push({ key: a.key, ancestor: a.key, ancestor_level: levels[0].id, depth, valid_from: e.from, valid_to: e.to });
			// walk up: each level's parent must be on the next level (the validator checks it)
			for (let rank = 1; rank < levels.length; rank++) {
				const parent = parentOf.get(key);
				if (parent === undefined || parent === TERRITORY || seen.has(parent)) break;
				seen.add(parent);
				key = parent;
				depth++;
				ancestors.push({ key: a.key, ancestor: key, ancestor_level: levels[rank].id, depth, valid_from: e.from, valid_to: e.to });
			}
			ancestors.push({ key: a.key, ancestor: TERRITORY, ancestor_level: '', depth: depth + 1, valid_from: e.from, valid_to: e.to });
		}
	}
	return { levels: [...levels], areas, epochs, ancestors: mergeAdjacent(ancestors) };
}

/** Parent of every area of every level in one epoch (key → parent key, "" at the top). */
function hierarchyOf(levels: readonly AreaLevel[], byVersion: Map<string, GeoArea[]>, e: Epoch): Map<string, string> {
	const parentOf = new Map<string, string>();
	levels.forEach((level, rank) => {
		for (const a of byVersion.get(`${level.id}\u0000${e.versions[level.id]}`) ?? []) {
			parentOf.set(a.key, rank === levels.length - 1 ? TERRITORY : a.parent);
		}
	});
	return parentOf;
}

/** The hierarchy (area → parent, every level) valid in one epoch, as disclosure control needs it. */
export function epochHierarchy(geo: Geography, e: Epoch): Record<string, string> {
	const byVersion = new Map<string, GeoArea[]>();
	for (const a of geo.areas) {
		const id = `${a.level}\u0000${a.version}`;
		let list = byVersion.get(id);
		if (!list) byVersion.set(id, (list = []));
		list.push(a);
	}
	return Object.fromEntries(hierarchyOf(geo.levels, byVersion, e));
}

/** Rows that continue from one epoch into the next become one row (fewer rows, same relation). */
function mergeAdjacent(rows: AncestorRow[]): AncestorRow[] {
	const open = new Map<string, AncestorRow>();
	const out: AncestorRow[] = [];
	for (const r of rows) {
		const id = `${r.key}\u0000${r.ancestor}\u0000${r.depth}`;
		const prev = open.get(id);
		if (prev && prev.valid_to + 1 === r.valid_from) {
			prev.valid_to = r.valid_to;
			continue;
		}
		const copy = { ...r };
		open.set(id, copy);
		out.push(copy);
	}
	return out;
}

/** The areas of a level valid in a year (one version), in key order. */
export function areasInYear(geo: Geography, levelId: string, year: number): GeoArea[] {
	return geo.areas.filter((a) => a.level === levelId && year >= a.valid_from && year <= a.valid_to).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** An area once, as engine.areas() lists it (the name and parent of its newest version). */
export interface ListedArea {
	key: string;
	name: string;
	level: string;
	parent: string;
	/** Only for an area that no longer exists: its last valid year. */
	valid_to?: number;
}

/**
 * Every area of every level once, finest level first and by key, with its newest version's name
 * and parent (engine.areas() answers the same in SQL; pages that start from the build's files
 * before the engine use this).
 */
export function listedAreas(geo: Pick<Geography, 'areas'>): ListedArea[] {
	const byKey = new Map<string, GeoArea & { last: number }>();
	for (const a of geo.areas) {
		const id = `${a.level_rank}\u0000${a.key}`;
		const seen = byKey.get(id);
		if (!seen) byKey.set(id, { ...a, last: a.valid_to });
		else {
			const last = Math.max(seen.last, a.valid_to);
			byKey.set(id, a.valid_from > seen.valid_from ? { ...a, last } : { ...seen, last });
		}
	}
	return [...byKey.values()]
		.sort((a, b) => a.level_rank - b.level_rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
		.map((a) => ({ key: a.key, name: a.name, level: a.level, parent: a.parent, ...(a.last < YEAR_MAX ? { valid_to: a.last } : {}) }));
}

/**
 * The areas an area lies in, in a reporting year (its boundary version then), nearest first:
 * an Ortsteil → its Gemeinde → the Kreis; the territory "" left out, the area itself too. Works
 * for an area of any level (engine.ancestorsOf; pure, so a page without the engine answers the same).
 */
export function ancestorsInYear(geo: Geography, key: string, year: number): ListedArea[] {
	const own = geo.areas.find((x) => x.key === key);
	if (!own) return [];
	const rank = geo.levels.findIndex((l) => l.id === own.level);
	const inYear = (r: { valid_from: number; valid_to: number }) => year >= r.valid_from && year <= r.valid_to;
	// any finest area inside `key` that year gives its chain above `key`'s level
	const inside = geo.ancestors.find((r) => r.ancestor === key && inYear(r));
	if (!inside) return [];
	return geo.ancestors
		.filter((r) => r.key === inside.key && inYear(r) && r.ancestor !== TERRITORY && geo.levels.findIndex((l) => l.id === r.ancestor_level) > rank)
		.sort((a, b) => a.depth - b.depth)
		.map((r) => {
			const a = geo.areas.find((x) => x.key === r.ancestor && x.level === r.ancestor_level && inYear(x))!;
			return { key: a.key, name: a.name, level: a.level, parent: a.parent };
		});
}
