import { describe, expect, it } from 'vitest';
import { buildGeography } from './geography';
import { conversionMethods, conversionPlans, convertPoint, type CellNumbers } from './conversion';
import type { AreaLevel, CrosswalkRow } from './types';

/**
 * Three versions of one finest level under one territory-level area T:
 * 2010: a, b, c · 2015: a, d (= b + half of c), e (= other half of c) · 2020: a, f (= d + e).
 */
const v = (id: string, from: number | null, to: number | null) => ({ id, label_de: id, label_en: id, valid_from: from, valid_to: to, path: id });
const levels: AreaLevel[] = [
	{ id: 'ort', label_de: 'Ort', label_en: 'Place', path: '2020', versions: [v('2010', 2010, 2014), v('2015', 2015, 2019), v('2020', 2020, null)] },
	{ id: 'top', label_de: 'Kreis', label_en: 'County', path: 'top' }
];
const keys: Record<string, string[]> = { '2010': ['a', 'b', 'c'], '2015': ['a', 'd', 'e'], '2020': ['a', 'f'], top: ['T'] };
const geo = buildGeography(levels, (_, version) => keys[version.path].map((k) => ({ key: k, name: k, parent: version.path === 'top' ? '' : 'T' })));
const row = (from_version: string, from_key: string, to_version: string, to_key: string, weight: number): CrosswalkRow => ({ level: 'ort', from_version, from_key, to_version, to_key, weight, method: 'area' });
const crosswalk: CrosswalkRow[] = [
	row('2010', 'b', '2015', 'd', 1),
	row('2010', 'c', '2015', 'd', 0.5),
	row('2010', 'c', '2015', 'e', 0.5),
	row('2015', 'd', '2020', 'f', 1),
	row('2015', 'e', '2020', 'f', 1)
];
const options = { isCount: false, minNumerator: 3, minDenominator: 0 };
const cells = (entries: [string, number, number, boolean?][]) => new Map<string, CellNumbers>(entries.map(([k, n, d, w]) => [k, { numerator: n, denominator: d, withheld: !!w }]));

describe('conversion through the crosswalk', () => {
	it('composes 2010 → 2015 → 2020 when there is no direct crosswalk', () => {
		const [p2010, p2015] = conversionPlans(geo, crosswalk, 'area');
		expect([p2010.fromVersion, p2015.fromVersion]).toEqual(['2010', '2015']);
		// f = d + e, and d + e held b and all of c
		expect(Object.fromEntries(p2010.weights.get('f')!)).toEqual({ b: 1, c: 1 });
		expect(Object.fromEntries(p2015.weights.get('f')!)).toEqual({ d: 1, e: 1 });
		expect(Object.fromEntries(p2010.weights.get('a')!)).toEqual({ a: 1 });
		expect(conversionMethods(geo, crosswalk)).toEqual(['area']);
	});

	it('names the share of converted counts from split areas: the part of the denominator shared out', () => {
		// the whole territory T takes every old area whole: regrouped, nothing split
		const plans = conversionPlans(geo, crosswalk, 'area');
		const t = convertPoint(plans[0], 'T', 2012, geo, cells([['a', 10, 100], ['b', 20, 100], ['c', 8, 80]]), new Map(), options)!;
		expect(t).toMatchObject({ origin: 'regrouped', numerator: 38, denominator: 280, split_share: 0, suppressed: false });
		// a synthetic plan with half of c: 20 + 0.5·8 over 100 + 0.5·80, split share 40 / 140
		const half = { ...plans[0], weights: new Map([['x', new Map([['b', 1], ['c', 0.5]])]]) };
		const x = convertPoint(half, 'x', 2012, geo, cells([['b', 20, 100], ['c', 8, 80]]), new Map(), options)!;
		expect(x).toMatchObject({ origin: 'converted', numerator: 24, denominator: 140, suppressed: false });
		expect(x.split_share).toBeCloseTo(40 / 140, 12);
	});

	it('withholds a converted value with a withheld cell, and a regrouped one unless published totals cover it', () => {
		const plans = conversionPlans(geo, crosswalk, 'area');
		const half = { ...plans[0], weights: new Map([['x', new Map([['b', 1], ['c', 0.5]])]]) };
		expect(convertPoint(half, 'x', 2012, geo, cells([['b', 20, 100], ['c', 2, 80, true]]), new Map(), options)).toMatchObject({ suppressed: true, numerator: null });
		// f (2012) = b + c with c withheld: no published total covers {b, c} → withheld
		const withheld = cells([['a', 10, 100], ['b', 20, 100], ['c', 2, 80, true]]);
		expect(convertPoint(plans[0], 'f', 2012, geo, withheld, new Map(), options)).toMatchObject({ suppressed: true });
		// T (2012) = a + b + c = the published total of T: shown, from the total
		const totals = new Map([['T', { numerator: 32, denominator: 280, withheld: false }]]);
		expect(convertPoint(plans[0], 'T', 2012, geo, withheld, totals, options)).toMatchObject({ suppressed: false, numerator: 32, denominator: 280 });
		// … but not when that total is itself withheld
		expect(convertPoint(plans[0], 'T', 2012, geo, withheld, new Map([['T', { numerator: 32, denominator: 280, withheld: true }]]), options)).toMatchObject({ suppressed: true });
	});

	it('applies the small-number rule to the converted counts', () => {
		const plans = conversionPlans(geo, crosswalk, 'area');
		const half = { ...plans[0], weights: new Map([['x', new Map([['c', 0.5]])]]) };
		// 0.5 · 4 = 2 < 3
		expect(convertPoint(half, 'x', 2012, geo, cells([['c', 4, 80]]), new Map(), options)).toMatchObject({ suppressed: true });
	});
});
