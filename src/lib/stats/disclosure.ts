/**
 * Statistical disclosure control (Geheimhaltung) for indicator cells on the finest area level.
 *
 * Two steps, as in official statistics:
 *
 * 1. Primary suppression marks the sensitive cells themselves: a small positive count
 *    (0 < numerator < minNumerator, the "threshold rule" for frequency tables), a small population
 *    (denominator < minDenominator), or a cell the source already delivered as suppressed.
 *    A TRUE ZERO numerator is not suppressed: the threshold rule protects persons who could be
 *    singled out among very few cases, and a zero contains no person. Official statistics treat
 *    zeros ("–") the same way; suppressing them would also blank every area where a problem does
 *    not occur, which is exactly the good news a steering group must be able to see. Small groups
 *    where "nobody" itself is sensitive are covered by minDenominator.
 *
 * 2. Secondary (complementary) suppression makes sure no suppressed value can be recomputed.
 *    The app shows reference values for every Stadtbezirk and for the whole territory, computed as
 *    sums of the children's numerators and denominators (never means of rates). Each such total is
 *    a linear equation  total(P) = Σ total(children of P). If exactly one term of an equation is
 *    unknown (suppressed), it follows by subtraction: Stadtbezirk total − published siblings.
 *    That is the known result for tables with marginal sums: a single suppressed cell in a row of
 *    a sum table is exactly recoverable; with two or more suppressed cells only their sum is
 *    known, so each is confined to an interval (Hundepool et al. 2012, ch. 4, "secondary cell
 *    suppression"; Destatis / Statistische Ämter des Bundes und der Länder: primäre und sekundäre
 *    Geheimhaltung).
 *
 *    Rule applied here, for each (indicator, year), each equation (every area above the finest
 *    level, plus the whole territory, key ""), separately for numerators and denominators:
 *    the number of unknown terms among {the total itself} ∪ {its children} must be 0 or ≥ 2.
 *    When it is exactly 1:
 *      - suppress the published child with the smallest numerator (ties: smallest denominator,
 *        then area key), which costs the least information; or, when no child is left,
 *      - suppress the total itself.
 *    A suppressed total is an unknown of two equations: the one of its parent (its siblings must
 *    then hide a second term, "chain across levels") and its own (a total is always the sum of
 *    its children, so if all children were published the suppressed total would be derivable
 *    from them; one child must then be hidden too). Order of work: forced moves first (an
 *    equation whose only valued child is hidden can only hide its total), then one choice at the
 *    topmost open equation, again and again; then the whole rule once more with every hidden cell
 *    taken as given, until the set of hidden cells stays the same. Suppression only ever grows,
 *    so this terminates, and the last round makes the function idempotent by construction.
 *
 *    Why "0 or ≥ 2 unknowns per equation" suffices for these hierarchical one-dimensional sum
 *    tables: an unknown occurs in at most two equations (its own and its parent's), and linking
 *    equations through shared unknowns gives a forest, a part of the area tree. In a linear
 *    combination, take a connected group of k equations with non-zero weight: only the k − 1
 *    unknowns shared inside the group can cancel, so with ≥ 2 unknowns per equation at least
 *    2k − 2(k − 1) = 2 unknowns remain. No combination isolates a single suppressed value; the
 *    spec checks this independently with a rank test on random hierarchies.
 *
 *    Limits, deliberately accepted: the rule protects against exact recovery, not against narrow
 *    intervals (with non-negativity, a pair "2 and 0" is known to sum to 2). Production systems
 *    such as τ-ARGUS or sdcTable/GaussSuppression add protection levels and optimise the choice
 *    of complementary cells (Hundepool et al. 2012, ch. 4). Cross-table links (a denominator that
 *    equals a published population count) are outside this module; set minDenominator for them.
 *
 * Reference: Hundepool, A., Domingo-Ferrer, J., Franconi, L., Giessing, S., Schulte Nordholt, E.,
 * Spicer, K., de Wolf, P.-P. (2012): Statistical Disclosure Control. Wiley, Chichester.
 * Ch. 4 (tabular data, primary and secondary cell suppression), ch. 5 (frequency tables, threshold
 * rule). Open edition: https://sdctools.github.io/HandbookSDC/
 *
 * Pure TypeScript without Node APIs: the engine runs it in the browser at package load, the
 * publish pipeline in Node.
 */
import type { AreaProperties, DisclosureSettings } from '../data/types';

export type SuppressionReason = 'primary' | 'secondary';

export const DEFAULT_DISCLOSURE: DisclosureSettings = { minNumerator: 3, minDenominator: 0 };

/** Key of the whole territory's total (like `referenceSeries(indicator, '')` in the engine). */
export const TERRITORY_KEY = '';

/** One observation on the finest level. Null numbers: not available (not part of any total). */
export interface DisclosureCell {
	area_key: string;
	/** Key of the parent area (next level up); "" when the area sits directly under the territory. */
	parent: string;
	indicator_id: string;
	year: number;
	numerator: number | null;
	denominator: number | null;
	/** Observation flag; 'suppressed' from the source is always primary. */
	flag: string;
}

/**
 * Parent of every area above the finest level: child key → parent key ("" at the top). Keys a
 * map does not know count as top-level areas.
 */
export type AreaHierarchy = Readonly<Record<string, string>>;

export interface CellDecision {
	area_key: string;
	indicator_id: string;
	year: number;
	suppressed: boolean;
	reason: SuppressionReason | null;
}

/** A derived total (an area above the finest level, or the territory "") for one indicator and year. */
export interface TotalDecision {
	area_key: string;
	indicator_id: string;
	year: number;
	/** Sum over children with a numerator (suppressed ones included: it is the true total); null if none. */
	numerator: number | null;
	denominator: number | null;
	suppressed: boolean;
	reason: SuppressionReason | null;
}

export interface DisclosureSummary {
	/** Number of input cells. */
	cells: number;
	primary: number;
	secondary: number;
	/** Number of derived totals (over all indicators and years). */
	totals: number;
	totalsPrimary: number;
	totalsSecondary: number;
}

export interface DisclosureResult {
	/** One decision per input cell, ordered by indicator_id, year, area_key (independent of input order). */
	cells: CellDecision[];
	/** Derived totals, ordered by indicator_id, year, area_key. */
	totals: TotalDecision[];
	summary: DisclosureSummary;
}

/** Join key of a cell; \u0000 cannot occur in keys read from CSV text columns by accident. */
export function cellKey(area_key: string, indicator_id: string, year: number): string {
	return `${area_key}\u0000${indicator_id}\u0000${year}`;
}

/** Settings with defaults filled in and checked; throws a German message on nonsense. */
export function disclosureSettings(settings: Partial<DisclosureSettings> = {}): DisclosureSettings {
	const s = { ...DEFAULT_DISCLOSURE, ...settings };
	for (const key of ['minNumerator', 'minDenominator'] as const) {
		if (!Number.isFinite(s[key]) || s[key] < 0) {
			throw new Error(`Geheimhaltung: ${key} muss eine Zahl ≥ 0 sein, ist aber ${s[key]}.`);
		}
	}
	return s;
}

/** The primary rule for one cell or total (see module comment: a true zero is not sensitive). */
export function isPrimarySensitive(
	numerator: number | null,
	denominator: number | null,
	flag: string,
	settings: DisclosureSettings
): boolean {
	if (flag === 'suppressed') return true;
	if (numerator !== null && numerator > 0 && numerator < settings.minNumerator) return true;
	return denominator !== null && denominator < settings.minDenominator;
}

/** Build the hierarchy from area features of all levels (finest level may be included). */
export function hierarchyFromAreas(areas: Iterable<Pick<AreaProperties, 'key' | 'parent'>>): Record<string, string> {
	const hierarchy: Record<string, string> = {};
	for (const a of areas) hierarchy[a.key] = a.parent ?? '';
	return hierarchy;
}

// ------------------------------------------------------------------------------------------------

type Dim = 'numerator' | 'denominator';
const DIMS: readonly Dim[] = ['numerator', 'denominator'];

interface Node {
	key: string;
	depth: number;
	/** Child keys, sorted; empty for cells of the finest level. */
	children: string[];
	numerator: number | null;
	denominator: number | null;
	primary: boolean;
	suppressed: boolean;
	secondary: boolean;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Null sorts last: a child without a number is never preferred. */
function compareNullable(a: number | null, b: number | null): number {
	if (a === b) return 0;
	if (a === null) return 1;
	if (b === null) return -1;
	return a - b;
}

/** Candidate order for complementary suppression: smallest numerator, smallest denominator, key. */
function compareCandidates(a: Node, b: Node): number {
	return compareNullable(a.numerator, b.numerator) || compareNullable(a.denominator, b.denominator) || byString(a.key, b.key);
}

/** Ancestors of an area, nearest first, ending with the territory "". Throws on a cycle. */
function ancestorsOf(parent: string, hierarchy: AreaHierarchy, cache: Map<string, string[]>): string[] {
	const cached = cache.get(parent);
	if (cached) return cached;
	const chain: string[] = [];
	const seen = new Set<string>();
	let key = parent;
	while (key !== TERRITORY_KEY) {
		if (seen.has(key)) {
			throw new Error(`Geheimhaltung: Die Gebietshierarchie enthält einen Kreis (${[...seen, key].join(' → ')}).`);
		}
		seen.add(key);
		chain.push(key);
		key = Object.prototype.hasOwnProperty.call(hierarchy, key) ? hierarchy[key] : TERRITORY_KEY;
	}
	chain.push(TERRITORY_KEY);
	cache.set(parent, chain);
	return chain;
}

export interface SuppressionOptions {
	/**
	 * Totals (cellKey(area_key, indicator_id, year)) to withhold whatever their numbers: a derived
	 * indicator's total must go where a total of one of its parts is withheld, or A(P) − D(P)
	 * would give B(P) back (src/lib/data/derived.ts). They count as primary.
	 */
	withheldTotals?: ReadonlySet<string>;
}

/**
 * Primary and secondary suppression of finest-level cells. Deterministic and independent of the
 * order of `cells`; running it again on its own output (suppressed cells flagged 'suppressed',
 * numbers kept) suppresses nothing more.
 */
export function computeSuppression(
	cells: readonly DisclosureCell[],
	hierarchy: AreaHierarchy,
	settings: Partial<DisclosureSettings> = {},
	options: SuppressionOptions = {}
): DisclosureResult {
	const s = disclosureSettings(settings);
	const groups = new Map<string, DisclosureCell[]>();
	const seen = new Set<string>();
	for (const c of cells) {
		const id = cellKey(c.area_key, c.indicator_id, c.year);
		if (seen.has(id)) {
			throw new Error(`Geheimhaltung: Gebiet „${c.area_key}“, Indikator „${c.indicator_id}“, Jahr ${c.year} kommt mehrfach vor.`);
		}
		seen.add(id);
		const g = `${c.indicator_id}\u0000${c.year}`;
		let list = groups.get(g);
		if (!list) groups.set(g, (list = []));
		list.push(c);
	}

	const cellDecisions: CellDecision[] = [];
	const totalDecisions: TotalDecision[] = [];
	const cache = new Map<string, string[]>();
	const groupKeys = [...groups.keys()].sort((a, b) => {
		const [ia, ya] = a.split('\u0000');
		const [ib, yb] = b.split('\u0000');
		return byString(ia, ib) || Number(ya) - Number(yb);
	});
	for (const g of groupKeys) {
		const list = groups.get(g)!;
		const { indicator_id, year } = list[0];
		const forced = options.withheldTotals;
		const { leaves, totals } = suppressGroup(list, hierarchy, s, cache, forced ? (key) => forced.has(cellKey(key, indicator_id, year)) : () => false);
		for (const n of leaves) {
			cellDecisions.push({ area_key: n.key, indicator_id, year, suppressed: n.suppressed, reason: reasonOf(n) });
		}
		for (const n of totals) {
			totalDecisions.push({
				area_key: n.key,
				indicator_id,
				year,
				numerator: n.numerator,
				denominator: n.denominator,
				suppressed: n.suppressed,
				reason: reasonOf(n)
			});
		}
	}
	return {
		cells: cellDecisions,
		totals: totalDecisions,
		summary: {
			cells: cellDecisions.length,
			primary: cellDecisions.filter((c) => c.reason === 'primary').length,
			secondary: cellDecisions.filter((c) => c.reason === 'secondary').length,
			totals: totalDecisions.length,
			totalsPrimary: totalDecisions.filter((c) => c.reason === 'primary').length,
			totalsSecondary: totalDecisions.filter((c) => c.reason === 'secondary').length
		}
	};
}

function reasonOf(n: Node): SuppressionReason | null {
	return n.primary ? 'primary' : n.secondary ? 'secondary' : null;
}

/** One (indicator, year): build the tree of totals, then fix equations until stable. */
function suppressGroup(
	cells: readonly DisclosureCell[],
	hierarchy: AreaHierarchy,
	s: DisclosureSettings,
	cache: Map<string, string[]>,
	forced: (totalKey: string) => boolean
): { leaves: Node[]; totals: Node[] } {
	const nodes = new Map<string, Node>();
	const leaves: Node[] = [];
	const isLeaf = new Set<string>();
	const linked = new Set<string>();
	const conflict = (key: string) =>
		new Error(`Geheimhaltung: Gebiet „${key}“ ist zugleich Zelle der feinsten Ebene und übergeordnetes Gebiet.`);
	const totalNode = (key: string, depth: number): Node => {
		if (isLeaf.has(key)) throw conflict(key);
		let n = nodes.get(key);
		if (!n) {
			n = { key, depth, children: [], numerator: null, denominator: null, primary: false, suppressed: false, secondary: false };
			nodes.set(key, n);
		}
		return n;
	};
	for (const c of cells) {
		if (nodes.has(c.area_key)) throw conflict(c.area_key);
		const chain = ancestorsOf(c.parent, hierarchy, cache);
		if (chain.includes(c.area_key)) throw conflict(c.area_key);
		const primary = isPrimarySensitive(c.numerator, c.denominator, c.flag, s);
		const leaf: Node = {
			key: c.area_key,
			depth: chain.length,
			children: [],
			numerator: c.numerator,
			denominator: c.denominator,
			primary,
			suppressed: primary,
			secondary: false
		};
		nodes.set(c.area_key, leaf);
		isLeaf.add(c.area_key);
		leaves.push(leaf);
		// chain = [parent, grandparent, …, territory]; depth counts from the territory (0).
		// Each area has one parent, so once a link exists the rest of the chain exists too.
		let child = leaf;
		for (let i = 0; i < chain.length && !linked.has(child.key); i++) {
			const parent = totalNode(chain[i], chain.length - 1 - i);
			parent.children.push(child.key);
			linked.add(child.key);
			child = parent;
		}
	}
	const totals = [...nodes.values()].filter((n) => !isLeaf.has(n.key));
	// Sums deepest first so every child is complete before its parent adds it up.
	const bottomUp = [...totals].sort((a, b) => b.depth - a.depth || byString(a.key, b.key));
	for (const t of bottomUp) {
		t.children.sort(byString);
		for (const dim of DIMS) {
			let sum: number | null = null;
			for (const k of t.children) {
				const v = nodes.get(k)![dim];
				if (v !== null) sum = (sum ?? 0) + v;
			}
			t[dim] = sum;
		}
		t.primary = isPrimarySensitive(t.numerator, t.denominator, '', s) || forced(t.key);
		t.suppressed = t.primary;
	}

	const topDown = [...totals].sort((a, b) => a.depth - b.depth || byString(a.key, b.key));
	// Outer loop: apply the rule again with every hidden cell taken as given, until the set of
	// hidden cells no longer changes. Greedy choices depend on the order in which equations open
	// up; a cell chosen as complement under a total that was hidden only later could otherwise
	// look like a lone suppressed cell to a second run. At the fixed point a second run (the
	// output fed back in) reproduces the result exactly: the function is idempotent by construction.
	let hidden = new Set(leaves.filter((n) => n.primary).map((n) => n.key));
	for (;;) {
		for (const n of leaves) n.suppressed = hidden.has(n.key);
		for (const t of totals) t.suppressed = t.primary;
		closeEquations(topDown, nodes);
		const next = new Set(leaves.filter((n) => n.suppressed).map((n) => n.key));
		if (next.size === hidden.size) break;
		hidden = next;
	}
	for (const n of [...leaves, ...totals]) n.secondary = n.suppressed && !n.primary;
	leaves.sort((a, b) => byString(a.key, b.key));
	totals.sort((a, b) => byString(a.key, b.key));
	return { leaves, totals };
}

/**
 * Hide more terms until every equation has 0 or ≥ 2 unknowns in both dimensions.
 *
 * Bookkeeping, not a different rule: hiding a term only changes the equation it is a term of and,
 * for a total, its own equation, so only those are looked at again (a worklist), and the topmost
 * open equation is found in a flag array instead of by re-testing every equation. Forced moves
 * reach the same closure in any order (they only hide totals whose equation has no published
 * term left, which no other move can change), so the result is the one of re-sweeping every
 * equation after each move — at 20,000 areas × 20 years ≈ 500 times faster.
 */
function closeEquations(topDown: readonly Node[], nodes: Map<string, Node>): void {
	const index = new Map(topDown.map((t, i) => [t, i]));
	const parentOf = new Map<Node, Node>();
	for (const t of topDown) for (const k of t.children) parentOf.set(nodes.get(k)!, t);
	const open = topDown.map(() => false);
	const isOpen = (t: Node) => DIMS.some((dim) => unknownTerms(t, dim, nodes) === 1);
	let dirty = new Set<Node>(topDown);
	// Equations that contain `n` as total or as term.
	const touched = (n: Node) => {
		if (index.has(n)) dirty.add(n);
		const p = parentOf.get(n);
		if (p) dirty.add(p);
	};
	for (;;) {
		// Forced moves first: an equation whose only unknown is its only child (in that dimension)
		// can only be fixed by hiding the total, so do that before any choice is made.
		while (dirty.size > 0) {
			const batch = [...dirty].sort((a, b) => index.get(a)! - index.get(b)!);
			dirty = new Set();
			for (const t of batch) {
				for (const dim of DIMS) if (fixEquation(t, dim, nodes, true)) touched(t);
				open[index.get(t)!] = isOpen(t);
			}
		}
		// Then one choice, at the topmost open equation, so a total hidden from above is settled
		// before the equations below it are looked at.
		const i = open.indexOf(true);
		if (i < 0) return;
		const t = topDown[i];
		const before = new Set(t.children.map((k) => nodes.get(k)!).filter((c) => c.suppressed));
		DIMS.some((dim) => fixEquation(t, dim, nodes, false));
		touched(t);
		for (const k of t.children) {
			const c = nodes.get(k)!;
			if (c.suppressed && !before.has(c)) touched(c);
		}
	}
}

/** Unknown terms of the equation total(t) = Σ children in one dimension (0 when t has no number). */
function unknownTerms(t: Node, dim: Dim, nodes: Map<string, Node>): number {
	if (t[dim] === null) return 0;
	let unknown = t.suppressed ? 1 : 0;
	for (const k of t.children) {
		const c = nodes.get(k)!;
		if (c[dim] !== null && c.suppressed) unknown++;
	}
	return unknown;
}

/**
 * The equation total(t) = Σ children in one dimension. Terms without a number in that dimension
 * are not part of the published total (the engine sums only available values), so they neither
 * leak nor protect. With exactly one unknown term, hide one more: the published child with the
 * smallest numerator, or the total itself when no child is left (`onlyForced`: only that case).
 * Returns whether something was suppressed.
 */
function fixEquation(t: Node, dim: Dim, nodes: Map<string, Node>, onlyForced: boolean): boolean {
	if (t[dim] === null) return false;
	const children = t.children.map((k) => nodes.get(k)!).filter((c) => c[dim] !== null);
	const unknown = children.filter((c) => c.suppressed).length + (t.suppressed ? 1 : 0);
	if (unknown !== 1) return false;
	const candidates = children.filter((c) => !c.suppressed);
	if (onlyForced && candidates.length > 0) return false;
	// No published child left: the single unknown is a child, so t itself is still published.
	const pick = candidates.length > 0 ? candidates.sort(compareCandidates)[0] : t;
	pick.suppressed = true;
	return true;
}
