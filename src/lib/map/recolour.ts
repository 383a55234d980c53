/**
 * The colours of every area as two data-driven paint expressions (one 'match' on the area key for
 * the fill colour, one for the hatch's opacity) instead of one feature-state write per area.
 *
 * Why it was tried: with feature-state, MapLibre rewrites the paint arrays of every changed
 * feature on the main thread (`updatePaintArrays`; ≈ 0.8 s per recolour at 20,000 areas in the
 * CPU profile of 2026-11-21). A changed data-driven expression is instead sent to the map's
 * worker, which lays the tiles out again and evaluates it there; the main thread only builds this
 * small expression (areas are grouped by colour: at most one branch per class colour).
 * Measured at 1,000 areas it is slower (the worker re-tessellates every polygon, the main thread
 * then uploads new buffers), so it is not the default; see maplibre-choropleth.ts.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { AreaStyle } from './maplibre-choropleth';
import { NO_DATA_COLOR } from './colors';

/** The feature property the expressions match on (the area key; also the source's promoteId). */
export const KEY_PROPERTY = 'key';

export interface RecolourPaint {
	fillColor: ExpressionSpecification | string;
	hatchOpacity: ExpressionSpecification | number;
}

/**
 * Paint values for `styles`. Areas without a style, without a colour or not in `styles` fall to
 * the default branch (no data). A suppressed area keeps its colour (usually none) under the hatch,
 * exactly as the feature-state layers drew it.
 */
export function recolourPaint(styles: Map<string, AreaStyle>): RecolourPaint {
	const byColour = new Map<string, string[]>();
	const suppressed: string[] = [];
	for (const [key, s] of styles) {
		if (s.status === 'suppressed') suppressed.push(key);
		if (s.color && s.color !== NO_DATA_COLOR) {
			const list = byColour.get(s.color);
			if (list) list.push(key);
			else byColour.set(s.color, [key]);
		}
	}
	const key: ExpressionSpecification = ['to-string', ['get', KEY_PROPERTY]];
	// 'match' needs at least one branch; with none every area is the default anyway.
	const fillColor: RecolourPaint['fillColor'] =
		byColour.size === 0 ? NO_DATA_COLOR : (['match', key, ...[...byColour].flatMap(([colour, keys]) => [keys, colour]), NO_DATA_COLOR] as ExpressionSpecification);
	const hatchOpacity: RecolourPaint['hatchOpacity'] = suppressed.length === 0 ? 0 : ['match', key, suppressed, 1, 0];
	return { fillColor, hatchOpacity };
}
