/**
 * Significance comparison of an area with a reference value (city, Stadtbezirk, another area), the
 * Fingertips rule: an area is "significantly higher" when the lower limit of its confidence interval
 * lies above the reference value, "significantly lower" when the upper limit lies below it, otherwise
 * "similar" (the Fingertips benchmarking by confidence intervals; APHO Technical Briefing 3, "Commonly
 * used public health statistics and their confidence intervals", 2008).
 */
import type { Polarity, ValueType } from '../data/types';
import { byarInterval, rateInterval, wilsonInterval, type Interval } from './intervals';

export type Comparison = 'higher' | 'similar' | 'lower' | 'not_comparable';
export type PolarityComparison = 'better' | 'similar' | 'worse' | 'higher' | 'lower' | 'not_comparable';

const usable = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * Compare an interval with a reference point. "not_comparable" when a limit or the reference is
 * missing. A reference lying exactly on a limit counts as inside the interval ("similar").
 */
export function compareToReference(
	interval: { lower: number | null | undefined; upper: number | null | undefined } | null | undefined,
	referenceValue: number | null | undefined
): Comparison {
	if (!interval || !usable(interval.lower) || !usable(interval.upper) || !usable(referenceValue)) {
		return 'not_comparable';
	}
	if (interval.lower > referenceValue) return 'higher';
	if (interval.upper < referenceValue) return 'lower';
	return 'similar';
}

/**
 * Translate higher/lower into better/worse by the indicator's polarity. Neutral indicators keep
 * "higher"/"lower" (Fingertips shows them in blue shades instead of red/green).
 */
export function withPolarity(result: Comparison, polarity: Polarity): PolarityComparison {
	if (result === 'similar' || result === 'not_comparable' || polarity === 'neutral') return result;
	const higherIsGood = polarity === 'higher_is_better';
	if (result === 'higher') return higherIsGood ? 'better' : 'worse';
	return higherIsGood ? 'worse' : 'better';
}

export interface AreaCounts {
	numerator: number | null | undefined;
	denominator: number | null | undefined;
}

/**
 * The interval for an observation by value type: Wilson for proportions, Byar/exact Poisson for rates,
 * Byar/exact Poisson of the count itself for counts. null when the numbers needed are missing.
 */
export function intervalFor(
	obs: AreaCounts,
	valueType: ValueType,
	multiplier: number,
	level = 0.95
): Interval | null {
	if (!usable(obs.numerator)) return null;
	if (valueType === 'count') return byarInterval(obs.numerator, level);
	if (!usable(obs.denominator) || obs.denominator <= 0) return null;
	// A share above 100 % (numerator > denominator, loaded with a warning) is a data error the
	// quality report names; it has no interval, so the area is "not comparable" instead of a crash.
	if (valueType === 'proportion' && obs.numerator > obs.denominator) return null;
	return valueType === 'proportion'
		? wilsonInterval(obs.numerator, obs.denominator, level, multiplier)
		: rateInterval(obs.numerator, obs.denominator, level, multiplier);
}

/**
 * Compare an area (numerator/denominator) with a reference value on the same scale as the
 * indicator value (i.e. already × multiplier), at level 0.95 or 0.998.
 */
export function compareArea(
	obs: AreaCounts,
	referenceValue: number | null | undefined,
	options: { valueType: ValueType; multiplier: number; level?: number; polarity?: Polarity }
): { comparison: Comparison; withPolarity: PolarityComparison; interval: Interval | null } {
	const interval = intervalFor(obs, options.valueType, options.multiplier, options.level ?? 0.95);
	const comparison = compareToReference(interval, referenceValue);
	return {
		comparison,
		withPolarity: withPolarity(comparison, options.polarity ?? 'neutral'),
		interval
	};
}

/**
 * Reference value of an aggregate (city, Stadtbezirk): Σ numerators / Σ denominators × multiplier,
 * never the mean of the area rates. Rows with a missing numerator or denominator are skipped (so a
 * delivered total should be preferred when areas are suppressed); null when nothing is left or the
 * summed denominator is 0.
 */
export function pooledValue(rows: readonly AreaCounts[], multiplier: number): number | null {
	let num = 0;
	let den = 0;
	for (const r of rows) {
		if (!usable(r.numerator) || !usable(r.denominator)) continue;
		num += r.numerator;
		den += r.denominator;
	}
	return den > 0 ? (num / den) * multiplier : null;
}
