/**
 * Boundary versions (Gebietsstände) of an area level, as docs/levels-and-versions.md defines them:
 * oldest first, validity by reporting year (inclusive), no overlap, no gap, the level's `path` being
 * the newest version. A level without `versions` has one version that is valid in every year, so
 * code can treat every level the same way.
 *
 * Pure TS (browser import and Node pipelines share it).
 */
import type { AreaLevel } from '../types';

export interface LevelVersion {
	/** null for the single, implicit version of a level without `versions`. */
	id: string | null;
	label_de: string;
	validFrom: number | null;
	validTo: number | null;
	path: string;
}

export function versionsOf(level: AreaLevel): LevelVersion[] {
	if (!level.versions?.length) return [{ id: null, label_de: level.label_de, validFrom: null, validTo: null, path: level.path }];
	return level.versions.map((v) => ({ id: v.id, label_de: v.label_de, validFrom: v.valid_from, validTo: v.valid_to, path: v.path }));
}

export const validIn = (v: LevelVersion, year: number): boolean =>
	(v.validFrom === null || year >= v.validFrom) && (v.validTo === null || year <= v.validTo);

/** "2014–2020", "seit 2021", "bis 2020", "alle Jahre". */
export function validityDe(v: Pick<LevelVersion, 'validFrom' | 'validTo'>): string {
	if (v.validFrom === null && v.validTo === null) return 'alle Jahre';
	if (v.validFrom === null) return `bis ${v.validTo}`;
	if (v.validTo === null) return `seit ${v.validFrom}`;
	return v.validFrom === v.validTo ? String(v.validFrom) : `${v.validFrom}–${v.validTo}`;
}

/** „2014“ (2014–2020) */
export const versionDe = (v: LevelVersion): string => `„${v.id}“ (${validityDe(v)})`;

const isYear = (x: unknown): x is number | null => x === null || (typeof x === 'number' && Number.isInteger(x));
const isText = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';

export interface VersionProblem {
	/** Descriptor field, e.g. "sozialraum.levels[0].versions[1].valid_from". */
	field: string;
	message_de: string;
}

/** What is wrong with a level's `versions` list (raw JSON, not yet trusted); [] when fine. */
export function versionListProblems(level: Record<string, unknown>, at: string): VersionProblem[] {
	const raw = level.versions;
	if (raw === undefined) return [];
	const problems: VersionProblem[] = [];
	const add = (field: string, message_de: string) => problems.push({ field, message_de });
	if (!Array.isArray(raw) || raw.length === 0) {
		add(`${at}.versions`, 'Muss eine nicht leere Liste von Gebietsständen sein (oder ganz fehlen).');
		return problems;
	}
	const ids = new Set<string>();
	let previous: { validTo: number | null; id: string } | null = null;
	raw.forEach((v: unknown, i: number) => {
		const here = `${at}.versions[${i}]`;
		if (typeof v !== 'object' || v === null || Array.isArray(v)) return add(here, 'Eintrag ist kein Objekt.');
		const version = v as Record<string, unknown>;
		for (const key of ['id', 'label_de', 'path']) if (!isText(version[key])) add(`${here}.${key}`, 'Pflichtfeld fehlt oder ist leer.');
		for (const key of ['valid_from', 'valid_to']) {
			if (!isYear(version[key])) add(`${here}.${key}`, 'Muss ein Jahr (ganze Zahl) oder null sein.');
		}
		if (!isText(version.id) || !isYear(version.valid_from) || !isYear(version.valid_to)) return;
		if (ids.has(version.id)) add(`${here}.id`, `Gebietsstand „${version.id}“ ist doppelt.`);
		ids.add(version.id);
		const from = version.valid_from;
		const to = version.valid_to;
		if (from !== null && to !== null && to < from) add(here, `Gültig bis ${to} liegt vor gültig ab ${from}.`);
		if (previous) {
			const prev = previous;
			if (prev.validTo === null) add(here, `Gebietsstand „${prev.id}“ davor gilt unbefristet (valid_to null); nur der neueste darf unbefristet sein.`);
			else if (from === null) add(`${here}.valid_from`, 'Nur der älteste Gebietsstand darf ohne Anfangsjahr sein.');
			else if (from <= prev.validTo) add(`${here}.valid_from`, `Überschneidet sich mit Gebietsstand „${prev.id}“ (gültig bis ${prev.validTo}); die Gebietsstände müssen nach Jahren geordnet sein und dürfen sich nicht überschneiden.`);
			else if (from > prev.validTo + 1) add(`${here}.valid_from`, `Lücke: Gebietsstand „${prev.id}“ endet ${prev.validTo}, dieser beginnt erst ${from}; für ${prev.validTo + 1}${from - 1 > prev.validTo + 1 ? `–${from - 1}` : ''} gälte kein Gebietsstand.`);
		}
		previous = { validTo: to, id: version.id };
	});
	const last = raw[raw.length - 1] as Record<string, unknown> | null;
	if (last && typeof last === 'object' && isText(last.path) && isText(level.path) && last.path !== level.path) {
		add(`${at}.path`, `Muss die Datei des neuesten Gebietsstands sein („${last.path}“), ist aber „${level.path}“.`);
	}
	return problems;
}

/** Years in which every level keeps one boundary version, with who is whose parent then. */
export interface AreaPeriod {
	validFrom: number | null;
	validTo: number | null;
	/** Parent of every area of every level valid in these years ("" at the top). */
	parents: Record<string, string>;
	/** The finest level's areas valid in these years, with their parents. */
	finest: Map<string, string>;
}

/**
 * Cut the years at every version change of any level; for each stretch, the areas of the version
 * of each level valid then. A package without versions has one period, valid in every year.
 * `areasOf(path)` gives the key and parent of each area of a geometry file.
 */
export function areaPeriods(levels: readonly AreaLevel[], areasOf: (path: string) => readonly { key: string; parent: string }[]): AreaPeriod[] {
	const starts = [...new Set(levels.flatMap((l) => versionsOf(l).map((v) => v.validFrom)).filter((y): y is number => y !== null))].sort((a, b) => a - b);
	const spans: [number | null, number | null][] = [];
	let from: number | null = null;
	for (const start of starts) {
		spans.push([from, start - 1]);
		from = start;
	}
	spans.push([from, null]);
	const periods: AreaPeriod[] = [];
	for (const [validFrom, validTo] of spans) {
		const probe = validFrom ?? (validTo as number | null) ?? 0;
		const chosen = levels.map((l) => versionsOf(l).find((v) => validIn(v, probe)));
		if (chosen.some((v) => v === undefined)) continue; // years before the first version of some level
		const parents: Record<string, string> = {};
		chosen.forEach((v) => {
			for (const a of areasOf(v!.path)) parents[a.key] = a.parent;
		});
		const finest = new Map(areasOf(chosen[0]!.path).map((a) => [a.key, a.parent] as const));
		periods.push({ validFrom, validTo, parents, finest });
	}
	return periods;
}

export const periodIn = (periods: readonly AreaPeriod[], year: number): AreaPeriod | undefined =>
	periods.find((p) => validIn({ id: null, label_de: '', path: '', validFrom: p.validFrom, validTo: p.validTo }, year));
