/**
 * The district profile's chart export: the indicator table as one picture (spine-figure.ts) with the
 * table's reading aid as key. Browser only: the sparklines and spine charts are taken from the
 * table on screen, so the picture shows exactly what the planner saw.
 */
import type { Indicator, LifePhase } from '$lib/data/types';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import { formatNumber } from '$lib/stats/format';
import type { ChartGraphic, ChartMeta } from '$lib/export/chart-figure-layout';
import { keyFromList, measureText } from '$lib/export/chart-figure';
import { chartGraphic } from '$lib/export/svg-inline';
import { comparisonKey, figureFooter, joinParts, territory } from '$lib/export/chart-meta';
import type { ProfileRow } from './rows';
import { spineTableGraphic } from './spine-figure';
import { isMeanReference, MEAN_MARK, meanNames } from '$lib/stats/reference-label';

const label = (i: Indicator) => (i18n.locale === 'de' ? i.label_de : i.label_en);

function cell(r: ProfileRow, v: number | null | undefined): string {
	return v === null || v === undefined ? '–' : formatNumber(v, r.indicator.decimals, i18n.intl);
}

/** The table (`[data-testid=profile-table]`) as a graphic; null while it is not drawn. */
export function profileSpineGraphic(table: Element | null, phases: { phase: LifePhase; rows: ProfileRow[] }[], current: string | null): ChartGraphic | null {
	if (!table) return null;
	const svgIn = (id: string, selector: string) => {
		const svg = table.querySelector<SVGSVGElement>(`tr[data-indicator="${CSS.escape(id)}"] ${selector} svg`);
		return svg ? chartGraphic(svg) : null;
	};
	const groups = phases.map((g) => ({
		title: t(`phase.${g.phase}`),
		rows: g.rows.map((r) => ({
			label: `${label(r.indicator)} (${r.indicator.unit})`,
			value: r.flag === 'suppressed' ? '•' : cell(r, r.value),
			city: isMeanReference(r.cityKind) && r.city !== null ? `${cell(r, r.city)} ${MEAN_MARK}` : cell(r, r.city),
			min: cell(r, r.spread?.min),
			max: cell(r, r.spread?.max),
			spark: svgIn(r.indicator.id, '[data-col=series]'),
			spine: svgIn(r.indicator.id, '.spine-col'),
			current: r.indicator.id === current
		}))
	}));
	return spineTableGraphic(
		groups,
		{
			indicator: t('profile.col.indicator'),
			value: t('profile.col.value'),
			city: t('profile.col.city'),
			series: t('profile.col.series'),
			min: t('profile.col.min'),
			spine: t('profile.col.spine'),
			max: t('profile.col.max')
		},
		measureText
	);
}

export function profileSpineMeta(o: { areaName: string; district: string; year: number; rows: ProfileRow[]; legend: Element | null }): ChartMeta {
	return {
		title: t('figure.profile.title', { area: o.areaName, year: o.year }),
		subtitle: joinParts([territory(), o.district]),
		key: [...keyFromList(o.legend), ...comparisonKey(o.rows.filter((r) => r.value !== null).map((r) => r.comparison))],
		footer: [...meanNames(o.rows.map((r) => r.cityKind), t).map((name) => t('reference.markNote', { mark: MEAN_MARK, name })), ...figureFooter(o.rows.map((r) => r.indicator.source))]
	};
}
