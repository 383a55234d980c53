/**
 * State of the SQL console page (runes): the planner's query, the run (cancellable), its result
 * and how it is shown. The engine work lives in src/lib/data/analysis (ConsoleSession); this class
 * only holds what the page shows.
 */
import { getEngine, onPackageChange } from '$lib/data/app-engine';
import type { AreaCollection, AreaInfo } from '$lib/data/engine';
import type { ConsoleRunResult } from '$lib/data/analysis/session';
import { ConsoleSession, TIMEOUT_MS } from '$lib/data/analysis/session';
import { exampleQueries, type ExampleQuery } from '$lib/data/analysis/examples';
import type { ConsoleView as DocView } from '$lib/data/analysis/views';
import { describeFailure, type Failure } from './failure';
import { canMap, chartKind, defaultValueColumn, resultShape } from './result-shape';
import { consoleSearch, type ResultView } from './url-state';

export const PAGE_SIZE = 50;

export class ConsolePage {
	status = $state<'loading' | 'ready' | 'error'>('loading');
	error = $state('');
	text = $state('');
	running = $state(false);
	result = $state.raw<ConsoleRunResult | null>(null);
	failure = $state.raw<Failure | null>(null);
	view = $state<ResultView>('table');
	/** Name of the value column chart and map show ("" = default). */
	column = $state('');
	page = $state(0);
	docs = $state.raw<DocView[]>([]);
	viewRows = $state.raw(new Map<string, number>());
	areas = $state.raw<AreaInfo[]>([]);
	geometry = $state.raw<AreaCollection | null>(null);
	parents = $state.raw<AreaCollection | undefined>(undefined);
	examples = $state.raw<ExampleQuery[]>([]);
	/** The query text the shown result belongs to (the permalink writes this one). */
	ranText = $state('');

	keys = $derived(new Set(this.areas.map((a) => a.key)));
	shape = $derived(this.result ? resultShape(this.result, this.keys) : null);
	chart = $derived(this.shape ? chartKind(this.shape) : null);
	mappable = $derived(this.shape ? canMap(this.shape) : false);
	/** Index of the value column shown by chart and map. */
	valueColumn = $derived.by(() => {
		if (!this.shape || !this.result) return null;
		const named = this.result.columns.findIndex((c) => c.name === this.column);
		return named >= 0 && this.shape.valueColumns.includes(named) ? named : defaultValueColumn(this.shape);
	});
	/** What the page shows: a view that does not fit the result falls back to the table. */
	shown = $derived<ResultView>(this.view === 'map' && !this.mappable ? 'table' : this.view === 'chart' && !this.chart ? 'table' : this.view);
	pages = $derived(this.result ? Math.max(1, Math.ceil(this.result.rows.length / PAGE_SIZE)) : 1);
	search = $derived(consoleSearch({ sql: this.ranText, view: this.view, column: this.column }));

	#session: ConsoleSession | null = null;
	#cancel: (() => void) | null = null;
	#off: (() => void) | null = null;

	async start(): Promise<void> {
		this.status = 'loading';
		try {
			const engine = await getEngine();
			const { createBrowserConsoleConnector } = await import('$lib/data/connector-browser');
			this.#session?.close();
			this.#session = new ConsoleSession(engine, () => createBrowserConsoleConnector());
			await this.#session.ready();
			this.docs = this.#session.views;
			this.viewRows = this.#session.rows;
			this.areas = (await engine.areas()).filter((a) => a.level === engine.baseLevel);
			this.geometry = engine.geometry[engine.baseLevel];
			const parent = engine.descriptor.sozialraum.levels[1];
			this.parents = parent ? engine.geometry[parent.id] : undefined;
			this.examples = exampleQueries(engine.descriptor.sozialraum.default_indicator);
			this.#off ??= onPackageChange(() => void this.start());
			this.status = 'ready';
		} catch (e) {
			this.error = (e as Error).message;
			this.status = 'error';
		}
	}

	async run(): Promise<void> {
		if (!this.#session || this.running) return;
		const text = this.text;
		this.running = true;
		this.failure = null;
		const handle = this.#session.run(text);
		this.#cancel = handle.cancel;
		try {
			this.result = await handle.result;
			this.page = 0;
		} catch (e) {
			this.result = null;
			this.failure = describeFailure(e, TIMEOUT_MS);
		} finally {
			this.ranText = text;
			this.running = false;
			this.#cancel = null;
		}
	}

	cancel(): void {
		this.#cancel?.();
	}

	destroy(): void {
		this.#off?.();
		this.#cancel?.();
		void this.#session?.close();
	}
}
