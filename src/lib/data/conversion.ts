/**
 * Converting an older boundary version's counts onto the newest areas through the crosswalk
 * (docs/levels-and-versions.md): numerators and denominators of the old finest areas are shared
 * out by the weights and summed per new area, Σ w·numerator / Σ w·denominator.
 *
 * For a new area T of any level, the weight of an old finest area i is W(i, T) = Σ w(i, N) over
 * the newest finest areas N inside T. When every W is 1, T is an exact union of old areas: its old
 * value is *regrouped*, not estimated. Otherwise the value is *converted* (an estimate), and its
 * uncertainty is the share of the converted counts that came from old areas split by T's border.
 *
 * Disclosure: a published value must not let a withheld cell be computed. A converted value that
 * contains a withheld cell is withheld (with fractional weights it is a new linear equation on
 * it). A regrouped value is published when it can be written as a sum of numbers already
 * published: safe totals of old areas and published cells (e.g. a merged Gemeinde = its two old
 * Gemeinden's totals); otherwise it is withheld. So conversion never reveals anything the old
 * version's own published numbers did not.
 *
 * Pure TypeScript; the engine feeds it the cells and totals it fetched.
 */
import type { CrosswalkMethod, CrosswalkRow } from './types';
import { CROSSWALK_METHODS } from './types';
import { TERRITORY, type Geography } from './geography';

/** Weights below this are dropped; shares that close to 1 count as 1 (rounded GIS output). */
const EPS = 1e-6;

export interface ConversionPlan {
	method: CrosswalkMethod;
	fromVersion: string;
	toVersion: string;
	/** Years of the old finest version. */
	from: number;
	to: number;
	/** Target key (newest version, any level) → old finest key → W(i, T). */
	weights: Map<string, Map<string, number>>;
}

/** Methods the crosswalk offers for the finest level, in the order of preference of the contract. */
export function conversionMethods(geo: Geography, crosswalk: readonly CrosswalkRow[]): CrosswalkMethod[] {
	const finest = geo.levels[0]?.id;
	const present = new Set(crosswalk.filter((r) => r.level === finest).map((r) => r.method));
	return CROSSWALK_METHODS.filter((m) => present.has(m));
}

/** Share matrices between versions: direct rows, or composed through the versions in between. */
function versionWeights(geo: Geography, crosswalk: readonly CrosswalkRow[], method: CrosswalkMethod, from: string, to: string): Map<string, Map<string, number>> | null {
	const finest = geo.levels[0].id;
	const keysOf = (v: string) => new Set(geo.areas.filter((a) => a.level === finest && a.version === v).map((a) => a.key));
	const direct = (a: string, b: string) => {
		const rows = crosswalk.filter((r) => r.level === finest && r.method === method && r.from_version === a && r.to_version === b);
		const target = keysOf(b);
		const m = new Map<string, Map<string, number>>();
		for (const r of rows) {
			let row = m.get(r.from_key);
			if (!row) m.set(r.from_key, (row = new Map()));
			row.set(r.to_key, (row.get(r.to_key) ?? 0) + r.weight);
		}
		// unchanged areas keep their key and need no row
		for (const k of keysOf(a)) if (!m.has(k) && target.has(k)) m.set(k, new Map([[k, 1]]));
		return rows.length > 0 ? m : null;
	};
	const hit = direct(from, to);
	if (hit) return hit;
	const order = (geo.levels[0].versions ?? []).map((v) => v.id);
	const i = order.indexOf(from);
	const j = order.indexOf(to);
	if (i < 0 || j <= i + 1) return null;
	let acc = direct(order[i], order[i + 1]);
	for (let k = i + 1; acc && k < j; k++) {
		const step = direct(order[k], order[k + 1]);
		if (!step) return null;
		const next = new Map<string, Map<string, number>>();
		for (const [oldKey, row] of acc) {
			const out = new Map<string, number>();
			for (const [mid, w] of row) for (const [end, w2] of step.get(mid) ?? []) out.set(end, (out.get(end) ?? 0) + w * w2);
			next.set(oldKey, out);
		}
		acc = next;
	}
	return acc;
}

/** One plan per older finest version: how its areas map onto every area of the newest epoch. */
export function conversionPlans(geo: Geography, crosswalk: readonly CrosswalkRow[], method: CrosswalkMethod): ConversionPlan[] {
	const finest = geo.levels[0];
	if (!finest || (finest.versions?.length ?? 0) < 2) return [];
	const newest = geo.epochs[geo.epochs.length - 1];
	const toVersion = newest.versions[finest.id];
	// descendants of every target in the newest epoch (finest targets: themselves)
	const desc = new Map<string, string[]>();
	for (const a of geo.ancestors) {
		if (a.ancestor === TERRITORY || a.valid_to < newest.from || a.valid_from > newest.to) continue;
		let list = desc.get(a.ancestor);
		if (!list) desc.set(a.ancestor, (list = []));
		list.push(a.key);
	}
	const plans: ConversionPlan[] = [];
	for (const v of finest.versions!) {
		if (v.id === toVersion) continue;
		const w = versionWeights(geo, crosswalk, method, v.id, toVersion);
		if (!w) continue;
		const byTarget = new Map<string, Map<string, number>>();
		for (const [target, inside] of desc) {
			const inSet = new Set(inside);
			const row = new Map<string, number>();
			for (const [oldKey, shares] of w) {
				let sum = 0;
				for (const [n, share] of shares) if (inSet.has(n)) sum += share;
				if (sum > EPS) row.set(oldKey, Math.abs(sum - 1) < EPS ? 1 : sum);
			}
			byTarget.set(target, row);
		}
		plans.push({ method, fromVersion: v.id, toVersion, from: v.valid_from ?? 0, to: v.valid_to ?? 9999, weights: byTarget });
	}
	return plans;
}

export interface CellNumbers {
	numerator: number | null;
	denominator: number | null;
	withheld: boolean;
}

export interface TotalNumbers {
	numerator: number | null;
	denominator: number | null;
	withheld: boolean;
}

export interface ConvertedPoint {
	numerator: number | null;
	denominator: number | null;
	origin: 'regrouped' | 'converted';
	split_share: number;
	/** Withheld by disclosure control (or nothing to convert). */
	suppressed: boolean;
	/** No old area with numbers contributes. */
	empty: boolean;
}

/**
 * The value of target T in one old year. `cells`: the old finest cells of that year; `totals`:
 * the old areas' totals that year (internal: true sums; public copy: its published totals);
 * `epoch`: the old year's epoch, whose hierarchy the totals belong to.
 */
export function convertPoint(
	plan: ConversionPlan,
	target: string,
	year: number,
	geo: Geography,
	cells: ReadonlyMap<string, CellNumbers>,
	totals: ReadonlyMap<string, TotalNumbers>,
	options: { isCount: boolean; minNumerator: number; minDenominator: number }
): ConvertedPoint | null {
	const weights = plan.weights.get(target);
	if (!weights || weights.size === 0) return null;
	let num = 0;
	let den = 0;
	let split = 0;
	let base = 0;
	let any = false;
	let withheld = false;
	let exact = true;
	for (const [key, w] of weights) {
		if (w !== 1) exact = false;
		const c = cells.get(key);
		if (!c) continue;
		if (c.withheld) withheld = true;
		if (c.numerator === null) continue;
		any = true;
		num += w * c.numerator;
		if (c.denominator !== null) den += w * c.denominator;
		const b = options.isCount ? c.numerator : (c.denominator ?? 0);
		base += w * b;
		if (w < 1) split += w * b;
	}
	const origin = exact ? 'regrouped' : 'converted';
	const share = base > 0 ? split / base : 0;
	if (!any && !withheld) return { numerator: null, denominator: null, origin, split_share: 0, suppressed: false, empty: true };
	let numerator: number | null = num;
	let denominator: number | null = any ? den : null;
	if (withheld) {
		if (!exact) return { numerator: null, denominator: null, origin, split_share: share, suppressed: true, empty: false };
		const covered = cover(new Set(weights.keys()), year, geo, cells, totals);
		if (!covered) return { numerator: null, denominator: null, origin, split_share: share, suppressed: true, empty: false };
		numerator = covered.numerator;
		denominator = covered.denominator;
	}
	const small = (numerator !== null && numerator > 0 && numerator < options.minNumerator) || (denominator !== null && denominator < options.minDenominator);
	if (small) return { numerator: null, denominator: null, origin, split_share: share, suppressed: true, empty: false };
	return { numerator, denominator, origin, split_share: share, suppressed: false, empty: false };
}

/**
 * Write a set of old finest areas as a sum of published numbers: safe totals of old areas
 * (coarsest first) and published cells. Null when a withheld cell is left over.
 */
function cover(
	set: Set<string>,
	year: number,
	geo: Geography,
	cells: ReadonlyMap<string, CellNumbers>,
	totals: ReadonlyMap<string, TotalNumbers>
): { numerator: number | null; denominator: number | null } | null {
	const inside = new Map<string, { level: string; keys: string[] }>();
	for (const a of geo.ancestors) {
		if (a.depth === 0 || year < a.valid_from || year > a.valid_to) continue;
		let entry = inside.get(a.ancestor);
		if (!entry) inside.set(a.ancestor, (entry = { level: a.ancestor_level, keys: [] }));
		entry.keys.push(a.key);
	}
	const rank = (level: string) => (level === '' ? geo.levels.length : geo.levels.findIndex((l) => l.id === level));
	const candidates = [...inside.entries()].sort((a, b) => rank(b[1].level) - rank(a[1].level) || (a[0] < b[0] ? -1 : 1));
	const left = new Set(set);
	let numerator: number | null = null;
	let denominator: number | null = null;
	const add = (n: number | null, d: number | null) => {
		if (n !== null) numerator = (numerator ?? 0) + n;
		if (d !== null) denominator = (denominator ?? 0) + d;
	};
	for (const [key, { keys }] of candidates) {
		if (!keys.every((k) => left.has(k))) continue;
		const t = totals.get(key);
		if (!t || t.withheld) continue;
		add(t.numerator, t.denominator);
		for (const k of keys) left.delete(k);
	}
	for (const k of left) {
		const c = cells.get(k);
		if (!c) continue;
		if (c.withheld) return null;
		if (c.numerator !== null) add(c.numerator, c.denominator);
	}
	return { numerator, denominator };
}
