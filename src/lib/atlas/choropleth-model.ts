/**
 * From an indicator's values per area to what the map and legend draw: classes, a colour per area,
 * and legend rows with counts. Suppressed and missing areas are counted apart and never classed:
 * a hidden value must not pull a break, and "no data" must never look like a low value.
 */
import type { AreaValue } from '$lib/data/engine';
import type { Indicator } from '$lib/data/types';
import { classify, classOf, type Classification, type ClassMethod } from '$lib/stats/classify';
import { legendLabels } from '$lib/stats/legend';
import { classColors } from '$lib/map/colors';
import type { AreaStyle } from '$lib/map/maplibre-choropleth';

export interface LegendRow {
	color: string;
	label: string;
	count: number;
}

export interface ChoroplethModel {
	classification: Classification | null;
	styles: Map<string, AreaStyle>;
	legend: LegendRow[];
	missing: number;
	suppressed: number;
}

export function choroplethModel(
	rows: AreaValue[],
	indicator: Indicator,
	options: { method: ClassMethod; k: number; locale: 'de-DE' | 'en-GB' }
): ChoroplethModel {
	const values = rows.filter((r) => r.value !== null).map((r) => r.value as number);
	const styles = new Map<string, AreaStyle>();
	const missing = rows.filter((r) => r.value === null && r.flag !== 'suppressed').length;
	const suppressed = rows.filter((r) => r.flag === 'suppressed').length;
	if (values.length === 0) {
		for (const r of rows) styles.set(r.area_key, { color: null, status: r.flag === 'suppressed' ? 'suppressed' : 'missing' });
		return { classification: null, styles, legend: [], missing, suppressed };
	}
	const classification = classify(values, { method: options.method, k: options.k });
	const k = classification.breaks.length;
	const colors = classColors(indicator.polarity, k);
	for (const r of rows) {
		if (r.flag === 'suppressed') styles.set(r.area_key, { color: null, status: 'suppressed' });
		else if (r.value === null) styles.set(r.area_key, { color: null, status: 'missing' });
		else {
			const c = classOf(r.value, classification);
			styles.set(r.area_key, { color: c === null ? null : colors[c], status: c === null ? 'missing' : 'value' });
		}
	}
	const labels = legendLabels(classification, { decimals: indicator.decimals, unit: indicator.unit, locale: options.locale });
	const legend = labels.map((label, i) => ({ color: colors[i], label, count: classification.counts[i] }));
	return { classification, styles, legend, missing, suppressed };
}
