import { describe, expect, it } from 'vitest';
import { buildMatrix, gapsIn, topGaps, type MatrixRow } from './matrix';
import { coverageByArea } from './coverage';
import { offer } from './fixtures';
import type { NeedScore } from './need';
import type { ChainPhase } from './phases';

const areas = ['A', 'B', 'C'].map((key) => ({ key, name: `Gebiet ${key}`, parent: '01' }));
const pop = areas.flatMap((a) => ['0_2', '3_5', '6_9', '10_15', '16_17', '18_26'].map((g) => ({ area_key: a.key, age_group: g, persons: 100 })));
// u3: A has 0 offers, B 1, C 3 → 0, 10, 30 per 1,000 children; need −1 (A), 0 (B), +1 (C)
const offers = [offer('1', 'B', ['u3']), ...['2', '3', '4'].map((id) => offer(id, 'C', ['u3'], { places: 20 }))];
const need = new Map<ChainPhase, Map<string, NeedScore>>([['u3', new Map([['A', { score: 1, n: 2 }], ['B', { score: 0, n: 2 }], ['C', { score: -1, n: 2 }]])]]);

describe('matrix', () => {
	const rows = buildMatrix({ areas, need, coverage: coverageByArea(offers, ['A', 'B', 'C'], pop), method: 'tercile', measure: 'offers', placesPhases: new Set(['u3']) });

	it('puts high need with low coverage into "gap"', () => {
		// need 1, 0, −1 → high, mid, low; coverage 0, 10, 30 → low, mid, high
		const a = rows[0].cells.u3;
		expect([a.needLevel, a.coverageLevel, a.category, a.coverageValue]).toEqual(['high', 'low', 'gap', 0]);
		expect(rows[1].cells.u3.category).toBe('other'); // mid need, mid coverage
		expect(rows[2].cells.u3.category).toBe('other'); // low need, high coverage
		expect(rows.map((r) => r.gaps)).toEqual([1, 0, 0]);
		expect(gapsIn(rows, 'u3').map((r) => r.key)).toEqual(['A']);
	});

	it('has "no data" where a phase has no need score', () => {
		expect(rows[0].cells['10_16']).toMatchObject({ category: 'nodata', needLevel: null });
	});

	it('does not classify areas below the population minimum, and they do not shift the others', () => {
		const population = new Map([['A', 250], ['B', 1000], ['C', 1000]]);
		const m = buildMatrix({ areas, need, coverage: coverageByArea(offers, ['A', 'B', 'C'], pop), method: 'tercile', measure: 'offers', placesPhases: new Set(), population, minPopulation: 300 });
		expect(m[0]).toMatchObject({ small: true, gaps: 0 });
		expect(m[0].cells.u3).toMatchObject({ category: 'nodata', needLevel: null, coverageValue: 0 });
		// B and C alone: need 0, −1 → terciles of two values: B high, C low
		expect([m[1].cells.u3.needLevel, m[2].cells.u3.needLevel]).toEqual(['high', 'low']);
	});

	it('switches to places per 100 only where offers have places', () => {
		const p = buildMatrix({ areas, need, coverage: coverageByArea(offers, ['A', 'B', 'C'], pop), method: 'tercile', measure: 'places', placesPhases: new Set(['u3']) });
		// C: 3 × 20 places / 100 children × 100 = 60
		expect(p[2].cells.u3).toMatchObject({ measure: 'places', coverageValue: 60 });
		expect(p[2].cells['3_6'].measure).toBe('offers');
	});
});

describe('topGaps', () => {
	const gapRow = (key: string, score: number | null, category: 'gap' | 'other' = 'gap') =>
		({ key, name: key, parent: '', gaps: 0, small: false, cells: { u3: { category, need: { score, n: 1 } } } }) as unknown as MatrixRow;

	it('names the neediest gaps first and counts the rest', () => {
		const rows = [gapRow('a', 0.5), gapRow('b', 2), gapRow('c', 1), gapRow('d', 3, 'other'), gapRow('e', 1.5)];
		const top = topGaps(rows, 'u3', 2);
		expect(top.areas.map((r) => r.key)).toEqual(['b', 'e']);
		expect(top.more).toBe(2);
	});

	it('lists all gaps, with none more, when they fit', () => {
		expect(topGaps([gapRow('a', 1)], 'u3')).toMatchObject({ more: 0, areas: [{ key: 'a' }] });
		expect(topGaps([], 'u3')).toEqual({ areas: [], more: 0 });
	});
});
