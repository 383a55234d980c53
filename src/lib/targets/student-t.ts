/**
 * Student-t quantiles for integer degrees of freedom (the projection's prediction interval needs
 * t with n − 2 df). `distributions.ts` has no t distribution; rather than pulling in a library we use
 * the closed forms of Abramowitz & Stegun, Handbook of Mathematical Functions (1964), 26.7.3 and
 * 26.7.4, for A(t|ν) = P(|T| ≤ t), θ = arctan(t/√ν):
 *
 *   ν = 1:     A = 2θ/π
 *   ν odd:     A = (2/π)·[θ + sin θ·(cos θ + (2/3)cos³θ + … + (2·4···(ν−3))/(1·3···(ν−2))·cos^(ν−2)θ)]
 *   ν even:    A = sin θ·[1 + (1/2)cos²θ + (1·3)/(2·4)cos⁴θ + … + (1·3···(ν−3))/(2·4···(ν−2))·cos^(ν−2)θ]
 *
 * and invert A by bisection (A is monotone in t), which is exact to double precision and needs no
 * starting value. Only integer ν occurs here (a count of points minus 2).
 */

/** P(|T| ≤ t) for T ~ t(ν), t ≥ 0, integer ν ≥ 1. */
export function studentTAbsCdf(t: number, df: number): number {
	checkDf(df);
	if (!(t > 0)) return 0;
	if (!Number.isFinite(t)) return 1;
	const theta = Math.atan(t / Math.sqrt(df));
	const c2 = Math.cos(theta) ** 2;
	const s = Math.sin(theta);
	if (df % 2 === 1) {
		let sum = 0;
		if (df > 1) {
			let term = Math.cos(theta);
			sum = term;
			for (let k = 3; k <= df - 2; k += 2) {
				term *= ((k - 1) / k) * c2;
				sum += term;
			}
		}
		return (2 / Math.PI) * (theta + s * sum);
	}
	let term = 1;
	let sum = 1;
	for (let k = 2; k <= df - 2; k += 2) {
		term *= ((k - 1) / k) * c2;
		sum += term;
	}
	return s * sum;
}

/** Lower-tail CDF P(T ≤ t). */
export function studentTCdf(t: number, df: number): number {
	const a = studentTAbsCdf(Math.abs(t), df);
	return t >= 0 ? 0.5 + a / 2 : 0.5 - a / 2;
}

/** The quantile t_p(ν): P(T ≤ t) = p. E.g. p = 0.975, ν = 4 → 2.776 (two-sided 95 %). */
export function studentTQuantile(p: number, df: number): number {
	checkDf(df);
	if (!(p >= 0 && p <= 1)) return NaN;
	if (p === 0.5) return 0;
	if (p === 0) return -Infinity;
	if (p === 1) return Infinity;
	const target = Math.abs(2 * p - 1);
	let lo = 0;
	let hi = 1;
	while (studentTAbsCdf(hi, df) < target) {
		lo = hi;
		hi *= 2;
		if (hi > 1e300) break;
	}
	for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
		const mid = (lo + hi) / 2;
		if (studentTAbsCdf(mid, df) < target) lo = mid;
		else hi = mid;
	}
	const t = (lo + hi) / 2;
	return p > 0.5 ? t : -t;
}

function checkDf(df: number): void {
	if (!(Number.isInteger(df) && df >= 1)) throw new Error(`Freiheitsgrade (${df}) müssen eine ganze Zahl ab 1 sein.`);
}
