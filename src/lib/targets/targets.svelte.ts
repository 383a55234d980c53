/**
 * State of the targets pages (runes), shared by the overview, the detail page and the panel for the
 * atlas: one instance per browser tab, so an undo offered after a delete on the detail page is still
 * there on the overview. The engine and IndexedDB are touched only from start(), never at import.
 */
import { getEngine, onPackageChange } from '$lib/data/app-engine';
import type { AreaInfo, MonitorEngine, SeriesPoint } from '$lib/data/engine';
import type { Indicator } from '$lib/data/types';
import { assessTarget, type Assessment } from './assess';
import { seriesKey, type TargetRecord } from './model';
import { scopeReferenceKind, scopeSeries } from './scope';
import type { ReferenceKind } from '$lib/stats/reference-label';
import type { ConflictChoice, ImportPlan, ImportResult, Origin, TargetStore } from './store';
import type { TargetContext } from './validate';
import { openTargets } from './open';
import type { Message } from './file-format';

export type LoadStatus = 'loading' | 'ready' | 'error';
type Scope = Pick<TargetRecord, 'indicator_id' | 'scope_type' | 'scope_keys'>;

export class TargetsApp {
	status = $state<LoadStatus>('loading');
	error = $state('');
	indicators = $state.raw<Indicator[]>([]);
	areas = $state.raw<AreaInfo[]>([]);
	territory = $state('');
	packageName = $state('');
	list = $state.raw<TargetRecord[]>([]);
	origins = $state.raw<Record<string, Origin>>({});
	/** Series by seriesKey(); filled as targets need them. */
	series = $state.raw<Record<string, SeriesPoint[]>>({});
	/** By seriesKey(): the mean of shares a city or Stadtbezirk target is measured on instead of a pooled value (absent = pooled). */
	referenceKinds = $state.raw<Record<string, ReferenceKind>>({});
	persistent = $state(true);
	undoLabel = $state.raw<Message | null>(null);
	/** Last thing that happened, read out by a live region: "Ziel Z-1 gelöscht", "Rückgängig gemacht: …". */
	notice = $state.raw<{ main: Message; detail?: Message } | null>(null);
	context = $state.raw<TargetContext | null>(null);

	#engine: MonitorEngine | null = null;
	#store: TargetStore | null = null;
	#starting: Promise<void> | null = null;
	#watching = false;

	#restart() {
		this.#engine = null;
		this.#store = null;
		this.#starting = null;
		this.series = {};
		this.list = [];
		this.undoLabel = null;
		this.notice = null;
		this.start();
	}

	assessments = $derived.by(() => {
		const out: Record<string, Assessment | null> = {};
		for (const t of this.list) {
			const s = this.series[seriesKey(t)];
			const ind = this.indicator(t.indicator_id);
			out[t.id] = s && ind ? assessTarget(t, s, ind) : null;
		}
		return out;
	});

	indicator(id: string): Indicator | undefined {
		return this.indicators.find((i) => i.id === id);
	}

	start(): Promise<void> {
		// Another data package loaded (a municipality's own import): its targets, its storage.
		if (!this.#watching) {
			this.#watching = true;
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

	async #start() {
		this.status = 'loading';
		const engine = await getEngine();
		const opened = await openTargets(engine);
		this.#store = opened.store;
		this.#engine = engine;
		this.indicators = opened.indicators;
		this.areas = opened.areas;
		this.context = opened.context;
		this.territory = engine.descriptor.sozialraum.territory_de;
		this.packageName = engine.descriptor.name;
		this.persistent = opened.store.persistent;
		await this.#sync();
		this.status = 'ready';
	}

	/** Copy the store's state into runes and fetch the series new targets need. */
	async #sync() {
		const store = this.#store!;
		this.list = store.list();
		this.origins = Object.fromEntries(this.list.map((t) => [t.id, store.origin(t.id)]));
		this.undoLabel = store.undoLabel;
		await Promise.all(this.list.map((t) => this.seriesFor(t)));
	}

	/** The series of a scope (cached). */
	async seriesFor(scope: Scope): Promise<SeriesPoint[]> {
		const key = seriesKey(scope);
		const cached = this.series[key];
		if (cached) return cached;
		if (!this.#engine) return [];
		const [s, kind] = await Promise.all([scopeSeries(this.#engine, scope), scopeReferenceKind(this.#engine, scope)]);
		if (kind) this.referenceKinds = { ...this.referenceKinds, [key]: kind };
		this.series = { ...this.series, [key]: s };
		return s;
	}

	get(id: string): TargetRecord | undefined {
		return this.list.find((t) => t.id === id);
	}

	async create(t: TargetRecord): Promise<TargetRecord> {
		const made = await this.#store!.create(t);
		await this.#done({ key: 'targets.undo.create', params: { id: made.id } });
		return made;
	}

	async update(t: TargetRecord) {
		await this.#store!.update(t);
		await this.#done({ key: 'targets.undo.update', params: { id: t.id } });
	}

	async remove(id: string) {
		await this.#store!.remove(id);
		await this.#done({ key: 'targets.undo.remove', params: { id } });
	}

	async removeAll() {
		const n = await this.#store!.removeAll();
		await this.#done({ key: 'targets.undo.removeAll', params: { n } });
	}

	async undo() {
		const label = await this.#store!.undo();
		await this.#sync();
		this.notice = label ? { main: { key: 'targets.notice.undone' }, detail: label } : null;
	}

	prepareImport(file: string, text: string): ImportPlan {
		return this.#store!.prepareImport(file, text);
	}

	async commitImport(plan: ImportPlan, choices: Record<string, ConflictChoice>): Promise<ImportResult> {
		const result = await this.#store!.commitImport(plan, choices);
		await this.#done({ key: 'targets.notice.imported', params: { ...result, file: plan.file } });
		return result;
	}

	exportFile(format: 'json' | 'csv'): { name: string; text: string; type: string } {
		const stamp = new Date().toISOString().slice(0, 10);
		const name = `feinziele-${this.packageName}-${stamp}.${format}`;
		return format === 'json'
			? { name, text: this.#store!.exportJson(), type: 'application/json' }
			: { name, text: this.#store!.exportCsv(), type: 'text/csv' };
	}

	async #done(main: Message) {
		await this.#sync();
		this.notice = { main };
	}
}

let app: TargetsApp | null = null;

/** The tab's single instance (created on first use, in the browser). */
export function targetsApp(): TargetsApp {
	app ??= new TargetsApp();
	return app;
}
