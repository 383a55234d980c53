/**
 * State of the offers page (runes): the offers, the filters, the selected offer, and what map, list
 * and per-area table show. The page stays a thin composition.
 */
import { getEngine } from '$lib/data/app-engine';
import type { AreaCollection } from '$lib/data/engine';
import type { LifePhase, Offer } from '$lib/data/types';
import { LIFE_PHASES } from '$lib/data/types';
import { populationForYear, populationYears } from '$lib/data/chain-queries';
import { countsByArea, facets, filterOffers, NO_FILTER, offersGeoJson, type OfferFilter } from './offers';

/** Age groups under 18 in population.csv: the base of "offers per 1,000 under 18". */
const UNDER_18 = ['0_2', '3_5', '6_9', '10_15', '16_17'];

export class OffersPage {
	status = $state<'loading' | 'ready' | 'error'>('loading');
	error = $state('');
	offers = $state.raw<Offer[]>([]);
	areas = $state.raw<AreaCollection | null>(null);
	parents = $state.raw<AreaCollection | undefined>(undefined);
	under18 = $state<Map<string, number>>(new Map());
	filter = $state<OfferFilter>({ ...NO_FILTER });
	selected = $state<string | null>(null);

	filtered = $derived(filterOffers(this.offers, this.filter));
	facets = $derived(facets(this.offers));
	/** Per-area counts ignore the area filter: the table compares the areas. */
	counts = $derived(countsByArea(filterOffers(this.offers, { ...this.filter, area: '' })));
	points = $derived(offersGeoJson(this.filtered));
	/** Which offers the map shows, compactly: count plus first and last id. */
	signature = $derived(`${this.filtered.length}|${this.filtered[0]?.id ?? ''}|${this.filtered.at(-1)?.id ?? ''}|${JSON.stringify(this.filter)}`);
	names = $derived(new Map((this.areas?.features ?? []).map((f) => [f.properties.key, f.properties.name])));
	current = $derived(this.offers.find((o) => o.id === this.selected) ?? null);

	async start(params: URLSearchParams) {
		this.status = 'loading';
		try {
			const engine = await getEngine();
			const [offers, years] = await Promise.all([engine.offers(), populationYears(engine)]);
			const pop = years.length ? await populationForYear(engine, years[years.length - 1]) : [];
			const under18 = new Map<string, number>();
			const withheld = new Set(pop.filter((p) => UNDER_18.includes(p.age_group) && p.persons === null).map((p) => p.area_key));
			for (const p of pop) if (UNDER_18.includes(p.age_group) && p.persons !== null) under18.set(p.area_key, (under18.get(p.area_key) ?? 0) + p.persons);
			for (const k of withheld) under18.delete(k); // a partial sum would look like a real count
			this.offers = offers;
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

	/** Links from the matrix open the page filtered: ?lebensphase=u3&sozialraum=0603. */
	fromUrl(params: URLSearchParams) {
		const phase = params.get('lebensphase') ?? '';
		const area = params.get('sozialraum') ?? '';
		this.filter = {
			...this.filter,
			phase: (LIFE_PHASES as readonly string[]).includes(phase) ? (phase as LifePhase) : '',
			area: this.names.has(area) ? area : ''
		};
	}

	set(patch: Partial<OfferFilter>) {
		this.filter = { ...this.filter, ...patch };
	}

	reset() {
		this.filter = { ...NO_FILTER };
	}
}
