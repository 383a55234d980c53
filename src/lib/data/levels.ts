/**
 * Area levels and their boundary versions (docs/levels-and-versions.md), read from a descriptor.
 * Pure functions shared by the validator, the engine, the build steps and the pages, so "which
 * version is valid in 2019" and "what is this level called" are answered in one place.
 */
import type { AreaLevel, AreaVersion } from './types';

/** Inclusive year bounds that stand for "open" inside SQL and comparisons (null in the format). */
export const YEAR_MIN = 0;
export const YEAR_MAX = 9999;

/**
 * The versions of a level, oldest first. A level without `versions` has one implicit version
 * (id "") valid in every year, so the rest of the code never needs a second path for it.
 */
export function levelVersions(level: AreaLevel): AreaVersion[] {
	if (level.versions && level.versions.length > 0) return level.versions;
	return [{ id: '', label_de: '', label_en: '', valid_from: null, valid_to: null, path: level.path }];
}

/** Whether a level has more than one boundary version. */
export function isVersioned(level: AreaLevel): boolean {
	return (level.versions?.length ?? 0) > 1;
}

/** Every geometry file of a level (its path and each version's path), without duplicates. */
export function levelFiles(level: AreaLevel): string[] {
	return [...new Set([level.path, ...(level.versions ?? []).map((v) => v.path)].filter((p) => typeof p === 'string'))];
}

export const validFrom = (v: Pick<AreaVersion, 'valid_from'>) => v.valid_from ?? YEAR_MIN;
export const validTo = (v: Pick<AreaVersion, 'valid_to'>) => v.valid_to ?? YEAR_MAX;

/** The version of a level valid in a reporting year (the newest when none covers the year). */
export function versionForYear(level: AreaLevel, year: number): AreaVersion {
	const versions = levelVersions(level);
	return versions.find((v) => year >= validFrom(v) && year <= validTo(v)) ?? versions[versions.length - 1];
}

/** The newest version of a level (the one `level.path` points to). */
export function newestVersion(level: AreaLevel): AreaVersion {
	const versions = levelVersions(level);
	return versions.find((v) => v.path === level.path) ?? versions[versions.length - 1];
}

/**
 * German plural of a level label when the package gives none: the common endings of area words
 * (Ortsteil → Ortsteile, Gemeinde → Gemeinden, Sozialraum → Sozialräume, Quartier → Quartiere).
 */
export function germanPlural(label: string): string {
	const umlaut: [RegExp, string][] = [[/raum$/, 'räume'], [/Raum$/, 'Räume'], [/block$/, 'blöcke'], [/Block$/, 'Blöcke'], [/stadt$/, 'städte'], [/Stadt$/, 'Städte']];
	for (const [end, plural] of umlaut) if (end.test(label)) return label.replace(end, plural);
	if (/e$/.test(label)) return label + 'n';
	if (/(ung|heit|keit|schaft)$/.test(label)) return label + 'en';
	if (/ier$/.test(label)) return label + 'e';
	if (/(el|er|en)$/.test(label)) return label;
	return label + 'e';
}

/** English plural when the package gives none (Locality → Localities, District → Districts). */
export function englishPlural(label: string): string {
	if (/[^aeiou]y$/i.test(label)) return label.slice(0, -1) + 'ies';
	if (/(s|x|ch|sh)$/i.test(label)) return label + 'es';
	return label + 's';
}

/** German dative plural ("in 12 Ortsteilen", "von 41 Sozialräumen", "in 10 Gemeinden"). */
export function germanDativePlural(plural: string): string {
	return /[ns]$/.test(plural) ? plural : plural + 'n';
}

export interface LevelWords {
	/** "Ortsteil" */
	one: string;
	/** "Ortsteile" */
	many: string;
	/** "Ortsteilen" (German dative plural; English: the plural) */
	manyDat: string;
}

/** What a level is called in a language. */
export function levelWords(level: Pick<AreaLevel, 'id' | 'label_de' | 'label_en' | 'label_plural_de' | 'label_plural_en'>, locale: 'de' | 'en'): LevelWords {
	if (locale === 'en') {
		const one = level.label_en || level.label_de || level.id;
		const many = level.label_plural_en || englishPlural(one);
		return { one, many, manyDat: many };
	}
	const one = level.label_de || level.id;
	const many = level.label_plural_de || germanPlural(one);
	return { one, many, manyDat: germanDativePlural(many) };
}

/**
 * The level a target scope names: a level id; the legacy "sozialraum" (= finest level) and
 * "stadtbezirk" (= the middle level of three) for packages whose levels have other ids.
 */
export function scopeLevelIndex(scope: string, levelIds: readonly string[]): number {
	const direct = levelIds.indexOf(scope);
	if (direct >= 0) return direct;
	if (scope === 'sozialraum') return 0;
	if (scope === 'stadtbezirk' && levelIds.length === 3) return 1;
	return -1;
}
