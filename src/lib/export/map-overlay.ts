/**
 * What the SVG map for slides and pictures adds on top of Map.svg.svelte: Stadtbezirk borders (the
 * steering group reads the map by Bezirk, like on the atlas), the selected area's outline, and area
 * names. Uses the same projection as Map.svg.svelte (Mercator fitted with 8 px padding), so the
 * overlay lies exactly on the areas.
 */
import { geoMercator, geoPath } from 'd3';
import type { FeatureCollection, Geometry } from 'geojson';
import type { AreaProperties } from '$lib/data/types';
import { labelPoint, ringArea2, rewindForD3 } from '$lib/map/geo';

export interface MapOverlay {
	parents: string[];
	selected: string | null;
	labels: Label[];
}

/** Long names on two lines, split at the space or hyphen nearest the middle (like the atlas' labels). */
export function labelLines(name: string, max = 12): string[] {
	if (name.length <= max) return [name];
	const cuts = [...name.matchAll(/[ \-/]/g)].map((m) => m.index!);
	if (cuts.length === 0) return [name];
	const cut = cuts.reduce((a, b) => (Math.abs(b - name.length / 2) < Math.abs(a - name.length / 2) ? b : a));
	const keep = name[cut] === ' ' ? 0 : 1; // keep a hyphen or slash at the end of the first line
	return [name.slice(0, cut + keep), name.slice(cut + 1)];
}

export interface Label {
	x: number;
	y: number;
	lines: string[];
}

/** Rough box of a label (average glyph ≈ 0.56 em): enough to keep names from running into each other. */
function box(l: Label, size: number) {
	const w = Math.max(...l.lines.map((s) => s.length)) * size * 0.56;
	const h = l.lines.length * size * 1.1;
	return { x0: l.x - w / 2, x1: l.x + w / 2, y0: l.y - h / 2, y1: l.y + h / 2 };
}

/**
 * Greedy placement like a map renderer's collision check: labels in the given order (largest area
 * first), a label that would overlap one already placed is left out.
 */
export function placeLabels(candidates: Label[], size: number): Label[] {
	const placed: { l: Label; b: ReturnType<typeof box> }[] = [];
	for (const l of candidates) {
		const b = box(l, size);
		if (placed.every((p) => b.x1 < p.b.x0 || b.x0 > p.b.x1 || b.y1 < p.b.y0 || b.y0 > p.b.y1)) placed.push({ l, b });
	}
	return placed.map((p) => p.l);
}

function size(g: Geometry): number {
	const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
	return polys.reduce((a, p) => a + Math.abs(ringArea2(p[0])), 0);
}

export function mapOverlay(
	areas: FeatureCollection<Geometry, AreaProperties>,
	parents: FeatureCollection<Geometry, AreaProperties> | undefined,
	selected: string | null,
	width: number,
	height: number,
	fontSize = 12
): MapOverlay {
	const projection = geoMercator().fitExtent([[8, 8], [width - 8, height - 8]], rewindForD3(areas));
	const path = geoPath(projection);
	const sel = selected ? rewindForD3(areas).features.find((f) => f.properties.key === selected) : undefined;
	return {
		parents: parents ? rewindForD3(parents).features.map((f) => path(f) ?? '').filter(Boolean) : [],
		selected: sel ? path(sel) : null,
		labels: placeLabels(
			[...areas.features]
				.sort((a, b) => size(b.geometry) - size(a.geometry))
				.flatMap((f) => {
					const p = labelPoint(f.geometry);
					const xy = p ? projection(p) : null;
					return xy ? [{ x: xy[0], y: xy[1], lines: labelLines(f.properties.name) }] : [];
				}),
			fontSize
		)
	};
}
