/**
 * Sums that disagree across levels. The tool computes every coarser value from the finest areas
 * (pool, never average); a package can still carry values of its own for coarser levels:
 * published reference totals (`references.csv` of a public copy: Stadtbezirke and the whole
 * territory) or population rows for a Stadtbezirk. Where every part of such a total is known, the
 * total must equal the sum of its parts; a difference means one of the two tables is wrong (or they
 * have different reference dates). Totals with a withheld or missing part are not checkable and are
 * skipped: there the difference is exactly what disclosure control hides.
 */
import type { PopulationRow } from '$lib/data/types';
import type { Finding, QualityObservation } from './types';

/** A total a package carries for an area above the finest level ("" = the whole territory). */
export interface LevelTotal {
	area_key: string;
	indicator_id: string;
	year: number;
	numerator: number | null;
	denominator: number | null;
}

export interface AreaLink {
	key: string;
	parent: string;
	/** 0 = finest level. */
	level_rank: number;
}

/** Keys of the finest areas below each area (and below "" = everything). */
function finestBelow(areas: readonly AreaLink[]): Map<string, string[]> {
	const parent = new Map(areas.map((a) => [a.key, a.parent]));
	const out = new Map<string, string[]>([['', []]]);
	for (const a of areas) {
		if (a.level_rank !== 0) continue;
		out.get('')!.push(a.key);
		let p = a.parent;
		const seen = new Set<string>();
		while (p && !seen.has(p)) {
			seen.add(p);
			if (!out.has(p)) out.set(p, []);
			out.get(p)!.push(a.key);
			p = parent.get(p) ?? '';
		}
	}
	return out;
}

/** Tolerance: counts are whole numbers; half a unit covers rounding in the delivering office. */
const TOLERANCE = 0.5;

/** Published indicator totals against the sums of their finest areas. */
export function referenceSums(totals: readonly LevelTotal[], cells: readonly QualityObservation[], areas: readonly AreaLink[]): Finding[] {
	const below = finestBelow(areas);
	const byCell = new Map(cells.map((c) => [`${c.indicator_id}|${c.year}|${c.area_key}`, c]));
	const out: Finding[] = [];
	for (const t of totals) {
		const parts = below.get(t.area_key);
		if (!parts || parts.length === 0) continue;
		const values = parts.map((k) => byCell.get(`${t.indicator_id}|${t.year}|${k}`));
		// every part must be published with both numbers (a withheld part makes the difference legitimate)
		if (values.some((v) => !v || v.flag === 'suppressed' || v.numerator === null)) continue;
		const num = values.reduce((s, v) => s + v!.numerator!, 0);
		const withDen = values.every((v) => v!.denominator !== null);
		const den = withDen ? values.reduce((s, v) => s + v!.denominator!, 0) : null;
		const numOff = t.numerator !== null && Math.abs(t.numerator - num) > TOLERANCE;
		const denOff = t.denominator !== null && den !== null && Math.abs(t.denominator - den) > TOLERANCE;
		if (!numOff && !denOff) continue;
		out.push({
			check: 'level_sum', severity: 'warning', indicator_id: t.indicator_id, years: [t.year], areas: [], level_area: t.area_key,
			detail: numOff ? { value: t.numerator!, expected: num, parts: parts.length, numerator: 1 } : { value: t.denominator!, expected: den!, parts: parts.length, numerator: 0 }
		});
	}
	return out;
}

/** Population rows of coarser areas against the sums of the finest areas' rows. */
export function populationSums(rows: readonly PopulationRow[], areas: readonly AreaLink[]): Finding[] {
	const rank = new Map(areas.map((a) => [a.key, a.level_rank]));
	const below = finestBelow(areas);
	const finest = new Map<string, number | null>();
	for (const r of rows) if (rank.get(r.area_key) === 0) finest.set(`${r.area_key}|${r.year}|${r.age_group}`, r.persons);
	const out: Finding[] = [];
	for (const r of rows) {
		const rk = rank.get(r.area_key);
		if (rk === undefined || rk === 0 || r.persons === null) continue;
		const parts = below.get(r.area_key) ?? [];
		const values = parts.map((k) => finest.get(`${k}|${r.year}|${r.age_group}`));
		if (parts.length === 0 || values.some((v) => v === undefined || v === null)) continue;
		const sum = values.reduce((s: number, v) => s + (v as number), 0);
		if (Math.abs(sum - r.persons) <= TOLERANCE) continue;
		out.push({ check: 'level_sum', severity: 'warning', indicator_id: '', years: [r.year], areas: [], level_area: r.area_key, detail: { value: r.persons, expected: sum, parts: parts.length, population: 1 } });
	}
	return out;
}
