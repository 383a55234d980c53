/**
 * What a slide draws for a loaded view, in one shape for the screen, the print and the PPTX:
 * the body (a map with its large legend, or the SVG figure of a profile or a target), the short
 * live texts beside it (summary, assessment, index settings) and the footer with source,
 * Datenstand and the fictional-data note. All texts are translated here, from today's data.
 */
import { isMeanReference, referenceName, type ReferenceKind } from '$lib/stats/reference-label';
import type { ChoroplethModel } from '$lib/atlas/choropleth-model';
import type { AreaCollection } from '$lib/data/engine';
import type { Indicator } from '$lib/data/types';
import { atlasLegend, indicatorLabel, sourceLines } from '$lib/export/atlas-figure';
import type { LegendItem, LegendSpec } from '$lib/export/figure-layout';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import { describeMethod, legendMethod } from '$lib/index/describe';
import { statusLegend, statusStyles } from '$lib/index/map-model';
import type { AreaStyle } from '$lib/map/maplibre-choropleth';
import { NO_DATA_COLOR } from '$lib/map/colors';
import type { KeyFacts } from '$lib/profile/facts';
import type { ProfileState } from '$lib/profile/profile.svelte';
import type { ProfileRow } from '$lib/profile/rows';
import { profileSummary } from '$lib/profile/summary';
import { formatNumber, formatValue } from '$lib/stats/format';
import { scopeName, scopePhrase } from '$lib/targets/scope';
import { assessmentSentence } from '$lib/targets/sentence';
import { targetsApp } from '$lib/targets/targets.svelte';
import { seriesKey } from '$lib/targets/model';
import type { LoadedView, SlideMeasure, TargetView } from './load-view';
import { slideRows } from './profile-slide';

export interface MapBody {
	type: 'map';
	areas: AreaCollection;
	parents?: AreaCollection;
	styles: Map<string, AreaStyle>;
	selected: string | null;
	label: string;
	legend: LegendSpec;
}

export interface ProfileBody {
	type: 'profile';
	areaName: string;
	areaKey: string;
	district: string;
	year: number;
	facts: KeyFacts | null;
	rows: ProfileRow[];
	label: string;
}

export interface TargetBody extends TargetView {
	type: 'target';
	label: string;
	/** "Ziel, Maßnahmen, Stand": the measures drawn below the chart. */
	measures?: SlideMeasure[];
}

export type SlideBody = MapBody | ProfileBody | TargetBody;

export interface SlideContent {
	body: SlideBody;
	/** Live sentences beside the view (not stored: they follow the data and the language). */
	notes: string[];
	footer: string[];
}

const label = (i: Indicator) => indicatorLabel(i);

function countLabel(n: number): string {
	return t('legend.count', { n });
}

/** The legend rows of a choropleth (same rows as the page's legend, suppressed as hatched). */
export function choroplethItems(model: ChoroplethModel): LegendItem[] {
	const items: LegendItem[] = model.legend.map((r) => ({ swatch: { kind: 'color', color: r.color }, label: r.label, count: countLabel(r.count) }));
	if (model.suppressed > 0) items.push({ swatch: { kind: 'hatch' }, label: t('legend.suppressed'), count: countLabel(model.suppressed) });
	if (model.missing > 0) items.push({ swatch: { kind: 'color', color: NO_DATA_COLOR }, label: t('legend.noData'), count: countLabel(model.missing) });
	return items;
}

/** One source line for several indicators ("Quelle: A; B"), then Datenstand and notes. */
function sources(indicators: readonly Indicator[]): string[] {
	return sourceLines([...new Set(indicators.map((i) => i.source))].join('; '));
}

function profileContent(p: ProfileState, title: string): SlideContent | null {
	const sel = p.selection;
	if (!sel || !p.ready || !p.area) return null;
	const areaName = p.area.name;
	const district = p.district?.name ?? '';
	const summary = profileSummary(
		// without facts: their sentence would repeat the figure's numbers
		{ areaName, districtName: district || null, year: sel.year, facts: null, factsYear: null, rows: p.rows, headline: p.defaultIndicator },
		{
			t,
			label,
			value: (v, i) => formatValue(v, i.unit, i.decimals, i18n.intl),
			count: (n) => formatNumber(n, 0, i18n.intl),
			percent: (x) => formatValue(x, '%', 1, i18n.intl)
		}
	);
	const rows = slideRows(p.rows, p.defaultIndicator);
	return {
		body: { type: 'profile', areaName, areaKey: sel.area, district, year: sel.year, facts: p.facts, rows, label: title },
		// the headline sentence is the slide's first caption (page-slides.ts); the comparison count
		// over all indicators is what the figure's eight rows cannot say
		notes: summary.intro.slice(0, 1),
		footer: sources(rows.map((r) => r.indicator))
	};
}

function targetContent(v: TargetView): SlideContent {
	const app = targetsApp();
	const scope = scopePhrase(v.target, app.areas, app.territory, i18n.locale);
	const sentence = assessmentSentence(v.assessment, { target: v.target, indicator: v.indicator, scope, locale: i18n.locale });
	const kind = app.referenceKinds[seriesKey(v.target)];
	return {
		body: { type: 'target', ...v, label: sentence || t('present.targetLabel', { indicator: label(v.indicator), scope: scopeName(v.target, app.areas, app.territory, i18n.locale) }) },
		notes: sentence ? [sentence] : [],
		footer: [...(kind ? [t('reference.target', { name: referenceName(kind, t) })] : []), ...sourceLines(v.indicator.source)]
	};
}

/** The target slide with its measures, and a count of them by status beside it. */
function measuresContent(v: TargetView, measures: SlideMeasure[]): SlideContent {
	const c = targetContent(v);
	const n = (s: SlideMeasure['status']) => measures.filter((m) => m.status === s).length;
	const counts = measures.length
		? t('measures.slide.counts', { running: n('running'), planned: n('planned'), completed: n('completed'), suspended: n('suspended') })
		: t('measures.slide.none');
	return { ...c, body: { ...(c.body as TargetBody), measures }, notes: [...c.notes, counts] };
}

export function slideContent(view: LoadedView, title: string): SlideContent | null {
	switch (view.kind) {
		case 'measures':
			return measuresContent(view.target, view.measures);
		case 'atlas': {
			const a = view.atlas;
			if (!a.model || !a.indicator || !a.areas) return null;
			return {
				body: { type: 'map', areas: a.areas, parents: a.parents, styles: a.model.styles, selected: a.selection?.area ?? null, label: title, legend: atlasLegend(a) },
				notes: [],
				footer: sourceLines(a.indicator.source)
			};
		}
		case 'indicator': {
			const p = view.page;
			if (!p.model || !p.indicator || !p.geometry || !p.selection) return null;
			const ind = p.indicator;
			return {
				body: {
					type: 'map',
					areas: p.geometry,
					styles: p.model.styles,
					selected: p.selection.area,
					label: t('ind.mapLabel', { indicator: label(ind), year: p.selection.year }),
					legend: { title: label(ind), method: t('ind.mapMethod'), items: choroplethItems(p.model) }
				},
				notes: [referenceLine(p.cityPoint, p.selection.year, formatValue(p.cityPoint?.value ?? null, ind.unit, ind.decimals, i18n.intl))],
				footer: sourceLines(ind.source)
			};
		}
		case 'profile':
			return profileContent(view.profile, title);
		case 'target':
			return targetContent(view.target);
		case 'index': {
			const x = view.index;
			const s = x.settings;
			const byId = (id: string) => x.indicators.find((i) => i.id === id);
			const used = x.status.used.map((u) => byId(u.id)).filter((i): i is Indicator => !!i);
			const method = describeMethod(s, x.status, x.dynamics, { t, label: (id) => (byId(id) ? label(byId(id)!) : id), year: x.year, locale: i18n.intl });
			return {
				body: {
					type: 'map',
					areas: x.areas,
					parents: x.parents,
					styles: statusStyles(x.status),
					selected: x.selected,
					label: t('index.mapLabel', { year: x.year }),
					legend: {
						title: t('index.legendTitle'),
						method: legendMethod(s, x.status.included, t, i18n.intl),
						items: statusLegend(x.status, s, t, i18n.intl).map((r) => ({ swatch: { kind: 'color', color: r.color }, label: r.label, count: countLabel(r.count) }))
					}
				},
				notes: [
					method[0],
					t('present.index.settingsFull', {
						year: x.year,
						method: t(`index.method.${s.method}.label`),
						sd: t(`index.sd.${s.sd}.short`),
						population:
							x.status.populationMinimum === 'noPopulation'
								? t('index.method.populationUnknown')
								: x.status.populationMinimum === 'off'
									? t('present.index.minOff')
									: t('present.index.min', { min: formatNumber(s.minPopulation, 0, i18n.intl) })
					})
				],
				footer: sources(used)
			};
		}
	}
}

/** "Stadtwert 2024: 12,3 %", or the mean of shares it is instead. */
function referenceLine(point: ReferenceKind | null, year: number, value: string): string {
	return isMeanReference(point) ? t('reference.line', { name: referenceName(point, t), year, value }) : t('atlas.cityValue', { year, value });
}
