/**
 * Seeded random streams. Every consumer asks for its own named stream, so adding a new indicator
 * or offer type does not shift the numbers of everything generated after it.
 */
import { randomBinomial, randomLcg, randomNormal, randomPoisson } from 'd3';
import { SEED } from './config';

/** FNV-1a 32-bit: a stable string hash, enough to spread stream names over seeds. */
function fnv1a(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h >>> 0;
}

export interface Stream {
	/** Uniform in [0, 1). */
	uniform(): number;
	/** Uniform in [lo, hi). */
	between(lo: number, hi: number): number;
	/** Integer in [lo, hi] inclusive. */
	int(lo: number, hi: number): number;
	normal(mean?: number, sd?: number): number;
	binomial(n: number, p: number): number;
	poisson(lambda: number): number;
	pick<T>(items: readonly T[]): T;
}

/** Named streams of one generated territory (its own master seed). */
export type Streams = (name: string) => Stream;

export function seededStreams(seed: string): Streams {
	return (name) => streamFor(`${seed}/${name}`);
}

/** Musterstadt's streams. */
export const stream: Streams = seededStreams(SEED);

function streamFor(id: string): Stream {
	const source = randomLcg(fnv1a(id) / 0x100000000);
	const normal = randomNormal.source(source);
	const binomial = randomBinomial.source(source);
	const poisson = randomPoisson.source(source);
	return {
		uniform: source,
		between: (lo, hi) => lo + (hi - lo) * source(),
		int: (lo, hi) => lo + Math.floor(source() * (hi - lo + 1)),
		normal: (mean = 0, sd = 1) => normal(mean, sd)(),
		// d3's samplers return NaN/throw on degenerate input; a city has areas with 0 persons of an age.
		binomial: (n, p) => (n <= 0 || p <= 0 ? 0 : p >= 1 ? n : binomial(n, p)()),
		poisson: (lambda) => (lambda <= 0 ? 0 : poisson(lambda)()),
		pick: (items) => items[Math.floor(source() * items.length)]
	};
}

export const logistic = (x: number): number => 1 / (1 + Math.exp(-x));
export const logit = (p: number): number => Math.log(p / (1 - p));
