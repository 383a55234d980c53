/**
 * State of the prevention-chain page (runes): data from the engine once, then need, coverage and
 * the matrix derived from the planner's choices (class method, coverage measure, phase in focus).
 */
import { getEngine, getPrecomputed } from '$lib/data/app-engine';
import type { AreaCollection } from '$lib/data/engine';
import { labelPoint, rewindForD3 } from '$lib/map/geo';
import type { Category } from './categories';
import { CANVAS_MIN_AREAS, phaseMapRenderer, projectAreas } from './phase-canvas';
import { coverageByArea, phasesWithPlaces } from './coverage';
import { loadChainData, type ChainData } from './load';
import { buildMatrix, type CoverageMeasure, type MatrixRow } from './matrix';
import { needByPhase, needIndicators } from './need';
import type { LevelMethod } from './categories';
import { CHAIN_PHASES, type ChainPhase } from './phases';
import { DEFAULT_MIN_POPULATION } from '$lib/index/settings';
import { inventoryApp } from '$lib/inventory/inventory.svelte';
import { chainSearch, DEFAULT_CHAIN_VIEW, parseChainView, type ChainView, type MatrixSort } from './url-state';

export type { MatrixSort };

/** One collator for the name sort: localeCompare with a locale builds one per call (20,000 × log n). */
const byName = new Intl.Collator('de');

export class ChainPage {
	status = $state<'loading' | 'ready' | 'error'>('loading');
	error = $state('');
	// raw: the data are only ever replaced whole; a deep proxy over 20,000 areas and their population
	// rows made every read in the derived matrix and coverage a proxy trap
	data = $state.raw<ChainData | null>(null);
	/** The offers counted: the inventory's offers that exist today (edits count at once). */
	inventory = inventoryApp();
	geometry = $state.raw<AreaCollection | null>(null);
	parents = $state.raw<AreaCollection | undefined>(undefined);
	method = $state<LevelMethod>(DEFAULT_CHAIN_VIEW.method);
	measure = $state<CoverageMeasure>(DEFAULT_CHAIN_VIEW.measure);
	focus = $state<ChainPhase>(DEFAULT_CHAIN_VIEW.focus);
	sort = $state<MatrixSort>(DEFAULT_CHAIN_VIEW.sort);
	/** The view as the query string of its permalink. */
	search = $derived(chainSearch({ focus: this.focus, method: this.method, measure: this.measure, sort: this.sort }));

	keys = $derived(this.data?.areas.map((a) => a.key) ?? []);
	need = $derived(this.data ? this.data.need ?? needByPhase(this.data.indicators, this.data.values, this.keys) : new Map());
	coverage = $derived(this.data ? coverageByArea(this.inventory.currentOffers, this.keys, this.data.population) : new Map());
	placesPhases = $derived(phasesWithPlaces(this.inventory.currentOffers));
	/** Same minimum as the social index (Berlin MSS, Hamburg: 300 residents). */
	minPopulation = DEFAULT_MIN_POPULATION;
	residents = $derived(
		new Map((this.data?.population ?? []).filter((p) => p.age_group === 'insgesamt' && p.persons !== null).map((p) => [p.area_key, p.persons as number]))
	);
	/** Loaded, but no resident figures at all: the minimum cannot apply (and the page says so). */
	noPopulation = $derived(this.data !== null && this.residents.size === 0);
	rows = $derived<MatrixRow[]>(
		this.data
			? buildMatrix({
					areas: this.data.areas,
					need: this.need,
					coverage: this.coverage,
					method: this.method,
					measure: this.measure,
					placesPhases: this.placesPhases,
					population: this.residents.size ? this.residents : undefined,
					minPopulation: this.minPopulation
				})
			: []
	);
	sorted = $derived(
		[...this.rows].sort((a, b) =>
			this.sort === 'gaps' ? b.gaps - a.gaps || a.key.localeCompare(b.key) : this.sort === 'name' ? byName.compare(a.name, b.name) : a.key.localeCompare(b.key)
		)
	);
	/**
	 * SVG phase maps up to CANVAS_MIN_AREAS areas, canvas above. A test or benchmark may lower the
	 * threshold before the page starts (`window.__sozialraumChainCanvasMin`, like `__sozialraumMap`
	 * a hook for the browser tests; no URL parameter, so permalinks never carry it).
	 */
	canvasMin = (globalThis as { __sozialraumChainCanvasMin?: number }).__sozialraumChainCanvasMin ?? CANVAS_MIN_AREAS;
	renderer = $derived(phaseMapRenderer(this.geometry?.features.length ?? 0, this.canvasMin));
	/**
	 * Where each area's symbol goes on the SVG maps (lon/lat, well inside the polygon). Only the SVG
	 * maps read it ($derived is lazy): thousands of label points cost time the canvas maps do not need.
	 */
	labels = $derived(new Map((this.geometry?.features ?? []).map((f) => [f.properties.key, labelPoint(f.geometry)])));
	/** The canvas maps' outlines, projected once for all six phases. */
	projected = $derived(this.geometry && this.renderer === 'canvas' ? projectAreas(rewindForD3(this.geometry), this.parents ? rewindForD3(this.parents) : null) : null);
	/** Category per projected area and phase (the canvas maps' fills). */
	categories = $derived.by(() => {
		const out = new Map<ChainPhase, Category[]>();
		if (!this.projected) return out;
		const byKey = new Map(this.rows.map((r) => [r.key, r]));
		for (const p of CHAIN_PHASES) out.set(p, this.projected.areas.map((a) => byKey.get(a.key)?.cells[p].category ?? 'nodata'));
		return out;
	});

	/** Show the view a URL names (missing or unknown values: the defaults). */
	fromUrl(params: URLSearchParams) {
		this.set(parseChainView(params));
	}

	set(v: Partial<ChainView>) {
		if (v.focus) this.focus = v.focus;
		if (v.method) this.method = v.method;
		if (v.measure) this.measure = v.measure;
		if (v.sort) this.sort = v.sort;
	}

	indicatorsOf(phase: ChainPhase) {
		return this.data ? needIndicators(this.data.indicators, phase).filter((i) => this.data!.years[i.id] !== undefined) : [];
	}

	async start() {
		this.status = 'loading';
		try {
			// The offers (into the record store), the need file and the population are independent:
			// fetched one after another they added up at 20,000 areas (offers ≈ 3.5 s, population
			// 14.5 MB through the engine), so they are asked for together.
			const offers = this.inventory.start();
			const [engine, pre] = await Promise.all([getEngine(), getPrecomputed()]);
			const file = pre ? await pre.chain() : null;
			const [data] = await Promise.all([loadChainData(engine, pre && file ? { areas: pre.index.areas, file } : null), offers]);
			if (this.inventory.status === 'error') throw new Error(this.inventory.error);
			this.data = data;
			this.geometry = engine.geometry[engine.baseLevel];
			const parent = engine.descriptor.sozialraum.levels[1];
			this.parents = parent ? engine.geometry[parent.id] : undefined;
			this.status = 'ready';
		} catch (e) {
			this.error = (e as Error).message;
			this.status = 'error';
		}
	}
}

export { CHAIN_PHASES };
