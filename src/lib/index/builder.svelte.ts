/**
 * State of the Sozialindex builder (runes). Values are fetched once per indicator and year and
 * cached; everything else (status, dynamics, classes, sensitivity) is recomputed synchronously from
 * the cache by the pure modules of this folder whenever a setting changes.
 */
import { browser } from '$app/environment';
import { getEngine } from '$lib/data/app-engine';
import type { AreaCollection, MonitorEngine } from '$lib/data/engine';
import type { Indicator } from '$lib/data/types';
import { dynamicsIndex, type DynamicsResult } from './dynamics';
import { indexAreas, latestCommonYear, valuesOf, type ValueCache } from './load';
import { loadCurrent, loadPresets, saveCurrent } from './presets';
import { classChanges, weightPerturbations, type ClassChange, type Perturbation } from './sensitivity';
import { defaultSettings, type IndexSettings } from './settings';
import { statusIndex, type AreaValues, type IndexArea, type StatusResult } from './status';
import { commonYears, hasIndexSettings, indexSearch, parseIndexArea, parseIndexSettings, type IndexUrlContext } from './url-state';

export interface IndexState {
	settings: IndexSettings;
	year: number;
	status: StatusResult;
	dynamics: DynamicsResult | null;
	/** Short fingerprint of settings + year: what the map shows (tests wait for it). */
	signature: string;
}

export class IndexBuilder {
	status = $state<'loading' | 'ready' | 'error'>('loading');
	error = $state('');
	indicators = $state<Indicator[]>([]);
	yearsBy = $state<Record<string, number[]>>({});
	geometry = $state.raw<AreaCollection | null>(null);
	parents = $state.raw<AreaCollection | undefined>(undefined);
	settings = $state<IndexSettings>(defaultSettings([]));
	presets = $state<IndexSettings[]>([]);
	selected = $state<string | null>(null);
	current = $state<IndexState | null>(null);
	/** The result before the last change, for "which areas changed class". */
	previous = $state<IndexState | null>(null);
	problem = $state<'' | 'noIndicators' | 'noYear'>('');

	#engine: MonitorEngine | null = null;
	#cache: ValueCache = new Map();
	#areas = new Map<number, IndexArea[]>();
	#token = 0;

	label = (id: string): string => this.indicators.find((i) => i.id === id)?.label_de ?? id;
	polarity = (id: string) => this.indicators.find((i) => i.id === id)?.polarity;

	/** Years every chosen indicator has (for the year menu). */
	commonYears = $derived(commonYears(this.settings.indicators, this.yearsBy));
	/** The view as the query string of its permalink (settings and selected area). */
	search = $derived(indexSearch(this.settings, this.selected));
	changes = $derived<ClassChange[] | null>(this.current && this.previous ? classChanges(this.previous.status, this.current.status) : null);
	perturbations = $derived<Perturbation[]>(this.current ? this.#perturb(this.current) : []);

	/**
	 * Load indicators and geometry, then open on the view the URL names; a URL without index
	 * settings (a plain /index/ link) opens on what this browser used last, else on the defaults.
	 * The URL is read before the first computation, so a permalink never flashes another index.
	 */
	async start(params: URLSearchParams = new URLSearchParams()) {
		this.status = 'loading';
		try {
			const engine = await getEngine();
			this.#engine = engine;
			const [indicators, yearsBy] = await Promise.all([engine.indicators(), engine.yearsByIndicator()]);
			this.indicators = indicators;
			this.yearsBy = yearsBy;
			this.geometry = engine.geometry[engine.baseLevel];
			const parent = engine.descriptor.sozialraum.levels[1];
			this.parents = parent ? engine.geometry[parent.id] : undefined;
			const known = new Set(indicators.map((i) => i.id));
			const saved = browser ? loadCurrent(localStorage) : null;
			const ctx = this.#urlContext();
			if (hasIndexSettings(params)) this.settings = parseIndexSettings(params, ctx);
			else this.settings = saved && saved.indicators.every((i) => known.has(i.id)) ? saved : defaultSettings(indicators);
			this.selected = parseIndexArea(params, ctx);
			this.presets = browser ? loadPresets(localStorage) : [];
			this.status = 'ready';
		} catch (e) {
			this.error = (e as Error).message;
			this.status = 'error';
		}
	}

	/**
	 * Show what the URL says (back/forward, a followed link). Nothing changes when the URL already
	 * describes this view, so the page can call this on every URL change, including its own. A URL
	 * without settings (the plain /index/ of the menu) leaves the view as it is: the page then
	 * writes it into the URL.
	 */
	fromUrl(params: URLSearchParams) {
		if (this.status !== 'ready') return;
		const ctx = this.#urlContext();
		const area = parseIndexArea(params, ctx);
		if (hasIndexSettings(params)) {
			const s = parseIndexSettings(params, ctx);
			if (indexSearch(s, null) !== indexSearch(this.settings, null)) this.settings = s;
			if (area !== this.selected) this.selected = area;
		} else if (area !== null && area !== this.selected) this.selected = area;
	}

	#urlContext(): IndexUrlContext {
		return {
			indicators: this.indicators,
			yearsBy: this.yearsBy,
			areaKeys: new Set(this.geometry?.features.map((f) => f.properties.key) ?? [])
		};
	}

	/** Recompute for the current settings (called from an effect whenever they change). */
	async recompute() {
		const engine = this.#engine;
		if (!engine) return;
		const s: IndexSettings = $state.snapshot(this.settings) as IndexSettings;
		const token = ++this.#token;
		const ids = s.indicators.filter((i) => i.weight > 0).map((i) => i.id);
		const year = s.year !== null && this.commonYears.includes(s.year) ? s.year : latestCommonYear(ids, this.yearsBy);
		if (!ids.length || year === null) {
			this.problem = ids.length ? 'noYear' : 'noIndicators';
			return;
		}
		const from = year - s.dynamicsSpan;
		const now: Record<string, AreaValues> = {};
		const before: Record<string, AreaValues> = {};
		await engine.prepare(ids); // one batch of observation parts, not one per indicator
		for (const id of ids) {
			now[id] = await valuesOf(engine, this.#cache, id, year);
			if ((this.yearsBy[id] ?? []).includes(from)) before[id] = await valuesOf(engine, this.#cache, id, from);
		}
		if (!this.#areas.has(year)) this.#areas.set(year, await indexAreas(engine, year));
		if (token !== this.#token) return; // a newer change is on its way
		const status = statusIndex(this.#areas.get(year)!, now, s, this.polarity);
		const dynamics = ids.every((id) => before[id]) ? dynamicsIndex(status, now, before, s, this.polarity, year) : null;
		this.problem = '';
		if (this.current) this.previous = this.current;
		this.current = { settings: s, year, status, dynamics, signature: fingerprint(s, year) };
		// Open on the answer to "why is this area in class 4?": the area with the highest index.
		if (this.selected === null) this.selected = [...status.areas].sort((a, b) => (b.z ?? -Infinity) - (a.z ?? -Infinity))[0]?.key ?? null;
		if (browser) saveCurrent(localStorage, s);
	}

	#perturb(cur: IndexState): Perturbation[] {
		const now: Record<string, AreaValues> = {};
		for (const i of cur.settings.indicators) {
			const v = this.#cache.get(`${i.id}|${cur.year}`);
			if (v) now[i.id] = v;
		}
		const areas = this.#areas.get(cur.year) ?? [];
		return weightPerturbations(cur.settings, (s) => statusIndex(areas, now, s, this.polarity), 0.5, cur.status);
	}
}

/** A short, stable fingerprint (FNV-1a 32 bit) of the settings and year. */
export function fingerprint(s: IndexSettings, year: number): string {
	const text = JSON.stringify([year, s.indicators, s.method, s.sd, s.cutTie, s.dynamicsSpan, s.minPopulation, s.statusCuts, s.dynamicsCuts]);
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return (h >>> 0).toString(16);
}
