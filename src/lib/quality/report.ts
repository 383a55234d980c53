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

const usable = (o: QualityObservation) => o.value !== null && o.flag !== 'suppressed' && o.flag !== 'missing';

export function qualityReport(input: QualityInput, options: QualityOptions): QualityReport {
	const finest = input.areas.filter((a) => a.level_rank === 0).map((a) => a.key);
	const minDenominator = Math.max(options.minDenominator, input.disclosure.minDenominator);
	const byIndicator = new Map<string, QualityObservation[]>();
	for (const o of input.observations) {
		let l = byIndicator.get(o.indicator_id);
		if (!l) byIndicator.set(o.indicator_id, (l = []));
		l.push(o);
	}
	const findings: Finding[] = [];
	const coverage = new Map<string, YearCoverage[]>();
	const chanceZ = chanceThreshold(input.observations.filter(usable).length);
	for (const ind of input.indicators) {
		const rows = byIndicator.get(ind.id) ?? [];
		const cells = cellChecks(ind, rows, finest, minDenominator);
		coverage.set(ind.id, cells.coverage);
		// values from too few cases and impossible shares are listed as such (cells.ts) and left out
		// of the statistical checks: one error, one finding
		const reliable = rows.filter(
			(o) =>
				ind.value_type === 'count' ||
				(o.denominator !== null && o.denominator >= minDenominator && !(ind.value_type === 'proportion' && o.numerator !== null && o.numerator > o.denominator))
		);
		findings.push(...cells.findings, ...seriesFindings(ind, reliable, rows, input.neighbours, chanceZ));
	}
	const links = input.areas.map(({ key, parent, level_rank }) => ({ key, parent, level_rank }));
	const coarserPopulation = (input.population ?? []).some((p) => links.find((a) => a.key === p.area_key)?.level_rank !== 0);
	if (input.references?.length) findings.push(...referenceSums(input.references, input.observations, links));
	if (coarserPopulation) findings.push(...populationSums(input.population!, links));
	const order = new Map(input.indicators.map((i, n) => [i.id, n]));
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
		levelSumsChecked: !!input.references?.length || coarserPopulation,
		withoutNeighbours: finest.filter((k) => (input.neighbours.get(k) ?? []).length === 0)
	};
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
