/**
 * The life phase × area matrix: for every area and phase the need score, the coverage, their
 * levels (computed per phase across the areas) and the resulting category.
 */
import { categoryOf, levels, type Category, type Level, type LevelMethod } from './categories';
import type { AreaCoverage, PhaseCoverage } from './coverage';
import type { NeedScore } from './need';
import { CHAIN_PHASES, type ChainPhase } from './phases';

export type CoverageMeasure = 'offers' | 'places';

export interface MatrixCell {
	phase: ChainPhase;
	need: NeedScore;
	needLevel: Level | null;
	coverage: PhaseCoverage;
	/** What was compared: offers per 1,000 or places per 100 children. */
	measure: CoverageMeasure;
	coverageValue: number | null;
	coverageLevel: Level | null;
	category: Category;
}

export interface MatrixRow {
	key: string;
	name: string;
	parent: string;
	cells: Record<ChainPhase, MatrixCell>;
	gaps: number;
	/** Fewer residents than the minimum: shown, but not classified (rates on a handful of children mislead). */
	small: boolean;
}

export interface MatrixInput {
	areas: readonly { key: string; name: string; parent: string }[];
	need: ReadonlyMap<ChainPhase, ReadonlyMap<string, NeedScore>>;
	coverage: ReadonlyMap<string, AreaCoverage>;
	method: LevelMethod;
	measure: CoverageMeasure;
	/** Phases whose offers state places; elsewhere "places" falls back to offers per 1,000. */
	placesPhases: ReadonlySet<ChainPhase>;
	/** Residents ("insgesamt") per area and the minimum below which an area is not classified. */
	population?: ReadonlyMap<string, number>;
	minPopulation?: number;
}

const EMPTY: PhaseCoverage = { children: null, offers: 0, places: 0, offersPer1000: null, placesPer100: null };

export function measureFor(phase: ChainPhase, input: Pick<MatrixInput, 'measure' | 'placesPhases'>): CoverageMeasure {
	return input.measure === 'places' && input.placesPhases.has(phase) ? 'places' : 'offers';
}

/**
 * Levels are computed per phase across the areas that are not too small; small areas keep their
 * numbers but no level, so they neither get a category nor shift the terciles of the others.
 */
export function buildMatrix(input: MatrixInput): MatrixRow[] {
	const min = input.minPopulation ?? 0;
	const isSmall = (key: string) => min > 0 && input.population !== undefined && (input.population.get(key) ?? 0) < min;
	const rows: MatrixRow[] = input.areas.map((a) => ({ ...a, cells: {} as Record<ChainPhase, MatrixCell>, gaps: 0, small: isSmall(a.key) }));
	for (const phase of CHAIN_PHASES) {
		const measure = measureFor(phase, input);
		const need = input.areas.map((a) => input.need.get(phase)?.get(a.key) ?? { score: null, n: 0 });
		const cov = input.areas.map((a) => input.coverage.get(a.key)?.[phase] ?? EMPTY);
		const covValues = cov.map((c) => (measure === 'places' ? c.placesPer100 : c.offersPer1000));
		const needLevels = levels(need.map((n, i) => (rows[i].small ? null : n.score)), input.method);
		const covLevels = levels(covValues.map((v, i) => (rows[i].small ? null : v)), input.method);
		rows.forEach((row, i) => {
			const category = categoryOf(needLevels[i], covLevels[i]);
			row.cells[phase] = { phase, need: need[i], needLevel: needLevels[i], coverage: cov[i], measure, coverageValue: covValues[i], coverageLevel: covLevels[i], category };
			if (category === 'gap') row.gaps++;
		});
	}
	return rows;
}

/** Areas with a gap in a phase, highest need first. */
export function gapsIn(rows: readonly MatrixRow[], phase: ChainPhase): MatrixRow[] {
	return rows.filter((r) => r.cells[phase].category === 'gap').sort((a, b) => (b.cells[phase].need.score ?? 0) - (a.cells[phase].need.score ?? 0));
}

/** How many gap areas the summary names per phase: the answer first, the full list is the phase table. */
export const GAP_LIST_MAX = 10;

/** The neediest `max` gap areas of a phase, and how many more there are. */
export function topGaps(rows: readonly MatrixRow[], phase: ChainPhase, max = GAP_LIST_MAX): { areas: MatrixRow[]; more: number } {
	const all = gapsIn(rows, phase);
	return { areas: all.slice(0, max), more: Math.max(0, all.length - max) };
}
