/**
 * Need (Bedarf) per life phase and area: the phase's indicators that have a direction, oriented so
 * that higher = more need, z-standardised across the areas with a value, averaged with equal weight.
 * Neutral indicators (e.g. the birth rate) say nothing about need and are left out. An area keeps a
 * score from the indicators it has; `n` says how many that were.
 */
import type { Indicator } from '$lib/data/types';
import { zScores } from '$lib/index/standardise';
import type { AreaValues } from '$lib/index/status';
import { CHAIN_PHASES, type ChainPhase } from './phases';

export interface NeedScore {
	score: number | null;
	/** Number of indicators the score is based on. */
	n: number;
}

/** The indicators that define need in a phase. */
export function needIndicators(indicators: readonly Indicator[], phase: ChainPhase): Indicator[] {
	return indicators.filter((i) => i.life_phase === phase && i.polarity !== 'neutral');
}

export function needByPhase(
	indicators: readonly Indicator[],
	values: Readonly<Record<string, AreaValues>>,
	areaKeys: readonly string[]
): Map<ChainPhase, Map<string, NeedScore>> {
	const out = new Map<ChainPhase, Map<string, NeedScore>>();
	for (const phase of CHAIN_PHASES) {
		const inds = needIndicators(indicators, phase).filter((i) => values[i.id]);
		const z = inds.map((i) => {
			const s = i.polarity === 'higher_is_worse' ? 1 : -1;
			// Sample SD as before: the need levels are terciles or SD bands of these scores, and a common
			// scale factor moves neither; only areas lacking some indicators could shift (n differs).
			return zScores(areaKeys.map((k) => values[i.id].get(k) ?? null), 'sample').map((v) => (v === null ? null : s * v));
		});
		out.set(
			phase,
			new Map(
				areaKeys.map((k, a) => {
					const xs = z.map((col) => col[a]).filter((v): v is number => v !== null);
					return [k, { score: xs.length ? xs.reduce((s, v) => s + v, 0) / xs.length : null, n: xs.length }];
				})
			)
		);
	}
	return out;
}
