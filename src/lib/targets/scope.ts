/**
 * Names of a target's scope for headings and for the assessment sentence, and the data series the
 * target is measured on: city → the territory's reference, one area of any level → its series
 * (a coarser area's pooled from its finest areas), several → their summed, protected series.
 */
import type { AreaInfo, MonitorEngine, ReferencePoint, SeriesPoint } from '$lib/data/engine';
import type { Target } from '$lib/data/types';
import type { Locale } from '$lib/i18n/messages';
import { translate } from '$lib/i18n/translate';
import { wordsFor } from '$lib/i18n/vocabulary';
import { isMeanReference, type ReferenceKind } from '$lib/stats/reference-label';

type Scoped = Pick<Target, 'scope_type' | 'scope_keys'>;

function names(t: Scoped, areas: readonly AreaInfo[], locale: Locale): string {
	const list = t.scope_keys.map((k) => areas.find((a) => a.key === k)?.name ?? k);
	return new Intl.ListFormat(locale === 'de' ? 'de-DE' : 'en-GB', { type: 'conjunction' }).format(list);
}

/** The level of the scope's areas when it is not the finest one (areas list the finest level first). */
function coarseLevel(t: Scoped, areas: readonly AreaInfo[]): string | null {
	if (t.scope_type === 'city' || t.scope_keys.length === 0) return null;
	const level = areas.find((a) => a.key === t.scope_keys[0])?.level;
	return level && level !== areas[0]?.level ? level : null;
}

/** "Werftviertel und Hafenkante", "Stadtbezirk Nord", "Musterstadt (gesamt)". */
export function scopeName(t: Scoped, areas: readonly AreaInfo[], territory: string, locale: Locale): string {
	if (t.scope_type === 'city') return translate(locale, 'targets.scope.city', { name: territory });
	const level = coarseLevel(t, areas);
	if (level) return translate(locale, 'targets.scope.district', { level: wordsFor(level, locale).Lvl, name: names(t, areas, locale) });
	return names(t, areas, locale);
}

/** The same as a phrase inside a sentence: "in Werftviertel", "in Nord (Stadtbezirk)", "in Musterstadt insgesamt". */
export function scopePhrase(t: Scoped, areas: readonly AreaInfo[], territory: string, locale: Locale): string {
	if (t.scope_type === 'city') return translate(locale, 'targets.in.city', { name: territory });
	const level = coarseLevel(t, areas);
	if (level) return translate(locale, 'targets.in.district', { level: wordsFor(level, locale).Lvl, name: names(t, areas, locale) });
	return translate(locale, 'targets.in.areas', { names: names(t, areas, locale) });
}

export function fromReference(points: readonly ReferencePoint[]): SeriesPoint[] {
	return points.map((p) => ({
		year: p.year,
		value: p.value,
		numerator: p.numerator,
		denominator: p.denominator,
		flag: p.value === null ? 'missing' : ''
	}));
}

/**
 * What a city or Stadtbezirk target is measured on when that reference is a mean of shares (no
 * numerators to pool): the kind of its latest such point, so the target says so. null otherwise.
 */
export async function scopeReferenceKind(engine: MonitorEngine, t: Pick<Target, 'indicator_id' | 'scope_type' | 'scope_keys'>): Promise<ReferenceKind | null> {
	if (t.scope_type !== 'city' && !(t.scope_type === 'stadtbezirk' && t.scope_keys.length > 0)) return null;
	const points = await engine.referenceSeries(t.indicator_id, t.scope_type === 'city' ? '' : t.scope_keys[0]);
	const mean = points.filter((p) => isMeanReference(p)).at(-1);
	return mean ? { basis: mean.basis, weights: mean.weights } : null;
}

/** The series a target is measured on. */
export async function scopeSeries(engine: MonitorEngine, t: Pick<Target, 'indicator_id' | 'scope_type' | 'scope_keys'>): Promise<SeriesPoint[]> {
	if (t.scope_type === 'city') return fromReference(await engine.referenceSeries(t.indicator_id));
	if (t.scope_keys.length === 0) return [];
	if (t.scope_keys.length === 1) return engine.seriesFor(t.scope_keys[0], t.indicator_id);
	return engine.aggregateSeries(t.indicator_id, t.scope_keys);
}

/** Filter value for "the whole city" in area filters. */
export const CITY_FILTER = '*';

/**
 * Whether a target concerns an area: an area is concerned by targets that name it, name an area
 * it lies in (its Stadtbezirk's, its Gemeinde's) or name an area inside it; CITY_FILTER by city
 * targets. City targets concern every area only when `withCity` is set (the atlas panel).
 */
export function concernsArea(t: Scoped, key: string, areas: readonly AreaInfo[], withCity = false): boolean {
	if (key === '') return true;
	if (t.scope_type === 'city') return withCity || key === CITY_FILTER;
	if (!areas.some((a) => a.key === key)) return false;
	const chain = (k: string): string[] => {
		const out: string[] = [];
		for (let a = areas.find((x) => x.key === k); a && a.parent && !out.includes(a.parent); a = areas.find((x) => x.key === a!.parent)) out.push(a.parent);
		return out;
	};
	const up = chain(key);
	return t.scope_keys.some((k) => k === key || up.includes(k) || chain(k).includes(key));
}
