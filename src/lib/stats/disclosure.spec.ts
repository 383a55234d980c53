import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	TERRITORY_KEY,
	cellKey,
	computeSuppression,
	hierarchyFromAreas,
	isPrimarySensitive,
	type AreaHierarchy,
	type DisclosureCell,
	type DisclosureResult
} from './disclosure';
import type { DisclosureSettings } from '../data/types';
import { rank } from './fixtures/rank';

const S3: DisclosureSettings = { minNumerator: 3, minDenominator: 0 };

function cell(area_key: string, parent: string, numerator: number | null, denominator: number | null, extra: Partial<DisclosureCell> = {}): DisclosureCell {
	return { area_key, parent, indicator_id: 'armut', year: 2024, numerator, denominator, flag: '', ...extra };
}

const suppressedKeys = (r: DisclosureResult) => r.cells.filter((c) => c.suppressed).map((c) => c.area_key);
const reasons = (r: DisclosureResult) => Object.fromEntries(r.cells.filter((c) => c.reason).map((c) => [c.area_key, c.reason]));
const totalReasons = (r: DisclosureResult) => Object.fromEntries(r.totals.filter((c) => c.reason).map((c) => [c.area_key, c.reason]));

/** Two Stadtbezirke directly under the city (the city is the implicit territory ""). */
const TWO_LEVELS: AreaHierarchy = { '01': '', '02': '' };
/** Sozialraum ⊂ Stadtbezirk ⊂ Stadt "00", as in the Musterstadt package. */
const THREE_LEVELS: AreaHierarchy = { '01': '00', '02': '00', '03': '00', '00': '' };

describe('primary suppression', () => {
	it('suppresses 0 < numerator < minNumerator, small denominators and source flags, but not a true zero', () => {
		const s = { minNumerator: 3, minDenominator: 20 };
		expect(isPrimarySensitive(1, 100, '', s)).toBe(true);
		expect(isPrimarySensitive(2, 100, '', s)).toBe(true);
		expect(isPrimarySensitive(3, 100, '', s)).toBe(false);
		expect(isPrimarySensitive(0, 100, '', s)).toBe(false); // no person to protect in "nobody"
		expect(isPrimarySensitive(50, 19, '', s)).toBe(true);
		expect(isPrimarySensitive(0, 19, '', s)).toBe(true); // a tiny group is protected by the denominator rule
		expect(isPrimarySensitive(null, null, 'suppressed', s)).toBe(true);
		expect(isPrimarySensitive(null, null, 'missing', s)).toBe(false);
		expect(isPrimarySensitive(50, null, '', s)).toBe(false); // counts have no denominator
	});

	it('rejects nonsense settings with a German message', () => {
		expect(() => computeSuppression([], {}, { minNumerator: -1 })).toThrow('minNumerator muss eine Zahl ≥ 0 sein');
	});
});

describe('secondary suppression: hand-made examples', () => {
	it('one suppressed child → exactly one complementary cell: the smallest numerator, ties by denominator', () => {
		const r = computeSuppression(
			[
				cell('0101', '01', 2, 40), // primary
				cell('0102', '01', 50, 500),
				cell('0103', '01', 7, 90),
				cell('0104', '01', 7, 60), // same numerator as 0103, smaller denominator → chosen
				cell('0201', '02', 30, 300),
				cell('0202', '02', 40, 400)
			],
			TWO_LEVELS,
			S3
		);
		// Without 0104, the Stadtbezirk total 01 minus 0102..0104 would give 0101's 2 of 40 back.
		expect(reasons(r)).toEqual({ '0101': 'primary', '0104': 'secondary' });
		expect(r.totals.every((t) => !t.suppressed)).toBe(true);
		expect(r.summary).toMatchObject({ cells: 6, primary: 1, secondary: 1, totalsPrimary: 0, totalsSecondary: 0 });
	});

	it('ties on numerator and denominator are broken by area key', () => {
		const r = computeSuppression(
			[cell('0101', '01', 1, 10), cell('0103', '01', 5, 50), cell('0102', '01', 5, 50)],
			TWO_LEVELS,
			S3
		);
		expect(reasons(r)).toEqual({ '0101': 'primary', '0102': 'secondary' });
	});

	it('two already suppressed children → nothing is added', () => {
		const r = computeSuppression(
			[cell('0101', '01', 1, 40), cell('0102', '01', 2, 50), cell('0103', '01', 70, 900), cell('0201', '02', 30, 300)],
			TWO_LEVELS,
			S3
		);
		expect(reasons(r)).toEqual({ '0101': 'primary', '0102': 'primary' });
	});

	it('a true zero is published and, being the smallest, is the cheapest complement', () => {
		const r = computeSuppression(
			[cell('0101', '01', 2, 40), cell('0102', '01', 0, 300), cell('0103', '01', 40, 200)],
			TWO_LEVELS,
			S3
		);
		expect(reasons(r)).toEqual({ '0101': 'primary', '0102': 'secondary' });
	});

	it('chain across levels: a suppressed Stadtbezirk total needs a partner total, which needs a hidden child', () => {
		const r = computeSuppression(
			[
				cell('0101', '01', 100, 1000),
				cell('0102', '01', 120, 1100),
				cell('0201', '02', 40, 400),
				cell('0202', '02', 30, 350), // smallest child of the smallest other Stadtbezirk
				cell('0301', '03', 2, 30), // primary; Stadtbezirk 03 sums to 2 as well → its total is primary
				cell('0302', '03', 0, 20)
			],
			THREE_LEVELS,
			S3
		);
		// City 00 = 01 + 02 + 03: with 03 hidden alone it would follow by subtraction, so the
		// smallest other total (02, 70 < 220) is hidden too. Total 02 = 0201 + 0202: with all
		// children published it would be their sum, so its smallest child 0202 goes as well.
		expect(totalReasons(r)).toEqual({ '02': 'secondary', '03': 'primary' });
		expect(reasons(r)).toEqual({ '0202': 'secondary', '0301': 'primary' });
		expect(r.totals.find((t) => t.area_key === '03')).toMatchObject({ numerator: 2, denominator: 50 });
	});

	it('an only child cannot hide behind siblings: its parent total goes, and the chain continues one level up', () => {
		// 0201 was delivered withheld (numbers kept internally): 40 is not small, so Stadtbezirk 02's
		// total (40 of 400) is not primary, but it equals 0201 and must go; then the city total
		// (01 + 02) needs a second hidden Stadtbezirk, and 01 needs a hidden child.
		const r = computeSuppression(
			[
				cell('0101', '01', 250, 1000),
				cell('0102', '01', 60, 500),
				cell('0201', '02', 40, 400, { flag: 'suppressed' }),
				cell('0202', '02', null, null, { flag: 'missing' })
			],
			TWO_LEVELS,
			S3
		);
		expect(totalReasons(r)).toEqual({ '01': 'secondary', '02': 'secondary' });
		expect(reasons(r)).toEqual({ '0102': 'secondary', '0201': 'primary' });
		// The city total stays published: it now contains two unknowns (0102 and 0201).
		expect(r.totals.find((t) => t.area_key === TERRITORY_KEY)).toMatchObject({ suppressed: false, numerator: 350, denominator: 1900 });
	});

	it('a total withheld from outside (a part of a derived indicator is withheld there) is primary and gets its partners', () => {
		// Nothing here is small. Stadtbezirk 01 is withheld on request: the city (01 + 02) then
		// needs a second hidden term (02), 01's own equation a hidden child (0102, the smaller),
		// and 02's equation a hidden child too (0202).
		const r = computeSuppression(
			[cell('0101', '01', 250, 1000), cell('0102', '01', 60, 500), cell('0201', '02', 40, 400), cell('0202', '02', 30, 350)],
			TWO_LEVELS,
			S3,
			{ withheldTotals: new Set([cellKey('01', 'armut', 2024), cellKey('01', 'armut', 2023)]) }
		);
		expect(totalReasons(r)).toEqual({ '01': 'primary', '02': 'secondary' });
		expect(reasons(r)).toEqual({ '0102': 'secondary', '0202': 'secondary' });
		// the other year of the set does not exist here; without the option nothing is withheld
		expect(suppressedKeys(computeSuppression([cell('0101', '01', 250, 1000), cell('0102', '01', 60, 500)], TWO_LEVELS, S3))).toEqual([]);
	});

	it('tests/fixtures/mini, armut 2024: a Stadtbezirk total that equals one small cell is primary itself', () => {
		const r = computeSuppression(
			[
				cell('0101', '01', 250, 1000),
				cell('0102', '01', 60, 500, { flag: 'provisional' }),
				cell('0201', '02', null, null, { flag: 'missing' }),
				cell('0202', '02', 2, 25)
			],
			TWO_LEVELS,
			{ minNumerator: 3, minDenominator: 20 }
		);
		expect(totalReasons(r)).toEqual({ '01': 'secondary', '02': 'primary' });
		expect(reasons(r)).toEqual({ '0102': 'secondary', '0202': 'primary' });
		expect(r.totals.find((t) => t.area_key === TERRITORY_KEY)).toMatchObject({ suppressed: false, numerator: 312, denominator: 1525 });
	});

	it('denominators are protected separately: a suppressed count without denominator does not cover one with', () => {
		const r = computeSuppression(
			[
				cell('0101', '01', 2, null), // primary; not part of the denominator total
				cell('0102', '01', 1, 40), // primary
				cell('0103', '01', 50, 400),
				cell('0104', '01', 60, 500)
			],
			TWO_LEVELS,
			S3
		);
		// Numerators: two unknowns, fine. Denominators: 40 = total − 400 − 500 unless 0103 goes too.
		expect(reasons(r)).toEqual({ '0101': 'primary', '0102': 'primary', '0103': 'secondary' });
	});

	it('a cell the source already withheld without numbers is primary but needs no partner', () => {
		const r = computeSuppression(
			[cell('0101', '01', null, null, { flag: 'suppressed' }), cell('0102', '01', 50, 500), cell('0103', '01', 60, 600)],
			TWO_LEVELS,
			S3
		);
		expect(reasons(r)).toEqual({ '0101': 'primary' });
	});

	it('works per indicator and year and returns a stable order', () => {
		const cells = [
			cell('0102', '01', 50, 500, { year: 2023 }),
			cell('0101', '01', 1, 500, { year: 2023 }),
			cell('0101', '01', 10, 500, { indicator_id: 'betreuung' }),
			cell('0102', '01', 11, 500, { indicator_id: 'betreuung' })
		];
		const r = computeSuppression(cells, TWO_LEVELS, S3);
		expect(r.cells.map((c) => `${c.indicator_id} ${c.year} ${c.area_key} ${c.reason}`)).toEqual([
			'armut 2023 0101 primary',
			'armut 2023 0102 secondary',
			'betreuung 2024 0101 null',
			'betreuung 2024 0102 null'
		]);
		// Totals of armut 2023: Stadtbezirk 01 and the territory ''.
		expect(r.totals.filter((t) => t.indicator_id === 'armut').map((t) => t.area_key)).toEqual(['', '01']);
	});

	it('reads the hierarchy from area features and rejects duplicates and cycles in German', () => {
		expect(hierarchyFromAreas([{ key: '01', parent: '00' }, { key: '00', parent: '' }])).toEqual({ '01': '00', '00': '' });
		expect(() => computeSuppression([cell('0101', '01', 5, 5), cell('0101', '01', 6, 6)], TWO_LEVELS)).toThrow('kommt mehrfach vor');
		expect(() => computeSuppression([cell('0101', '01', 5, 5)], { '01': '02', '02': '01' })).toThrow('enthält einen Kreis');
		expect(() => computeSuppression([cell('01', '', 5, 5), cell('0101', '01', 5, 5)], {})).toThrow('zugleich Zelle');
	});
});

// ------------------------------------------------------------------------------------------------
// Property tests over random hierarchies (1–3 levels above the cells) and counts.

type Tree = null | Tree[];
const subtree = (depth: number): fc.Arbitrary<Tree> =>
	depth === 0 ? fc.constant(null) : fc.array(subtree(depth - 1), { minLength: 1, maxLength: 4 });

interface Case {
	cells: DisclosureCell[];
	hierarchy: Record<string, string>;
	settings: DisclosureSettings;
}

/** Keys are paths ("a1", "a1.0", "a1.0.2"); the top level hangs under the territory "". */
function flatten(tree: Tree[]): { leaves: { key: string; parent: string }[]; hierarchy: Record<string, string> } {
	const leaves: { key: string; parent: string }[] = [];
	const hierarchy: Record<string, string> = {};
	const walk = (nodes: Tree[], parent: string, prefix: string) =>
		nodes.forEach((n, i) => {
			const key = `${prefix}${i}`;
			if (n === null) leaves.push({ key, parent });
			else {
				hierarchy[key] = parent;
				walk(n, key, `${key}.`);
			}
		});
	walk(tree, '', 'a');
	return { leaves, hierarchy };
}

const numbers = fc.record({
	numerator: fc.oneof(
		{ weight: 1, arbitrary: fc.constant(null) },
		{ weight: 4, arbitrary: fc.integer({ min: 0, max: 4 }) },
		{ weight: 4, arbitrary: fc.integer({ min: 0, max: 80 }) }
	),
	extra: fc.option(fc.integer({ min: 0, max: 300 }), { freq: 6 }),
	flag: fc.constantFrom('', '', '', '', '', '', 'suppressed', 'provisional', 'missing')
});

const caseArb: fc.Arbitrary<Case> = fc
	.tuple(
		fc.integer({ min: 0, max: 3 }).chain((d) => fc.array(subtree(d), { minLength: 1, maxLength: 4 })),
		fc.integer({ min: 1, max: 2 }),
		fc.integer({ min: 1, max: 2 }),
		fc.record({ minNumerator: fc.integer({ min: 0, max: 5 }), minDenominator: fc.constantFrom(0, 0, 10, 30) })
	)
	.chain(([tree, indicators, years, settings]) => {
		const { leaves, hierarchy } = flatten(tree);
		const slots = leaves.flatMap((l) =>
			Array.from({ length: indicators * years }, (_, j) => ({ ...l, indicator_id: `i${j % indicators}`, year: 2020 + Math.floor(j / indicators) }))
		);
		return fc.array(numbers, { minLength: slots.length, maxLength: slots.length }).map((nums) => ({
			hierarchy,
			settings,
			cells: slots.map((slot, i) => ({
				area_key: slot.key,
				parent: slot.parent,
				indicator_id: slot.indicator_id,
				year: slot.year,
				numerator: nums[i].numerator,
				// A denominator is at least the numerator (proportions), or absent (counts).
				denominator: nums[i].extra === null ? null : (nums[i].numerator ?? 0) + nums[i].extra,
				flag: nums[i].flag
			}))
		}));
	});

type Dim = 'numerator' | 'denominator';

/** Every equation total = Σ children of every (indicator, year), with suppression applied. */
function equations(c: Case, r: DisclosureResult) {
	const out: { group: string; total: string; dim: Dim; totalUnknown: boolean; totalHasValue: boolean; childUnknowns: number; children: string[] }[] = [];
	const parentOf = (key: string, leafParent?: string) => leafParent ?? (key === TERRITORY_KEY ? null : c.hierarchy[key] ?? TERRITORY_KEY);
	const groups = new Set(c.cells.map((x) => `${x.indicator_id}|${x.year}`));
	for (const g of groups) {
		const [indicator_id, year] = g.split('|');
		const cells = c.cells.filter((x) => x.indicator_id === indicator_id && String(x.year) === year);
		const decided = new Map(r.cells.filter((x) => x.indicator_id === indicator_id && String(x.year) === year).map((x) => [x.area_key, x.suppressed]));
		const totals = r.totals.filter((x) => x.indicator_id === indicator_id && String(x.year) === year);
		for (const t of totals) decided.set(t.area_key, t.suppressed);
		const value = new Map<string, Record<Dim, number | null>>();
		for (const x of cells) value.set(x.area_key, { numerator: x.numerator, denominator: x.denominator });
		for (const t of totals) value.set(t.area_key, { numerator: t.numerator, denominator: t.denominator });
		const children = new Map<string, string[]>();
		for (const x of cells) children.set(x.parent, [...(children.get(x.parent) ?? []), x.area_key]);
		for (const t of totals) {
			const p = parentOf(t.area_key);
			if (p !== null) children.set(p, [...(children.get(p) ?? []), t.area_key]);
		}
		for (const t of totals) {
			for (const dim of ['numerator', 'denominator'] as const) {
				const kids = (children.get(t.area_key) ?? []).filter((k) => value.get(k)![dim] !== null);
				out.push({
					group: g,
					total: t.area_key,
					dim,
					totalUnknown: t.suppressed,
					totalHasValue: t[dim] !== null,
					childUnknowns: kids.filter((k) => decided.get(k)).length,
					children: kids
				});
			}
		}
	}
	return out;
}

/**
 * Independent check of (b): an attacker knows every published number and every equation; a
 * suppressed value x_i is exactly recoverable iff the unit vector e_i lies in the row space of
 * the equations restricted to the unknowns, i.e. iff adding e_i does not raise the rank.
 */
function recoverable(c: Case, r: DisclosureResult): string[] {
	const found: string[] = [];
	const eqs = equations(c, r);
	for (const dim of ['numerator', 'denominator'] as const) {
		const byGroup = new Map<string, typeof eqs>();
		for (const e of eqs.filter((e) => e.dim === dim && e.totalHasValue)) byGroup.set(e.group, [...(byGroup.get(e.group) ?? []), e]);
		for (const [group, list] of byGroup) {
			const [indicator_id, year] = group.split('|');
			const unknown = [
				...r.cells.filter((x) => x.indicator_id === indicator_id && String(x.year) === year && x.suppressed).map((x) => x.area_key),
				...r.totals.filter((x) => x.indicator_id === indicator_id && String(x.year) === year && x.suppressed && x[dim] !== null).map((x) => x.area_key)
			].filter((k) => list.some((e) => e.total === k || e.children.includes(k)));
			if (unknown.length === 0) continue;
			const index = new Map(unknown.map((k, i) => [k, i]));
			const rows = list.map((e) => {
				const row = new Array(unknown.length).fill(0);
				if (index.has(e.total)) row[index.get(e.total)!] = 1;
				for (const k of e.children) if (index.has(k)) row[index.get(k)!] = -1;
				return row;
			});
			const base = rank(rows);
			unknown.forEach((k, i) => {
				const unit = new Array(unknown.length).fill(0);
				unit[i] = 1;
				if (rank([...rows, unit]) === base) found.push(`${group} ${dim} ${k}`);
			});
		}
	}
	return found;
}

const flagged = (c: Case, r: DisclosureResult): DisclosureCell[] => {
	const s = new Map(r.cells.map((x) => [`${x.area_key}|${x.indicator_id}|${x.year}`, x.suppressed]));
	return c.cells.map((x) => (s.get(`${x.area_key}|${x.indicator_id}|${x.year}`) ? { ...x, flag: 'suppressed' } : x));
};

describe('secondary suppression: properties', () => {
	it('(a) every primary cell is suppressed, and reasons are consistent', () => {
		fc.assert(
			fc.property(caseArb, (c) => {
				const r = computeSuppression(c.cells, c.hierarchy, c.settings);
				expect(r.cells.length).toBe(c.cells.length);
				for (const x of c.cells) {
					const d = r.cells.find((y) => y.area_key === x.area_key && y.indicator_id === x.indicator_id && y.year === x.year)!;
					const primary = isPrimarySensitive(x.numerator, x.denominator, x.flag, c.settings);
					if (primary) expect(d).toMatchObject({ suppressed: true, reason: 'primary' });
					else expect(d.reason).toBe(d.suppressed ? 'secondary' : null);
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('(b) no suppressed number is recoverable: per published total 0 or ≥ 2 hidden children; per equation 0 or ≥ 2 unknowns', () => {
		// For one-dimensional sum tables a single suppressed cell next to a published total is exactly
		// recoverable (total − published siblings), while two or more only reveal their sum, i.e. an
		// interval for each (Hundepool et al. 2012, ch. 4). Across levels a hidden total is itself an
		// unknown; "0 or ≥ 2 unknowns in every equation" is then sufficient because the equations form
		// a tree (argument in disclosure.ts), and the rank test below checks it independently.
		fc.assert(
			fc.property(caseArb, (c) => {
				const r = computeSuppression(c.cells, c.hierarchy, c.settings);
				for (const e of equations(c, r)) {
					if (!e.totalHasValue) continue;
					if (!e.totalUnknown) expect(e.childUnknowns, `${e.group} ${e.total} ${e.dim}`).not.toBe(1);
					expect(e.childUnknowns + (e.totalUnknown ? 1 : 0), `${e.group} ${e.total} ${e.dim}`).not.toBe(1);
				}
				expect(recoverable(c, r)).toEqual([]);
			}),
			{ numRuns: 300 }
		);
	});

	it('the rank test does catch a lone suppressed cell (so (b) can fail)', () => {
		const c: Case = { cells: [cell('0101', '01', 2, 40), cell('0102', '01', 50, 500)], hierarchy: { '01': '' }, settings: S3 };
		const full = computeSuppression(c.cells, c.hierarchy, c.settings);
		const broken: DisclosureResult = {
			...full,
			cells: full.cells.map((x) => (x.area_key === '0102' ? { ...x, suppressed: false, reason: null } : x))
		};
		expect(recoverable(c, broken)).toContain('armut|2024 numerator 0101');
	});

	it('(c) idempotent: running it on its own output suppresses nothing more', () => {
		fc.assert(
			fc.property(caseArb, (c) => {
				const first = computeSuppression(c.cells, c.hierarchy, c.settings);
				const second = computeSuppression(flagged(c, first), c.hierarchy, c.settings);
				expect(second.cells.map((x) => x.suppressed)).toEqual(first.cells.map((x) => x.suppressed));
				expect(second.totals.map((x) => x.suppressed)).toEqual(first.totals.map((x) => x.suppressed));
			}),
			{ numRuns: 300 }
		);
	});

	it('(d) deterministic and independent of the input order', () => {
		fc.assert(
			fc.property(
				caseArb.chain((c) => fc.shuffledSubarray(c.cells, { minLength: c.cells.length }).map((shuffled) => ({ c, shuffled }))),
				({ c, shuffled }) => {
					const a = computeSuppression(c.cells, c.hierarchy, c.settings);
					const b = computeSuppression(c.cells, c.hierarchy, c.settings);
					const d = computeSuppression(shuffled, c.hierarchy, c.settings);
					expect(b).toEqual(a);
					expect(d).toEqual(a);
				}
			),
			{ numRuns: 200 }
		);
	});
});
