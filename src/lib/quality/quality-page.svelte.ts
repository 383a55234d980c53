/**
 * State of the data-quality page (runes): the report, the planner's filters, and what the table
 * and the overview show. All checks run in src/lib/quality (pure) on data from
 * src/lib/data/analysis/quality-data.ts.
 *
 * Where the report comes from: for the built-in package at the default minimum denominator, the
 * build's stored report (pre/quality.json, pipelines/serve/precompute-quality.ts: the same
 * computation, done once); otherwise the engine — every indicator at once for a city's package
 * (kept, so another minimum is recomputed at once), one indicator at a time above that.
 */
import { getEngine, getPrecomputed } from '$lib/data/app-engine';
import type { Indicator } from '$lib/data/types';
import { computeQuality, fitsAllAtOnce, loadQualityInput } from '$lib/data/analysis/quality-data';
import { chanceThreshold, qualityResult, type QualityInput, type QualityResult } from './report';
import { restoreQuality } from './stored';
import { DEFAULT_QUALITY_VIEW, parseQualityView, qualitySearch, type QualityView } from './url-state';

export class QualityPage {
	status = $state<'loading' | 'ready' | 'error'>('loading');
	error = $state('');
	result = $state.raw<QualityResult | null>(null);
	/** Where the shown report came from. */
	source = $state<'stored' | 'computed' | ''>('');
	/** While a report for another minimum is computed: steps done of all (one indicator at a time). */
	progress = $state<{ done: number; total: number } | null>(null);
	view = $state<QualityView>({ ...DEFAULT_QUALITY_VIEW });
	#stored: QualityResult | null | undefined;
	#input: QualityInput | null = null;
	#run = 0;

	report = $derived(this.result?.report ?? null);
	indicatorList = $derived(this.result?.indicators ?? []);
	indicators = $derived(new Map(this.indicatorList.map((i) => [i.id, i] as [string, Indicator])));
	findings = $derived(
		(this.report?.findings ?? []).filter(
			(f) =>
				(this.view.severity === 'all' || f.severity === this.view.severity) &&
				(!this.view.check || f.check === this.view.check) &&
				(!this.view.indicator || f.indicator_id === this.view.indicator)
		)
	);
	counts = $derived({
		warnings: (this.report?.findings ?? []).filter((f) => f.severity === 'warning').length,
		info: (this.report?.findings ?? []).filter((f) => f.severity === 'info').length
	});
	cells = $derived(this.result?.cells ?? 0);
	chanceZ = $derived(chanceThreshold(this.cells));
	years = $derived([...new Set([...(this.report?.coverage.values() ?? [])].flat().map((c) => c.year))].sort((a, b) => a - b));
	search = $derived(qualitySearch(this.view));

	areaName = (key: string) => this.result?.names.get(key) ?? key;

	async start(params: URLSearchParams): Promise<void> {
		this.status = 'loading';
		try {
			if (this.#stored === undefined) {
				const file = await (await getPrecomputed())?.quality();
				this.#stored = file ? restoreQuality(file) : null;
			}
			const indicators = this.#stored?.indicators ?? (await (await getEngine()).indicators());
			this.view = { ...this.view, ...parseQualityView(params, indicators.map((i) => i.id)) };
			await this.#compute();
			this.status = 'ready';
		} catch (e) {
			this.error = (e as Error).message;
			this.status = 'error';
		}
	}

	fromUrl(params: URLSearchParams): void {
		if (!this.result) return;
		this.set(parseQualityView(params, this.result.indicators.map((i) => i.id)));
	}

	set(v: Partial<QualityView>): void {
		this.view = { ...this.view, ...v };
		if (this.result && this.view.minDenominator !== this.result.minDenominator) {
			this.#compute().catch((e) => {
				this.error = (e as Error).message;
				this.status = 'error';
			});
		}
	}

	async #compute(): Promise<void> {
		const run = ++this.#run;
		const min = this.view.minDenominator;
		const result = await this.#resultFor(min, run);
		// a newer minimum was asked for meanwhile: that one's report is shown
		if (run !== this.#run) return;
		this.result = result;
		this.source = result === this.#stored ? 'stored' : 'computed';
		this.progress = null;
	}

	async #resultFor(min: number, run: number): Promise<QualityResult> {
		if (this.#stored && this.#stored.minDenominator === min) return this.#stored;
		if (this.#input) return qualityResult(this.#input, min);
		const engine = await getEngine();
		if (await fitsAllAtOnce(engine)) {
			this.#input = await loadQualityInput(engine);
			return qualityResult(this.#input, min);
		}
		this.progress = { done: 0, total: 1 };
		return computeQuality(engine, min, (done, total) => {
			if (run === this.#run) this.progress = { done, total };
		});
	}
}
