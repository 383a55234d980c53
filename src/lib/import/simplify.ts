/**
 * Douglas–Peucker simplification of one closed ring (Douglas & Peucker 1973), per ring and without
 * topology: shared borders of neighbouring areas may simplify slightly differently, which is fine at
 * the small tolerances used here (a few metres) and keeps the code small. A ring never drops below
 * four positions (a triangle plus the closing point), so a valid ring stays valid.
 */
import type { Position } from 'geojson';

export function simplifyRing(ring: Position[], tolerance: number): Position[] {
	if (ring.length <= 4 || tolerance <= 0) return ring;
	const keep = new Uint8Array(ring.length);
	keep[0] = keep[ring.length - 1] = 1;
	// A closed ring's endpoints coincide; split at the point farthest from the start instead.
	const far = farthest(ring, 0, ring.length - 1);
	keep[far] = 1;
	mark(ring, 0, far, tolerance * tolerance, keep);
	mark(ring, far, ring.length - 1, tolerance * tolerance, keep);
	let out = ring.filter((_, i) => keep[i]);
	if (out.length < 4) {
		// keep the two points farthest from the chord so the area does not collapse
		const extra = [...ring.keys()].filter((i) => !keep[i]).sort((a, b) => segDist2(ring[b], ring[0], ring[far]) - segDist2(ring[a], ring[0], ring[far]));
		for (const i of extra.slice(0, 4 - out.length)) keep[i] = 1;
		out = ring.filter((_, i) => keep[i]);
	}
	return out;
}

function farthest(ring: Position[], a: number, b: number): number {
	let best = a;
	let max = -1;
	for (let i = a + 1; i < b; i++) {
		const d = (ring[i][0] - ring[a][0]) ** 2 + (ring[i][1] - ring[a][1]) ** 2;
		if (d > max) [best, max] = [i, d];
	}
	return best;
}

function mark(ring: Position[], a: number, b: number, tol2: number, keep: Uint8Array): void {
	// iterative, so a ring with 100,000 points cannot overflow the stack
	const stack: [number, number][] = [[a, b]];
	while (stack.length) {
		const [s, e] = stack.pop()!;
		let idx = -1;
		let max = tol2;
		for (let i = s + 1; i < e; i++) {
			const d = segDist2(ring[i], ring[s], ring[e]);
			if (d > max) [idx, max] = [i, d];
		}
		if (idx >= 0) {
			keep[idx] = 1;
			stack.push([s, idx], [idx, e]);
		}
	}
}

/** Squared distance from p to the segment a–b. */
function segDist2(p: Position, a: Position, b: Position): number {
	let [x, y] = a;
	let dx = b[0] - x;
	let dy = b[1] - y;
	if (dx !== 0 || dy !== 0) {
		const t = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy);
		if (t > 1) [x, y] = b;
		else if (t > 0) [x, y] = [x + dx * t, y + dy * t];
	}
	dx = p[0] - x;
	dy = p[1] - y;
	return dx * dx + dy * dy;
}
