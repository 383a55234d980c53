/**
 * What to call a reference value: "Stadtwert" when it is pooled, otherwise the mean it is, with its
 * weights ("Mittelwert der Sozialräume (nach Einwohnerzahl von 0 bis 2 Jahren gewichtet)"). Every
 * view that prints a reference asks here, so a mean is never passed off as the city value.
 */
import type { MessageKey } from '$lib/i18n/messages';
import type { Params } from '$lib/i18n/translate';
import { TOTAL_GROUP, type ReferenceBasis } from './reference-mean';

type Translate = (key: MessageKey, params?: Params) => string;

export interface ReferenceKind {
	basis: ReferenceBasis;
	weights: string | null;
}

/** Is this a mean standing in for the city value? (null / undefined: no reference, nothing to say.) */
export const isMeanReference = (r: ReferenceKind | null | undefined): r is ReferenceKind => !!r && r.basis !== 'pooled';

/** "0_2" → 0–2, "16_17|18_26" → 16–26 (the age groups of population.csv, from–to inclusive). */
function ageSpan(weights: string): { from: number; to: number } | null {
	const bounds = weights.split('|').flatMap((g) => g.split('_').map(Number));
	return bounds.length && bounds.every(Number.isFinite) ? { from: Math.min(...bounds), to: Math.max(...bounds) } : null;
}

/**
 * The reference's name. `short` is for a chart label next to a line ("Mittelwert (gewichtet)"),
 * where the legend or the text around it gives the long form.
 */
export function referenceName(r: ReferenceKind | null | undefined, t: Translate, form: 'long' | 'short' = 'long'): string {
	if (!isMeanReference(r)) return t('reference.city');
	if (form === 'short') return t(r.basis === 'mean' ? 'reference.short.mean' : 'reference.short.weighted');
	if (r.basis === 'mean' || !r.weights) return t('reference.mean');
	const span = r.weights === TOTAL_GROUP ? null : ageSpan(r.weights);
	return span ? t('reference.weightedAge', span) : t('reference.weightedTotal');
}

/** Mark after a mean standing in for the city value in tight figures (slides, picture exports); a footnote explains it. */
export const MEAN_MARK = 'Ø';

/** The distinct names of the means among these references (for one footnote line each). */
export function meanNames(refs: Iterable<ReferenceKind | null | undefined>, t: Translate): string[] {
	const names = new Set<string>();
	for (const r of refs) if (isMeanReference(r)) names.add(referenceName(r, t));
	return [...names];
}
