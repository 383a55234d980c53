/**
 * The area hierarchy of Musterstadt: Sozialräume (Voronoi cells) grouped into six contiguous
 * Stadtbezirke (Mitte = the most central cells, the others by compass sector), keys, names and
 * the latent deprivation score that drives most indicators.
 */
import polygonClipping from 'polygon-clipping';
import { CITY_KEY, CITY_NAME, MITTE_COUNT } from './config';
import {
	cityOutline,
	seedPoints,
	toLonLat,
	voronoiCells,
	type MultiPolygon,
	type Pair,
	type Polygon,
	type Ring
} from './geometry';
import { AREA_NAMES, BEZIRKE, TINY_AREAS } from './names';
import { round } from './format';
import { stream } from './random';

/** A finest-level area of a generated territory (a Sozialraum of Musterstadt, an Ortsteil or block of Musterkreis). */
export interface Sozialraum {
	key: string;
	name: string;
	parent: string;
	/** Seed point in km from the centre. */
	seed: Pair;
	/** Geometry in WGS84, rounded to 5 decimals. */
	polygon: Polygon;
	/** Latent deprivation score around 0 (positive = poorer) in the middle of the period. */
	deprivation: number;
	/** Change of the deprivation score per year. */
	trend: number;
	/** Fixed population of a tiny area (industrial estate, island, forest); null = ordinary. */
	tinyResidents: number | null;
	/** Planned population of an ordinary area (Musterkreis sets every size); absent = drawn. */
	residents?: number;
	/** 1 in the centre, 0 at the edge. */
	centrality: number;
}

export interface Region {
	key: string;
	name: string;
	parent: string;
	geometry: MultiPolygon;
}

export interface CityAreas {
	sozialraeume: Sozialraum[];
	bezirke: Region[];
	city: Region;
}

const dist = (p: Pair, q: Pair = [0, 0]) => Math.hypot(p[0] - q[0], p[1] - q[1]);
/** Compass bearing in degrees, clockwise from north. */
const bearing = ([x, y]: Pair) => ((Math.atan2(x, y) * 180) / Math.PI + 360) % 360;
/** Where the compass order of the outer districts starts (just west of north). */
const SECTOR_START = 335;

/** Drop consecutive duplicates that rounding to 5 decimals can create. */
export function dedupe(points: Pair[]): Ring {
	return points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
}

/** Convert to lon/lat, rounding first so that unions see bit-identical shared vertices. */
export const lonLatPolygon = (poly: Polygon, convert: (p: Pair) => Pair = toLonLat): Polygon =>
	poly.map((ring) => dedupe(ring.map(convert)));

/** Union in lon/lat, re-rounded: polygon-clipping may emit recomputed intersection points. */
export function unionAll(polys: Polygon[]): MultiPolygon {
	const [first, ...rest] = polys;
	return polygonClipping
		.union(first, ...rest)
		.map((poly) => poly.map((ring) => dedupe(ring.map(([x, y]) => [round(x, 5), round(y, 5)]))));
}

function groupIntoBezirke(seeds: Pair[]): string[][] {
	const order = seeds.map((s, i) => ({ i, d: dist(s) })).sort((a, b) => a.d - b.d || a.i - b.i);
	const mitte = order.slice(0, MITTE_COUNT).map((o) => o.i);
	const outer = order
		.slice(MITTE_COUNT)
		.map((o) => ({ i: o.i, b: (bearing(seeds[o.i]) - SECTOR_START + 360) % 360 }))
		.sort((a, b) => a.b - b.b || a.i - b.i);
	const groups: number[][] = [mitte];
	const outerDistricts = BEZIRKE.length - 1;
	let start = 0;
	for (let g = 0; g < outerDistricts; g++) {
		const size = Math.floor(outer.length / outerDistricts) + (g < outer.length % outerDistricts ? 1 : 0);
		groups.push(outer.slice(start, start + size).map((o) => o.i));
		start += size;
	}
	return groups.map((g) => g.map(String));
}

export function buildAreas(): CityAreas {
	const outline = cityOutline();
	const seeds = seedPoints(outline);
	const cells = voronoiCells(seeds, outline);
	const groups = groupIntoBezirke(seeds);
	const rng = stream('areas/deprivation');
	const maxDist = Math.max(...seeds.map((s) => dist(s)));
	const sozialraeume: Sozialraum[] = [];

	BEZIRKE.forEach((bezirk, g) => {
		const members = groups[g].map(Number).sort((a, b) => dist(seeds[a]) - dist(seeds[b]) || a - b);
		const tiny = TINY_AREAS.find((t) => t.bezirk === bezirk.key);
		// Tiny areas sit where a planner would expect them: by the harbour basin, or at the edge.
		const tinyIndex = !tiny
			? -1
			: bezirk.name === 'Hafen'
				? [...members].sort((a, b) => dist(seeds[a], [-4.8, 3.4]) - dist(seeds[b], [-4.8, 3.4]))[0]
				: members[members.length - 1];
		const pool = AREA_NAMES[bezirk.key].filter((n) => n.name !== tiny?.name);
		let next = 0;
		members.forEach((i, rank) => {
			const named = i === tinyIndex && tiny ? tiny : pool[next++];
			if (!named) throw new Error(`name pool of Bezirk ${bezirk.key} too small`);
			const cell = cells[i];
			if (cell.length !== 1) throw new Error(`cell ${i} is not a single polygon`);
			sozialraeume.push({
				key: `${bezirk.key}${String(rank + 1).padStart(2, '0')}`,
				name: named.name,
				parent: bezirk.key,
				seed: seeds[i],
				polygon: lonLatPolygon(cell[0]),
				deprivation: bezirk.deprivation + named.deprivation + rng.normal(0, 0.25),
				trend: named.trend ?? rng.normal(0, 0.012),
				tinyResidents: i === tinyIndex && tiny ? tiny.residents : null,
				centrality: 1 - dist(seeds[i]) / maxDist
			});
		});
	});

	const bezirke: Region[] = BEZIRKE.map((b) => {
		const geometry = unionAll(sozialraeume.filter((s) => s.parent === b.key).map((s) => s.polygon));
		if (geometry.length !== 1) throw new Error(`Stadtbezirk ${b.name} is not contiguous`);
		return { key: b.key, name: b.name, parent: CITY_KEY, geometry };
	});
	const cityGeometry = unionAll(sozialraeume.map((s) => s.polygon));
	if (cityGeometry.length !== 1 || cityGeometry[0].length !== 1) {
		throw new Error('city outline is not one polygon without holes');
	}
	return { sozialraeume, bezirke, city: { key: CITY_KEY, name: CITY_NAME, parent: '', geometry: cityGeometry } };
}
