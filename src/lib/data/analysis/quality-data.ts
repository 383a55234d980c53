/**
 * What the data-quality report needs from the engine: the published observations of every
 * indicator (disclosure control applied, published.ts), all areas with their level, the
 * neighbours of the finest areas from the geometry, and the coarser totals and population rows a
 * package carries itself (the only values sums across levels can be checked against).
 *
 * Two ways to the same report: `loadQualityInput` reads every indicator at once (a city's
 * package: one query), `computeQuality` one indicator at a time and releases it again, so memory
 * stays bounded at 20,000 areas × 100 indicators (the build stores that report:
 * pipelines/serve/precompute-quality.ts; the page runs it for a package too large for the first).
 */
import type { MonitorEngine } from '../engine';
import type { PopulationRow } from '../types';
import { rookNeighbours } from '$lib/quality/adjacency';
import type { LevelTotal } from '$lib/quality/levels';
import { checkIndicator, finishReport, qualityResult, reportFrame, usable, type IndicatorChecks, type QualityInput, type QualityResult } from '$lib/quality/report';
import type { QualityObservation } from '$lib/quality/types';
import { PACKAGE_TOTALS, PUBLISHED_OBSERVATIONS, PUBLISHED_OBSERVATIONS_OF, PUBLISHED_USABLE_CELLS_OF } from './published';

const PACKAGE_HAS_TOTALS = 'references';

/** Population rows not of a finest area (report.ts finishReport: only then are population sums checked). */
const COARSER_POPULATION_ROWS = `SELECT COUNT(*)::INTEGER AS n FROM population p
WHERE NOT EXISTS (SELECT 1 FROM areas a WHERE a.key = p.area_key AND a.level_rank = 0)`;

/**
 * Up to this many cells (finest areas × indicator-years) the page reads every indicator at once:
 * a city's catalogue is a few MB. Above, one indicator at a time (see computeQuality).
 */
export const ALL_AT_ONCE_CELLS = 1_000_000;

/** Everything but the observations. */
async function loadFrameInput(engine: MonitorEngine): Promise<Omit<QualityInput, 'observations'>> {
	const indicators = await engine.indicators();
	await engine.prepareTables(['population']);
	const levels = engine.descriptor.sozialraum.levels.map((l) => l.id);
	const areas = (await engine.areas()).map((a) => ({ key: a.key, name: a.name, parent: a.parent, level_rank: levels.indexOf(a.level) }));
	const withTotals = engine.descriptor.resources.some((r) => r.name === PACKAGE_HAS_TOTALS);
	const references = withTotals ? await engine.query<LevelTotal & Record<string, unknown>>(PACKAGE_TOTALS) : [];
	// population rows are only compared when the package has some above the finest level (20,000
	// areas × 20 years × age groups are millions of rows otherwise read for nothing)
	const [{ n }] = await engine.query<{ n: number }>(COARSER_POPULATION_ROWS);
	const population = Number(n) > 0 ? await engine.query<PopulationRow & Record<string, unknown>>(`SELECT area_key, year, age_group, persons FROM population`) : [];
	return { indicators, areas, neighbours: rookNeighbours(engine.geometry[engine.baseLevel]), disclosure: engine.disclosure, references, population };
}

export async function loadQualityInput(engine: MonitorEngine): Promise<QualityInput> {
	const ids = (await engine.indicators()).map((i) => i.id);
	await engine.prepare(ids);
	const frameInput = await loadFrameInput(engine);
	const observations = await engine.query<QualityObservation & Record<string, unknown>>(PUBLISHED_OBSERVATIONS);
	return { ...frameInput, observations };
}

/** Whether the package is small enough to read every indicator at once (ALL_AT_ONCE_CELLS). */
export async function fitsAllAtOnce(engine: MonitorEngine): Promise<boolean> {
	const years = Object.values(await engine.yearsByIndicator()).reduce((n, ys) => n + ys.length, 0);
	const finest = (await engine.areas()).filter((a) => a.level === engine.baseLevel).length;
	return finest * years <= ALL_AT_ONCE_CELLS;
}

/** The report from every indicator at once (qualityReport on loadQualityInput). */
export async function computeQualityAllAtOnce(engine: MonitorEngine, minDenominator: number): Promise<QualityResult> {
	return qualityResult(await loadQualityInput(engine), minDenominator);
}

/**
 * The same report, one indicator at a time: first every indicator's count of usable cells (the
 * chance threshold depends on all of them; counted in SQL, nothing converted), then each
 * indicator's rows are checked alone and released. The second pass runs backwards, so the
 * indicator the first pass ended with is still loaded.
 */
export async function computeQuality(engine: MonitorEngine, minDenominator: number, progress: (done: number, total: number) => void = () => {}): Promise<QualityResult> {
	const input = await loadFrameInput(engine);
	const { indicators } = input;
	const total = indicators.length * 2;
	let done = 0;
	let cells = 0;
	for (const ind of indicators) {
		await engine.prepare([ind.id]);
		const [{ n }] = await engine.query<{ n: number }>(PUBLISHED_USABLE_CELLS_OF, [ind.id]);
		cells += Number(n);
		if (ind !== indicators.at(-1)) await engine.release([ind.id]);
		progress(++done, total);
	}
	const frame = reportFrame(input, { minDenominator }, cells);
	const checks: IndicatorChecks[] = new Array(indicators.length);
	for (let i = indicators.length - 1; i >= 0; i--) {
		const ind = indicators[i];
		await engine.prepare([ind.id]);
		const rows = await engine.query<QualityObservation & Record<string, unknown>>(PUBLISHED_OBSERVATIONS_OF, [ind.id]);
		checks[i] = checkIndicator(ind, rows, frame, input.references);
		await engine.release([ind.id]);
		progress(++done, total);
	}
	return { indicators: [...indicators], names: new Map(input.areas.map((a) => [a.key, a.name])), cells, minDenominator, report: finishReport(indicators, checks, frame, input) };
}

