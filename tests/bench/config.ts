/**
 * What the benchmark measures at which sizes, and the goals each figure is held against.
 *
 * Sizes: the demo city plus generated packages of 1,000 and 20,000 Sozialräume with the full
 * 100 indicators × 20 years (5,000 on request: --sizes 5000). The site is built as users get it
 * (pipelines/tasks/build.mjs): the package in its served layout, one observation file per
 * indicator loaded on first use and disclosure control decided at build time, so the number of
 * observation rows decides the build time, the number of areas decides loading, drawing and
 * recolouring.
 */
import type { SizeSpec } from './prepare';

export const SIZES: SizeSpec[] = [
	{ id: 'demo', label: 'Demo (Musterstadt)', areas: 41, indicators: 30, years: 12, data: 'data/musterstadt' },
	{ id: '1000', label: '1,000 areas', areas: 1000, indicators: 100, years: 20 },
	{ id: '5000', label: '5,000 areas', areas: 5000, indicators: 100, years: 20 },
	{ id: '20000', label: '20,000 areas', areas: 20000, indicators: 100, years: 20 },
	// Realistic vertex counts (8 per cell edge, ≈ 37 per area) and a short catalogue, so the build
	// is quick: for the simplified zoom bands (build with SOZIALRAUM_SIMPLIFY_MIN_AREAS=on, then
	// --bands on|off on one build; docs/performance.md).
	{ id: '5000d', label: '5,000 areas, detailed edges', areas: 5000, indicators: 5, years: 3, detail: 8 }
];

/** Sizes measured when --sizes is not given. */
export const DEFAULT_SIZES = ['demo', '1000', '20000'];

/** The goal size for "every page usable", measured with per-indicator files. */
export const FULL = { areas: 20000, indicators: 100, years: 20 };

/** A page counts as usable when it is interactive this soon after a cold start, without an error. */
export const USABLE_MS = 10_000;

/** Issue #13's goals (benchmark figures, never timed assertions). */
export const GOALS = {
	/** Demo: first coloured INTERACTIVE map, cold. */
	interactiveMapDemoMs: 1000,
	/** Prerendered preview painted (no regression of the first paint). */
	previewDemoMs: 300,
	/** Recolour p95, the app's own main-thread work (input → paint properties set). */
	recolourAppP95Ms: { demo: 16, 1000: 16, 20000: 50 } as Record<string, number>,
	/** Recolour p95 input → frame on screen with SwiftShader, demo. */
	recolourFrameDemoP95Ms: 100,
	/** Recolour p95 on the SVG map (WebGL off), 1,000 areas: input → SVG painted. */
	svgRecolourP95Ms: { 1000: 50 } as Record<string, number>,
	initialJsGzipBytes: 250 * 1024,
	usableMs: USABLE_MS
};

/** Cold runs of the SVG map (WebGL off) per size. */
export const SVG_RUNS = 3;
