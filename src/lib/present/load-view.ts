/**
 * The data behind a slide, loaded from its URL through the same state classes and engine calls the
 * page of that view uses (ProfileState, IndicatorPageState, the targets app, the index loader), so
 * a slide shows today's data with exactly the numbers, classes and suppression of the page. Nothing
 * here reads the data another way: disclosure control stays in the engine.
 */
import type { Atlas } from '$lib/atlas/atlas.svelte';
import type { AreaCollection } from '$lib/data/engine';
import type { Indicator } from '$lib/data/types';
import { getEngine } from '$lib/data/app-engine';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import { ProfileState } from '$lib/profile/profile.svelte';
import { IndicatorPageState } from '$lib/profile/indicator.svelte';
import { targetsApp } from '$lib/targets/targets.svelte';
import { assessTarget, type Assessment } from '$lib/targets/assess';
import type { TargetRecord } from '$lib/targets/model';
import type { SeriesPoint } from '$lib/data/engine';
import { runIndex, type IndexRun } from '$lib/index/load';
import type { IndexSettings } from '$lib/index/settings';
import { parseIndexArea, parseIndexSettings } from '$lib/index/url-state';
import { loadAtlasView, queryOf } from './atlas-slide';
import { kindOfUrl } from './slides';
import { measuresApp } from '$lib/measures/measures.svelte';
import type { MeasureStatus } from '$lib/measures/model';

/** A measure as a slide shows it: status, name, who, when, the offers it relies on (names). */
export interface SlideMeasure {
	name: string;
	status: MeasureStatus;
	responsible: string;
	start: string | null;
	end: string | null;
	offers: string[];
}

export interface TargetView {
	target: TargetRecord;
	indicator: Indicator;
	series: SeriesPoint[];
	assessment: Assessment;
}

export interface IndexView extends IndexRun {
	settings: IndexSettings;
	indicators: Indicator[];
	areas: AreaCollection;
	parents: AreaCollection | undefined;
	selected: string | null;
}

export type LoadedView =
	| { kind: 'atlas'; atlas: Atlas }
	| { kind: 'profile'; profile: ProfileState }
	| { kind: 'indicator'; page: IndicatorPageState }
	| { kind: 'target'; target: TargetView }
	| { kind: 'measures'; target: TargetView; measures: SlideMeasure[] }
	| { kind: 'index'; index: IndexView };

async function loadProfile(url: string): Promise<ProfileState> {
	const profile = new ProfileState();
	await profile.start();
	if (profile.status === 'error') throw new Error(profile.error);
	profile.fromUrl(queryOf(url));
	await profile.refresh();
	return profile;
}

async function loadIndicator(url: string): Promise<IndicatorPageState> {
	const page = new IndicatorPageState();
	page.categoryLabel = (c) => t(`compare.${c}`);
	page.locale = i18n.intl;
	await page.start();
	if (page.status === 'error') throw new Error(page.error);
	page.fromUrl(queryOf(url));
	await page.refresh();
	return page;
}

async function loadTarget(url: string): Promise<TargetView> {
	const app = targetsApp();
	await app.start();
	if (app.status === 'error') throw new Error(app.error);
	const id = queryOf(url).get('id') ?? '';
	const target = app.get(id);
	if (!target) throw new Error(t('targets.err.notFound', { id }));
	const indicator = app.indicator(target.indicator_id);
	if (!indicator) throw new Error(t('targets.err.notFound', { id }));
	const series = await app.seriesFor(target);
	return { target, indicator, series, assessment: assessTarget(target, series, indicator) };
}

async function loadIndex(url: string): Promise<IndexView> {
	const engine = await getEngine();
	const [indicators, yearsBy] = await Promise.all([engine.indicators(), engine.yearsByIndicator()]);
	const areas = engine.geometry[engine.baseLevel];
	const parentLevel = engine.descriptor.sozialraum.levels[1];
	const parents = parentLevel ? engine.geometry[parentLevel.id] : undefined;
	// The builder page's own reading of its permalink (a year the chosen indicators do not share
	// becomes null, i.e. the latest common one).
	const ctx = { indicators, yearsBy, areaKeys: new Set(areas.features.map((f) => f.properties.key)) };
	const params = queryOf(url);
	const settings = parseIndexSettings(params, ctx);
	const selected = parseIndexArea(params, ctx);
	const run = await runIndex(engine, settings, { indicators, yearsBy });
	if (!run) throw new Error(t('index.noYear'));
	return { ...run, settings, indicators, areas, parents, selected };
}

async function loadMeasures(url: string): Promise<{ kind: 'measures'; target: TargetView; measures: SlideMeasure[] }> {
	const target = await loadTarget(url);
	const app = measuresApp();
	await app.start();
	if (app.status === 'error') throw new Error(app.error);
	const measures = app.forTarget(target.target.id).map((m) => ({
		name: m.name,
		status: m.status,
		responsible: m.responsible,
		start: m.start,
		end: m.end,
		offers: m.offer_ids.map((id) => app.inventory.get(id)?.name ?? id)
	}));
	return { kind: 'measures', target, measures };
}

/** Load the view behind a slide URL (browser only: it starts the engine). */
export async function loadView(url: string): Promise<LoadedView> {
	switch (kindOfUrl(url)) {
		case 'atlas':
			return { kind: 'atlas', atlas: await loadAtlasView(url) };
		case 'profile':
			return { kind: 'profile', profile: await loadProfile(url) };
		case 'indicator':
			return { kind: 'indicator', page: await loadIndicator(url) };
		case 'target':
			return { kind: 'target', target: await loadTarget(url) };
		case 'measures':
			return loadMeasures(url);
		case 'index':
			return { kind: 'index', index: await loadIndex(url) };
		default:
			throw new Error(t('present.noView'));
	}
}
