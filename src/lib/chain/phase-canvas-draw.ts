/**
 * Drawing the shared projected rings (phase-canvas.ts) on a 2D canvas. The rings become Path2D
 * once per map (cached), and each phase's areas are filled one category at a time: five fills of
 * one combined path instead of 20,000 fills per map. Areas get no outlines (at 20,000 areas a
 * 0.6 px outline would grey the whole map); the parent level's borders are drawn on top.
 */
import type { Category } from './categories';
import { CATEGORIES, CATEGORY_STYLE } from './categories';
import type { ProjectedMap } from './phase-canvas';

const BACKGROUND = '#f4f6f8';
const BORDER = '#1a1a1a';

interface Paths {
	areas: Path2D[];
	borders: Path2D;
}
const cache = new WeakMap<ProjectedMap, Paths>();
/** Per categories array (one per phase and matrix): the combined path of each category. */
const groupCache = new WeakMap<readonly Category[], Map<Category, Path2D>>();

function ringsPath(target: Path2D, rings: readonly Float32Array[]) {
	for (const r of rings) {
		target.moveTo(r[0], r[1]);
		for (let i = 2; i < r.length; i += 2) target.lineTo(r[i], r[i + 1]);
		target.closePath();
	}
}

function pathsOf(map: ProjectedMap): Paths {
	let p = cache.get(map);
	if (!p) {
		const areas = map.areas.map((a) => {
			const path = new Path2D();
			ringsPath(path, a.rings);
			return path;
		});
		const borders = new Path2D();
		ringsPath(borders, map.borders);
		p = { areas, borders };
		cache.set(map, p);
	}
	return p;
}

/**
 * Draw one phase: `categories[i]` is the category of `map.areas[i]`. `scale` maps the map's own
 * pixels (PHASE_MAP) to the canvas's backing pixels (CSS size × devicePixelRatio).
 */
export function drawPhase(ctx: CanvasRenderingContext2D, map: ProjectedMap, categories: readonly Category[], scale: number, highlight = -1) {
	const paths = pathsOf(map);
	ctx.setTransform(1, 0, 0, 1, 0, 0);
	ctx.fillStyle = BACKGROUND;
	ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
	ctx.setTransform(scale, 0, 0, scale, 0, 0);
	let groups = groupCache.get(categories);
	if (!groups) {
		const g = new Map<Category, Path2D>(CATEGORIES.map((c) => [c, new Path2D()]));
		paths.areas.forEach((p, i) => g.get(categories[i] ?? 'nodata')!.addPath(p));
		groupCache.set(categories, g);
		groups = g;
	}
	for (const c of CATEGORIES) {
		ctx.fillStyle = CATEGORY_STYLE[c].color;
		ctx.fill(groups.get(c)!, 'evenodd');
	}
	// A few districts: solid borders as on the SVG maps; hundreds (20,000 areas have ≈ 1,000
	// parents): thin and translucent, or the borders would cover the colours.
	const many = map.borders.length > 200;
	ctx.strokeStyle = many ? 'rgba(26, 26, 26, 0.4)' : BORDER;
	ctx.lineWidth = many ? 0.4 : 1;
	ctx.lineJoin = 'round';
	ctx.stroke(paths.borders);
	if (highlight >= 0 && paths.areas[highlight]) {
		ctx.lineWidth = 2;
		ctx.strokeStyle = '#000000';
		ctx.stroke(paths.areas[highlight]);
	}
}

/** The phase drawn off screen at `scale` × the map's size, as a PNG data URL (for the export). */
export function phasePng(map: ProjectedMap, categories: readonly Category[], scale = 2): string {
	const canvas = document.createElement('canvas');
	canvas.width = Math.round(map.width * scale);
	canvas.height = Math.round(map.height * scale);
	drawPhase(canvas.getContext('2d')!, map, categories, scale);
	return canvas.toDataURL('image/png');
}
