/**
 * The wizard's maps: which of the chosen files belong together (a Shapefile's .shp, .dbf, .prj,
 * .cpg and .shx are one map; a GeoJSON, TopoJSON or .zip is one), and how the planner's choices
 * per map — level name, validity years — become the config's levels: maps with the same level
 * name are that level's boundary versions (oldest first), and levels go finest first, i.e. by
 * number of areas (a finer level has more).
 */
import type { CrosswalkConfig, GeometryConfig, LevelConfig, VersionConfig } from './config';
import { fold } from './mapping';

const ext = (name: string) => /\.([^.\\/]+)$/.exec(name)?.[1].toLowerCase() ?? '';
const SHAPE_PARTS = ['shp', 'dbf', 'prj', 'cpg', 'shx'];

/** Files of one map together, in order of first appearance. */
export function groupMapFiles(names: readonly string[]): string[][] {
	const groups = new Map<string, string[]>();
	for (const name of names) {
		const id = SHAPE_PARTS.includes(ext(name)) ? `shape:${name.replace(/\.[^.]+$/, '').toLowerCase()}` : `file:${name}`;
		groups.set(id, [...(groups.get(id) ?? []), name]);
	}
	return [...groups.values()];
}

export interface WizardMap {
	/** Its files (a Shapefile has several). */
	files: string[];
	/** Level name as the planner calls it: „Ortsteil“. */
	level_de: string;
	valid_from?: number | null;
	valid_to?: number | null;
	/** A year in the file name („ortsteile-2014.shp“): the start year once a second version joins. */
	fileYear?: number;
	geometry: Omit<GeometryConfig, 'files'>;
}

/** Common level names with their English label and plural. */
const KNOWN: Record<string, [string, string, string]> = {
	sozialraum: ['Social area', 'Sozialräume', 'Social areas'],
	stadtteil: ['Quarter', 'Stadtteile', 'Quarters'],
	stadtbezirk: ['Borough', 'Stadtbezirke', 'Boroughs'],
	ortsteil: ['Locality', 'Ortsteile', 'Localities'],
	gemeinde: ['Municipality', 'Gemeinden', 'Municipalities'],
	planungsraum: ['Planning area', 'Planungsräume', 'Planning areas'],
	bezirksregion: ['District region', 'Bezirksregionen', 'District regions'],
	bezirk: ['District', 'Bezirke', 'Districts'],
	quartier: ['Neighbourhood', 'Quartiere', 'Neighbourhoods'],
	baublock: ['Block', 'Baublöcke', 'Blocks'],
	statistischer_bezirk: ['Statistical district', 'Statistische Bezirke', 'Statistical districts']
};

export const LEVEL_SUGGESTIONS_DE = ['Sozialraum', 'Stadtteil', 'Stadtbezirk', 'Ortsteil', 'Gemeinde', 'Planungsraum', 'Bezirksregion', 'Quartier', 'Baublock'];

/** „Statistischer Bezirk“ → „statistischer_bezirk“ (the package's level id). */
export function levelId(label: string): string {
	const id = fold(label).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
	return /^[a-z]/.test(id) ? id : `ebene_${id || '1'}`;
}

/**
 * Levels from the maps. `featureCounts[i]` = areas of map i (unknown before the first reading:
 * then the order of adding counts). `crosswalks` per level id.
 */
export function levelsFromMaps(maps: readonly WizardMap[], featureCounts: readonly (number | undefined)[], crosswalks: Record<string, CrosswalkConfig[]> = {}): LevelConfig[] {
	const byLevel = new Map<string, { label: string; maps: { m: WizardMap; n: number; order: number }[] }>();
	maps.forEach((m, order) => {
		const label = m.level_de.trim() || 'Sozialraum';
		const id = levelId(label);
		const entry = byLevel.get(id) ?? { label, maps: [] };
		entry.maps.push({ m, n: featureCounts[order] ?? -order, order });
		byLevel.set(id, entry);
	});
	const levels = [...byLevel].map(([id, { label, maps: ms }]) => {
		const known = KNOWN[id];
		const base = { id, label_de: label, label_en: known?.[0] ?? label, ...(known ? { label_plural_de: known[1], label_plural_en: known[2] } : {}) };
		const most = Math.max(...ms.map((x) => x.n));
		const first = Math.min(...ms.map((x) => x.order));
		if (ms.length === 1) return { level: { ...base, geometry: { ...ms[0].m.geometry, files: ms[0].m.files } } as LevelConfig, most, first };
		// versions oldest first: by start year (an open start is the oldest)
		const sorted = [...ms].sort((a, b) => (a.m.valid_from ?? -1e6) - (b.m.valid_from ?? -1e6) || a.order - b.order);
		const versions: VersionConfig[] = sorted.map(({ m }, k) => ({
			id: m.valid_from != null ? String(m.valid_from) : m.valid_to != null ? `bis${m.valid_to}` : String(k + 1),
			label_de: m.valid_from != null ? `Gebietsstand ${m.valid_from}` : m.valid_to != null ? `Gebietsstand bis ${m.valid_to}` : `Gebietsstand ${k + 1}`,
			label_en: m.valid_from != null ? `Boundaries ${m.valid_from}` : m.valid_to != null ? `Boundaries until ${m.valid_to}` : `Boundaries ${k + 1}`,
			valid_from: m.valid_from ?? null,
			valid_to: m.valid_to ?? null,
			geometry: { ...m.geometry, files: m.files }
		}));
		return { level: { ...base, versions, ...(crosswalks[id] ? { crosswalks: crosswalks[id] } : {}) } as LevelConfig, most, first };
	});
	return levels.sort((a, b) => b.most - a.most || a.first - b.first).map((l) => l.level);
}

const LEVEL_WORDS: [RegExp, string][] = [
	[/ortsteil/, 'Ortsteil'],
	[/gemeinde/, 'Gemeinde'],
	[/stadtteil/, 'Stadtteil'],
	[/stadtbezirk|bezirke?\b/, 'Stadtbezirk'],
	[/planungsr(ae|a)um|\bplr\b/, 'Planungsraum'],
	[/bezirksregion|\bbzr\b/, 'Bezirksregion'],
	[/sozialr(ae|a)um/, 'Sozialraum'],
	[/quartier/, 'Quartier'],
	[/baubl(oe|o)ck/, 'Baublock']
];

/**
 * A first guess from the file name, for the planner to correct: the level („ortsteile-2021.shp“ →
 * Ortsteil) and the year a boundary version starts. Without a level word: the first map is the
 * Sozialraum level, later ones „Ebene 2“, „Ebene 3“ until named.
 */
export function guessMap(files: string[], existing: readonly WizardMap[]): WizardMap {
	const name = fold(files[0].replace(/^.*[\\/]/, '').replace(/[_.-]+/g, ' '));
	const level = LEVEL_WORDS.find(([re]) => re.test(name))?.[1] ?? (existing.length === 0 ? 'Sozialraum' : `Ebene ${existing.length + 1}`);
	const year = /\b(19[89]\d|20\d\d)\b/.exec(name)?.[1];
	return { files, level_de: level, ...(year ? { valid_from: Number(year), fileYear: Number(year) } : {}), geometry: { keyWidth: 'auto' } };
}

/**
 * Validity of the versions of each level from their start years: each runs until the year before
 * the next starts, the newest stays open. Levels with one map lose their years (one map is valid
 * for every year). Years the planner typed are kept when they fit.
 */
export function settleValidity(maps: WizardMap[]): void {
	const byLevel = new Map<string, WizardMap[]>();
	for (const m of maps) byLevel.set(levelId(m.level_de), [...(byLevel.get(levelId(m.level_de)) ?? []), m]);
	for (const group of byLevel.values()) {
		if (group.length === 1) {
			delete group[0].valid_from;
			delete group[0].valid_to;
			continue;
		}
		for (const m of group) if (m.valid_from == null && m.fileYear !== undefined) m.valid_from = m.fileYear;
		const sorted = [...group].sort((a, b) => (a.valid_from ?? -1e6) - (b.valid_from ?? -1e6));
		sorted.forEach((m, i) => {
			const next = sorted[i + 1];
			m.valid_to = next?.valid_from != null ? next.valid_from - 1 : i === sorted.length - 1 ? null : (m.valid_to ?? null);
		});
	}
}
