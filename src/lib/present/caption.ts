/**
 * A first plain-language caption for an atlas slide, for the committee that sees it: the city value,
 * the highest and lowest district, and how many were withheld. Only published values are used, so a
 * caption can never reveal a suppressed number. The planner edits it anyway.
 */
import type { AreaValue } from '$lib/data/engine';
import type { PolarityComparison } from '$lib/stats/compare';

export type Tr = (key: CaptionKey, params?: Record<string, string | number>) => string;
export type CaptionKey =
	| 'present.caption.values'
	| 'present.caption.valuesRef'
	| 'present.caption.compareRef'
	| 'present.caption.compare'
	| 'present.caption.compareNeutral'
	| 'present.caption.suppressed'
	| 'present.caption.area'
	| 'present.caption.areaSuppressed';

export interface CaptionInput {
	rows: readonly AreaValue[];
	year: number;
	city: string;
	/** Set when the reference is a mean of shares, not the city value: its name ("Mittelwert der Sozialräume (ungewichtet)"). */
	cityName?: string;
	mode: 'values' | 'compare';
	/** Comparison category per area key (compare mode). */
	comparison: (key: string) => PolarityComparison | undefined;
	/** The indicator has a good direction (better/worse) or not (higher/lower). */
	directional: boolean;
	selected: string | null;
	format: (v: number) => string;
}

export function atlasCaption(i: CaptionInput, tr: Tr): string {
	const published = i.rows.filter((r) => r.value !== null && r.flag !== 'suppressed');
	const suppressed = i.rows.filter((r) => r.flag === 'suppressed').length;
	const parts: string[] = [];
	if (i.mode === 'compare' && i.cityName) {
		parts.push(tr('present.caption.compareRef', { name: i.cityName, city: i.city }));
	} else if (i.mode === 'compare') {
		const n = (c: PolarityComparison) => published.filter((r) => i.comparison(r.area_key) === c).length;
		parts.push(
			i.directional
				? tr('present.caption.compare', { city: i.city, worse: n('worse'), better: n('better'), similar: n('similar') })
				: tr('present.caption.compareNeutral', { city: i.city, higher: n('higher'), lower: n('lower'), similar: n('similar') })
		);
	} else if (published.length > 0) {
		const sorted = [...published].sort((a, b) => (b.value as number) - (a.value as number) || a.name.localeCompare(b.name, 'de'));
		const max = sorted[0];
		const min = sorted[sorted.length - 1];
		parts.push(
			tr(i.cityName ? 'present.caption.valuesRef' : 'present.caption.values', {
				...(i.cityName ? { name: i.cityName } : {}),
				year: i.year,
				city: i.city,
				maxArea: max.name,
				max: i.format(max.value as number),
				minArea: min.name,
				min: i.format(min.value as number)
			})
		);
	}
	if (suppressed > 0) parts.push(tr('present.caption.suppressed', { n: suppressed }));
	const sel = i.selected ? i.rows.find((r) => r.area_key === i.selected) : undefined;
	if (sel) {
		parts.push(
			sel.flag === 'suppressed' || sel.value === null
				? tr('present.caption.areaSuppressed', { area: sel.name })
				: tr('present.caption.area', { area: sel.name, value: i.format(sel.value) })
		);
	}
	return parts.join(' ');
}
