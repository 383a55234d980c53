/**
 * From an indicator's values per area to what the map and legend draw. Two modes:
 * - values: classes (any method of stats/classify), a sequential colour per class;
 * - compare: each area against the city value by its confidence interval (Fingertips rule),
 *   coloured better / similar / worse (or higher / lower for indicators without a good direction).
 * Suppressed and missing areas are counted apart and never classed: a hidden value must not pull a
 * break, and "no data" must never look like a low value.
 */
import type { AreaValue } from '$lib/data/engine';
import type { Indicator } from '$lib/data/types';
import { classify, classOf, type Classification } from '$lib/stats/classify';
import { legendLabels } from '$lib/stats/legend';
import { compareArea, type PolarityComparison } from '$lib/stats/compare';
import type { Interval } from '$lib/stats/intervals';
import { classColors, COMPARISON_COLORS } from '$lib/map/colors';
import type { AreaStyle } from '$lib/map/maplibre-choropleth';
import type { MapView } from './url-state';

export interface LegendRow {
	color: string;
	label: string;
	count: number;
	/** Comparison category of the row (compare mode only). */
	category?: PolarityComparison;
}

export interface AreaDetail {
	interval: Interval | null;
	comparison: PolarityComparison;
}

/** Interval and comparison of an area by key (the tooltip's and a slide's detail). */
export type AreaDetails = Pick<ReadonlyMap<string, AreaDetail>, 'get'>;

export interface ChoroplethModel {
	mode: MapView['mode'];
	classification: Classification | null;
	styles: Map<string, AreaStyle>;
	legend: LegendRow[];
	missing: number;
	suppressed: number;
	details: AreaDetails;
}

export interface ModelInput {
	rows: AreaValue[];
	indicator: Indicator;
	view: MapView;
	cityValue: number | null;
	/** Values of every year, for breaks fixed across years. */
	allYears?: (number | null)[];
	locale: 'de-DE' | 'en-GB';
	/** Labels of the comparison categories, already translated. */
	categoryLabel: (c: PolarityComparison) => string;
}

const ORDER: PolarityComparison[] = ['better', 'lower', 'similar', 'higher', 'worse', 'not_comparable'];

export function choroplethModel(input: ModelInput): ChoroplethModel {
	const { rows, indicator, view } = input;
	const missing = rows.filter((r) => r.value === null && r.flag !== 'suppressed').length;
	const suppressed = rows.filter((r) => r.flag === 'suppressed').length;
	const detail = (r: AreaValue): AreaDetail => {
		const c = compareArea(r, input.cityValue, {
			valueType: indicator.value_type,
			multiplier: indicator.multiplier,
			level: view.level,
			polarity: indicator.polarity
		});
		return { interval: c.interval, comparison: c.withPolarity };
	};
	// Comparison mode colours by the comparison, so it needs every area's interval now; the value
	// map needs them only for a tooltip or a slide, so they are computed on the first question
	// (one confidence interval per area, work the colours of a recolour do not wait for).
	const details = view.mode === 'compare' ? detailsOf(rows, detail) : lazyDetails(rows, detail);
	const styles = new Map<string, AreaStyle>();
	const base = (r: AreaValue): AreaStyle | null =>
		r.flag === 'suppressed' ? { color: null, status: 'suppressed' } : r.value === null ? { color: null, status: 'missing' } : null;

	if (view.mode === 'compare') {
		const counts = new Map<PolarityComparison, number>();
		for (const r of rows) {
			const s = base(r);
			if (s) {
				styles.set(r.area_key, s);
				continue;
			}
			const cat = details.get(r.area_key)!.comparison;
			counts.set(cat, (counts.get(cat) ?? 0) + 1);
			styles.set(r.area_key, { color: COMPARISON_COLORS[cat], status: 'value' });
		}
		const legend = ORDER.filter((c) => counts.has(c)).map((c) => ({
			color: COMPARISON_COLORS[c],
			label: input.categoryLabel(c),
			count: counts.get(c)!,
			category: c
		}));
		return { mode: 'compare', classification: null, styles, legend, missing, suppressed, details };
	}

	const current = rows.filter((r) => r.value !== null).map((r) => r.value as number);
	if (current.length === 0) {
		for (const r of rows) styles.set(r.area_key, base(r) ?? { color: null, status: 'missing' });
		return { mode: 'values', classification: null, styles, legend: [], missing, suppressed, details };
	}
	const options = { method: view.method, k: view.k, breaks: view.breaks };
	const classification = classify(view.fixed && input.allYears ? input.allYears : current, options);
	const colors = classColors(indicator.polarity, classification.breaks.length);
	// Counts are those of the shown year, also when the breaks come from all years.
	const counts = classification.breaks.map(() => 0);
	for (const r of rows) {
		const s = base(r);
		if (s) {
			styles.set(r.area_key, s);
			continue;
		}
		const c = classOf(r.value, classification);
		if (c === null) styles.set(r.area_key, { color: null, status: 'missing' });
		else {
			counts[c]++;
			styles.set(r.area_key, { color: colors[c], status: 'value' });
		}
	}
	const labels = legendLabels(classification, { decimals: indicator.decimals, unit: indicator.unit, locale: input.locale });
	const legend = labels.map((label, i) => ({ color: colors[i], label, count: counts[i] }));
	return { mode: 'values', classification, styles, legend, missing, suppressed, details };
}

function detailsOf(rows: AreaValue[], detail: (r: AreaValue) => AreaDetail): Map<string, AreaDetail> {
	const out = new Map<string, AreaDetail>();
	for (const r of rows) if (r.value !== null) out.set(r.area_key, detail(r));
	return out;
}

function lazyDetails(rows: AreaValue[], detail: (r: AreaValue) => AreaDetail): AreaDetails {
	let all: Map<string, AreaDetail> | null = null;
	return { get: (key) => (all ??= detailsOf(rows, detail)).get(key) };
}
