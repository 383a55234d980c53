/**
 * The words around exported charts, shared by every page: titles that say what is shown (indicator,
 * chart, year, area), the footer (source, Datenstand, fictional-data note, as on the map export) and
 * key entries for marks several charts use.
 */
import type { Indicator } from '$lib/data/types';
import { shownPackage } from '$lib/packages/choice.svelte';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import { COMPARISON_COLORS } from '$lib/map/colors';
import type { PolarityComparison } from '$lib/stats/compare';
import { formatValue } from '$lib/stats/format';
import { indicatorLabel, sourceLines } from './atlas-figure';
import type { KeyItem } from './chart-figure-layout';

export const territory = () => shownPackage.sozialraum.territory_de;

/** Source line(s), Datenstand, fictional-data note; several sources share one "Quellen:" line. */
export function figureFooter(sources: string[]): string[] {
	const unique = [...new Set(sources.filter(Boolean))];
	const lines = sourceLines(unique[0] ?? shownPackage.title);
	if (unique.length > 1) lines[0] = t('figure.sources', { list: unique.join('; ') });
	return lines;
}

/** Parts of a subtitle, the empty ones left out, joined by " · ". */
export function joinParts(parts: (string | null | undefined | false)[]): string {
	return parts.filter((p): p is string => !!p).join(' · ');
}

/** "SGB-II-Quote unter 15 Jahren: Rangfolge der Sozialräume 2025" and "Musterstadt · Stadtwert 2025: 19,3 % · hervorgehoben: Altstadt". */
export function indicatorFigureText(
	ind: Indicator,
	chart: string,
	o: { year: number; city?: number | null; cityName?: string; area?: string | null }
): { title: string; subtitle: string } {
	return {
		title: t('figure.title', { indicator: `${indicatorLabel(ind)} (${ind.unit})`, chart }),
		subtitle: joinParts([
			territory(),
			o.city === undefined
				? null
				: o.cityName
					? t('reference.line', { name: o.cityName, year: o.year, value: formatValue(o.city, ind.unit, ind.decimals, i18n.intl) })
					: t('figure.cityValue', { year: o.year, value: formatValue(o.city, ind.unit, ind.decimals, i18n.intl) }),
			o.area ? t('figure.highlight', { area: o.area }) : null
		])
	};
}

/** Colour patches for the comparison categories that occur, in the order of the legend. */
export function comparisonKey(present: Iterable<PolarityComparison>): KeyItem[] {
	const seen = new Set(present);
	return (Object.keys(COMPARISON_COLORS) as PolarityComparison[])
		.filter((c) => seen.has(c))
		.map((c) => ({ label: t(`compare.${c}`), mark: { kind: 'rect', fill: COMPARISON_COLORS[c], stroke: '#1a1a1a' } }));
}
