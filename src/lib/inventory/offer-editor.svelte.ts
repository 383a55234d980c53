/**
 * Editing one offer on the offers page (runes): a draft copy, where it lies (a click on the map
 * sets the point and, from it, the area; choosing an area places it at the area's label point),
 * the problems the store found, and saving as one undoable change with the editor's name.
 */
import { areaAt, labelPoint } from '$lib/map/geo';
import { editorName } from '$lib/store/editor.svelte';
import { StoreError } from '$lib/store/record-store';
import type { InventoryApp } from './inventory.svelte';
import type { OfferRecord } from './offer-record';
import type { OfferIssue } from './validate';

export const EMPTY_OFFER: OfferRecord = {
	id: '', name: '', provider: '', category: '', life_phases: [], topics: [], area_key: '', lon: NaN, lat: NaN,
	places: null, address: '', description: '', valid_from: null, valid_to: null
};

export class OfferEditor {
	draft = $state<OfferRecord | null>(null);
	/** The draft is a new offer (not yet in the inventory). */
	isNew = $state(false);
	picking = $state(false);
	issues = $state.raw<OfferIssue[]>([]);
	failure = $state('');
	busy = $state(false);
	#app: InventoryApp;

	constructor(app: InventoryApp) {
		this.#app = app;
	}

	/** The draft's point, when it has one (for the map marker). */
	point = $derived<[number, number] | null>(this.draft && Number.isFinite(this.draft.lon) && Number.isFinite(this.draft.lat) ? [this.draft.lon, this.draft.lat] : null);

	startNew(areaKey = '') {
		this.draft = { ...EMPTY_OFFER, life_phases: [], topics: [] };
		this.isNew = true;
		this.#reset();
		if (areaKey) this.setArea(areaKey);
		this.picking = true;
	}

	startEdit(o: OfferRecord) {
		this.draft = structuredClone($state.snapshot(o)) as OfferRecord;
		this.isNew = false;
		this.#reset();
	}

	cancel() {
		this.draft = null;
		this.#reset();
	}

	#reset() {
		this.issues = [];
		this.failure = '';
		this.picking = false;
	}

	/** A click on the map: the point, and the area it lies in. */
	pick(lonLat: [number, number]) {
		if (!this.draft || !this.#app.areas) return;
		const key = areaAt(this.#app.areas, lonLat);
		if (key === null) {
			this.issues = [{ field: 'lon', key: 'inventory.err.outside' }];
			return;
		}
		this.draft = { ...this.draft, lon: lonLat[0], lat: lonLat[1], area_key: key };
		this.issues = this.issues.filter((i) => i.field !== 'lon' && i.field !== 'area_key');
		this.picking = false;
	}

	/** An area chosen in the form: keep the point if it lies there, else the area's label point. */
	setArea(key: string) {
		if (!this.draft || !this.#app.areas) return;
		const f = this.#app.areas.features.find((x) => x.properties.key === key);
		if (!f) return;
		const inside = this.point && areaAt(this.#app.areas, this.point) === key;
		const p = inside ? this.point : labelPoint(f.geometry);
		this.draft = { ...this.draft, area_key: key, lon: p ? p[0] : NaN, lat: p ? p[1] : NaN };
	}

	async save(): Promise<OfferRecord | null> {
		if (!this.draft || this.busy) return null;
		this.busy = true;
		this.failure = '';
		const d = { ...$state.snapshot(this.draft), name: this.draft.name.trim(), provider: this.draft.provider.trim() } as OfferRecord;
		try {
			const saved = this.isNew ? await this.#app.create(d, editorName.value) : (await this.#app.update(d, editorName.value), d);
			this.draft = null;
			this.#reset();
			return this.#app.get(saved.id) ?? saved;
		} catch (e) {
			if (e instanceof StoreError && e.issues.length) this.issues = e.issues as OfferIssue[];
			else this.failure = (e as Error).message;
			return null;
		} finally {
			this.busy = false;
		}
	}
}
