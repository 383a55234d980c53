/**
 * The atlas table as an export: the rows and order of the on-screen table (highest value first),
 * numbers as numbers, suppressed cells as "•" (never the number the engine withheld).
 */
import type { Atlas } from '$lib/atlas/atlas.svelte';
import type { AreaValue } from '$lib/data/engine';
import { shownPackage } from '$lib/packages/choice.svelte';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import { isVersioned, versionForYear } from '$lib/data/levels';
import { geoExportNotes } from './trend-table';
import { atlasTitle, datenstandDate, indicatorLabel } from './atlas-figure';
import { SUPPRESSED_MARK, type CellValue, type ExportTable } from './table';

export function sortRows(rows: readonly AreaValue[]): AreaValue[] {
	return [...rows].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.name.localeCompare(b.name, 'de'));
}

export function atlasTable(atlas: Atlas, link: string): ExportTable {
	const ind = atlas.indicator!;
	const year = atlas.selection!.year;
	const parentName = new Map((atlas.parents?.features ?? []).map((f) => [f.properties.key, f.properties.name]));
	const hidden = (r: AreaValue, v: number | null): CellValue => (r.flag === 'suppressed' ? SUPPRESSED_MARK : v);
	const rows = sortRows(atlas.rows).map((r): CellValue[] => [
		r.area_key,
		r.name,
		parentName.get(r.parent) ?? r.parent,
		year,
		hidden(r, r.value),
		hidden(r, r.numerator),
		hidden(r, r.denominator),
		r.flag ? t(`flag.${r.flag}`) : ''
	]);
	const { minNumerator } = shownPackage.sozialraum.disclosure;
	const meta: [string, string][] = [
		[t('export.meta.title'), atlasTitle(atlas).title],
		[t('export.meta.indicator'), `${indicatorLabel(ind)} (${ind.id})`],
		[t('export.meta.source'), ind.source],
		[t('export.meta.datenstand'), datenstandDate()],
		[t('export.meta.disclosure'), t('export.meta.disclosureText', { n: minNumerator, mark: SUPPRESSED_MARK })],
		[t('export.meta.link'), link]
	];
	// the map's boundary version, and what the selected area's series does across a change
	const level = atlas.levels.find((l) => l.id === atlas.level);
	if (level && isVersioned(level)) {
		const v = versionForYear(level, year);
		meta.push([t('geo.meta.version'), i18n.locale === 'de' ? v.label_de : v.label_en]);
	}
	if (atlas.selection!.area) for (const n of geoExportNotes(atlas.series, atlas.breaks, atlas.selection!.convert ?? null, t, i18n.intl)) meta.push([t('export.meta.note'), n]);
	if (shownPackage.sozialraum.fictional) meta.push([t('export.meta.note'), t('export.fictional', { territory: shownPackage.sozialraum.territory_de })]);
	return {
		name: `${ind.id} ${year}`,
		columns: [
			{ label: t('export.col.key') },
			{ label: t('table.area') },
			{ label: t('export.col.district') },
			{ label: t('table.year'), decimals: 0 },
			{ label: t('export.col.value', { unit: ind.unit }), decimals: ind.decimals },
			{ label: t('table.numerator'), decimals: 0 },
			{ label: t('table.denominator'), decimals: 0 },
			{ label: t('table.note') }
		],
		rows,
		meta
	};
}
