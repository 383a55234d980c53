/**
 * A record store as page state (runes): one instance per kind and browser tab, so an undo offered
 * on one page is still there on the next. Opens on first start() (engine and IndexedDB are touched
 * only then, never at import or during prerender) and again when another data package is loaded.
 * Every change updates the lists and a notice a live region reads out.
 */
import { getEngine, onPackageChange } from '$lib/data/app-engine';
import type { MonitorEngine } from '$lib/data/engine';
import type { HistoryItem } from './history';
import type { Message } from './message';
import type { Conflict, Origin, RecordIssue, RecordStore } from './record-store';

export type LoadStatus = 'loading' | 'ready' | 'error';

export abstract class StoreApp<T extends { id: string }, I extends RecordIssue = RecordIssue> {
	status = $state<LoadStatus>('loading');
	error = $state('');
	list = $state.raw<T[]>([]);
	origins = $state.raw<Record<string, Origin>>({});
	changeCount = $state(0);
	conflicts = $state.raw<Conflict<T>[]>([]);
	persistent = $state(true);
	undoLabel = $state.raw<Message | null>(null);
	/** Last thing that happened, read out by a live region. */
	notice = $state.raw<{ main: Message; detail?: Message } | null>(null);
	packageName = $state('');
	/** Counts every change of the list (a cheap signature for views that must redraw). */
	revision = $state(0);

	#store: RecordStore<T, I> | null = null;
	#engine: MonitorEngine | null = null;
	#starting: Promise<void> | null = null;
	#watching = false;

	/** The engine the store was opened on (null before start). */
	get engine(): MonitorEngine | null {
		return this.#engine;
	}

	get store(): RecordStore<T, I> {
		if (!this.#store) throw new Error('store not started');
		return this.#store;
	}

	start(): Promise<void> {
		if (!this.#watching) {
			this.#watching = true;
			// Another data package loaded (a municipality's own import): its records, its storage.
			onPackageChange(() => {
				getEngine().then((engine) => {
					if (this.#engine && engine !== this.#engine) this.#restart();
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

	#restart() {
		this.#engine = null;
		this.#store = null;
		this.#starting = null;
		this.list = [];
		this.undoLabel = null;
		this.notice = null;
		this.start();
	}

	async #start() {
		this.status = 'loading';
		const engine = await getEngine();
		await this.prepare(engine);
		this.#store = await this.open(engine);
		this.#engine = engine;
		this.packageName = engine.descriptor.name;
		this.persistent = this.#store.persistent;
		this.sync();
		this.status = 'ready';
	}

	/** Open this kind's store on the package's storage (runs after prepare). */
	protected abstract open(engine: MonitorEngine): Promise<RecordStore<T, I>>;

	/** What a kind loads besides its store (areas, geometry); runs before the store opens. */
	protected async prepare(_engine: MonitorEngine): Promise<void> {}

	/** Copy the store's state into runes. */
	protected sync() {
		const s = this.store;
		this.list = s.list();
		this.origins = Object.fromEntries(this.list.map((t) => [t.id, s.origin(t.id)]));
		this.changeCount = s.changeCount;
		this.conflicts = s.conflicts();
		this.undoLabel = s.undoLabel;
		this.revision++;
	}

	get(id: string): T | undefined {
		return this.list.find((t) => t.id === id);
	}

	history(id: string): HistoryItem[] {
		return this.#store?.history(id) ?? [];
	}

	async create(t: T, by = ''): Promise<T> {
		const made = await this.store.create(t, by);
		this.#done({ key: this.store.labels.create, params: { id: made.id } });
		return made;
	}

	async update(t: T, by = ''): Promise<void> {
		await this.store.update(t, by);
		this.#done({ key: this.store.labels.update, params: { id: t.id } });
	}

	async remove(id: string, by = ''): Promise<void> {
		await this.store.remove(id, by);
		this.#done({ key: this.store.labels.remove, params: { id } });
	}

	async putMany(records: readonly T[], label: Message, by = ''): Promise<number> {
		const n = await this.store.putMany(records, label, by);
		this.#done(label);
		return n;
	}

	async resolveConflicts(choices: Record<string, 'mine' | 'theirs'>, by = ''): Promise<void> {
		const n = await this.store.resolveConflicts(choices, by);
		this.#done({ key: this.store.labels.resolve, params: { n } });
	}

	async undo() {
		const label = await this.store.undo();
		this.sync();
		this.notice = label ? { main: { key: 'targets.notice.undone' }, detail: label } : null;
	}

	#done(main: Message) {
		this.sync();
		this.notice = { main };
	}
}
