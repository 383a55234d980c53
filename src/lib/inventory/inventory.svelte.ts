/**
 * The offer inventory as page state, one per browser tab: the offers page edits it, the matrix
 * (/kette/) and the offers map count what it holds today, the Steckbrief and the targets read it.
 * Opened on the package's own IndexedDB database, in memory where the browser refuses storage
 * (the page then says that changes are not kept).
 */
import type { AreaCollection, MonitorEngine } from '$lib/data/engine';
import type { Offer } from '$lib/data/types';
import { StoreApp } from '$lib/store/store-app.svelte';
import { MemoryStorage, type EntryStorage } from '$lib/store/storage';
import { newOfferId, today, toOffer, validOn, type OfferRecord } from './offer-record';
import { planOfferImport, resolveOfferImport, type ImportChoice, type Match, type OfferImportPlan, type OfferImportResult } from './plan-import';
import { readOffers, type ReadResult } from './read-offers';
import { offersCsv, openOfferStorage, openOfferStore } from './store';
import type { OfferIssue } from './validate';

export class InventoryApp extends StoreApp<OfferRecord, OfferIssue> {
	/** Finest level's geometry: where offers lie. */
	areas = $state.raw<AreaCollection | null>(null);
	/** The day "current" refers to (today; a spec or a permalink could set another). */
	day = $state(today());
	/** Offers that exist on `day`: what the matrix and the map count. */
	current = $derived(this.list.filter((o) => validOn(o, this.day)));
	currentOffers = $derived<Offer[]>(this.current.map(toOffer));
	/** Offers that ended before `day` or start after it. */
	inactive = $derived(this.list.length - this.current.length);

	protected async open(engine: MonitorEngine) {
		let storage: EntryStorage<OfferRecord>;
		try {
			storage = await openOfferStorage(engine.descriptor.name);
		} catch {
			storage = new MemoryStorage<OfferRecord>();
		}
		const areaKeys = new Set(engine.geometry[engine.baseLevel].features.map((f) => f.properties.key));
		return openOfferStore(storage, await engine.offers(), { areaKeys });
	}

	protected override async prepare(engine: MonitorEngine) {
		this.areas = engine.geometry[engine.baseLevel];
	}

	/** End an offer: its last day is `lastDay` (kept in the inventory, with its history). */
	retire(id: string, lastDay: string, by = ''): Promise<void> {
		const o = this.get(id);
		if (!o) return Promise.reject(new Error(id));
		return this.update({ ...o, valid_to: lastDay }, by);
	}

	/** Read a file and plan the import against the inventory now; changes nothing. */
	readImport(file: string, bytes: Uint8Array): { read: ReadResult; plan: OfferImportPlan | null } {
		const read = readOffers(file, bytes, { areas: this.areas! });
		const plan = read.problems.some((p) => p.severity === 'error') ? null : planOfferImport(read, this.list);
		return { read, plan };
	}

	/** Apply a plan with one choice per conflict and duplicate, as one undo step. */
	async commitImport(plan: OfferImportPlan, choices: Record<string, ImportChoice>, by = ''): Promise<{ result: OfferImportResult; missing: Match[] }> {
		const { put, result, missing } = resolveOfferImport(plan, choices, newOfferId, this.store.taken());
		if (missing.length) return { result, missing };
		if (put.length) await this.putMany(put, { key: 'inventory.undo.import', params: { file: plan.file, ...result } }, by);
		return { result, missing };
	}

	exportFile(): { name: string; text: string } {
		return { name: `offers-${this.packageName}-${today()}.csv`, text: offersCsv(this.list) };
	}
}

let app: InventoryApp | null = null;

/** The tab's single instance (created on first use, in the browser). */
export function inventoryApp(): InventoryApp {
	app ??= new InventoryApp();
	return app;
}
