/**
 * The data-quality report: every check of this folder over every indicator, as one list of
 * findings plus a coverage overview per indicator and year. Pure: the engine hands over the
 * published data (src/lib/data/quality-data.ts), the page only filters and renders.
 */
import type { DisclosureSettings, Indicator, PopulationRow } from '$lib/data/types';
import { zForLevel } from '$lib/stats/distributions';
import type { Neighbours } from './adjacency';
import { pooledSeries, seriesBreaks } from './breaks';
import { cellChecks, type YearCoverage } from './cells';
import { populationSums, referenceSums, type AreaLink, type LevelTotal } from './levels';
import { hampelOutliers, levelShifts, segments } from './series';
import { neighbourOutliers, type AreaNumbers } from './spatial';
import { OUTLIER_Z } from './robust';
import type { CheckId, Finding, QualityObservation, SeriesPoint } from './types';

export interface QualityInput {
	indicators: readonly Indicator[];
	/** Every area of every level (finest: level_rank 0). */
	areas: readonly (AreaLink & { name: string })[];
	/** Published observations of the finest level (withheld cells: flag "suppressed", no numbers). */
	observations: readonly QualityObservation[];
	neighbours: Neighbours;
	disclosure: DisclosureSettings;
	/** Totals of coarser levels the package carries itself (public copy), if any. */
	references?: readonly LevelTotal[];
	population?: readonly PopulationRow[];
}

export interface QualityOptions {
	/** Smallest denominator whose value is taken as reliable (at least the package's minDenominator). */
	minDenominator: number;
}

export const DEFAULT_MIN_DENOMINATOR = 20;

export interface QualityReport {
	findings: Finding[];
	/** Coverage per indicator and year. */
	coverage: Map<string, YearCoverage[]>;
	/** Whether the package has totals of coarser levels to check sums against. */
	levelSumsChecked: boolean;
	/** Areas of the finest level without a neighbour (the neighbour check skips them). */
	withoutNeighbours: string[];
}

/** A report with what the page shows beside it. */
export interface QualityResult {
	indicators: Indicator[];
	/** Area key → name (every area, or at least every area the report names). */
	names: Map<string, string>;
	/** Published cells with a value (what the chance threshold counts). */
	cells: number;
	/** The minimum denominator the report was computed for (as chosen on the page). */
	minDenominator: number;
	report: QualityReport;
}

/** Order of the checks in the list: what most needs a look first. */
export const CHECK_ORDER: CheckId[] = [
	'numerator_above_denominator', 'series_break', 'jump', 'own_outlier', 'neighbour_outlier', 'missing_areas', 'level_sum',
	'documented_break', 'missing_year', 'small_denominator', 'suppressed'
];

/** Years an area must differ from its neighbours to be reported. */
export const MIN_NEIGHBOUR_YEARS = 2;

/** Family-wise error rate of the whole report: chance alone gives a false finding in 5 % of reports. */
export const REPORT_ALPHA = 0.05;

/**
 * The z a deviation must exceed in sampling errors. One report tests every cell, several times;
 * at the usual 3.5 per test a clean package of 15,000 cells would still show a dozen chance
 * "outliers". Bonferroni: two-sided level 1 − α/m for m cells (≈ 4.6 for the demo city).
 */
export function chanceThreshold(cells: number, alpha = REPORT_ALPHA): number {
	return cells > 0 ? Math.max(OUTLIER_Z, zForLevel(1 - alpha / cells)) : OUTLIER_Z;
}

/** A cell the statistical checks can use: published with a value. */
export const usable = (o: QualityObservation) => o.value !== null && o.flag !== 'suppressed' && o.flag !== 'missing';

/**
 * What every indicator's checks share. The chance threshold depends on the cells of the whole
 * report, so a report built one indicator at a time (bounded memory at 20,000 areas:
 * src/lib/data/analysis/quality-data.ts) counts them first and then checks each indicator alone.
 */
export interface ReportFrame {
	/** Keys of the finest level. */
	finest: string[];
	links: AreaLink[];
	neighbours: Neighbours;
	/** The effective minimum (the chosen one, at least the package's disclosure minimum). */
	minDenominator: number;
	chanceZ: number;
}

export function reportFrame(input: Pick<QualityInput, 'areas' | 'neighbours' | 'disclosure'>, options: QualityOptions, usableCells: number): ReportFrame {
	return {
		finest: input.areas.filter((a) => a.level_rank === 0).map((a) => a.key),
		links: input.areas.map(({ key, parent, level_rank }) => ({ key, parent, level_rank })),
		neighbours: input.neighbours,
		minDenominator: Math.max(options.minDenominator, input.disclosure.minDenominator),
		chanceZ: chanceThreshold(usableCells)
	};
}

/** The checks of one indicator: its findings, its coverage and its totals against the parts. */
export interface IndicatorChecks {
	findings: Finding[];
	coverage: YearCoverage[];
	levelSums: Finding[];
}

/** Every check of one indicator on its published rows (and the package's totals of it, if any). */
export function checkIndicator(ind: Indicator, rows: readonly QualityObservation[], frame: ReportFrame, references: readonly LevelTotal[] = []): IndicatorChecks {
	const { minDenominator } = frame;
	const cells = cellChecks(ind, rows, frame.finest, minDenominator);
	// values from too few cases and impossible shares are listed as such (cells.ts) and left out
	// of the statistical checks: one error, one finding
	const reliable = rows.filter(
		(o) =>
			ind.value_type === 'count' ||
			(o.denominator !== null && o.denominator >= minDenominator && !(ind.value_type === 'proportion' && o.numerator !== null && o.numerator > o.denominator))
	);
	const totals = references.filter((t) => t.indicator_id === ind.id);
	return {
		findings: [...cells.findings, ...seriesFindings(ind, reliable, rows, frame.neighbours, frame.chanceZ)],
		coverage: cells.coverage,
		levelSums: totals.length ? referenceSums(totals, rows, frame.links) : []
	};
}

/**
 * The report from every indicator's checks (in catalogue order) and the population sums. A
 * package's totals are compared per indicator (each total names its indicator, so this is the
 * same as comparing all at once), then everything is sorted.
 */
export function finishReport(
	indicators: readonly Indicator[],
	checks: readonly IndicatorChecks[],
	frame: ReportFrame,
	extra: { references?: readonly LevelTotal[]; population?: readonly PopulationRow[] }
): QualityReport {
	const findings: Finding[] = checks.flatMap((c) => c.findings);
	const coverage = new Map<string, YearCoverage[]>(indicators.map((ind, i) => [ind.id, checks[i].coverage]));
	const rank = new Map(frame.links.map((a) => [a.key, a.level_rank]));
	const coarserPopulation = (extra.population ?? []).some((p) => rank.get(p.area_key) !== 0);
	findings.push(...checks.flatMap((c) => c.levelSums));
	if (coarserPopulation) findings.push(...populationSums(extra.population!, frame.links));
	const order = new Map(indicators.map((i, n) => [i.id, n]));
	// what needs a look first: warnings before notes, then in catalogue order
	findings.sort(
		(a, b) =>
			(a.severity === b.severity ? 0 : a.severity === 'warning' ? -1 : 1) ||
			(order.get(a.indicator_id) ?? -1) - (order.get(b.indicator_id) ?? -1) ||
			CHECK_ORDER.indexOf(a.check) - CHECK_ORDER.indexOf(b.check) ||
			a.years[0] - b.years[0] ||
			(a.areas[0] ?? '').localeCompare(b.areas[0] ?? '')
	);
	return {
		findings,
		coverage,
		levelSumsChecked: !!extra.references?.length || coarserPopulation,
		withoutNeighbours: frame.finest.filter((k) => (frame.neighbours.get(k) ?? []).length === 0)
	};
}

/** The report with what the page shows beside it, from all observations at once. */
export function qualityResult(input: QualityInput, minDenominator: number): QualityResult {
	return {
		indicators: [...input.indicators],
		names: new Map(input.areas.map((a) => [a.key, a.name])),
		cells: input.observations.filter(usable).length,
		minDenominator,
		report: qualityReport(input, { minDenominator })
	};
}

/** The whole report from all observations at once (small packages, and the reference for the one-at-a-time build). */
export function qualityReport(input: QualityInput, options: QualityOptions): QualityReport {
	const frame = reportFrame(input, options, input.observations.filter(usable).length);
	const byIndicator = new Map<string, QualityObservation[]>();
	for (const o of input.observations) {
		let l = byIndicator.get(o.indicator_id);
		if (!l) byIndicator.set(o.indicator_id, (l = []));
		l.push(o);
	}
	const checks = input.indicators.map((ind) => checkIndicator(ind, byIndicator.get(ind.id) ?? [], frame, input.references));
	return finishReport(input.indicators, checks, frame, input);
}

/** Breaks, steps, own-series and neighbour outliers of one indicator. */
function seriesFindings(ind: Indicator, rows: readonly QualityObservation[], all: readonly QualityObservation[], neighbours: Neighbours, chanceZ: number): Finding[] {
	const id = ind.id;
	const byArea = new Map<string, SeriesPoint[]>();
	for (const o of [...rows].sort((a, b) => a.year - b.year)) {
		if (!usable(o)) continue;
		let l = byArea.get(o.area_key);
		if (!l) byArea.set(o.area_key, (l = []));
		l.push({ year: o.year, value: o.value!, numerator: o.numerator, denominator: o.denominator, flag: o.flag });
	}
	const out: Finding[] = [];
	// documented breaks, for the record (and as segment limits below)
	const documented = [...new Set(all.filter((o) => o.flag === 'break').map((o) => o.year))].sort((a, b) => a - b);
	for (const year of documented) {
		const areas = [...new Set(all.filter((o) => o.flag === 'break' && o.year === year).map((o) => o.area_key))].sort();
		const total = new Set(all.filter((o) => o.year === year).map((o) => o.area_key)).size;
		out.push({ check: 'documented_break', severity: 'info', indicator_id: id, years: [year], areas: areas.length === total ? [] : areas, detail: { areas: areas.length } });
	}
	const found = seriesBreaks(byArea, ind, chanceZ).filter((b) => !documented.includes(b.year));
	const city = new Map(pooledSeries(byArea, ind).map((c) => [c.year, c.value]));
	for (const b of found) {
		out.push({ check: 'series_break', severity: 'warning', indicator_id: id, years: [b.year], areas: [], detail: { before: b.before, after: b.after, z: b.z, jumped: b.jumped, scored: b.scored } });
	}
	const breakYears = new Set(found.map((b) => b.year));
	for (const [area, points] of byArea) {
		for (const seg of segments(points, breakYears)) {
			const spikes = hampelOutliers(seg, ind, city, chanceZ);
			for (const s of spikes) {
				out.push({ check: 'own_outlier', severity: 'warning', indicator_id: id, years: [s.year], areas: [area], detail: { value: s.value, expected: s.expected, z: s.z } });
			}
			for (const j of levelShifts(seg, ind, new Set(spikes.map((s) => s.year)), city, chanceZ)) {
				out.push({ check: 'jump', severity: 'warning', indicator_id: id, years: [j.year], areas: [area], detail: { before: j.before, after: j.after, z: j.z } });
			}
		}
	}
	// neighbour outliers per year, gathered per area (one finding with all its years)
	const years = [...new Set(rows.map((o) => o.year))].sort((a, b) => a - b);
	const perArea = new Map<string, { years: number[]; worst: { value: number; expected: number; z: number } }>();
	for (const year of years) {
		const values = new Map<string, AreaNumbers>();
		for (const [area, points] of byArea) {
			const p = points.find((x) => x.year === year);
			if (p) values.set(area, p);
		}
		for (const o of neighbourOutliers(values, neighbours, ind, chanceZ)) {
			const e = perArea.get(o.area) ?? { years: [], worst: o };
			e.years.push(year);
			if (Math.abs(o.z) > Math.abs(e.worst.z)) e.worst = o;
			perArea.set(o.area, e);
		}
	}
	for (const [area, e] of perArea) {
		// one year off the neighbours is an own-series outlier (reported above) or chance; an area
		// is called different from its surroundings when it is so in more than one year
		if (e.years.length < MIN_NEIGHBOUR_YEARS) continue;
		out.push({
			check: 'neighbour_outlier', severity: 'warning', indicator_id: id, years: e.years, areas: [area],
			detail: { value: e.worst.value, expected: e.worst.expected, z: e.worst.z, yearsFound: e.years.length }
		});
	}
	return out;
}
