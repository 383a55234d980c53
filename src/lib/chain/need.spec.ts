import { describe, expect, it } from 'vitest';
import type { Indicator } from '$lib/data/types';
import { needByPhase, needIndicators } from './need';

const ind = (id: string, life_phase: Indicator['life_phase'], polarity: Indicator['polarity']) => ({ id, life_phase, polarity }) as Indicator;
const indicators = [ind('armut', 'u3', 'higher_is_worse'), ind('betreuung', 'u3', 'higher_is_better'), ind('geburten', 'u3', 'neutral')];
const K = ['A', 'B', 'C'];
const v = (xs: (number | null)[]) => new Map(K.map((k, i) => [k, xs[i]]));

describe('need per phase (hand-computed)', () => {
	it('averages oriented z-scores of the phase’s directed indicators', () => {
		// armut 10, 20, 30 → z −1, 0, +1 (mean 20, SD 10); betreuung 50, 40, 30 (higher is better)
		// → z +1, 0, −1, turned → −1, 0, +1; need = mean = −1, 0, +1. The neutral birth rate is ignored.
		const n = needByPhase(indicators, { armut: v([10, 20, 30]), betreuung: v([50, 40, 30]), geburten: v([1, 99, 5]) }, K).get('u3')!;
		expect(K.map((k) => n.get(k))).toEqual([{ score: -1, n: 2 }, { score: 0, n: 2 }, { score: 1, n: 2 }]);
		expect(needIndicators(indicators, 'u3').map((i) => i.id)).toEqual(['armut', 'betreuung']);
	});

	it('uses the indicators an area has and gives no score without any', () => {
		// armut for A, B only: 10, 30 → z −0.7071, +0.7071; betreuung missing for C too
		const n = needByPhase(indicators, { armut: v([10, 30, null]), betreuung: v([null, null, null]) }, K).get('u3')!;
		expect(n.get('A')!.score).toBeCloseTo(-0.7071, 4);
		expect(n.get('C')).toEqual({ score: null, n: 0 });
		expect(needByPhase(indicators, {}, K).get('10_16')!.get('A')).toEqual({ score: null, n: 0 });
	});
});
