import fc from 'fast-check';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaCrosswalk, populationCrosswalk, roundWeights, type CrosswalkArea, type CrosswalkWeight } from './crosswalk';

/** A lon/lat box, counter-clockwise, with `steps` points per edge (edges then follow parallels). */
function box(w: number, s: number, e: number, n: number, steps = 1): Polygon {
	const edge = (a: [number, number], b: [number, number]) =>
		Array.from({ length: steps }, (_, i) => [a[0] + ((b[0] - a[0]) * i) / steps, a[1] + ((b[1] - a[1]) * i) / steps]);
	const ring = [...edge([w, s], [e, s]), ...edge([e, s], [e, n]), ...edge([e, n], [w, n]), ...edge([w, n], [w, s])];
	return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}
const area = (key: string, geometry: Polygon): CrosswalkArea => ({ key, geometry });
const byTo = (weights: CrosswalkWeight[]) => Object.fromEntries(weights.map((w) => [`${w.from_key}>${w.to_key}`, w.weight]));
const sumsPerFrom = (weights: CrosswalkWeight[]) => {
	const sums = new Map<string, number>();
	for (const w of weights) sums.set(w.from_key, (sums.get(w.from_key) ?? 0) + w.weight);
	return [...sums.values()];
};
const rad = (deg: number) => (deg * Math.PI) / 180;

describe('areaCrosswalk', () => {
	it('gives each third of a square cut into three equal strips one third', () => {
		const old = [area('A', box(7.0, 51.0, 7.03, 51.02))];
		const next = [area('N1', box(7.0, 51.0, 7.01, 51.02)), area('N2', box(7.01, 51.0, 7.02, 51.02)), area('N3', box(7.02, 51.0, 7.03, 51.02))];
		const result = areaCrosswalk(old, next);
		expect(result.weights.map((w) => w.to_key)).toEqual(['N1', 'N2', 'N3']);
		// The new boundaries end in the middle of A's (two-point) edges: intersected in lon/lat, where
		// GeoJSON edges are straight, that leaves no sliver (projected first, it left 1e-4 of A).
		for (const w of result.weights) expect(w.weight).toBeCloseTo(1 / 3, 9);
		expect(result).toMatchObject({ method: 'area', slivers: [], unmatched: [], areaFallback: [] });
	});

	it('weights by surface on the sphere, not by degrees: the southern half of a 1° square is larger', () => {
		// Between two parallels the sphere's surface is ∝ sin φ₂ − sin φ₁ (Archimedes' hat-box theorem),
		// so cut at 51° N the half 50.5–51° holds (sin 51° − sin 50.5°) / (sin 51.5° − sin 50.5°) = 0.50269
		// of the square; a lon/lat plane (even one scaled by cos 51°) says 0.5.
		const old = [area('A', box(7.0, 50.5, 8.0, 51.5))];
		const next = [area('S', box(7.0, 50.5, 8.0, 51.0)), area('N', box(7.0, 51.0, 8.0, 51.5))];
		const south = byTo(areaCrosswalk(old, next).weights)['A>S'];
		const expected = (Math.sin(rad(51)) - Math.sin(rad(50.5))) / (Math.sin(rad(51.5)) - Math.sin(rad(50.5)));
		expect(expected).toBeCloseTo(0.50269, 5);
		expect(south).toBeCloseTo(expected, 9);
		expect(Math.abs(south - 0.5)).toBeGreaterThan(0.002);
	});

	it('maps two Gemeinden that merged onto the new one with weight 1 each', () => {
		const old = [area('Oberau', box(7.0, 51.0, 7.05, 51.04)), area('Niederau', box(7.05, 51.0, 7.1, 51.04))];
		const next = [area('Auetal', box(7.0, 51.0, 7.1, 51.04, 2))];
		expect(areaCrosswalk(old, next).weights).toEqual([
			{ from_key: 'Oberau', to_key: 'Auetal', weight: expect.closeTo(1, 12) },
			{ from_key: 'Niederau', to_key: 'Auetal', weight: expect.closeTo(1, 12) }
		]);
	});

	it('needs no row for a key that exists in both versions (it maps onto itself), unless asked', () => {
		const keep = area('B', box(7.1, 51.0, 7.2, 51.1));
		const old = [area('A', box(7.0, 51.0, 7.1, 51.1)), keep];
		const next = [area('A1', box(7.0, 51.0, 7.05, 51.1)), area('A2', box(7.05, 51.0, 7.1, 51.1)), keep];
		expect(areaCrosswalk(old, next).weights.map((w) => w.from_key)).toEqual(['A', 'A']);
		const all = byTo(areaCrosswalk(old, next, { includeUnchanged: true }).weights);
		expect(all['B>B']).toBeCloseTo(1, 12);
	});

	it('drops a sliver from a boundary digitised slightly differently, reports it and renormalises', () => {
		// The new version's boundary lies 0.00002° (≈ 1.4 m) inside: 0.2 % of A falls to the neighbour.
		const old = [area('A', box(7.0, 51.0, 7.01, 51.01))];
		const next = [area('A_neu', box(7.0, 51.0, 7.00998, 51.01)), area('Nachbar', box(7.00998, 51.0, 7.02, 51.01))];
		const result = areaCrosswalk(old, next);
		expect(result.weights).toEqual([{ from_key: 'A', to_key: 'A_neu', weight: 1 }]);
		expect(result.slivers).toHaveLength(1);
		expect(result.slivers[0]).toMatchObject({ from_key: 'A', to_key: 'Nachbar' });
		expect(result.slivers[0].share).toBeCloseTo(0.002, 5);
		// With a lower threshold the piece counts.
		const strict = byTo(areaCrosswalk(old, next, { minShare: 0.001 }).weights);
		expect(strict['A>Nachbar']).toBeCloseTo(0.002, 5);
		expect(strict['A>A_neu']).toBeCloseTo(0.998, 5);
	});

	it('names an old area that no new area overlaps (its counts cannot be shared out)', () => {
		const old = [area('A', box(7.0, 51.0, 7.01, 51.01)), area('weg', box(8.0, 52.0, 8.01, 52.01))];
		const next = [area('N', box(7.0, 51.0, 7.01, 51.01))];
		const result = areaCrosswalk(old, next);
		expect(result.unmatched).toEqual(['weg']);
		expect(result.weights.map((w) => w.from_key)).toEqual(['A']);
	});

	it('handles holes and multipolygons: a ring-shaped area around a core cut into halves', () => {
		// Old: a square with a hole. New: its west and east halves, the west one given as a MultiPolygon,
		// and the core (the hole) as its own area, which the ring must not share into.
		const outer = box(7.0, 51.0, 7.04, 51.04).coordinates[0];
		const hole = [...box(7.01, 51.01, 7.03, 51.03).coordinates[0]].reverse();
		const ring = area('Ring', { type: 'Polygon', coordinates: [outer, hole] });
		const west: CrosswalkArea = { key: 'West', geometry: { type: 'MultiPolygon', coordinates: [box(7.0, 51.0, 7.02, 51.04).coordinates] } };
		const next = [west, area('Ost', box(7.02, 51.0, 7.04, 51.04)), area('Kern', box(7.01, 51.01, 7.03, 51.03))];
		const weights = byTo(areaCrosswalk([ring], next).weights);
		expect(weights['Ring>West']).toBeCloseTo(0.5, 4);
		expect(weights['Ring>Ost']).toBeCloseTo(0.5, 4);
		expect(weights['Ring>Kern']).toBeUndefined();
	});

	it('sums to 1 for every old area, whatever the cut (property)', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 5 }),
				fc.integer({ min: 1, max: 99 }),
				(cuts, horizontal) => {
					const xs = [0, ...cuts.sort((a, b) => a - b), 100].map((c) => 7 + c / 1000);
					const y = 51 + horizontal / 1000;
					const next: CrosswalkArea[] = [];
					for (let i = 0; i + 1 < xs.length; i++) {
						next.push(area(`s${i}`, box(xs[i], 51, xs[i + 1], y)), area(`n${i}`, box(xs[i], y, xs[i + 1], 51.1)));
					}
					const result = areaCrosswalk([area('A', box(7, 51, 7.1, 51.1))], next, { minShare: 0 });
					expect(sumsPerFrom(result.weights)).toEqual([expect.closeTo(1, 9)]);
					for (const w of result.weights) {
						const i = Number(w.to_key.slice(1));
						const width = (xs[i + 1] - xs[i]) / 0.1;
						const height = w.to_key[0] === 's' ? horizontal / 100 : 1 - horizontal / 100;
						// to 0.005: the sphere's latitude effect over 0.1° is far smaller
						expect(w.weight).toBeCloseTo(width * height, 2);
						expect(w.weight).toBeGreaterThan(0);
					}
				}
			),
			{ numRuns: 60 }
		);
	});
});

describe('populationCrosswalk', () => {
	const old = [area('A', box(7.0, 51.0, 7.03, 51.02))];
	const thirds = [area('N1', box(7.0, 51.0, 7.01, 51.02)), area('N2', box(7.01, 51.0, 7.02, 51.02)), area('N3', box(7.02, 51.0, 7.03, 51.02))];

	it('shares out by residents when the population units nest in the pieces', () => {
		const units = [
			{ geometry: thirds[0].geometry, persons: 600 },
			{ geometry: thirds[1].geometry, persons: 300 },
			{ geometry: thirds[2].geometry, persons: 100 }
		];
		const w = byTo(populationCrosswalk(old, thirds, units).weights);
		expect(w['A>N1']).toBeCloseTo(0.6, 9);
		expect(w['A>N2']).toBeCloseTo(0.3, 9);
		expect(w['A>N3']).toBeCloseTo(0.1, 9);
	});

	it('spreads a unit cut by the new boundary evenly over its surface', () => {
		// One unit covering the western two thirds with 800 residents, one the eastern third with 200.
		const units = [
			{ geometry: box(7.0, 51.0, 7.02, 51.02), persons: 800 },
			{ geometry: thirds[2].geometry, persons: 200 }
		];
		const w = byTo(populationCrosswalk(old, thirds, units).weights);
		expect(w['A>N1']).toBeCloseTo(0.4, 9);
		expect(w['A>N2']).toBeCloseTo(0.4, 9);
		expect(w['A>N3']).toBeCloseTo(0.2, 9);
	});

	it('leaves out a piece without residents and falls back to area weights for an old area without any', () => {
		const units = [{ geometry: thirds[0].geometry, persons: 50 }];
		const result = populationCrosswalk(old, thirds, units);
		expect(result.weights).toEqual([{ from_key: 'A', to_key: 'N1', weight: 1 }]);
		const empty = populationCrosswalk(old, thirds, [{ geometry: box(8, 52, 8.01, 52.01), persons: 10 }]);
		expect(empty.areaFallback).toEqual(['A']);
		expect(sumsPerFrom(empty.weights)).toEqual([expect.closeTo(1, 9)]);
		expect(empty.weights).toHaveLength(3);
	});

	it('sums to 1 for random residents (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 3, maxLength: 3 }), (persons) => {
				fc.pre(persons.some((p) => p > 0));
				const units = thirds.map((t, i) => ({ geometry: t.geometry, persons: persons[i] }));
				const result = populationCrosswalk(old, thirds, units);
				expect(sumsPerFrom(result.weights)).toEqual([expect.closeTo(1, 9)]);
				const total = persons.reduce((s, p) => s + p, 0);
				for (const w of result.weights) expect(w.weight).toBeCloseTo(persons[Number(w.to_key.slice(1)) - 1] / total, 9);
			}),
			{ numRuns: 60 }
		);
	});
});

describe('roundWeights', () => {
	it('rounds thirds to 6 decimals that still sum to exactly 1', () => {
		const rounded = roundWeights([
			{ from_key: 'A', to_key: 'N1', weight: 1 / 3 },
			{ from_key: 'A', to_key: 'N2', weight: 1 / 3 },
			{ from_key: 'A', to_key: 'N3', weight: 1 / 3 },
			{ from_key: 'B', to_key: 'N3', weight: 1 }
		]);
		expect(rounded.map((w) => w.weight)).toEqual([0.333334, 0.333333, 0.333333, 1]);
		expect(rounded.filter((w) => w.from_key === 'A').reduce((s, w) => s + Math.round(w.weight * 1e6), 0)).toBe(1e6);
	});

	it('drops a weight that rounds to 0 (the format requires 0 < w)', () => {
		const rounded = roundWeights([
			{ from_key: 'A', to_key: 'N1', weight: 0.9999999 },
			{ from_key: 'A', to_key: 'N2', weight: 0.0000001 }
		]);
		expect(rounded).toEqual([{ from_key: 'A', to_key: 'N1', weight: 1 }]);
	});
});
