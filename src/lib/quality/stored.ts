/**
 * The quality report as the build stores it (pipelines/serve/precompute-quality.ts writes
 * `pre/quality.json` into the served package): the very report the page computes for the
 * package's default minimum denominator, with the names of the areas it mentions. The page shows
 * it instead of reading every indicator into DuckDB-wasm; a package of the user's own, or another
 * minimum, is computed as before. Pure: no fetch here.
 */
import type { Indicator } from '$lib/data/types';
import type { YearCoverage } from './cells';
import type { QualityResult } from './report';
import type { Finding } from './types';

export const STORED_QUALITY_PATH = 'pre/quality.json';
export const STORED_QUALITY_VERSION = 1;

export interface StoredQuality {
	version: number;
	minDenominator: number;
	cells: number;
	indicators: Indicator[];
	/** Names of the areas the report mentions (findings, areas without neighbours). */
	names: Record<string, string>;
	findings: Finding[];
	/** Coverage per indicator, in catalogue order. */
	coverage: [string, YearCoverage[]][];
	levelSumsChecked: boolean;
	withoutNeighbours: string[];
}

/** Area keys a report mentions. */
function mentioned(result: QualityResult): Set<string> {
	const keys = new Set(result.report.withoutNeighbours);
	for (const f of result.report.findings) {
		for (const a of f.areas) keys.add(a);
		if (f.level_area) keys.add(f.level_area);
	}
	return keys;
}

export function storeQuality(result: QualityResult): StoredQuality {
	const names: Record<string, string> = {};
	for (const key of mentioned(result)) {
		const name = result.names.get(key);
		if (name !== undefined) names[key] = name;
	}
	const { report } = result;
	return {
		version: STORED_QUALITY_VERSION,
		minDenominator: result.minDenominator,
		cells: result.cells,
		indicators: result.indicators,
		names,
		findings: report.findings,
		coverage: [...report.coverage],
		levelSumsChecked: report.levelSumsChecked,
		withoutNeighbours: report.withoutNeighbours
	};
}

/** The stored report back as the page's result; null for a file of another format version. */
export function restoreQuality(file: StoredQuality): QualityResult | null {
	if (file.version !== STORED_QUALITY_VERSION) return null;
	return {
		indicators: file.indicators,
		names: new Map(Object.entries(file.names)),
		cells: file.cells,
		minDenominator: file.minDenominator,
		report: { findings: file.findings, coverage: new Map(file.coverage), levelSumsChecked: file.levelSumsChecked, withoutNeighbours: file.withoutNeighbours }
	};
}
