/**
 * State of the district profile page (runes). The URL (`?id=…&jahr=…&indikator=…`) is the source of
 * truth; this class loads what the selection needs and keeps the per-indicator city series and
 * per-year values of all areas cached, so stepping to the previous / next district only asks the
 * engine for that district's own series.
 */
import { untrack } from 'svelte';
import { getEngine } from '$lib/data/app-engine';
import type { AreaCollection, AreaInfo, AreaValue, MonitorEngine, ReferencePoint, SeriesPoint, VersionBreak } from '$lib/data/engine';
import { LIFE_PHASES, type AreaLevel, type CrosswalkMethod, type Indicator } from '$lib/data/types';
import { selectableLevels } from '$lib/geo/levels-view';
import { parseConvert } from '$lib/geo-url';
import { i18n } from '$lib/i18n/i18n.svelte';
import { keyFacts } from './facts';
import { neighbours, parseProfileParams, type ProfileSelection } from './links';
import { profileRow, type ProfileRow } from './rows';

export type Status = 'loading' | 'ready' | 'error';

export class ProfileState {
	status = $state<Status>('loading');
	error = $state('');
	indicators = $state.raw<Indicator[]>([]);
	yearsBy = $state.raw<Record<string, number[]>>({});
	areas = $state.raw<AreaInfo[]>([]);
	geometry = $state.raw<AreaCollection | null>(null);
	baseLevel = $state('');
	defaultIndicator = $state('');
	selection = $state<ProfileSelection | null>(null);
	rows = $state.raw<ProfileRow[]>([]);
	population = $state.raw<{ age_group: string; persons: number }[]>([]);
	/** "area|year" the rows belong to; differs from the selection while loading. */
	loadedKey = $state('');
	/** The package's levels (finest first), those a profile may be of, and the crosswalk methods. */
	levels = $state.raw<AreaLevel[]>([]);
	selectable = $state.raw<string[]>([]);
	methods = $state.raw<CrosswalkMethod[]>([]);
	/** Older boundary versions converted by this method (`umrechnung`); null = the series breaks. */
	convert = $state<CrosswalkMethod | null>(null);
	/** Version changes that interrupt the area's series, and every loaded series point (for the notes). */
	breaks = $state.raw<VersionBreak[]>([]);
	points = $state.raw<SeriesPoint[]>([]);

	#engine: MonitorEngine | null = null;
	#values = new Map<string, AreaValue[]>();
	#city = new Map<string, ReferencePoint[]>();
	#token = 0;

	/** Areas a profile can be of: today's areas of every selectable level, finest first. */
	profileAreas = $derived(
		this.selectable.flatMap((l) => this.areas.filter((a) => a.level === l && a.valid_to === undefined))
	);
	/** The selected area's level: keys are unique across levels, so the key names it. */
	level = $derived(this.areas.find((a) => a.key === this.selection?.area)?.level ?? this.baseLevel);
	/** The areas of the shown level (locator map, previous / next). */
	baseAreas = $derived(this.profileAreas.filter((a) => a.level === this.level));
	/** Years in which any indicator has data. */
	years = $derived([...new Set(Object.values(this.yearsBy).flat())].sort((a, b) => a - b));
	area = $derived(this.baseAreas.find((a) => a.key === this.selection?.area) ?? null);
	district = $derived(this.areas.find((a) => a.key === this.area?.parent && a.level !== this.level) ?? null);
	facts = $derived(this.population.length > 0 ? keyFacts(this.population) : null);
	around = $derived(this.selection ? neighbours(this.baseAreas.map((a) => a.key), this.selection.area) : { prev: null, next: null });
	ready = $derived(this.selection !== null && this.loadedKey === `${this.selection.area}|${this.selection.year}|${this.convert}`);
	/** Rows grouped by life phase, in the order of a child's life. */
	phases = $derived(
		LIFE_PHASES.map((phase) => ({ phase, rows: this.rows.filter((r) => r.indicator.life_phase === phase) })).filter((g) => g.rows.length > 0)
	);

	async start() {
		this.status = 'loading';
		try {
			const engine = await getEngine();
			const [indicators, yearsBy, areas] = await Promise.all([engine.indicators(), engine.yearsByIndicator(), engine.areas()]);
			this.#engine = engine;
			this.indicators = indicators;
			this.yearsBy = yearsBy;
			this.areas = areas;
			this.baseLevel = engine.baseLevel;
			this.defaultIndicator = engine.descriptor.sozialraum.default_indicator;
			this.geometry = engine.geometry[engine.baseLevel];
			this.levels = engine.levels;
			this.selectable = selectableLevels(engine);
			this.methods = engine.conversionMethods();
			this.status = 'ready';
		} catch (e) {
			this.error = (e as Error).message;
			this.status = 'error';
		}
	}

	fromUrl(params: URLSearchParams) {
		if (this.status !== 'ready') return;
		const withData = this.indicators.map((i) => i.id).filter((id) => (this.yearsBy[id] ?? []).length > 0);
		this.selection = parseProfileParams(params, {
			areaKeys: this.profileAreas.map((a) => a.key),
			indicators: withData,
			defaultIndicator: this.defaultIndicator,
			yearsOf: () => this.years
		});
		this.convert = parseConvert(params, this.methods);
		// untracked: reading the selection just written would make the caller's effect loop
		untrack(() => {
			const level = this.level;
			this.geometry = this.#engine!.geometry[level] ?? this.geometry;
			i18n.viewLevel(level === this.baseLevel ? null : level);
		});
	}

	/**
	 * The area to show on another level: the ancestor when going up, the first area inside the
	 * current one when going down (else the level's first area).
	 */
	areaOnLevel(level: string): string | null {
		const sel = this.selection;
		const engine = this.#engine;
		if (!sel || !engine) return null;
		const up = engine.ancestorsOf(sel.area, sel.year).find((a) => a.level === level);
		if (up) return up.key;
		const inLevel = this.profileAreas.filter((a) => a.level === level);
		const inside = inLevel.find((a) => engine.ancestorsOf(a.key, sel.year).some((x) => x.key === sel.area));
		return (inside ?? inLevel[0])?.key ?? null;
	}

	async #cached<T>(cache: Map<string, T>, key: string, load: () => Promise<T>): Promise<T> {
		const hit = cache.get(key);
		if (hit) return hit;
		const v = await load();
		cache.set(key, v);
		return v;
	}

	/** Load every indicator of the selected area and year; stale answers (fast clicking) are dropped. */
	async refresh() {
		const engine = this.#engine;
		const sel = this.selection;
		if (!engine || !sel) return;
		const token = ++this.#token;
		const level = this.level;
		const convert = this.convert;
		const inds = this.indicators.filter((i) => (this.yearsBy[i.id] ?? []).length > 0);
		const [rows, population] = await Promise.all([
			Promise.all(
				inds.map(async (ind) => {
					const [values, series, city] = await Promise.all([
						this.#cached(this.#values, `${level}|${ind.id}|${sel.year}`, () => engine.valuesFor(ind.id, sel.year, level)),
						engine.seriesFor(sel.area, ind.id, { convert }),
						this.#cached(this.#city, ind.id, () => engine.referenceSeries(ind.id))
					]);
					// trend words use one boundary version only: converted years are estimates
					const own = series.filter((p) => p.origin !== 'converted');
					return { row: profileRow({ indicator: ind, year: sel.year, areaKey: sel.area, values, series: own, city }), series };
				})
			),
			engine.population(sel.area, sel.year)
		]);
		if (token !== this.#token) return;
		this.rows = rows.map((r) => r.row);
		this.points = rows.flatMap((r) => r.series);
		this.breaks = engine.seriesBreaks(sel.area);
		this.population = population;
		this.loadedKey = `${sel.area}|${sel.year}|${convert}`;
	}
}
