/**
 * Colours of the value map. ColorBrewer sequential schemes (via d3-scale-chromatic) are designed to
 * stay ordered for colour-blind readers and in greyscale print. Darker always means a higher value;
 * the hue carries the polarity: red-orange where higher is worse, blue where higher is better,
 * purple where there is no good direction.
 */
import { schemeBlues, schemeOrRd, schemePurples } from 'd3';
import type { Polarity } from '$lib/data/types';

/** Drawn for areas without data. Never a class colour, never "0". */
export const NO_DATA_COLOR = '#d4d4d4';
/** Background and stripes of the hatch for suppressed areas (Geheimhaltung). */
export const SUPPRESSED_BACKGROUND = '#ffffff';
export const SUPPRESSED_STRIPE = '#5c5c5c';
export const OUTLINE_COLOR = '#4a4a4a';
export const SELECTED_COLOR = '#000000';

export function classColors(polarity: Polarity, k: number): string[] {
	const scheme = polarity === 'higher_is_worse' ? schemeOrRd : polarity === 'higher_is_better' ? schemeBlues : schemePurples;
	const n = Math.max(3, Math.min(9, k));
	const colors = [...scheme[n]];
	// ColorBrewer starts at 3 classes; for 1–2 classes take the darker end so they stand out from "no data".
	return k < 3 ? colors.slice(3 - k) : colors;
}

/** 8×8 RGBA diagonal stripes for the suppressed-area pattern (MapLibre addImage, SVG uses a <pattern>). */
export function hatchImage(size = 8): { width: number; height: number; data: Uint8Array } {
	const data = new Uint8Array(size * size * 4);
	const bg = hexToRgb(SUPPRESSED_BACKGROUND);
	const fg = hexToRgb(SUPPRESSED_STRIPE);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			const stripe = (x + y) % size < 2;
			const [r, g, b] = stripe ? fg : bg;
			data.set([r, g, b, 255], (y * size + x) * 4);
		}
	}
	return { width: size, height: size, data };
}

export function hexToRgb(hex: string): [number, number, number] {
	const n = parseInt(hex.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Comparison with the city (Fingertips-style), from the Okabe–Ito palette, which stays
 * distinguishable for the common colour-vision deficiencies: blue better, orange worse, light
 * yellow similar; purple shades for higher/lower where no direction is better.
 */
export const COMPARISON_COLORS = {
	better: '#0072b2',
	similar: '#f0e442',
	worse: '#d55e00',
	higher: '#6a3d9a',
	lower: '#cab2d6',
	not_comparable: '#9a9a9a'
} as const;
