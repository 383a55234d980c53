/**
 * Numerical building blocks: inverse normal, regularised incomplete gamma, gamma / chi-square
 * quantiles. Written here (rather than taken from simple-statistics) because the exact Poisson
 * limits need chi-square quantiles with non-integer degrees of freedom and full double precision,
 * which simple-statistics does not offer (its `probit` uses a shorter erf approximation).
 */

/**
 * Inverse of the standard normal CDF, Φ⁻¹(p).
 * Algorithm AS 241 (PPND16): Wichura MJ. "The percentage points of the normal distribution."
 * Applied Statistics 37 (1988) 477–484; relative accuracy about 1e-16. Same coefficients as R's qnorm.
 */
export function normalQuantile(p: number): number {
	if (!(p > 0 && p < 1)) {
		if (p === 0) return -Infinity;
		if (p === 1) return Infinity;
		return NaN;
	}
	const q = p - 0.5;
	if (Math.abs(q) <= 0.425) {
		const r = 0.180625 - q * q;
		return (
			(q *
				(((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r +
					45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
					133.14166789178437745) * r + 3.387132872796366608)) /
			(((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r +
				21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
				42.313330701600911252) * r + 1)
		);
	}
	let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
	let val: number;
	if (r <= 5) {
		r -= 1.6;
		val =
			(((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
				1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
				4.6303378461565452959) * r + 1.42343711074968357734) /
			(((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
				0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r +
				2.05319162663775882187) * r + 1);
	} else {
		r -= 5;
		val =
			(((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
				0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r +
				5.4637849111641143699) * r + 6.6579046435011037772) /
			(((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
				7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r +
				0.59983220655588793769) * r + 1);
	}
	return q < 0 ? -val : val;
}

/** Two-sided critical value z for a confidence level, z = Φ⁻¹(1 − (1 − level)/2); 0.95 → 1.95996. */
export function zForLevel(level: number): number {
	return normalQuantile(1 - (1 - level) / 2);
}

const LANCZOS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
	-176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
	1.5056327351493116e-7
];

/** ln Γ(x) for x > 0, Lanczos approximation (g = 7, n = 9; relative error ≈ 1e-15). */
export function lnGamma(x: number): number {
	if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
	const z = x - 1;
	let a = LANCZOS[0];
	const t = z + 7.5;
	for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
	return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Regularised lower incomplete gamma P(a, x) = γ(a, x)/Γ(a): series for x < a + 1, otherwise
 * 1 − Q with Q from the Lentz continued fraction (Press et al., Numerical Recipes 3rd ed., §6.2).
 */
export function gammaP(a: number, x: number): number {
	if (x <= 0) return 0;
	if (!Number.isFinite(x)) return 1;
	return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
}

/** Regularised upper incomplete gamma Q(a, x) = 1 − P(a, x), computed directly in the tail. */
export function gammaQ(a: number, x: number): number {
	if (x <= 0) return 1;
	if (!Number.isFinite(x)) return 0;
	return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
}

function gammaSeries(a: number, x: number): number {
	let ap = a;
	let del = 1 / a;
	let sum = del;
	for (let n = 0; n < 100000; n++) {
		ap += 1;
		del *= x / ap;
		sum += del;
		if (Math.abs(del) < Math.abs(sum) * 1e-16) break;
	}
	return sum * Math.exp(-x + a * Math.log(x) - lnGamma(a));
}

function gammaContinuedFraction(a: number, x: number): number {
	const tiny = 1e-300;
	let b = x + 1 - a;
	let c = 1 / tiny;
	let d = 1 / b;
	let h = d;
	for (let i = 1; i < 100000; i++) {
		const an = -i * (i - a);
		b += 2;
		d = an * d + b;
		if (Math.abs(d) < tiny) d = tiny;
		c = b + an / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		const del = d * c;
		h *= del;
		if (Math.abs(del - 1) < 1e-16) break;
	}
	return Math.exp(-x + a * Math.log(x) - lnGamma(a)) * h;
}

/**
 * Quantile of the Gamma(shape a, scale 1) distribution: the x with P(a, x) = p.
 * Bracketing plus Newton steps (derivative x^(a−1)e^(−x)/Γ(a)), falling back to bisection so the
 * iteration cannot leave the bracket; converges to ~1e-13 relative.
 */
export function gammaQuantile(p: number, a: number): number {
	if (!(a > 0) || !(p >= 0 && p <= 1)) return NaN;
	if (p === 0) return 0;
	if (p === 1) return Infinity;
	let lo = 0;
	let hi = Math.max(1, a);
	while (gammaP(a, hi) < p) {
		lo = hi;
		hi *= 2;
	}
	// Start: Wilson–Hilferty, or for the far lower tail the leading series term P ≈ xᵃ/Γ(a+1);
	// whichever is closer (a bad start would leave a long bisection towards 0).
	const z = normalQuantile(p);
	const wh = a * Math.pow(1 - 1 / (9 * a) + z / (3 * Math.sqrt(a)), 3);
	const small = Math.exp((Math.log(p) + lnGamma(a + 1)) / a);
	const err = (t: number) => (t > lo && t < hi ? Math.abs(gammaP(a, t) - p) : Infinity);
	let x = err(small) < err(wh) ? small : wh;
	if (!(x > lo && x < hi)) x = (lo + hi) / 2;
	const lg = lnGamma(a);
	for (let i = 0; i < 300; i++) {
		const f = gammaP(a, x) - p;
		if (f === 0) return x;
		if (f < 0) lo = x;
		else hi = x;
		const dens = Math.exp((a - 1) * Math.log(x) - x - lg);
		let next = dens > 0 ? x - f / dens : NaN;
		if (!(next > lo && next < hi)) next = (lo + hi) / 2;
		if (Math.abs(next - x) <= 1e-14 * Math.max(x, 1e-300) || hi - lo <= 1e-15 * hi) return next;
		x = next;
	}
	return x;
}

/** Chi-square quantile with (possibly non-integer) df: χ²_p(df) = 2 · GammaQuantile(p, df/2). */
export function chiSquareQuantile(p: number, df: number): number {
	return 2 * gammaQuantile(p, df / 2);
}

/** Upper tail P(χ²(df) > x) = Q(df/2, x/2); the p-value of a chi-square statistic. */
export function chiSquareSurvival(x: number, df: number): number {
	return gammaQ(df / 2, x / 2);
}

/** Standard normal CDF via Φ(x) = ½·erfc(−x/√2) and erfc(y) = Q(½, y²) for y ≥ 0. */
export function normalCdf(x: number): number {
	const y = x / Math.SQRT2;
	const tail = 0.5 * gammaQ(0.5, y * y);
	return x >= 0 ? 1 - tail : tail;
}
