/**
 * What a chart, a table or an export must say about a series that crosses a boundary change:
 * where it breaks, which points are converted estimates (method and uncertainty) and which are
 * exact regroupings. Pure functions over the engine's series points and breaks; the texts come
 * from the geo catalogue.
 */
import type { SeriesPoint, VersionBreak } from '$lib/data/engine';
import type { CrosswalkMethod } from '$lib/data/types';
import type { Params } from '$lib/i18n/translate';
import type { MessageKey } from '$lib/i18n/messages';

type T = (key: MessageKey, params?: Params) => string;

export interface ConversionSummary {
	/** Years with a converted (estimated) point. */
	converted: number[];
	/** Years with an exactly regrouped point. */
	regrouped: number[];
	/** Largest share of converted counts from split areas (0–1). */
	maxShare: number;
}

export function conversionSummary(points: readonly SeriesPoint[]): ConversionSummary {
	const converted = points.filter((p) => p.origin === 'converted').map((p) => p.year);
	const regrouped = points.filter((p) => p.origin === 'regrouped').map((p) => p.year);
	const maxShare = Math.max(0, ...points.filter((p) => p.origin === 'converted' && p.value !== null).map((p) => p.split_share ?? 0));
	return { converted, regrouped, maxShare };
}

/** The breaks that still interrupt the drawn series (a converted or regrouped year bridges it). */
export function openBreaks(points: readonly SeriesPoint[], breaks: readonly VersionBreak[]): VersionBreak[] {
	return breaks.filter((b) => !points.some((p) => p.year === b.year - 1 && p.origin !== undefined));
}

const percent = (share: number, locale: string) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** The note of one point in a table or export ("umgerechnet (flächengewichtet); 100 % aus geteilten Gebieten"). */
export function pointNote(p: SeriesPoint, method: CrosswalkMethod | null, t: T, locale: string): string {
	if (p.origin === 'regrouped') return t('geo.regrouped');
	if (p.origin === 'converted' && method) return t('geo.convertedNote', { method: t(`geo.method.${method}`), share: percent(p.split_share ?? 0, locale) });
	return '';
}

/**
 * The sentence under a chart that names method and uncertainty, or null when nothing was
 * converted or regrouped. `breaks` gives the version labels.
 */
export function chartNote(points: readonly SeriesPoint[], breaks: readonly VersionBreak[], method: CrosswalkMethod | null, t: T, locale: string): string | null {
	const s = conversionSummary(points);
	const lang = locale.startsWith('de') ? 'de' : 'en';
	const label = (b: VersionBreak | undefined, side: 'before' | 'after') => (b ? (lang === 'de' ? b[`${side}_de`] : b[`${side}_en`]) : '');
	if (s.converted.length > 0 && method) {
		const year = Math.max(...s.converted);
		const b = breaks.find((x) => x.year > year);
		return t('geo.chartNote', { year, before: label(b, 'before'), after: label(b, 'after'), method: t(`geo.method.${method}`), share: percent(s.maxShare, locale) });
	}
	if (s.regrouped.length > 0) {
		const year = Math.max(...s.regrouped);
		return t('geo.chartNoteRegrouped', { year, before: label(breaks.find((x) => x.year > year), 'before') || String(year) });
	}
	return null;
}

/** "Zwischen 2020 und 2021 hat sich der Gebietsstand geändert (Gebietsstand 2014 → Gebietsstand 2021)." */
export function breakNote(b: VersionBreak, t: T, locale: string): string {
	const de = locale.startsWith('de');
	return t('geo.breakNote', { last: b.year - 1, first: b.year, before: de ? b.before_de : b.before_en, after: de ? b.after_de : b.after_en });
}

/**
 * The breaks a chart marks: still open, and inside the years it draws (a year on either side).
 * `years` are the chart's years (with the reference's); by default the points' own.
 */
export function shownBreaks(points: readonly SeriesPoint[], breaks: readonly VersionBreak[], years: readonly number[] = points.map((p) => p.year)): VersionBreak[] {
	return openBreaks(points, breaks).filter((b) => years.includes(b.year) && years.some((y) => y < b.year));
}

/**
 * Every sentence a trend chart prints under itself about boundary changes, in screen order: the
 * conversion note (method and largest split share), then each break it marks. The chart and its
 * PNG / SVG export both take them from here, so the file says what the screen says.
 */
export function seriesNotes(
	points: readonly SeriesPoint[],
	breaks: readonly VersionBreak[],
	method: CrosswalkMethod | null,
	t: T,
	locale: string,
	years?: readonly number[]
): string[] {
	const note = chartNote(points, breaks, method, t, locale);
	return [...(note ? [note] : []), ...shownBreaks(points, breaks, years).map((b) => breakNote(b, t, locale))];
}

type SeriesWithBreaks = { points: readonly SeriesPoint[]; breaks: readonly VersionBreak[] };

/** The breaks a chart of many areas' series marks: each one that still interrupts some area's series, once, oldest first. */
export function shownSetBreaks(set: readonly SeriesWithBreaks[], years?: readonly number[]): VersionBreak[] {
	const seen = new Map<string, VersionBreak>();
	for (const s of set) for (const b of shownBreaks(s.points, s.breaks, years ?? s.points.map((p) => p.year))) seen.set(`${b.year}|${b.before_de}|${b.after_de}`, b);
	return [...seen.values()].sort((a, b) => a.year - b.year);
}

/**
 * The same sentences for a chart of many areas' series (the indicator page): one conversion note
 * over all points (the largest split share of any area), then the breaks of shownSetBreaks.
 */
export function seriesSetNotes(set: readonly SeriesWithBreaks[], method: CrosswalkMethod | null, t: T, locale: string, years?: readonly number[]): string[] {
	const note = chartNote(
		set.flatMap((s) => s.points),
		set.flatMap((s) => s.breaks),
		method,
		t,
		locale
	);
	return [...(note ? [note] : []), ...shownSetBreaks(set, years).map((b) => breakNote(b, t, locale))];
}
