/**
 * What the status map draws: one colour per status class (ColorBrewer OrRd, the app's colours for
 * "higher is worse": class 4 "sehr niedrig" darkest), areas without a class in the no-data grey.
 */
import type { AreaStyle } from '$lib/map/maplibre-choropleth';
import type { ChoroplethModel, LegendRow } from '$lib/atlas/choropleth-model';
import { classColors, NO_DATA_COLOR } from '$lib/map/colors';
import type { StatsLocale } from '$lib/stats/format';
import { classRange, type Translate } from './describe';
import type { IndexSettings } from './settings';
import type { StatusResult } from './status';

export const STATUS_COLORS: readonly string[] = classColors('higher_is_worse', 4);

export const DYNAMICS_COLORS = { positiv: '#0072b2', stabil: '#eeeeee', negativ: '#d55e00' } as const;

export function statusStyles(status: StatusResult): Map<string, AreaStyle> {
	return new Map(
		status.areas.map((a) => [a.key, a.statusClass === null ? { color: null, status: 'missing' as const } : { color: STATUS_COLORS[a.statusClass - 1], status: 'value' as const }])
	);
}

export function classCounts(status: StatusResult): number[] {
	const counts = [0, 0, 0, 0];
	for (const a of status.areas) if (a.statusClass !== null) counts[a.statusClass - 1]++;
	return counts;
}

/** Legend rows: the four classes with their SD ranges (cut-offs as entered, worded for the tie rule) and counts, then the excluded areas. */
export function statusLegend(status: StatusResult, settings: IndexSettings, t: Translate, locale: StatsLocale): LegendRow[] {
	const counts = classCounts(status);
	const rows = STATUS_COLORS.map((color, i) => {
		const n = (i + 1) as 1 | 2 | 3 | 4;
		return { color, label: `${t('index.classLabel', { n, label: t(`index.class.${n}`) })} (${classRange(n, settings, t, locale)})`, count: counts[i] };
	});
	const excluded = status.areas.length - status.included;
	return excluded ? [...rows, { color: NO_DATA_COLOR, label: t('index.excludedLegend'), count: excluded }] : rows;
}

/**
 * The index as an atlas layer: the builder's own classes, colours and legend, so the atlas shows
 * the classes the tie rule gave (not a re-classification of the z values) and the cut-offs as
 * entered (not rounded to the layer's two decimals). Excluded areas are the legend's grey row.
 */
export function indexChoroplethModel(status: StatusResult, settings: IndexSettings, t: Translate, locale: StatsLocale): ChoroplethModel {
	return { mode: 'values', classification: null, styles: statusStyles(status), legend: statusLegend(status, settings, t, locale), missing: 0, suppressed: 0, details: new Map() };
}
