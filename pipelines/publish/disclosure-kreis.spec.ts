/**
 * The published Musterkreis copy against an attacker who knows every number it publishes: the
 * cells, the totals of every Gemeinde (both boundary versions), of the Kreis and the territory
 * (references.csv), and every converted or regrouped value the app shows on today's boundaries
 * (the real engine on the public copy, each crosswalk method, Ortsteil and Gemeinde level).
 *
 * Independent of the suppression bookkeeping (stats/disclosure.ts): every published number is an
 * equation on the finest cells of its year, "total = Σ cells inside it that year" (from the
 * geography's ancestor relation of the year's version) and "converted numerator = Σ W(i, T)·cell i"
 * (conversion.ts weights). A withheld cell is exactly recoverable iff its unit vector lies in the
 * row space of those equations restricted to the unknowns (Hundepool et al. 2012, Statistical
 * Disclosure Control, ch. 4). Cells the internal package leaves empty are no unknowns: the
 * attacker is granted to know which withheld cells carry a number at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse } from 'd3';
import { publishPackage } from './publish';
import { packageGeography } from './disclose-package';
import { readPackageFromDir } from '../../src/lib/data/package/load-node';
import { readPackage } from '../../src/lib/data/package/validate';
import type { PackageData } from '../../src/lib/data/package/model';
import type { Geography } from '../../src/lib/data/geography';
import { conversionMethods, conversionPlans } from '../../src/lib/data/conversion';
import { createNodeConnector } from '../../src/lib/data/connector-node';
import { MonitorEngine } from '../../src/lib/data/engine';
import { packageSourceFromDir } from '../../src/lib/data/source-node';
import { determined } from '../../src/lib/stats/fixtures/rank';

const KREIS = 'data/musterkreis';
type Dim = 'numerator' | 'denominator';
/** One published number as a linear form over finest cells: key → coefficient. */
type Equation = { indicator_id: string; year: number; dim: Dim; terms: Map<string, number>; source: string };

let tmp: string;
let out: string;
let pub: PackageData;
let inner: PackageData;
let geo: Geography;
/** "key|indicator|year" of the cells the public copy withholds, with the dims the internal cell has. */
const unknownDims = new Map<string, Dim[]>();
const totalEquations: Equation[] = [];
const convertedEquations: Equation[] = [];
/** What a conversion that ignored disclosure would publish: every target, every old year. */
const naiveEquations: Equation[] = [];

const id = (key: string, indicator: string, year: number) => `${key}|${indicator}|${year}`;

beforeAll(async () => {
	tmp = await mkdtemp(join(tmpdir(), 'kreis-public-'));
	out = join(tmp, 'public');
	await publishPackage(KREIS, out);
	pub = readPackage(await readPackageFromDir(out)).data!;
	inner = readPackage(await readPackageFromDir(KREIS)).data!;
	geo = packageGeography(pub);

	const truth = new Map(inner.observations.map((o) => [id(o.area_key, o.indicator_id, o.year), o]));
	for (const o of pub.observations) {
		if (o.flag !== 'suppressed') continue;
		const t = truth.get(id(o.area_key, o.indicator_id, o.year))!;
		unknownDims.set(id(o.area_key, o.indicator_id, o.year), (['numerator', 'denominator'] as Dim[]).filter((d) => t[d] !== null));
	}
	// finest areas inside an ancestor in a year (the year's boundary version)
	const inside = (ancestor: string, year: number) => geo.ancestors.filter((a) => a.ancestor === ancestor && a.depth > 0 && year >= a.valid_from && year <= a.valid_to).map((a) => a.key);

	const refs = csvParse(await readFile(join(out, 'references.csv'), 'utf8'));
	for (const r of refs) {
		if (r.basis !== 'pooled') continue;
		for (const dim of ['numerator', 'denominator'] as Dim[]) {
			if (r[dim] === '') continue;
			totalEquations.push({ indicator_id: r.indicator_id!, year: Number(r.year), dim, terms: new Map(inside(r.area_key!, Number(r.year)).map((k) => [k, 1])), source: `Σ${r.area_key || '∅'}` });
		}
	}

	const engine = await MonitorEngine.load(await createNodeConnector(), await packageSourceFromDir(out));
	const methods = engine.conversionMethods();
	expect(methods).toEqual(conversionMethods(geo, pub.crosswalk));
	for (const method of methods) {
		const plans = conversionPlans(geo, pub.crosswalk, method);
		// Only where a withheld cell is shared out can a converted value say anything about one:
		// the indicators and old years with a withheld cell among the converted targets' sources.
		const existsIn = (key: string, year: number) => geo.areas.some((a) => a.key === key && year >= a.valid_from && year <= a.valid_to);
		const sources = new Set(plans.flatMap((p) => [...p.weights].filter(([target]) => !existsIn(target, p.from)).flatMap(([, w]) => [...w.keys()])));
		const asked = new Set([...unknownDims.keys()].filter((k) => sources.has(k.split('|')[0])).map((k) => k.split('|').slice(1).join('|')));
		for (const ind of pub.indicators) {
			for (const year of [...new Set(pub.observations.map((o) => o.year))]) {
				const plan = plans.find((p) => year >= p.from && year <= p.to);
				if (!plan || !asked.has(`${ind.id}|${year}`)) continue;
				for (const level of ['ortsteil', 'gemeinde']) {
					for (const row of await engine.convertedValuesFor(ind.id, year, level, method)) {
						if (!row.origin) continue;
						const w = plan.weights.get(row.area_key)!;
						for (const dim of ['numerator', 'denominator'] as Dim[]) {
							const eq = { indicator_id: ind.id, year, dim, terms: new Map(w), source: `${method} ${row.area_key}` };
							naiveEquations.push(eq);
							if (row[dim] !== null) convertedEquations.push(eq);
						}
					}
				}
			}
		}
	}
}, 300_000);
afterAll(async () => {
	await rm(tmp, { recursive: true, force: true });
});

/** "indicator year dim key" of every withheld cell some combination of the equations pins down. */
function recoverable(equations: readonly Equation[], hidden: ReadonlyMap<string, Dim[]>): string[] {
	const found: string[] = [];
	const groups = new Map<string, Equation[]>();
	for (const e of equations) {
		const g = `${e.indicator_id}|${e.year}|${e.dim}`;
		(groups.get(g) ?? groups.set(g, []).get(g)!).push(e);
	}
	for (const [g, list] of groups) {
		const [indicator, y, dim] = g.split('|');
		const year = Number(y);
		const unknown = [...new Set(list.flatMap((e) => [...e.terms.keys()]))].filter((k) => hidden.get(id(k, indicator, year))?.includes(dim as Dim));
		if (unknown.length === 0) continue;
		const rows = list.map((e) => unknown.map((k) => e.terms.get(k) ?? 0)).filter((r) => r.some((x) => x !== 0));
		unknown.forEach((k, i) => {
			if (determined(rows, i, unknown.length)) found.push(`${indicator} ${year} ${dim} ${k}`);
		});
	}
	return found.sort();
}

describe('the published Musterkreis copy', () => {
	it('withholds cells on both sides of the merger, and publishes totals of both versions and converted values', () => {
		const years = [...unknownDims.keys()].map((k) => Number(k.split('|')[2]));
		expect(years.filter((y) => y <= 2020).length).toBeGreaterThan(20);
		expect(years.filter((y) => y >= 2021).length).toBeGreaterThan(20);
		// totals of Oberau and Niederau (until 2020) and Auetal (from 2021) are margins
		const sources = new Set(totalEquations.map((e) => `${e.source} ${e.year <= 2020 ? 'alt' : 'neu'}`));
		for (const s of ['Σ05999028 alt', 'Σ05999032 alt', 'Σ05999036 neu', 'Σ05999 alt', 'Σ05999 neu', 'Σ∅ alt']) expect(sources, s).toContain(s);
		expect(convertedEquations.length).toBeGreaterThan(100);
		// converted values with fractional weights are among them (a split Ortsteil)
		expect(convertedEquations.some((e) => [...e.terms.values()].some((w) => w > 0 && w < 1))).toBe(true);
	});

	it('no withheld Ortsteil cell follows from the Gemeinde, Kreis and territory totals of either version', () => {
		expect(recoverable(totalEquations, unknownDims)).toEqual([]);
	});

	it('nor from those totals together with every converted and regrouped value the app shows', () => {
		expect(recoverable([...totalEquations, ...convertedEquations], unknownDims)).toEqual([]);
	});

	it('the test can fail: publishing one withheld cell gives its partner away', () => {
		const byGroup = new Map<string, Equation[]>();
		for (const e of totalEquations) (byGroup.get(`${e.indicator_id}|${e.year}`) ?? byGroup.set(`${e.indicator_id}|${e.year}`, []).get(`${e.indicator_id}|${e.year}`)!).push(e);
		// treat withheld cells in turn as published: some then expose another (a lone cell under a total)
		let exposing = 0;
		for (const k of unknownDims.keys()) {
			const [, indicator, year] = k.split('|');
			const fewer = new Map(unknownDims);
			fewer.delete(k);
			if (recoverable(byGroup.get(`${indicator}|${year}`) ?? [], fewer).length > 0 && ++exposing === 10) break;
		}
		expect(exposing).toBe(10);
	});

	it('the test can fail: a conversion that shared out withheld cells too would give some away', () => {
		expect(recoverable([...totalEquations, ...naiveEquations], unknownDims).length).toBeGreaterThan(0);
	});
});
