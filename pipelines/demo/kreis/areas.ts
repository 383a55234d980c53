/**
 * The area hierarchy of Musterkreis in two boundary versions: Ortsteile → Gemeinden → Kreis.
 *
 * One Voronoi tessellation of the whole Kreis gives every finest cell, so neighbouring areas share
 * their boundary vertex for vertex, in every version and on every level. Outside the merger each
 * cell is an Ortsteil. The two merging Gemeinden are cut into blocks instead: their Ortsteile until
 * 2020 and the re-cut Ortsteile of the new Gemeinde from 2021 are two groupings of the same blocks.
 * The blocks are the simulation units there, so both versions count the same residents and the
 * population crosswalk is exact.
 */
import { polygonArea } from 'd3';
import { lonLatPolygon, unionAll, type Region, type Sozialraum } from '../areas';
import { cityOutline, lonLatConverter, seedPoints, voronoiCells, type MultiPolygon, type Pair, type Polygon, type Ring } from '../geometry';
import type { Streams } from '../random';
import {
	KREIS_CENTRE_LAT,
	KREIS_CENTRE_LON,
	KREIS_KEY,
	KREIS_NAME,
	KREIS_OUTLINE,
	MERGER_YEAR,
	NEW_VERSION,
	OLD_VERSION,
	kreisStreams
} from './config';
import { BLOCKS, GEMEINDEN, MERGED, MERGING, type GemeindeSpec } from './names';

/** An area of one boundary version, with the simulation units it consists of. */
export interface VersionArea {
	key: string;
	name: string;
	parent: string;
	geometry: MultiPolygon;
	units: string[];
}

export interface BoundaryVersion {
	id: string;
	validFrom: number;
	validTo: number | null;
	ortsteile: VersionArea[];
	gemeinden: VersionArea[];
}

export interface KreisAreas {
	/** Simulation units: the Ortsteile outside the merger and the blocks of the two merging Gemeinden. */
	units: Sozialraum[];
	/** Oldest first. */
	versions: [BoundaryVersion, BoundaryVersion];
	kreis: Region;
	/** Seed (km) of each Gemeinde's Kernort, by Gemeinde key (offers of a Gemeinde go there). */
	centres: Map<string, Pair>;
}

const toLonLat = lonLatConverter(KREIS_CENTRE_LON, KREIS_CENTRE_LAT);
const dist = (p: Pair, q: Pair) => Math.hypot(p[0] - q[0], p[1] - q[1]);
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const byKey = <T extends { key: string }>(a: T, b: T) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

interface Cell {
	seed: Pair;
	gemeinde: string;
	polygon: Polygon;
}

/** Gemeinde cells (km) for sampling, then all finest seeds per Gemeinde, then one tessellation. */
function tessellate(streams: Streams): { cells: Cell[]; gemeindeSeeds: Map<string, Pair> } | null {
	const outline = cityOutline(KREIS_OUTLINE, streams);
	const specs = [...GEMEINDEN, ...MERGING];
	const gemeindeSeeds = seedPoints(outline, { count: specs.length, first: [0.8, -0.6], spacing: () => 1 }, (n) => streams(`gemeinden/${n}`));
	const gemeindeCells = voronoiCells(gemeindeSeeds, outline);
	const order = assignGemeinden(gemeindeSeeds, gemeindeCells);
	if (!order) return null;
	const seeds: { seed: Pair; gemeinde: string }[] = [];
	order.forEach((cellIndex, specIndex) => {
		const spec = specs[specIndex];
		const ring: Ring = gemeindeCells[cellIndex][0][0];
		const count = BLOCKS[spec.key] ?? spec.ortsteile.length;
		const spacing = Math.sqrt(Math.abs(polygonArea(ring as [number, number][])) / count);
		const placed = seedPoints(
			ring,
			{ count, first: gemeindeSeeds[cellIndex], spacing: () => spacing, existing: seeds.map((s) => s.seed) },
			(n) => streams(`ortsteile/${spec.key}/${n}`)
		);
		for (const seed of placed) seeds.push({ seed, gemeinde: spec.key });
	});
	const cells = voronoiCells(seeds.map((s) => s.seed), outline);
	if (cells.some((c) => c.length !== 1)) return null;
	return {
		cells: seeds.map((s, i) => ({ ...s, polygon: cells[i][0] })),
		gemeindeSeeds: new Map(specs.map((spec, i) => [spec.key, gemeindeSeeds[order[i]]]))
	};
}

/**
 * Which Gemeinde cell each spec gets (index per spec in GEMEINDEN, MERGING order): the Kreisstadt
 * the most central cell, the merging pair two neighbouring cells away from it, the rest by distance.
 */
function assignGemeinden(seeds: Pair[], cells: MultiPolygon[]): number[] | null {
	const centre = seeds[0];
	const free = seeds.map((_, i) => i).filter((i) => i !== 0);
	const touching = (a: number, b: number) => unionAll([cells[a][0], cells[b][0]].map((p) => lonLatPolygon(p, toLonLat))).length === 1;
	const far = [...free].sort((a, b) => dist(seeds[b], centre) - dist(seeds[a], centre) || a - b);
	let pair: [number, number] | null = null;
	for (const a of far) {
		const b = far.find((c) => c !== a && touching(a, c));
		if (b !== undefined) {
			pair = [a, b];
			break;
		}
	}
	if (!pair) return null;
	const rest = free.filter((i) => !pair.includes(i)).sort((a, b) => dist(seeds[a], centre) - dist(seeds[b], centre) || a - b);
	return [0, ...rest, pair[0], pair[1]];
}

/** Nearest-centre grouping of cells; null when a group is not one contiguous polygon. */
function group(cells: readonly Cell[], centres: readonly Pair[]): Cell[][] | null {
	const groups: Cell[][] = centres.map(() => []);
	for (const c of cells) {
		const nearest = centres.map((p, i) => ({ i, d: dist(c.seed, p) })).sort((a, b) => a.d - b.d || a.i - b.i)[0].i;
		groups[nearest].push(c);
	}
	if (groups.some((g) => g.length === 0 || unionAll(g.map((c) => lonLatPolygon(c.polygon, toLonLat))).length !== 1)) return null;
	return groups;
}

/** k centres spread over the cells: the one nearest `start`, then each time the farthest from all chosen. */
function spreadCentres(cells: readonly Cell[], start: Pair, k: number): Pair[] {
	const chosen: Pair[] = [[...cells].sort((a, b) => dist(a.seed, start) - dist(b.seed, start))[0].seed];
	while (chosen.length < k) {
		const next = [...cells].sort((a, b) => Math.min(...chosen.map((p) => dist(b.seed, p))) - Math.min(...chosen.map((p) => dist(a.seed, p))))[0];
		chosen.push(next.seed);
	}
	return chosen;
}

interface Draft {
	key: string;
	name: string;
	gemeinde: string;
	cells: Cell[];
	spec: { deprivation: number; trend?: number; weight: number };
}

/** Ortsteile of a Gemeinde from its cells, Kernort first (nearest to the Gemeinde seed). */
function ortsteileOf(spec: GemeindeSpec, groups: Cell[][], seed: Pair): Draft[] {
	const ordered = [...groups].sort((a, b) => Math.min(...a.map((c) => dist(c.seed, seed))) - Math.min(...b.map((c) => dist(c.seed, seed))));
	return ordered.map((cells, i) => ({
		key: `${spec.key}${String(i + 1).padStart(2, '0')}`,
		name: spec.ortsteile[i].name,
		gemeinde: spec.key,
		cells,
		spec: spec.ortsteile[i]
	}));
}

interface Layout {
	cells: Cell[];
	gemeindeSeeds: Map<string, Pair>;
	plain: Draft[];
	old: Draft[];
	recut: Draft[];
	kept: Draft;
}

/** Old and new Ortsteile of the merger; null when the cut does not give what the story needs. */
function mergerLayout(cells: Cell[], gemeindeSeeds: Map<string, Pair>): Omit<Layout, 'plain' | 'cells' | 'gemeindeSeeds'> | null {
	const old: Draft[] = [];
	for (const spec of MERGING) {
		const own = cells.filter((c) => c.gemeinde === spec.key);
		const groups = group(own, spreadCentres(own, gemeindeSeeds.get(spec.key)!, spec.ortsteile.length));
		if (!groups) return null;
		old.push(...ortsteileOf(spec, groups, gemeindeSeeds.get(spec.key)!));
	}
	const kept = old.find((o) => o.name === MERGED.kept)!;
	const kernorte = MERGING.map((spec) => old.find((o) => o.gemeinde === spec.key && o.name === spec.ortsteile[0].name)!);
	const rest = old.filter((o) => o !== kept).flatMap((o) => o.cells);
	// New Ortsteile around the two old Kernorte and a third centre in between (the new "Mitte").
	const between: Pair = [
		(kernorte[0].cells[0].seed[0] + kernorte[1].cells[0].seed[0]) / 2,
		(kernorte[0].cells[0].seed[1] + kernorte[1].cells[0].seed[1]) / 2
	];
	const middle = [...rest].sort((a, b) => dist(a.seed, between) - dist(b.seed, between))[0].seed;
	const centres: Pair[] = [kernorte[0].cells[0].seed, kernorte[1].cells[0].seed, middle];
	if (new Set(centres.map(String)).size !== 3) return null;
	const groups = group(rest, centres);
	if (!groups) return null;
	const sameCells = (a: Cell[], b: Cell[]) => a.length === b.length && a.every((c) => b.includes(c));
	// Re-cut means: no new Ortsteil equals an old one, and at least one crosses the old border.
	if (groups.some((g) => old.some((o) => sameCells(o.cells, g)))) return null;
	if (!groups.some((g) => new Set(g.map((c) => c.gemeinde)).size > 1)) return null;
	const recut: Draft[] = groups.map((g, i) => ({
		key: `${MERGED.key}${String(i + 1).padStart(2, '0')}`,
		name: MERGED.recut[i],
		gemeinde: MERGED.key,
		cells: g,
		spec: { deprivation: 0, weight: 0 }
	}));
	return { old, recut, kept };
}

function layout(): Layout {
	for (let attempt = 0; attempt < 50; attempt++) {
		const streams: Streams = attempt === 0 ? kreisStreams : (n) => kreisStreams(`attempt-${attempt}/${n}`);
		const t = tessellate(streams);
		if (!t) continue;
		const plain: Draft[] = [];
		let ok = true;
		for (const spec of GEMEINDEN) {
			const own = t.cells.filter((c) => c.gemeinde === spec.key);
			if (unionAll(own.map((c) => lonLatPolygon(c.polygon, toLonLat))).length !== 1) ok = false;
			plain.push(...ortsteileOf(spec, own.map((c) => [c]), t.gemeindeSeeds.get(spec.key)!));
		}
		const merger = ok ? mergerLayout(t.cells, t.gemeindeSeeds) : null;
		if (merger) return { cells: t.cells, gemeindeSeeds: t.gemeindeSeeds, plain, ...merger };
	}
	throw new Error('Musterkreis: no tessellation with contiguous Gemeinden and a proper re-cut found');
}

/**
 * Residents and social character of every simulation unit. An Ortsteil's residents are its share
 * of the Gemeinde's; a block's are its share of the old Ortsteil's (drawn), so the old Ortsteile keep
 * the sizes their specs ask for.
 */
function simulationUnits(l: Layout, streams: Streams): Sozialraum[] {
	const rng = streams('areas/units');
	const kreisstadt = l.gemeindeSeeds.get(GEMEINDEN[0].key)!;
	const maxDist = Math.max(...l.cells.map((c) => dist(c.seed, kreisstadt)));
	const units: Sozialraum[] = [];
	const specOf = (key: string) => [...GEMEINDEN, ...MERGING].find((g) => g.key === key)!;
	for (const d of [...l.plain, ...l.old]) {
		const g = specOf(d.gemeinde);
		const residents = (g.residents * d.spec.weight) / sum(g.ortsteile.map((o) => o.weight));
		const shares = d.cells.map(() => Math.exp(rng.normal(0, 0.35)));
		d.cells.forEach((c, i) => {
			const isBlock = d.cells.length > 1 || BLOCKS[d.gemeinde] !== undefined;
			units.push({
				key: isBlock ? `${d.key}-B${i + 1}` : d.key,
				name: isBlock ? `${d.name} (Block ${i + 1})` : d.name,
				parent: d.gemeinde,
				seed: c.seed,
				polygon: lonLatPolygon(c.polygon, toLonLat),
				deprivation: g.deprivation + d.spec.deprivation + rng.normal(0, isBlock ? 0.15 : 0.2),
				trend: d.spec.trend ?? rng.normal(0, 0.01),
				tinyResidents: null,
				residents: Math.max(40, Math.round((residents * shares[i]) / sum(shares))),
				centrality: 1 - dist(c.seed, kreisstadt) / maxDist
			});
		});
	}
	return units.sort(byKey);
}

function versionArea(d: Draft, units: readonly Sozialraum[]): VersionArea {
	const members = units.filter((u) => d.cells.some((c) => c.seed === u.seed));
	const geometry = unionAll(members.map((u) => u.polygon));
	if (geometry.length !== 1) throw new Error(`Ortsteil ${d.name} is not contiguous`);
	return { key: d.key, name: d.name, parent: d.gemeinde, geometry, units: members.map((u) => u.key) };
}

function gemeindeArea(key: string, name: string, ortsteile: readonly VersionArea[]): VersionArea {
	const own = ortsteile.filter((o) => o.parent === key);
	const geometry = unionAll(own.flatMap((o) => o.geometry));
	if (geometry.length !== 1) throw new Error(`Gemeinde ${name} is not contiguous`);
	return { key, name, parent: KREIS_KEY, geometry, units: own.flatMap((o) => o.units) };
}

export function buildKreisAreas(streams: Streams = kreisStreams): KreisAreas {
	const l = layout();
	const units = simulationUnits(l, streams);
	const plain = l.plain.map((d) => versionArea(d, units));
	const oldOrtsteile = [...plain, ...l.old.map((d) => versionArea(d, units))].sort(byKey);
	const kept = oldOrtsteile.find((o) => o.key === l.kept.key)!;
	const newOrtsteile = [...plain, { ...kept, parent: MERGED.key }, ...l.recut.map((d) => versionArea(d, units))].sort(byKey);
	const oldGemeinden = [...GEMEINDEN, ...MERGING].map((g) => gemeindeArea(g.key, g.name, oldOrtsteile)).sort(byKey);
	const newGemeinden = [...GEMEINDEN.map((g) => gemeindeArea(g.key, g.name, newOrtsteile)), gemeindeArea(MERGED.key, MERGED.name, newOrtsteile)].sort(byKey);
	const kreisGeometry = unionAll(units.map((u) => u.polygon));
	if (kreisGeometry.length !== 1 || kreisGeometry[0].length !== 1) throw new Error('Kreis outline is not one polygon without holes');
	const centres = new Map(l.gemeindeSeeds);
	centres.set(MERGED.key, l.gemeindeSeeds.get(MERGING[1].key)!);
	return {
		units,
		versions: [
			{ id: OLD_VERSION, validFrom: 2014, validTo: MERGER_YEAR - 1, ortsteile: oldOrtsteile, gemeinden: oldGemeinden },
			{ id: NEW_VERSION, validFrom: MERGER_YEAR, validTo: null, ortsteile: newOrtsteile, gemeinden: newGemeinden }
		],
		kreis: { key: KREIS_KEY, name: KREIS_NAME, parent: '', geometry: kreisGeometry },
		centres
	};
}

/** The version valid in a reporting year. */
export function versionIn(areas: KreisAreas, year: number): BoundaryVersion {
	return areas.versions.find((v) => year >= v.validFrom && (v.validTo === null || year <= v.validTo))!;
}
