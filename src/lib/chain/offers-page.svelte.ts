/**
 * State of the offers page (runes): the offers of the inventory (the package's, with this
 * browser's changes; by default those that exist today), the filters, the selected offer, and what
 * map, list and per-area table show. The page stays a thin composition.
 */
import { getEngine } from '$lib/data/app-engine';
import type { AreaCollection } from '$lib/data/engine';
import type { Offer } from '$lib/data/types';
import { populationForYear, populationYears } from '$lib/data/chain-queries';
import { countsByArea, facets, filterOffers, NO_FILTER, offersGeoJson, type OfferFilter } from './offers';
import { offersSearch, parseOffersView, type OffersUrlContext } from './offers-url';
import { inventoryApp } from '$lib/inventory/inventory.svelte';
import { toOffer } from '$lib/inventory/offer-record';
import { pageOf, pageRows } from '$lib/ui/paging';

/** Age groups under 18 in population.csv: the base of "offers per 1,000 under 18". */
const UNDER_18 = ['0_2', '3_5', '6_9', '10_15', '16_17'];

export class OffersPage {
	status = $state<'loading' | 'ready' | 'error'>('loading');
	error = $state('');
	inventory = inventoryApp();
	/** Also list offers that ended or have not started yet. */
	showInactive = $state(false);
	/** Every offer of the inventory, ended ones included (the list and the detail may show them). */
	all = $derived<Offer[]>(this.inventory.list.map(toOffer));
	offers = $derived<Offer[]>(this.showInactive ? this.all : this.inventory.currentOffers);
	areas = $state.raw<AreaCollection | null>(null);
	parents = $state.raw<AreaCollection | undefined>(undefined);
	under18 = $state<Map<string, number>>(new Map());
	filter = $state<OfferFilter>({ ...NO_FILTER });
	selected = $state<string | null>(null);

	filtered = $derived(filterOffers(this.offers, this.filter));
	/**
	 * The list shows one page of the filtered offers (100; 20,000 buttons would take seconds to
	 * build and to search by the browser), the map all of them.
	 */
	listPage = $state(1);
	listRows = $derived(pageRows(this.filtered, this.listPage));
	facets = $derived(facets(this.offers));
	/** Per-area counts ignore the area filter: the table compares the areas. */
	counts = $derived(countsByArea(filterOffers(this.offers, { ...this.filter, area: '' })));
	points = $derived(offersGeoJson(this.filtered));
	/** Which offers the map shows, compactly: count plus first and last id. */
	signature = $derived(`${this.filtered.length}|${this.filtered[0]?.id ?? ''}|${this.filtered.at(-1)?.id ?? ''}|${JSON.stringify(this.filter)}|${this.inventory.revision}`);
	names = $derived(new Map((this.areas?.features ?? []).map((f) => [f.properties.key, f.properties.name])));
	current = $derived(this.inventory.get(this.selected ?? '') ?? null);

	async start(params: URLSearchParams) {
		this.status = 'loading';
		try {
			// The offers (into the record store) and the population are independent: asked for together
			// (at 20,000 areas each takes seconds).
			const offers = this.inventory.start();
			const engine = await getEngine();
			const population = populationYears(engine).then((years) => (years.length ? populationForYear(engine, years[years.length - 1]) : []));
			const [, pop] = await Promise.all([offers, population]);
			if (this.inventory.status === 'error') throw new Error(this.inventory.error);
			const under18 = new Map<string, number>();
			const withheld = new Set(pop.filter((p) => UNDER_18.includes(p.age_group) && p.persons === null).map((p) => p.area_key));
			for (const p of pop) if (UNDER_18.includes(p.age_group) && p.persons !== null) under18.set(p.area_key, (under18.get(p.area_key) ?? 0) + p.persons);
			for (const k of withheld) under18.delete(k); // a partial sum would look like a real count
			this.under18 = under18;
			this.areas = engine.geometry[engine.baseLevel];
			const parent = engine.descriptor.sozialraum.levels[1];
			this.parents = parent ? engine.geometry[parent.id] : undefined;
			this.fromUrl(params);
			this.status = 'ready';
		} catch (e) {
			this.error = (e as Error).message;
			this.status = 'error';
		}
	}

	/** The view as the query string of its permalink (filters, search, selected offer). */
	search = $derived(offersSearch({ filter: this.filter, selected: this.selected, inactive: this.showInactive }));

	/**
	 * Show the view a URL names: links from the matrix (?lebensphase=u3&sozialraum=0603), copied
	 * permalinks, back/forward. Unknown values mean "all". Nothing changes when the URL already
	 * describes this view (the page calls this after its own URL changes too).
	 */
	fromUrl(params: URLSearchParams) {
		const v = parseOffersView(params, this.#urlContext());
		if (offersSearch(v) === this.search) return;
		this.filter = v.filter;
		this.listPage = 1;
		this.selected = v.selected;
		this.showInactive = v.inactive ?? false;
	}

	/** The query string a URL's view has once unknown values are dropped. */
	canonical(params: URLSearchParams): string {
		return offersSearch(parseOffersView(params, this.#urlContext()));
	}

	#urlContext(): OffersUrlContext {
		return { areaKeys: new Set(this.names.keys()), topics: this.facets.topics, providers: this.facets.providers, offerIds: new Set(this.all.map((o) => o.id)) };
	}

	set(patch: Partial<OfferFilter>) {
		this.filter = { ...this.filter, ...patch };
		this.listPage = 1;
	}

	reset() {
		this.filter = { ...NO_FILTER };
		this.listPage = 1;
	}

	/** Turn the list to the page with this offer (chosen on the map, just saved, or from a link). */
	reveal(id: string | null) {
		if (!id) return;
		const page = pageOf(this.filtered.findIndex((o) => o.id === id), this.filtered.length);
		if (page !== null) this.listPage = page;
	}
}
