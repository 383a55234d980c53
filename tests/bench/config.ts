/**
 * What the benchmark measures at which sizes, and the goals each figure is held against.
 *
 * Sizes: the demo city plus generated packages of 1,000, 5,000 and 20,000 Sozialräume. The number
 * of observation rows (areas × indicators × years) decides the load time, the number of areas
 * decides drawing and recolouring. Today's engine reads the whole observations table and runs
 * disclosure control over every cell in the browser, ≈ 25 µs per row on the 2-core build machine;
 * 20,000 × 100 × 20 = 40 million rows (1.8 GB CSV) cannot be loaded at all. The scale packages
 * therefore keep 20 years but use fewer indicators (≤ 1.2 million rows each, so five cold runs per
 * size fit the time budget); the full 20,000 × 100 × 20 is measured with the partitioned formats
 * (tests/bench/formats.ts), which load one indicator (400,000 rows) at a time.
 */
import type { SizeSpec } from './prepare';

export const SIZES: SizeSpec[] = [
	{ id: 'demo', label: 'Demo (Musterstadt)', areas: 41, indicators: 30, years: 12, data: 'data/musterstadt' },
	{ id: '1000', label: '1,000 areas', areas: 1000, indicators: 30, years: 20 },
	{ id: '5000', label: '5,000 areas', areas: 5000, indicators: 8, years: 20 },
	{ id: '20000', label: '20,000 areas', areas: 20000, indicators: 3, years: 20 }
];

/** The goal size for "every page usable", measured with per-indicator files. */
export const FULL = { areas: 20000, indicators: 100, years: 20 };

/** A page counts as usable when it is interactive this soon after a cold start, without an error. */
export const USABLE_MS = 10_000;

export const GOALS = {
	firstColouredMapDemoMs: 1000,
	recolourP95Ms: { 1000: 16, 20000: 50 } as Record<string, number>,
	initialJsGzipBytes: 250 * 1024,
	usableMs: USABLE_MS
};
