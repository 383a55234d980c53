/**
 * The selected area's series as an export table: one row per year with the area, the territory's
 * reference and a note that names, for converted years, the crosswalk method and the share from
 * split areas (the CSV has no header block, so the uncertainty travels in every affected row).
 * The metadata (XLSX info sheet) says the same once, plus the break when nothing is converted.
 */
import type { ReferencePoint, SeriesPoint, VersionBreak } from '$lib/data/engine';
import type { CrosswalkMethod, Indicator } from '$lib/data/types';
import type { MessageKey } from '$lib/i18n/messages';
import type { Params } from '$lib/i18n/translate';
import { conversionSummary, openBreaks, pointNote } from '$lib/geo/series-notes';
import { SUPPRESSED_MARK, type CellValue, type ExportTable } from './table';

type T = (key: MessageKey, params?: Params) => string;

export interface TrendTableInput {
	indicator: Indicator;
	indicatorLabel: string;
	areaKey: string;
	areaName: string;
	series: readonly SeriesPoint[];
	city: readonly ReferencePoint[];
	breaks: readonly VersionBreak[];
	method: CrosswalkMethod | null;
	locale: string;
}

const percent = (share: number, locale: string) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** The notes on boundary changes for an export's metadata (empty when the series never crossed one). */
export function geoExportNotes(series: readonly SeriesPoint[], breaks: readonly VersionBreak[], method: CrosswalkMethod | null, t: T, locale: string): string[] {
	const de = locale.startsWith('de');
	const out: string[] = [];
	const s = conversionSummary(series);
	if (s.converted.length > 0 && method) out.push(t('geo.exportNote', { method: t(`geo.method.${method}`), share: percent(s.maxShare, locale) }));
	for (const b of openBreaks(series, breaks))
		out.push(t('geo.breakNote', { last: b.year - 1, first: b.year, before: de ? b.before_de : b.before_en, after: de ? b.after_de : b.after_en }));
	return out;
}

export function trendTable(i: TrendTableInput, t: T): ExportTable {
	const city = new Map(i.city.map((p) => [p.year, p.value]));
	const years = [...new Set([...i.series.map((p) => p.year), ...i.city.map((p) => p.year)])].sort((a, b) => a - b);
	const by = new Map(i.series.map((p) => [p.year, p]));
	const hidden = (p: SeriesPoint | undefined, v: number | null | undefined): CellValue => (p?.flag === 'suppressed' ? SUPPRESSED_MARK : (v ?? null));
	const rows = years.map((y): CellValue[] => {
		const p = by.get(y);
		const flag = p ? (p.flag ? t(`flag.${p.flag}` as 'flag.missing') : '') : t('flag.missing');
		const note = [flag, p ? pointNote(p, i.method, t, i.locale) : ''].filter(Boolean).join('; ');
		return [i.areaKey, i.areaName, y, hidden(p, p?.value), hidden(p, p?.numerator), hidden(p, p?.denominator), city.get(y) ?? null, note];
	});
	const meta: [string, string][] = [
		[t('export.meta.title'), t('trend.title', { area: i.areaName })],
		[t('export.meta.indicator'), `${i.indicatorLabel} (${i.indicator.id})`],
		[t('export.meta.source'), i.indicator.source],
		...geoExportNotes(i.series, i.breaks, i.method, t, i.locale).map((n): [string, string] => [t('export.meta.note'), n])
	];
	return {
		name: `${i.indicator.id} ${i.areaKey}`,
		columns: [
			{ label: t('export.col.key') },
			{ label: t('table.area') },
			{ label: t('table.year'), decimals: 0 },
			{ label: t('export.col.value', { unit: i.indicator.unit }), decimals: i.indicator.decimals },
			{ label: t('table.numerator'), decimals: 0 },
			{ label: t('table.denominator'), decimals: 0 },
			{ label: t('trend.city'), decimals: i.indicator.decimals },
			{ label: t('table.note') }
		],
		rows,
		meta
	};
}
