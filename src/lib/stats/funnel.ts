/**
 * Funnel-plot control limits as functions of the denominator (Spiegelhalter DJ. "Funnel plots for
 * comparing institutional performance." Statistics in Medicine 24 (2005) 1185–1202), with the limit
 * definitions of PHEindicatormethods (phe_funnels / calculate_funnel_limits, after the Fingertips
 * technical guidance): 95 % ("2 sigma", p = 0.025 each side) and 99.8 % ("3 sigma", p = 0.001).
 */
import { gammaP, zForLevel } from './distributions';

export interface FunnelLimits {
	lower: number;
	upper: number;
}

function check(denominator: number, level: number): void {
	if (!(Number.isFinite(denominator) && denominator > 0)) {
		throw new Error(`Der Nenner (${denominator}) muss größer als 0 sein.`);
	}
	if (!(level > 0 && level < 1)) throw new Error(`Das Konfidenzniveau (${level}) muss zwischen 0 und 1 liegen.`);
}

/**
 * Proportions: the observed proportions whose Wilson score interval just touches the target p₀,
 *
 *   p₀ ± z·√(p₀(1 − p₀)/n),  clamped to [0, 1], returned × multiplier.
 *
 * Why this form: the Wilson interval is the set of p with (p̂ − p)² ≤ z²p(1 − p)/n, so p₀ lies on its
 * boundary exactly when p̂ = p₀ ± z√(p₀(1 − p₀)/n). PHEindicatormethods' `sigma_adjustment` solves the
 * same quadratic in expanded form; an area is outside the funnel iff its Wilson interval excludes p₀,
 * which keeps the funnel consistent with compareToReference. `target` is a proportion in [0, 1].
 */
export function proportionFunnelLimits(
	denominator: number,
	target: number,
	level = 0.95,
	multiplier = 100
): FunnelLimits {
	check(denominator, level);
	if (!(target >= 0 && target <= 1)) throw new Error(`Der Zielanteil (${target}) muss zwischen 0 und 1 liegen.`);
	const half = zForLevel(level) * Math.sqrt((target * (1 - target)) / denominator);
	return {
		lower: Math.max(0, target - half) * multiplier,
		upper: Math.min(1, target + half) * multiplier
	};
}

/**
 * Solve P(a, μ) = p for the shape a in [aMin, ∞). P(a, μ) decreases in a, so bisection is safe.
 * Used to treat the event count as continuous: Q(e + 1, μ) = P(X ≤ e | μ).
 */
function solveShape(mu: number, p: number, aMin: number): number {
	let lo = aMin;
	let hi = Math.max(aMin + 1, mu + 10 * Math.sqrt(mu + 1) + 10);
	while (gammaP(hi, mu) > p) hi *= 2;
	if (gammaP(lo, mu) < p) return lo;
	for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
		const mid = (lo + hi) / 2;
		if (gammaP(mid, mu) > p) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}

/**
 * Rates (exact Poisson): with expected count μ = target × denominator, the control limits are the
 * observed counts e whose exact Poisson interval just touches μ,
 *
 *   lower count e_L:  upper exact limit of e_L = μ   ⇔  P(X ≤ e_L | μ) = α/2
 *   upper count e_U:  lower exact limit of e_U = μ   ⇔  P(X ≥ e_U | μ) = α/2
 *
 * with the count treated as continuous (incomplete-gamma form), returned as rates e/denominator ×
 * multiplier. At integer counts this reproduces PHEindicatormethods' rate funnels (which tabulate the
 * population at which e events sit on the limit). `target` is events per person (e.g. 0.0116 for
 * 11.6 je 1.000). The lower limit is 0 while no count could be significantly low.
 */
export function rateFunnelLimits(
	denominator: number,
	target: number,
	level = 0.95,
	multiplier = 1000
): FunnelLimits {
	check(denominator, level);
	if (!(target >= 0 && Number.isFinite(target))) throw new Error(`Die Zielrate (${target}) darf nicht negativ sein.`);
	const alpha = 1 - level;
	const mu = target * denominator;
	if (mu === 0) return { lower: 0, upper: 0 };
	// lower: Q(e+1, μ) = α/2  ⇔  P(e+1, μ) = 1 − α/2, with e ≥ 0.
	const eLower = solveShape(mu, 1 - alpha / 2, 1) - 1;
	// upper: P(e, μ) = α/2, with e > 0.
	const eUpper = solveShape(mu, alpha / 2, 1e-9);
	return {
		lower: (Math.max(0, eLower) / denominator) * multiplier,
		upper: (eUpper / denominator) * multiplier
	};
}

export type FunnelPosition = 'high_998' | 'high_95' | 'inside' | 'low_95' | 'low_998';

/**
 * Where an observed value lies relative to the 95 % and 99.8 % limits (value on the same scale as
 * the limits, i.e. × multiplier). Strict inequalities, as PHEindicatormethods' funnel significance.
 */
export function funnelPosition(
	value: number,
	limits95: FunnelLimits,
	limits998: FunnelLimits
): FunnelPosition {
	if (value > limits998.upper) return 'high_998';
	if (value < limits998.lower) return 'low_998';
	if (value > limits95.upper) return 'high_95';
	if (value < limits95.lower) return 'low_95';
	return 'inside';
}

/**
 * Points for drawing a funnel: `points` denominators spaced evenly on a log scale between
 * minDenominator and maxDenominator, each with its limits at the given levels.
 */
export function funnelCurve(
	kind: 'proportion' | 'rate',
	target: number,
	minDenominator: number,
	maxDenominator: number,
	options: { levels?: readonly number[]; multiplier?: number; points?: number } = {}
): { denominator: number; limits: FunnelLimits[] }[] {
	const levels = options.levels ?? [0.95, 0.998];
	const points = Math.max(2, options.points ?? 100);
	const lo = Math.max(1, minDenominator);
	const hi = Math.max(lo, maxDenominator);
	const f = kind === 'proportion' ? proportionFunnelLimits : rateFunnelLimits;
	const multiplier = options.multiplier ?? (kind === 'proportion' ? 100 : 1000);
	const out: { denominator: number; limits: FunnelLimits[] }[] = [];
	for (let i = 0; i < points; i++) {
		const d = lo * Math.pow(hi / lo, i / (points - 1));
		out.push({ denominator: d, limits: levels.map((l) => f(d, target, l, multiplier)) });
	}
	return out;
}
