/**
 * Weighted least-squares straight line with a prediction interval for a new observation, used to
 * project a target's recent trend to its target year.
 *
 * Model: yᵢ = β₀ + β₁xᵢ + εᵢ, Var(εᵢ) = σ²/wᵢ. With W = Σwᵢ, x̄ = Σwᵢxᵢ/W, ȳ = Σwᵢyᵢ/W,
 *   Sxx = Σwᵢ(xᵢ − x̄)²,  Sxy = Σwᵢ(xᵢ − x̄)(yᵢ − ȳ),  β̂₁ = Sxy/Sxx,  β̂₀ = ȳ − β̂₁x̄,
 *   s² = Σwᵢ(yᵢ − ŷᵢ)² / (n − 2)
 * and for a new observation at x₀ with weight w₀
 *   Var(y₀ − ŷ₀) = s²·(1/w₀ + 1/W + (x₀ − x̄)²/Sxx),   PI = ŷ₀ ± t_{1−α/2}(n − 2)·√Var.
 * With all weights 1 this is the textbook interval s²(1 + 1/n + (x₀ − x̄)²/Sxx).
 * References: Draper NR, Smith H. Applied Regression Analysis, 3rd ed., Wiley 1998, ch. 1 (straight
 * line, prediction of a new observation) and §9.2 (weighted least squares); NIST/SEMATECH
 * e-Handbook of Statistical Methods, §4.1.4.3 "Weighted Least Squares Regression".
 *
 * s² is estimated from the residuals (not fixed at 1) on purpose: year-to-year variation of a
 * social indicator is larger than sampling error alone, and the estimate absorbs it. The interval
 * is then invariant to rescaling all weights.
 */
import { studentTQuantile } from './student-t';

export interface WeightedPoint {
	x: number;
	y: number;
	/** Relative precision, e.g. 1/SE²; 1 for an unweighted fit. */
	w: number;
}

export interface LineFit {
	n: number;
	slope: number;
	intercept: number;
	xMean: number;
	sxx: number;
	sumW: number;
	/** Residual variance per unit weight, Σw(y − ŷ)²/(n − 2). */
	s2: number;
}

export interface Prediction {
	value: number;
	lower: number;
	upper: number;
	/** Standard error of the prediction error y₀ − ŷ₀. */
	se: number;
}

/** Fit the line; null with fewer than 3 points, non-positive weights, or all x equal. */
export function fitLine(points: readonly WeightedPoint[]): LineFit | null {
	const n = points.length;
	if (n < 3 || points.some((p) => !(p.w > 0) || !Number.isFinite(p.x) || !Number.isFinite(p.y))) return null;
	let sumW = 0;
	let sx = 0;
	let sy = 0;
	for (const p of points) {
		sumW += p.w;
		sx += p.w * p.x;
		sy += p.w * p.y;
	}
	const xMean = sx / sumW;
	const yMean = sy / sumW;
	let sxx = 0;
	let sxy = 0;
	for (const p of points) {
		sxx += p.w * (p.x - xMean) ** 2;
		sxy += p.w * (p.x - xMean) * (p.y - yMean);
	}
	if (!(sxx > 0)) return null;
	const slope = sxy / sxx;
	const intercept = yMean - slope * xMean;
	let sse = 0;
	for (const p of points) sse += p.w * (p.y - (intercept + slope * p.x)) ** 2;
	return { n, slope, intercept, xMean, sxx, sumW, s2: sse / (n - 2) };
}

/** Prediction interval for a new observation at x0 whose weight is w0 (level e.g. 0.95). */
export function predictNew(fit: LineFit, x0: number, w0: number, level = 0.95): Prediction {
	const value = fit.intercept + fit.slope * x0;
	const se = Math.sqrt(fit.s2 * (1 / w0 + 1 / fit.sumW + (x0 - fit.xMean) ** 2 / fit.sxx));
	const t = studentTQuantile(1 - (1 - level) / 2, fit.n - 2);
	return { value, lower: value - t * se, upper: value + t * se, se };
}
