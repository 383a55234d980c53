/**
 * `/praesentation/?folie=3` opens the presentation at its third slide, and while presenting the
 * URL follows the slide shown, so a reload or a bookmark returns to it. Slide numbers are 1-based
 * as on screen; anything that is not a slide of this deck means "not presenting".
 */
import { buildQuery, parseNumber } from '$lib/permalink';

export const SLIDE_PARAM = 'folie';

/** 0-based index of the slide the URL names, or null. */
export function parseSlideParam(params: URLSearchParams, total: number): number | null {
	const n = parseNumber(params.get(SLIDE_PARAM), 1, total);
	return n !== null && Number.isInteger(n) ? n - 1 : null;
}

/** Query string for presenting slide `index` (0-based), or "" for the editor. */
export function slideSearch(index: number | null): string {
	return index === null ? '' : buildQuery([[SLIDE_PARAM, String(index + 1)]]);
}
