/**
 * Index presets: kept in the browser (localStorage, per device: nothing leaves the machine) and
 * exported / imported as a JSON file so a planning team can share "our index". A file from
 * elsewhere is untrusted input: it is checked field by field and never evaluated.
 */
import { SD_KINDS, STANDARD_METHODS, type SdKind, type StandardMethod } from './standardise';
import { CUT_TIES, type CutTie } from './combine';
import { DEFAULT_CUT_TIE, DEFAULT_SD, type IndexIndicatorSetting, type IndexSettings, type Orientation } from './settings';

export const PRESETS_KEY = 'sozialraum-monitor.index-presets';
/** The settings last used in the builder; atlas and profile read them to show "the current index". */
export const CURRENT_KEY = 'sozialraum-monitor.index-current';
export const FORMAT = 'sozialraum-monitor/index-settings';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Parse one settings object; null when a field is missing or of the wrong type. */
export function parseSettings(v: unknown): IndexSettings | null {
	if (!isObj(v) || typeof v.name !== 'string' || !Array.isArray(v.indicators)) return null;
	const indicators: IndexIndicatorSetting[] = [];
	for (const i of v.indicators) {
		if (!isObj(i) || typeof i.id !== 'string' || !num(i.weight) || i.weight < 0) return null;
		const o = i.orientation;
		if (o !== undefined && o !== 'higher_is_worse' && o !== 'higher_is_better') return null;
		indicators.push({ id: i.id, weight: i.weight, ...(o ? { orientation: o as Orientation } : {}) });
	}
	if (!STANDARD_METHODS.includes(v.method as StandardMethod)) return null;
	// Presets saved before the SD and tie choices existed lack both: they get today's defaults.
	if (v.sd !== undefined && !SD_KINDS.includes(v.sd as SdKind)) return null;
	if (v.cutTie !== undefined && !CUT_TIES.includes(v.cutTie as CutTie)) return null;
	if (!(v.year === null || num(v.year)) || (v.dynamicsSpan !== 2 && v.dynamicsSpan !== 3)) return null;
	if (!num(v.minPopulation) || v.minPopulation < 0) return null;
	const cuts = (x: unknown, n: number) => Array.isArray(x) && x.length === n && x.every(num) && x.every((c, k) => k === 0 || c > x[k - 1]);
	if (!cuts(v.statusCuts, 3) || !cuts(v.dynamicsCuts, 2)) return null;
	return {
		name: v.name.slice(0, 120),
		indicators,
		method: v.method as StandardMethod,
		sd: (v.sd as SdKind | undefined) ?? DEFAULT_SD,
		cutTie: (v.cutTie as CutTie | undefined) ?? DEFAULT_CUT_TIE,
		year: v.year as number | null,
		dynamicsSpan: v.dynamicsSpan,
		minPopulation: v.minPopulation,
		statusCuts: [...(v.statusCuts as number[])] as IndexSettings['statusCuts'],
		dynamicsCuts: [...(v.dynamicsCuts as number[])] as IndexSettings['dynamicsCuts']
	};
}

export function exportJson(settings: IndexSettings): string {
	return JSON.stringify({ format: FORMAT, version: 1, settings }, null, 2);
}

/** Read an exported file. Indicators unknown to this data package are dropped and reported. */
export function importJson(text: string, known: ReadonlySet<string>): { settings: IndexSettings | null; dropped: string[] } {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { settings: null, dropped: [] };
	}
	if (!isObj(data) || data.format !== FORMAT) return { settings: null, dropped: [] };
	const settings = parseSettings(data.settings);
	if (!settings) return { settings: null, dropped: [] };
	const dropped = settings.indicators.filter((i) => !known.has(i.id)).map((i) => i.id);
	return { settings: { ...settings, indicators: settings.indicators.filter((i) => known.has(i.id)) }, dropped };
}

function readList(store: Store): IndexSettings[] {
	try {
		const v = JSON.parse(store.getItem(PRESETS_KEY) ?? '[]');
		return Array.isArray(v) ? v.map(parseSettings).filter((s): s is IndexSettings => s !== null) : [];
	} catch {
		return [];
	}
}

export function loadPresets(store: Store): IndexSettings[] {
	return readList(store);
}

/** Save under its name (replacing a preset of the same name); returns the new list. */
export function savePreset(store: Store, settings: IndexSettings): IndexSettings[] {
	const list = [...readList(store).filter((p) => p.name !== settings.name), settings];
	store.setItem(PRESETS_KEY, JSON.stringify(list));
	return list;
}

export function deletePreset(store: Store, name: string): IndexSettings[] {
	const list = readList(store).filter((p) => p.name !== name);
	store.setItem(PRESETS_KEY, JSON.stringify(list));
	return list;
}

export function saveCurrent(store: Store, settings: IndexSettings): void {
	store.setItem(CURRENT_KEY, JSON.stringify(settings));
}

export function loadCurrent(store: Store): IndexSettings | null {
	try {
		return parseSettings(JSON.parse(store.getItem(CURRENT_KEY) ?? 'null'));
	} catch {
		return null;
	}
}
