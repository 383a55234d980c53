/**
 * Boundary versions (Gebietsstände) of a level: which version a reporting year belongs to, whether
 * the versions' years fit together (oldest first, no overlap, no gap), and which version of the
 * next level up belongs to a version (the one valid in the same years).
 */
import type { VersionConfig } from './config';
import type { ProblemList } from './problems';

export interface Validity {
	valid_from: number | null;
	valid_to: number | null;
}

export const ALWAYS: Validity = { valid_from: null, valid_to: null };

/** A config may leave out an open end: undefined reads as null. */
const from = (v: Validity) => v.valid_from ?? null;
const to = (v: Validity) => v.valid_to ?? null;

export const validIn = (v: Validity, year: number) => (from(v) === null || year >= from(v)!) && (to(v) === null || year <= to(v)!);

/** „2014–2020“, „ab 2021“, „bis 2020“, „immer“. */
export function yearsText(raw: Validity): string {
	const v = { valid_from: from(raw), valid_to: to(raw) };
	if (v.valid_from !== null && v.valid_to !== null) return v.valid_from === v.valid_to ? String(v.valid_from) : `${v.valid_from}–${v.valid_to}`;
	if (v.valid_from !== null) return `ab ${v.valid_from}`;
	if (v.valid_to !== null) return `bis ${v.valid_to}`;
	return 'alle Jahre';
}

export const versionLabel = (v: VersionConfig) => v.label_de || `Gebietsstand ${v.id}`;

/** Years both cover (an open end counts as ±∞). */
function overlap(a: Validity, b: Validity): number {
	const lo = Math.max(from(a) ?? -1e6, from(b) ?? -1e6);
	const hi = Math.min(a.valid_to ?? 1e6, b.valid_to ?? 1e6);
	return hi - lo + 1;
}

/** Index of the candidate valid in the same years as `v` (most years in common), or -1. */
export function matchingVersion(v: Validity, candidates: readonly Validity[]): number {
	let best = -1;
	let bestYears = 0;
	candidates.forEach((c, i) => {
		const years = overlap(v, c);
		if (years > bestYears) [best, bestYears] = [i, years];
	});
	return best;
}

/** Versions must be given oldest first, each with an id, without overlapping or leaving a gap. */
export function checkVersions(levelLabel: string, versions: readonly VersionConfig[], problems: ProblemList, file = 'Importeinstellungen'): void {
	const ids = new Set<string>();
	versions.map((v) => ({ ...v, valid_from: from(v), valid_to: to(v) })).forEach((v, i, all) => {
		const name = `${levelLabel}, ${versionLabel(v)}`;
		if (!v.id) problems.error(file, `${levelLabel}: Der ${i + 1}. Gebietsstand hat keine Kennung (z. B. „2021“).`);
		else if (ids.has(v.id)) problems.error(file, `${levelLabel}: Die Kennung „${v.id}“ ist zweimal vergeben.`);
		ids.add(v.id);
		if (v.valid_from !== null && v.valid_to !== null && v.valid_to < v.valid_from) problems.error(file, `${name}: gültig bis ${v.valid_to} liegt vor gültig ab ${v.valid_from}.`);
		const next = all[i + 1];
		if (!next) {
			if (v.valid_to !== null) problems.warning(file, `${name} gilt nur bis ${v.valid_to}; Jahre danach haben keinen Gebietsstand. Gilt er noch, lassen Sie „bis“ leer.`);
			return;
		}
		if (v.valid_to === null || next.valid_from === null) {
			problems.error(file, `${name}: Bei mehreren Gebietsständen braucht jeder außer dem letzten ein Endjahr und jeder außer dem ersten ein Anfangsjahr.`);
			return;
		}
		if (next.valid_from <= v.valid_to) problems.error(file, `${name} (${yearsText(v)}) und ${versionLabel(next)} (${yearsText(next)}) überschneiden sich. Bitte geben Sie die Gebietsstände vom ältesten zum neuesten an, jedes Jahr in genau einem.`);
		else if (next.valid_from > v.valid_to + 1) problems.error(file, `Zwischen ${name} (${yearsText(v)}) und ${versionLabel(next)} (${yearsText(next)}) fehlen die Jahre ${v.valid_to + 1}–${next.valid_from - 1}.`);
	});
}
