/**
 * The CSV files behind the download buttons: exactly the rows and order the page shows, with the
 * interval and the comparison spelled out, suppressed cells as "•" (see csv.ts).
 */
import type { Indicator } from '$lib/data/types';
import { toCsv, SUPPRESSED_MARK, type Cell } from './csv';
import type { AreaRow } from './indicator-rows';
import type { ProfileRow } from './rows';
import type { Translate } from './summary';
import { isMeanReference, referenceName } from '$lib/stats/reference-label';
import type { SeriesPoint, VersionBreak } from '$lib/data/engine';
import type { CrosswalkMethod } from '$lib/data/types';
import { seriesNotes } from '$lib/geo/series-notes';

function flagText(flag: string, t: Translate): string {
	return flag ? t(`flag.${flag}` as 'flag.missing') : '';
}

/** A value cell: "•" when suppressed, empty when missing, else the number. */
function valueCell(value: number | null, flag: string, decimals: number): Cell {
	if (flag === 'suppressed') return SUPPRESSED_MARK;
	return { num: value, decimals };
}

export function indicatorCsv(rows: readonly AreaRow[], ind: Indicator, year: number, t: Translate): string {
	const d = ind.decimals;
	const header = [
		t('csv.areaKey'),
		t('table.area'),
		t('csv.district'),
		t('table.year'),
		t('csv.value', { unit: ind.unit }),
		t('csv.lower'),
		t('csv.upper'),
		t('table.numerator'),
		t('table.denominator'),
		t('csv.comparison'),
		t('csv.trend'),
		t('csv.rank'),
		t('table.note')
	];
	const body = rows.map((r): Cell[] => [
		r.key,
		r.name,
		r.district,
		{ num: year },
		valueCell(r.value, r.flag, d),
		valueCell(r.interval?.lower ?? null, r.flag, d),
		valueCell(r.interval?.upper ?? null, r.flag, d),
		valueCell(r.numerator, r.flag, 0),
		valueCell(r.denominator, r.flag, 0),
		r.value === null ? '' : t(`compare.${r.comparison}`),
		t(`trendword.${r.trend}`),
		r.rank === null ? '' : { num: r.rank },
		flagText(r.flag, t)
	]);
	return toCsv(header, body);
}

/**
 * The Steckbrief's notes on boundary changes per indicator id: for each indicator whose series was
 * converted (method and largest split share) or breaks inside its years, the sentences the page
 * and the trend chart show (series-notes.seriesNotes). Indicators without either are left out.
 */
export function profileGeoNotes(
	seriesBy: ReadonlyMap<string, readonly SeriesPoint[]>,
	breaks: readonly VersionBreak[],
	method: CrosswalkMethod | null,
	yearsBy: Readonly<Record<string, readonly number[]>>,
	t: Translate,
	locale: string
): Map<string, string> {
	const out = new Map<string, string>();
	for (const [id, points] of seriesBy) {
		const notes = seriesNotes(points, breaks, method, t, locale, yearsBy[id] ?? points.map((p) => p.year));
		if (notes.length > 0) out.set(id, notes.join(' '));
	}
	return out;
}

/** `geoNotes` (profileGeoNotes) go into the row's "Hinweis" after its flag, as in the trend CSV. */
export function profileCsv(
	rows: readonly ProfileRow[],
	areaKey: string,
	areaName: string,
	t: Translate,
	label: (i: Indicator) => string,
	geoNotes: ReadonlyMap<string, string> = new Map()
): string {
	// Where a row's reference is a mean of shares, a column after the city value says which it is.
	const kinds = rows.some((r) => isMeanReference(r.cityKind));
	const header = [
		t('csv.areaKey'),
		t('table.area'),
		t('csv.indicatorId'),
		t('csv.indicator'),
		t('csv.unit'),
		t('table.year'),
		t('table.value'),
		t('csv.lower'),
		t('csv.upper'),
		t('table.numerator'),
		t('table.denominator'),
		t('csv.city'),
		...(kinds ? [t('csv.cityBasis')] : []),
		t('csv.comparison'),
		t('csv.trend'),
		t('csv.rank'),
		t('csv.rankOf'),
		t('table.note')
	];
	const body = rows.map((r): Cell[] => {
		const d = r.indicator.decimals;
		return [
			areaKey,
			areaName,
			r.indicator.id,
			label(r.indicator),
			r.indicator.unit,
			{ num: r.year },
			valueCell(r.value, r.flag, d),
			valueCell(r.interval?.lower ?? null, r.flag, d),
			valueCell(r.interval?.upper ?? null, r.flag, d),
			valueCell(r.numerator, r.flag, 0),
			valueCell(r.denominator, r.flag, 0),
			{ num: r.city, decimals: d },
			...(kinds ? [r.city === null ? '' : referenceName(r.cityKind, t)] : []),
			r.value === null ? '' : t(`compare.${r.comparison}`),
			t(`trendword.${r.trendWord}`),
			r.rank ? { num: r.rank.rank } : '',
			r.rank ? { num: r.rank.of } : '',
			[flagText(r.flag, t), geoNotes.get(r.indicator.id) ?? ''].filter(Boolean).join('; ')
		];
	});
	return toCsv(header, body);
}
