/**
 * What the atlas must show, computed straight from the committed data package files with plain
 * code (not through the app's engine), so the browser test checks the app against the data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3';
import { labelPoint, planarBounds, pointInRings, ringArea2 } from '../../src/lib/map/geo';
import { computeSuppression, hierarchyFromAreas } from '../../src/lib/stats/disclosure';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { AreaProperties, Indicator, PackageDescriptor } from '../../src/lib/data/types';

export const PACKAGE_DIR = 'data/musterstadt';

export function descriptor(dir = PACKAGE_DIR): PackageDescriptor {
	return JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
}

/** The finest level's areas (of the newest boundary version). */
export function areas(dir = PACKAGE_DIR): FeatureCollection<Geometry, AreaProperties> {
	const level = descriptor(dir).sozialraum.levels[0];
	return JSON.parse(readFileSync(join(dir, level.path), 'utf8'));
}

export function indicators(dir = PACKAGE_DIR): Indicator[] {
	return csvParse(readFileSync(join(dir, 'indicators.csv'), 'utf8')).map((r) => ({
		...(r as unknown as Indicator),
		multiplier: Number(r.multiplier),
		decimals: Number(r.decimals)
	}));
}

export interface ExpectedValue {
	key: string;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	suppressed: boolean;
}

/** City value: summed numerators over summed denominators of all areas with both numbers. */
export function expectedCityValue(indicatorId: string, year: number, dir = PACKAGE_DIR): number {
	const ind = indicators(dir).find((i) => i.id === indicatorId)!;
	let num = 0, den = 0;
	for (const r of csvParse(readFileSync(join(dir, 'observations.csv'), 'utf8'))) {
		if (r.indicator_id !== indicatorId || Number(r.year) !== year || r.numerator === '' || r.denominator === '') continue;
		num += Number(r.numerator);
		den += Number(r.denominator);
	}
	return (num / den) * ind.multiplier;
}

const withheldCache = new Map<string, Set<string>>();

/**
 * Cells withheld by disclosure control (primary + secondary), computed from the raw package. With
 * boundary versions the parents are those of the newest version: right for its years.
 */
function withheld(dir: string): Set<string> {
	const cached = withheldCache.get(dir);
	if (cached) return cached;
	const parent = new Map<string, string>();
	for (const level of descriptor(dir).sozialraum.levels) {
		const fc = JSON.parse(readFileSync(join(dir, level.path), 'utf8')) as FeatureCollection<Geometry, AreaProperties>;
		for (const f of fc.features) parent.set(f.properties.key, f.properties.parent);
	}
	const types = new Map(indicators(dir).map((i) => [i.id, i.value_type]));
	const cells = csvParse(readFileSync(join(dir, 'observations.csv'), 'utf8')).map((r) => {
		const num = r.numerator === '' ? (types.get(r.indicator_id!) === 'count' && r.value !== '' ? Number(r.value) : null) : Number(r.numerator);
		return {
			area_key: r.area_key!, parent: parent.get(r.area_key!) ?? '', indicator_id: r.indicator_id!, year: Number(r.year),
			numerator: num, denominator: r.denominator === '' ? null : Number(r.denominator), flag: r.flag ?? ''
		};
	});
	const result = computeSuppression(cells, hierarchyFromAreas([...parent].map(([key, p]) => ({ key, parent: p }))), descriptor(dir).sozialraum.disclosure);
	const hidden = new Set(result.cells.filter((c) => c.suppressed).map((c) => `${c.area_key}|${c.indicator_id}|${c.year}`));
	withheldCache.set(dir, hidden);
	return hidden;
}

/** Values per area for one indicator and year, with the package's disclosure control applied. */
export function expectedValues(indicatorId: string, year: number, dir = PACKAGE_DIR): ExpectedValue[] {
	const rows = csvParse(readFileSync(join(dir, 'observations.csv'), 'utf8')).filter(
		(r) => r.indicator_id === indicatorId && Number(r.year) === year
	);
	const byKey = new Map(rows.map((r) => [r.area_key!, r]));
	const hidden = withheld(dir);
	return areas(dir).features.map((f) => {
		const key = f.properties.key;
		const r = byKey.get(key);
		const suppressed = hidden.has(`${key}|${indicatorId}|${year}`);
		if (!r || r.value === '' || suppressed) return { key, value: null, numerator: null, denominator: null, suppressed };
		const num = r.numerator === '' ? null : Number(r.numerator);
		const den = r.denominator === '' ? null : Number(r.denominator);
		return { key, value: Number(r.value), numerator: num, denominator: den, suppressed };
	});
}

export function latestYear(indicatorId: string, dir = PACKAGE_DIR): number {
	const years = csvParse(readFileSync(join(dir, 'observations.csv'), 'utf8'))
		.filter((r) => r.indicator_id === indicatorId && r.value !== '')
		.map((r) => Number(r.year));
	return Math.max(...years);
}

/**
 * A point well inside a district to read its fill colour: far from the boundary (outlines) and away
 * from where the map puts the district's name label (text pixels are not the fill).
 */
export function interiorPoint(raw: Feature<Geometry, AreaProperties>): [number, number] {
	const g = raw.geometry;
	const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
	const main = polys.reduce((a, b) => (Math.abs(ringArea2(b[0])) > Math.abs(ringArea2(a[0])) ? b : a));
	const label = labelPoint(g)!;
	const [[w, s], [e, n]] = planarBounds({ type: 'FeatureCollection', features: [raw] });
	const kx = Math.cos((((s + n) / 2) * Math.PI) / 180); // screen-like metric at this latitude
	const edge = (p: Position) => {
		let d = Infinity;
		for (const ring of main) for (let k = 1; k < ring.length; k++) d = Math.min(d, segDist(p, ring[k - 1], ring[k], kx));
		return d;
	};
	const steps = 30;
	const candidates: { p: [number, number]; edge: number }[] = [];
	for (let i = 1; i < steps; i++)
		for (let j = 1; j < steps; j++) {
			const p: [number, number] = [w + ((e - w) * i) / steps, s + ((n - s) * j) / steps];
			if (pointInRings(p, main)) candidates.push({ p, edge: edge(p) });
		}
	const maxEdge = Math.max(...candidates.map((c) => c.edge));
	const good = candidates.filter((c) => c.edge >= 0.45 * maxEdge);
	const fromLabel = (p: Position) => Math.hypot((p[0] - label[0]) * kx, p[1] - label[1]);
	return good.reduce((a, b) => (fromLabel(b.p) > fromLabel(a.p) ? b : a)).p;
}

function segDist(p: Position, a: Position, b: Position, kx: number): number {
	const ax = a[0] * kx, bx = b[0] * kx, px = p[0] * kx;
	const dx = bx - ax, dy = b[1] - a[1];
	const len2 = dx * dx + dy * dy;
	const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (p[1] - a[1]) * dy) / len2));
	return Math.hypot(px - (ax + t * dx), p[1] - (a[1] + t * dy));
}
