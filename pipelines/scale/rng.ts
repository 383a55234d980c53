/**
 * Fast seeded randomness for the scale generator (tens of millions of draws). Two kinds:
 * - `stream(name)`: a sequential generator (sfc32), one per consumer, so adding an indicator does not
 *   shift the numbers of the others;
 * - `hash01(...)`: a stateless value for a position (a grid corner, an edge point), so neighbouring
 *   cells that share a vertex compute the very same coordinates independently.
 * Only integer arithmetic plus Math.log/sqrt/cos/exp (fdlibm in V8): identical on every machine.
 */

/** FNV-1a 32-bit over a string. */
export function fnv1a(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h >>> 0;
}

/** A 32-bit integer mix (murmur3 finaliser). */
function mix(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** Uniform in [0, 1) for (seed, a, b, c): the same inputs always give the same number. */
export function hash01(seed: number, a: number, b: number, c = 0): number {
	let h = mix(seed ^ Math.imul(a + 0x9e3779b9, 0x27d4eb2d));
	h = mix(h ^ Math.imul(b + 0x7f4a7c15, 0x165667b1));
	h = mix(h ^ Math.imul(c + 0x5bd1e995, 0x1b873593));
	return h / 0x100000000;
}

export interface Stream {
	/** Uniform in [0, 1). */
	uniform(): number;
	between(lo: number, hi: number): number;
	normal(mean?: number, sd?: number): number;
	/** Binomial draw: exact below 40 trials, normal approximation (clamped to 0…n) above. */
	binomial(n: number, p: number): number;
	/** Poisson draw: exact (Knuth) below λ = 30, normal approximation above. */
	poisson(lambda: number): number;
}

export function stream(seed: string, name: string): Stream {
	// sfc32 (Small Fast Counter), state seeded from two string hashes.
	let a = fnv1a(`${seed}/${name}`);
	let b = fnv1a(`${name}#${seed}`);
	let c = mix(a ^ 0xdeadbeef);
	let d = 1;
	const next = (): number => {
		a >>>= 0;
		b >>>= 0;
		c >>>= 0;
		d >>>= 0;
		const t = (((a + b) >>> 0) + d) >>> 0;
		d = (d + 1) >>> 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) >>> 0;
		c = (c << 21) | (c >>> 11);
		c = (c + t) >>> 0;
		return t / 0x100000000;
	};
	for (let i = 0; i < 12; i++) next();
	let spare: number | null = null;
	const gauss = (): number => {
		if (spare !== null) {
			const s = spare;
			spare = null;
			return s;
		}
		const u = 1 - next();
		const v = next();
		const r = Math.sqrt(-2 * Math.log(u));
		spare = r * Math.sin(2 * Math.PI * v);
		return r * Math.cos(2 * Math.PI * v);
	};
	return {
		uniform: next,
		between: (lo, hi) => lo + (hi - lo) * next(),
		normal: (mean = 0, sd = 1) => mean + sd * gauss(),
		binomial(n, p) {
			if (n <= 0 || p <= 0) return 0;
			if (p >= 1) return n;
			if (n < 40) {
				let k = 0;
				for (let i = 0; i < n; i++) if (next() < p) k++;
				return k;
			}
			const k = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * gauss());
			return k < 0 ? 0 : k > n ? n : k;
		},
		poisson(lambda) {
			if (lambda <= 0) return 0;
			if (lambda < 30) {
				const limit = Math.exp(-lambda);
				let k = 0;
				let prod = next();
				while (prod > limit) {
					k++;
					prod *= next();
				}
				return k;
			}
			const k = Math.round(lambda + Math.sqrt(lambda) * gauss());
			return k < 0 ? 0 : k;
		}
	};
}

export const logistic = (x: number): number => 1 / (1 + Math.exp(-x));
export const logit = (p: number): number => Math.log(p / (1 - p));
