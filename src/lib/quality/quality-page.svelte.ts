/**
 * State of the data-quality page (runes): the report from the engine's published data, the
 * planner's filters, and what the table and the overview show. All checks run in
 * src/lib/quality (pure) on data from src/lib/data/analysis/quality-data.ts.
 */
import { getEngine } from '$lib/data/app-engine';
import type { Indicator } from '$lib/data/types';
import { loadQualityInput } from '$lib/data/analysis/quality-data';
import { chanceThreshold, qualityReport, type QualityInput, type QualityReport } from './report';
import { DEFAULT_QUALITY_VIEW, parseQualityView, qualitySearch, type QualityView } from './url-state';

export class QualityPage {
	status = $state<'loading' | 'ready' | 'error'>('loading');
	error = $state('');
	input = $state.raw<QualityInput | null>(null);
	report = $state.raw<QualityReport | null>(null);
	view = $state<QualityView>({ ...DEFAULT_QUALITY_VIEW });
	#computedFor = -1;

	indicators = $derived(new Map((this.input?.indicators ?? []).map((i) => [i.id, i] as [string, Indicator])));
	names = $derived(new Map((this.input?.areas ?? []).map((a) => [a.key, a.name])));
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
	cells = $derived((this.input?.observations ?? []).filter((o) => o.value !== null && o.flag !== 'suppressed' && o.flag !== 'missing').length);
	chanceZ = $derived(chanceThreshold(this.cells));
	years = $derived([...new Set([...(this.report?.coverage.values() ?? [])].flat().map((c) => c.year))].sort((a, b) => a - b));
	search = $derived(qualitySearch(this.view));

	areaName = (key: string) => this.names.get(key) ?? key;

	async start(params: URLSearchParams): Promise<void> {
		this.status = 'loading';
		try {
			const engine = await getEngine();
			this.input = await loadQualityInput(engine);
			this.fromUrl(params);
			this.#compute();
			this.status = 'ready';
		} catch (e) {
			this.error = (e as Error).message;
			this.status = 'error';
		}
	}

	fromUrl(params: URLSearchParams): void {
		if (!this.input) return;
		this.set(parseQualityView(params, this.input.indicators.map((i) => i.id)));
	}

	set(v: Partial<QualityView>): void {
		this.view = { ...this.view, ...v };
		if (this.input && this.view.minDenominator !== this.#computedFor) this.#compute();
	}

	#compute(): void {
		this.report = qualityReport(this.input!, { minDenominator: this.view.minDenominator });
		this.#computedFor = this.view.minDenominator;
	}
}
