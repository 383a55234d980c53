/**
 * Geometry of a synthetic territory with any number of Sozialräume: a jittered grid (square-ish
 * cells whose corners and edge points wobble, shared exactly between neighbours, so the cells tile
 * without gaps or overlaps), cut to a wobbly ellipse centred in the Ruhr area. N = 20,000 cells of
 * ≈ 0.55 km cover ≈ 100 km × 75 km, still inside NRW.
 *
 * Stadtbezirke are blocks of 8 × 5 grid cells (≈ 40 Sozialräume; small blocks at the edge join a
 * neighbour), and every outline of a group of cells (Stadtbezirk, city) is traced from the cells'
 * boundary edges, exact and fast, without a polygon-clipping library.
 */
import { round } from '../demo/format';
import { hash01 } from './rng';

export type Pair = [number, number];
export type Ring = Pair[];
export type Polygon = Ring[];
export type MultiPolygon = Polygon[];

export const CENTRE_LON = 7.3;
export const CENTRE_LAT = 51.5;
const KM_PER_DEG_LAT = 111.2;
const KM_PER_DEG_LON = 111.32 * Math.cos((CENTRE_LAT * Math.PI) / 180);

/** Side of a grid cell in km (a Sozialraum of a few thousand residents in a dense city). */
export const CELL_KM = 0.55;
/** Horizontal / vertical stretch of the territory (wider than high, like most Ruhr cities). */
const ASPECT = 1.3;
/** How far corners and edge points may wobble, in cell sides. */
const CORNER_JITTER = 0.26;
const EDGE_JITTER = 0.09;
/** Stadtbezirk blocks of BLOCK_W × BLOCK_H cells; smaller edge blocks below MIN_BLOCK join a neighbour. */
const BLOCK_W = 8;
const BLOCK_H = 5;
const MIN_BLOCK = 16;

export interface Cell {
	/** Grid column (west → east) and row (south → north). */
	i: number;
	j: number;
	/** Centre in km from the territory centre. */
	x: number;
	y: number;
	/** Outer ring in WGS84, counter-clockwise (RFC 7946), closed, rounded to 5 decimals. */
	ring: Ring;
	/** Stadtbezirk index (0-based, north-west first). */
	block: number;
}

export interface Territory {
	cells: Cell[];
	/** Cells per Stadtbezirk, in Stadtbezirk order. */
	blocks: Cell[][];
	cols: number;
	rows: number;
}

export function toLonLat(x: number, y: number): Pair {
	return [round(CENTRE_LON + x / KM_PER_DEG_LON, 5), round(CENTRE_LAT + y / KM_PER_DEG_LAT, 5)];
}

/** Sideways wobble of a detailed edge, in cell sides: two smooth bends plus a little noise per vertex. */
const DETAIL_BEND = 0.07;
const DETAIL_RIPPLE = 0.025;
const DETAIL_NOISE = 0.004;

/**
 * @param count number of cells (Sozialräume)
 * @param edgePoints extra vertices on each cell edge (shared with the neighbour): 2 gives 12-gons
 * @param detail when > 0, each edge gets this many vertices instead, on a smooth deterministic
 *   wobble (like a boundary following streets and brooks: real Planungsräume have tens to hundreds
 *   of vertices), generated once per edge so both neighbours share every vertex
 */
export function buildTerritory(count: number, seed: number, edgePoints = 2, detail = 0): Territory {
	if (!Number.isInteger(detail) || detail < 0) throw new Error(`detail must be a non-negative integer, got ${detail}`);
	if (!Number.isInteger(count) || count < 1) throw new Error(`area count must be a positive integer, got ${count}`);
	// Half-axes (in cells) of an ellipse holding `count` cells, plus room for the wobble.
	const b = Math.sqrt(count / (Math.PI * ASPECT));
	const a = ASPECT * b;
	const cols = 2 * Math.ceil(a * 1.25) + 4;
	const rows = 2 * Math.ceil(b * 1.25) + 4;
	const phase1 = hash01(seed, 1, 1) * 2 * Math.PI;
	const phase2 = hash01(seed, 2, 2) * 2 * Math.PI;

	// Pick the `count` cells nearest the centre in a wobbly elliptical metric (ties by index).
	const candidates: { i: number; j: number; d: number }[] = [];
	for (let j = 0; j < rows; j++) {
		for (let i = 0; i < cols; i++) {
			const cx = i + 0.5 - cols / 2;
			const cy = j + 0.5 - rows / 2;
			const theta = Math.atan2(cy / b, cx / a);
			const wobble = 1 + 0.07 * Math.cos(3 * theta + phase1) + 0.045 * Math.cos(5 * theta + phase2);
			candidates.push({ i, j, d: Math.hypot(cx / a, cy / b) / wobble });
		}
	}
	candidates.sort((p, q) => p.d - q.d || p.j - q.j || p.i - q.i);
	const chosen = candidates.slice(0, count);

	const corner = (i: number, j: number): Pair => {
		const jx = (hash01(seed, i, j, 11) - 0.5) * 2 * CORNER_JITTER;
		const jy = (hash01(seed, i, j, 12) - 0.5) * 2 * CORNER_JITTER;
		return [(i - cols / 2 + jx) * CELL_KM, (j - rows / 2 + jy) * CELL_KM];
	};
	/** Points strictly between two corners, wobbling sideways; `tag` tells horizontal from vertical edges. */
	const edge = (p: Pair, q: Pair, i: number, j: number, tag: number): Pair[] => {
		const out: Pair[] = [];
		const dx = q[0] - p[0];
		const dy = q[1] - p[1];
		const len = Math.hypot(dx, dy);
		if (detail > 0) {
			// sin(πt) keeps the corners where they are; phases and amplitudes are the edge's own
			const bend = (hash01(seed, i, j, tag * 16 + 3) - 0.5) * 2 * DETAIL_BEND;
			const ripple = (hash01(seed, i, j, tag * 16 + 4) - 0.5) * 2 * DETAIL_RIPPLE;
			const phase = hash01(seed, i, j, tag * 16 + 5) * 2 * Math.PI;
			for (let k = 1; k <= detail; k++) {
				const t = k / (detail + 1);
				const noise = (hash01(seed, i, j, tag * 4096 + 64 + k) - 0.5) * 2 * DETAIL_NOISE;
				const off = (Math.sin(Math.PI * t) * (bend + ripple * Math.sin(3 * Math.PI * t + phase)) + noise) * CELL_KM;
				out.push([p[0] + dx * t - (dy / len) * off, p[1] + dy * t + (dx / len) * off]);
			}
			return out;
		}
		for (let k = 1; k <= edgePoints; k++) {
			const t = k / (edgePoints + 1);
			const off = (hash01(seed, i, j, tag * 16 + k) - 0.5) * 2 * EDGE_JITTER * CELL_KM;
			out.push([p[0] + dx * t - (dy / len) * off, p[1] + dy * t + (dx / len) * off]);
		}
		return out;
	};
	const ringOf = (i: number, j: number): Ring => {
		const c00 = corner(i, j);
		const c10 = corner(i + 1, j);
		const c11 = corner(i + 1, j + 1);
		const c01 = corner(i, j + 1);
		// Edges are always generated in their own direction (west→east, south→north) and reversed
		// where the ring runs the other way, so both neighbours get bit-identical points.
		const south = edge(c00, c10, i, j, 1);
		const east = edge(c10, c11, i + 1, j, 2);
		const north = edge(c01, c11, i, j + 1, 1).reverse();
		const west = edge(c00, c01, i, j, 2).reverse();
		const km = [c00, ...south, c10, ...east, c11, ...north, c01, ...west, c00];
		return dedupe(km.map(([x, y]) => toLonLat(x, y)));
	};

	// Stadtbezirke: grid blocks, small edge blocks merged into their smallest adjacent neighbour.
	const blockOf = (i: number, j: number) => `${Math.floor(i / BLOCK_W)},${Math.floor(j / BLOCK_H)}`;
	const byCell = new Map<string, { i: number; j: number }>();
	const members = new Map<string, { i: number; j: number }[]>();
	for (const c of chosen) {
		byCell.set(`${c.i},${c.j}`, c);
		const id = blockOf(c.i, c.j);
		if (!members.has(id)) members.set(id, []);
		members.get(id)!.push(c);
	}
	const owner = new Map<string, string>([...byCell.keys()].map((k) => [k, blockOf(...(k.split(',').map(Number) as Pair))]));
	const small = [...members.entries()].filter(([, m]) => m.length < MIN_BLOCK).sort((p, q) => p[1].length - q[1].length || (p[0] < q[0] ? -1 : 1));
	for (const [id] of small) {
		const own = members.get(id);
		if (!own || own.length >= MIN_BLOCK || members.size === 1) continue;
		const neighbours = new Set<string>();
		for (const c of own) {
			for (const [di, dj] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
				const o = owner.get(`${c.i + di},${c.j + dj}`);
				if (o && o !== id) neighbours.add(o);
			}
		}
		if (neighbours.size === 0) continue;
		const target = [...neighbours].sort((p, q) => members.get(p)!.length - members.get(q)!.length || (p < q ? -1 : 1))[0];
		for (const c of own) owner.set(`${c.i},${c.j}`, target);
		members.get(target)!.push(...own);
		members.delete(id);
	}
	// Number the Stadtbezirke from north-west to south-east by their mean cell position.
	const order = [...members.entries()]
		.map(([id, m]) => ({ id, m, cy: m.reduce((s, c) => s + c.j, 0) / m.length, cx: m.reduce((s, c) => s + c.i, 0) / m.length }))
		.sort((p, q) => Math.round(q.cy / BLOCK_H) - Math.round(p.cy / BLOCK_H) || p.cx - q.cx || (p.id < q.id ? -1 : 1));

	const blocks: Cell[][] = order.map(({ m }, block) =>
		// Inside a Stadtbezirk: rows north to south, each west to east.
		[...m]
			.sort((p, q) => q.j - p.j || p.i - q.i)
			.map(({ i, j }) => ({ i, j, x: (i + 0.5 - cols / 2) * CELL_KM, y: (j + 0.5 - rows / 2) * CELL_KM, ring: ringOf(i, j), block }))
	);
	return { cells: blocks.flat(), blocks, cols, rows };
}

/** Drop consecutive duplicates that rounding to 5 decimals can create. */
function dedupe(points: Pair[]): Ring {
	return points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
}

/** Twice the signed area (> 0: counter-clockwise). */
export function signedArea2(ring: Ring): number {
	let s = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
	return s;
}

export function pointInRing([x, y]: Pair, ring: Ring): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

/**
 * Outline of a union of cells that share exact vertices: keep the directed edges whose reverse is
 * not also present (inner edges cancel), chain them into rings (at a vertex where two rings touch,
 * take the leftmost turn, which keeps rings simple), then put holes into the outer ring holding them.
 */
export function unionOutline(rings: readonly Ring[]): MultiPolygon {
	const key = (p: Pair) => `${p[0]},${p[1]}`;
	const edges = new Map<string, [Pair, Pair]>();
	for (const ring of rings) {
		for (let k = 0; k + 1 < ring.length; k++) {
			const a = ring[k];
			const b = ring[k + 1];
			const reverse = `${key(b)}>${key(a)}`;
			if (edges.has(reverse)) edges.delete(reverse);
			else edges.set(`${key(a)}>${key(b)}`, [a, b]);
		}
	}
	const outgoing = new Map<string, [Pair, Pair][]>();
	for (const e of edges.values()) {
		const k = key(e[0]);
		if (!outgoing.has(k)) outgoing.set(k, []);
		outgoing.get(k)!.push(e);
	}
	const used = new Set<[Pair, Pair]>();
	const traced: Ring[] = [];
	// Deterministic start order: edges in insertion order (that of the input rings).
	for (const start of edges.values()) {
		if (used.has(start)) continue;
		const ring: Pair[] = [start[0]];
		let current = start;
		for (;;) {
			used.add(current);
			ring.push(current[1]);
			if (current[1] === start[0] || key(current[1]) === key(start[0])) break;
			const options = (outgoing.get(key(current[1])) ?? []).filter((e) => !used.has(e));
			if (options.length === 0) throw new Error('outline does not close: cells do not share exact vertices');
			current = options.length === 1 ? options[0] : leftmost(current, options);
		}
		ring[ring.length - 1] = ring[0];
		traced.push(ring);
	}
	const outers = traced.filter((r) => signedArea2(r) > 0);
	const holes = traced.filter((r) => signedArea2(r) <= 0);
	const polygons: MultiPolygon = outers.map((r) => [r]);
	for (const h of holes) {
		const home = polygons.find((p) => pointInRing(midpoint(h), p[0]));
		if (home) home.push(h);
	}
	return polygons;
}

function midpoint(ring: Ring): Pair {
	// A point just inside the hole's first edge would be exact; the midpoint of the first edge,
	// lying on both hole and (never) outer boundary, is enough to find the enclosing outer ring.
	return [(ring[0][0] + ring[1][0]) / 2, (ring[0][1] + ring[1][1]) / 2];
}

/** Among candidate edges leaving the end of `incoming`, the one turning most to the left. */
function leftmost(incoming: [Pair, Pair], options: [Pair, Pair][]): [Pair, Pair] {
	const [a, b] = incoming;
	const heading = Math.atan2(b[1] - a[1], b[0] - a[0]);
	let best = options[0];
	let bestTurn = -Infinity;
	for (const e of options) {
		let turn = Math.atan2(e[1][1] - e[0][1], e[1][0] - e[0][0]) - heading;
		while (turn <= -Math.PI) turn += 2 * Math.PI;
		while (turn > Math.PI) turn -= 2 * Math.PI;
		if (turn > bestTurn) {
			bestTurn = turn;
			best = e;
		}
	}
	return best;
}

/** The centre of a cell's corners: inside the (nearly convex) cell. */
export function cellCentre(cell: Cell): Pair {
	return toLonLat(cell.x, cell.y);
}
