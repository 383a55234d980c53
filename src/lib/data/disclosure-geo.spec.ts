/**
 * Disclosure control across levels and boundary versions: no withheld cell may be recoverable
 * from any level's published totals (a Gemeinde, the Kreis, the territory), in the hierarchy of
 * the year's boundary version.
 *
 * The check is independent of stats/disclosure.ts's bookkeeping: every published total of a year
 * is written as the equation "total = Σ of the finest cells inside it that year" (from the
 * geography's ancestor relation, not from parent links), and a withheld value x is exactly
 * recoverable iff the unit vector of x lies in the row space of those equations restricted to
 * the unknowns (Hundepool et al. 2012, Statistical Disclosure Control, ch. 4: a single
 * suppressed cell in a row of a sum table is recoverable, several only as their sum).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGeography, epochOf, type Geography } from './geography';
import { suppressAcrossVersions, type GeoCell } from './disclosure-geo';
import type { AreaLevel } from './types';
import type { DisclosureResult } from '$lib/stats/disclosure';
import { readPackageFromDir } from './package/load-node';
import { readPackage } from './package/validate';
import { packageGeography } from '../../../pipelines/publish/disclose-package';

type Dim = 'numerator' | 'denominator';

function rank(rows: number[][]): number {
	const m = rows.map((r) => [...r]);
	let rk = 0;
	const cols = m[0]?.length ?? 0;
	for (let col = 0; col < cols && rk < m.length; col++) {
		let pivot = -1;
		for (let i = rk; i < m.length; i++) if (Math.abs(m[i][col]) > 1e-9 && (pivot < 0 || Math.abs(m[i][col]) > Math.abs(m[pivot][col]))) pivot = i;
		if (pivot < 0) continue;
		[m[rk], m[pivot]] = [m[pivot], m[rk]];
		for (let i = 0; i < m.length; i++) {
			if (i === rk) continue;
			const f = m[i][col] / m[rk][col];
			if (f !== 0) for (let j = col; j < cols; j++) m[i][j] -= f * m[rk][j];
		}
		rk++;
	}
	return rk;
}

/** "indicator year dim key" of every withheld value an attacker could compute exactly. */
function recoverable(cells: readonly GeoCell[], geo: Geography, r: DisclosureResult): string[] {
	const found: string[] = [];
	const groups = new Set(cells.map((c) => `${c.indicator_id}|${c.year}`));
	for (const g of groups) {
		const [indicator_id, y] = g.split('|');
		const year = Number(y);
		const e = epochOf(geo.epochs, year);
		const rows = geo.ancestors.filter((a) => a.depth > 0 && year >= a.valid_from && year <= a.valid_to && a.valid_from <= e.from && a.valid_to >= e.to);
		const withheldCell = new Set(r.cells.filter((c) => c.indicator_id === indicator_id && c.year === year && c.suppressed).map((c) => c.area_key));
		const totals = r.totals.filter((t) => t.indicator_id === indicator_id && t.year === year);
		for (const dim of ['numerator', 'denominator'] as Dim[]) {
			const valued = new Set(cells.filter((c) => c.indicator_id === indicator_id && c.year === year && c[dim] !== null).map((c) => c.area_key));
			const published = totals.filter((t) => t[dim] !== null);
			const unknown = [...[...withheldCell].filter((k) => valued.has(k)), ...published.filter((t) => t.suppressed).map((t) => `Σ${t.area_key}`)];
			if (unknown.length === 0) continue;
			const index = new Map(unknown.map((k, i) => [k, i]));
			const equations = published.map((t) => {
				const row = new Array(unknown.length).fill(0);
				if (t.suppressed) row[index.get(`Σ${t.area_key}`)!] = 1;
				for (const a of rows) if (a.ancestor === t.area_key && index.has(a.key) && valued.has(a.key)) row[index.get(a.key)!] = -1;
				return row;
			});
			const base = rank(equations);
			unknown.forEach((k, i) => {
				if (k.startsWith('Σ')) return;
				const unit = new Array(unknown.length).fill(0);
				unit[i] = 1;
				if (rank([...equations, unit]) === base) found.push(`${indicator_id} ${year} ${dim} ${k}`);
			});
		}
	}
	return found;
}

describe('the versioned fixture package', () => {
	let geo: Geography;
	let cells: GeoCell[];
	beforeAll(async () => {
		const { data } = readPackage(await readPackageFromDir('tests/fixtures/geo-versions'));
		geo = packageGeography(data!);
		cells = data!.observations.map((o) => ({ area_key: o.area_key, indicator_id: o.indicator_id, year: o.year, numerator: o.numerator, denominator: o.denominator, flag: o.flag }));
	});

	it('leaves no withheld cell recoverable from Ortsteil, Gemeinde, Kreis or territory totals in any year', () => {
		const r = suppressAcrossVersions(cells, geo, { minNumerator: 3, minDenominator: 0 });
		expect(r.cells.filter((c) => c.suppressed).map((c) => `${c.year} ${c.area_key} ${c.reason}`)).toEqual([
			'2018 O31 secondary', '2018 O32 primary', '2021 O51 secondary', '2021 O52 primary'
		]);
		// totals of both versions' Gemeinden are margins of the problem
		expect(r.totals.filter((t) => t.indicator_id === 'armut' && t.year === 2019).map((t) => t.area_key)).toEqual(['', 'G1', 'G2', 'G3', 'K']);
		expect(r.totals.filter((t) => t.indicator_id === 'armut' && t.year === 2021).map((t) => t.area_key)).toEqual(['', 'G1', 'G23', 'K']);
		expect(recoverable(cells, geo, r)).toEqual([]);
	});

	it('the check can fail: without its complement, O52 (2021) follows from Gemeinde G23', () => {
		const r = suppressAcrossVersions(cells, geo, { minNumerator: 3, minDenominator: 0 });
		const broken = { ...r, cells: r.cells.map((c) => (c.area_key === 'O51' && c.year === 2021 ? { ...c, suppressed: false, reason: null } : c)) };
		expect(recoverable(cells, geo, broken)).toContain('armut 2021 numerator O52');
	});

	it('puts each year in the hierarchy of its version: O21 counts towards G2 until 2020, towards G23 from 2021', () => {
		// the first version also covers the years before it (nothing else to draw them in)
		const o21 = geo.ancestors.filter((a) => a.key === 'O21' && a.ancestor_level === 'gemeinde').map((a) => [a.ancestor, a.valid_from, a.valid_to]);
		expect(o21).toEqual([['G2', 0, 2020], ['G23', 2021, 9999]]);
	});
});

/** Random geographies: 2–3 levels, the finest and the middle one re-cut from 2021. */
const geographyArb = fc
	.record({
		leaves: fc.integer({ min: 2, max: 7 }),
		kept: fc.integer({ min: 0, max: 7 }),
		fresh: fc.integer({ min: 1, max: 5 }),
		levels: fc.constantFrom(2, 3),
		seedA: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 14, maxLength: 14 }),
		seedB: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 14, maxLength: 14 })
	})
	.map(({ leaves, kept, fresh, levels, seedA, seedB }) => {
		const oldKeys = Array.from({ length: leaves }, (_, i) => `a${i}`);
		const newKeys = [...oldKeys.slice(0, Math.min(kept, leaves)), ...Array.from({ length: fresh }, (_, i) => `b${i}`)];
		const v = (id: string, from: number | null, to: number | null, level: string) => ({ id, label_de: id, label_en: id, valid_from: from, valid_to: to, path: `${level}-${id}` });
		const lv: AreaLevel[] = [
			{ id: 'ort', label_de: 'Ort', label_en: 'Place', path: 'ort-2021', versions: [v('2014', 2014, 2020, 'ort'), v('2021', 2021, null, 'ort')] },
			...(levels === 3 ? [{ id: 'gem', label_de: 'Gemeinde', label_en: 'Municipality', path: 'gem-2021', versions: [v('2014', 2014, 2020, 'gem'), v('2021', 2021, null, 'gem')] }] : []),
			{ id: 'kreis', label_de: 'Kreis', label_en: 'County', path: 'kreis' }
		];
		const features: Record<string, { key: string; name: string; parent: string }[]> = {
			'ort-2014': oldKeys.map((k, i) => ({ key: k, name: k, parent: levels === 3 ? `g${seedA[i]}` : 'K' })),
			'ort-2021': newKeys.map((k, i) => ({ key: k, name: k, parent: levels === 3 ? `h${seedB[i]}` : 'K' })),
			'gem-2014': [0, 1, 2].map((i) => ({ key: `g${i}`, name: `g${i}`, parent: 'K' })),
			'gem-2021': [0, 1, 2].map((i) => ({ key: `h${i}`, name: `h${i}`, parent: 'K' })),
			kreis: [{ key: 'K', name: 'K', parent: '' }]
		};
		// Parents without a child are dropped (every total has a child), as a real map would have it.
		const geo = buildGeography(lv, (_, version) => features[version.path]);
		return { geo, oldKeys, newKeys };
	});

const caseArb = geographyArb.chain(({ geo, oldKeys, newKeys }) => {
	const slots = [...[2019, 2020].flatMap((year) => oldKeys.map((k) => ({ k, year }))), ...[2021, 2022].flatMap((year) => newKeys.map((k) => ({ k, year })))];
	return fc
		.array(
			fc.record({
				numerator: fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 5, arbitrary: fc.integer({ min: 0, max: 5 }) }, { weight: 4, arbitrary: fc.integer({ min: 0, max: 60 }) }),
				extra: fc.option(fc.integer({ min: 0, max: 200 }), { freq: 6 })
			}),
			{ minLength: slots.length, maxLength: slots.length }
		)
		.map((nums) => ({
			geo,
			cells: slots.map((s, i): GeoCell => ({
				area_key: s.k,
				indicator_id: 'x',
				year: s.year,
				numerator: nums[i].numerator,
				denominator: nums[i].extra === null ? null : (nums[i].numerator ?? 0) + nums[i].extra,
				flag: ''
			}))
		}));
});

describe('random geographies with a boundary change', () => {
	it('no withheld cell is recoverable from any level total, before or after the change', () => {
		fc.assert(
			fc.property(caseArb, ({ geo, cells }) => {
				const r = suppressAcrossVersions(cells, geo, { minNumerator: 3, minDenominator: 0 });
				expect(r.cells).toHaveLength(cells.length);
				expect(recoverable(cells, geo, r)).toEqual([]);
			}),
			{ numRuns: 300 }
		);
		// the property is not vacuous: the generator gives secondary cells on both sides of the change
		const sample = fc.sample(caseArb, { numRuns: 200, seed: 14 }).map(({ geo, cells }) => suppressAcrossVersions(cells, geo, { minNumerator: 3, minDenominator: 0 }));
		const secondary = (from: number, to: number) => sample.filter((r) => r.cells.some((c) => c.reason === 'secondary' && c.year >= from && c.year <= to)).length;
		expect(secondary(2019, 2020)).toBeGreaterThan(20);
		expect(secondary(2021, 2022)).toBeGreaterThan(20);
		expect(sample.filter((r) => r.totals.some((t) => t.suppressed)).length).toBeGreaterThan(5);
	});

	it('every primary cell is withheld and the result does not depend on the input order', () => {
		fc.assert(
			fc.property(caseArb, ({ geo, cells }) => {
				const a = suppressAcrossVersions(cells, geo, { minNumerator: 3, minDenominator: 0 });
				const b = suppressAcrossVersions([...cells].reverse(), geo, { minNumerator: 3, minDenominator: 0 });
				expect(b).toEqual(a);
				for (const c of cells) {
					if (c.numerator !== null && c.numerator > 0 && c.numerator < 3) {
						expect(a.cells.find((d) => d.area_key === c.area_key && d.year === c.year)).toMatchObject({ suppressed: true, reason: 'primary' });
					}
				}
			}),
			{ numRuns: 200 }
		);
	});
});
