/**
 * State of the page "Eigene Indikatoren" (runes): the list, the form's catalogue and preview, and
 * every change, each checked by the engine first (a formula that does not compute changes
 * nothing), then stored (one undo step) and synced into the engine. One instance per tab.
 */
import { getEngine, onPackageChange } from '$lib/data/app-engine';
import type { DerivedCheck, PackageCatalogue } from '$lib/data/derived';
import { DerivedError } from '$lib/data/derived';
import type { MonitorEngine } from '$lib/data/engine';
import type { Indicator } from '$lib/data/types';
import type { Message as Label } from '$lib/store/message';
import type { Origin } from '$lib/store/record-store';
import { RESOURCE_NAME, RESOURCE_PATH } from './file-format';
import { newDerivedId, type DerivedRecord } from './model';
import { derivedSession, type DerivedSession } from './session';
import type { ImportResult } from './store';
import type { DerivedIssue } from './validate';

export type LoadStatus = 'loading' | 'ready' | 'error';

export interface DerivedItem {
	record: DerivedRecord;
	origin: Origin;
	/** What the engine made of it; null when it does not compute with this package. */
	indicator: Indicator | null;
	years: number[];
	failure: DerivedIssue[] | null;
}

export class DerivedApp {
	status = $state<LoadStatus>('loading');
	error = $state('');
	persistent = $state(true);
	packageName = $state('');
	/** German message when the package's derived.json could not be read. */
	packageProblem = $state('');
	items = $state.raw<DerivedItem[]>([]);
	catalogue = $state.raw<PackageCatalogue | null>(null);
	undoLabel = $state.raw<Label | null>(null);
	notice = $state.raw<{ main: Label; detail?: Label } | null>(null);

	#session: DerivedSession | null = null;
	#starting: Promise<void> | null = null;
	#watching = false;

	/** The package's own indicators (what parts can be). */
	partIndicators = $derived((this.catalogue?.indicators ?? []).filter((i) => !i.derived));

	start(): Promise<void> {
		if (!this.#watching) {
			this.#watching = true;
			onPackageChange(() => {
				getEngine().then((engine) => {
					if (this.#session && engine !== this.#session.engine) {
						this.#session = null;
						this.#starting = null;
						this.start();
					}
				}, () => undefined);
			});
		}
		this.#starting ??= this.#start().catch((e) => {
			this.#starting = null;
			this.error = (e as Error).message;
			this.status = 'error';
		});
		return this.#starting;
	}

	async #start() {
		this.status = 'loading';
		const engine = await getEngine();
		this.#session = await derivedSession(engine);
		this.persistent = this.#session.store.persistent;
		this.packageName = engine.descriptor.name;
		this.packageProblem = engine.derived.packageProblem;
		await this.#refresh();
		this.status = 'ready';
	}

	get engine(): MonitorEngine | null {
		return this.#session?.engine ?? null;
	}

	async #refresh() {
		const s = this.#session!;
		const [catalogue, indicators] = await Promise.all([s.engine.derived.catalogue(), s.engine.indicators()]);
		this.catalogue = catalogue;
		this.items = s.store.list().map((record) => ({
			record,
			origin: s.store.origin(record.id),
			indicator: indicators.find((i) => i.id === record.id && i.derived) ?? null,
			years: s.engine.derived.years(record.id) ?? [],
			failure: s.failures.get(record.id) ?? null
		}));
		this.undoLabel = s.store.undoLabel;
	}

	item(id: string): DerivedItem | undefined {
		return this.items.find((i) => i.record.id === id);
	}

	/** An id for a new indicator, free among the package's and the own ones. */
	newId(label: string): string {
		const taken = new Set([...(this.catalogue?.indicators.map((i) => i.id) ?? []), ...this.items.map((i) => i.record.id)]);
		return newDerivedId(label, taken);
	}

	/** Validate and compute, changing nothing (the form's preview). */
	check(record: DerivedRecord): Promise<DerivedCheck> {
		return this.#session!.engine.derived.check(record);
	}

	/**
	 * Store a new or edited indicator. Throws DerivedError (with the issues) when the engine refuses
	 * it; then nothing changed. Returns the stored record.
	 */
	async save(record: DerivedRecord, editing: boolean): Promise<DerivedRecord> {
		const s = this.#session!;
		const checked = await s.engine.derived.check(record);
		if (checked.issues.some((i) => i.severity === 'error')) throw new DerivedError(checked.issues);
		let stored = record;
		if (editing) await s.store.update(record);
		else stored = await s.store.create(record);
		await this.#changed({ key: editing ? 'derived.undo.update' : 'derived.undo.create', params: { id: stored.id } });
		return stored;
	}

	async remove(id: string) {
		await this.#session!.store.remove(id);
		await this.#changed({ key: 'derived.undo.remove', params: { id } });
	}

	async undo() {
		const label = await this.#session!.store.undo();
		await this.#session!.sync();
		await this.#refresh();
		this.notice = label ? { main: { key: 'derived.notice.undone' }, detail: label } : null;
	}

	/** Read a file of derived indicators and take them over (one undo step). Throws DerivedFileError. */
	async importFile(file: string, text: string): Promise<ImportResult> {
		const store = this.#session!.store;
		const result = await store.importRecords(file, store.decode(file, text));
		await this.#session!.sync();
		await this.#refresh();
		this.notice = { main: { key: 'derived.notice.imported', params: { file, added: result.added, unchanged: result.unchanged, copied: result.copied.length } } };
		return result;
	}

	/** The file to download: it can be imported again, or put into a data package as derived.json. */
	exportFile(): { name: string; text: string; type: string } {
		const stamp = new Date().toISOString().slice(0, 10);
		return { name: `eigene-indikatoren-${this.packageName}-${stamp}.json`, text: this.#session!.store.exportJson(), type: 'application/json' };
	}

	/** The resource entry a package's datapackage.json needs to carry the exported file. */
	get resourceSnippet(): string {
		return JSON.stringify({ name: RESOURCE_NAME, path: RESOURCE_PATH, format: 'json', mediatype: 'application/json', encoding: 'utf-8' });
	}

	async #changed(main: Label) {
		await this.#session!.sync();
		await this.#refresh();
		this.notice = { main };
	}
}

let app: DerivedApp | null = null;

export function derivedApp(): DerivedApp {
	app ??= new DerivedApp();
	return app;
}
