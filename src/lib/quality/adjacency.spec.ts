import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection, Polygon } from 'geojson';
import { rookNeighbours } from './adjacency';

/** 3 × 3 unit squares, keys "r c" (row, column); rings closed, counter-clockwise. */
function grid(): FeatureCollection<Polygon, { key: string }> {
	const features = [];
	for (let r = 0; r < 3; r++) {
		for (let c = 0; c < 3; c++) {
			const ring = [[c, r], [c + 1, r], [c + 1, r + 1], [c, r + 1], [c, r]];
			features.push({ type: 'Feature' as const, properties: { key: `${r}${c}` }, geometry: { type: 'Polygon' as const, coordinates: [ring] } });
		}
	}
	return { type: 'FeatureCollection', features };
}

describe('rookNeighbours', () => {
	it('on a 3 × 3 grid: the centre has 4 neighbours, a corner 2, an edge square 3 (spdep::poly2nb(queen = FALSE))', () => {
		const nb = rookNeighbours(grid());
		expect(nb.get('11')).toEqual(['01', '10', '12', '21']);
		expect(nb.get('00')).toEqual(['01', '10']);
		expect(nb.get('01')).toEqual(['00', '02', '11']);
		// 12 shared edges in a 3 × 3 grid, each counted from both sides
		expect([...nb.values()].reduce((s, l) => s + l.length, 0)).toBe(24);
	});

	it('treats points that differ only beyond the 5th decimal as the same point', () => {
		const g = grid();
		g.features[1].geometry.coordinates[0] = g.features[1].geometry.coordinates[0].map(([x, y]) => [x + 0.000001, y - 0.000001]);
		expect(rookNeighbours(g).get('00')).toEqual(['01', '10']);
	});

	it('is symmetric and gives every Sozialraum of the demo city at least two neighbours', () => {
		const fc = JSON.parse(readFileSync('data/musterstadt/areas-sozialraum.geojson', 'utf8'));
		const nb = rookNeighbours(fc);
		expect(nb.size).toBe(fc.features.length);
		for (const [k, list] of nb) {
			expect(list.length, k).toBeGreaterThanOrEqual(2);
			for (const other of list) expect(nb.get(other), `${k} ↔ ${other}`).toContain(k);
		}
	});
});
