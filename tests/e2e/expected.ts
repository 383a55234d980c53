/**
 * What the atlas must show, computed straight from the committed data package files with plain
 * code (not through the app's engine), so the browser test checks the app against the data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse, geoContains } from 'd3';
import { planarBounds, rewindForD3 } from '../../src/lib/map/geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { AreaProperties, Indicator, PackageDescriptor } from '../../src/lib/data/types';

export const PACKAGE_DIR = 'data/musterstadt';

export function descriptor(): PackageDescriptor {
	return JSON.parse(readFileSync(join(PACKAGE_DIR, 'datapackage.json'), 'utf8'));
}

export function areas(): FeatureCollection<Geometry, AreaProperties> {
	const level = descriptor().sozialraum.levels[0];
	return JSON.parse(readFileSync(join(PACKAGE_DIR, level.path), 'utf8'));
}

export function indicators(): Indicator[] {
	return csvParse(readFileSync(join(PACKAGE_DIR, 'indicators.csv'), 'utf8')).map((r) => ({
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
export function expectedCityValue(indicatorId: string, year: number): number {
	const ind = indicators().find((i) => i.id === indicatorId)!;
	let num = 0, den = 0;
	for (const r of csvParse(readFileSync(join(PACKAGE_DIR, 'observations.csv'), 'utf8'))) {
		if (r.indicator_id !== indicatorId || Number(r.year) !== year || r.numerator === '' || r.denominator === '') continue;
		num += Number(r.numerator);
		den += Number(r.denominator);
	}
	return (num / den) * ind.multiplier;
}

/** Values per area for one indicator and year, with the package's primary suppression rule. */
export function expectedValues(indicatorId: string, year: number): ExpectedValue[] {
	const { minNumerator, minDenominator } = descriptor().sozialraum.disclosure;
	const rows = csvParse(readFileSync(join(PACKAGE_DIR, 'observations.csv'), 'utf8')).filter(
		(r) => r.indicator_id === indicatorId && Number(r.year) === year
	);
	const byKey = new Map(rows.map((r) => [r.area_key!, r]));
	return areas().features.map((f) => {
		const r = byKey.get(f.properties.key);
		if (!r || r.value === '') return { key: f.properties.key, value: null, numerator: null, denominator: null, suppressed: r?.flag === 'suppressed' };
		const num = r.numerator === '' ? null : Number(r.numerator);
		const den = r.denominator === '' ? null : Number(r.denominator);
		const suppressed = r.flag === 'suppressed' || (num !== null && num > 0 && num < minNumerator) || (den !== null && den < minDenominator);
		return suppressed
			? { key: f.properties.key, value: null, numerator: null, denominator: null, suppressed }
			: { key: f.properties.key, value: Number(r.value), numerator: num, denominator: den, suppressed };
	});
}

export function latestYear(indicatorId: string): number {
	const years = csvParse(readFileSync(join(PACKAGE_DIR, 'observations.csv'), 'utf8'))
		.filter((r) => r.indicator_id === indicatorId && r.value !== '')
		.map((r) => Number(r.year));
	return Math.max(...years);
}

/** A point well inside a polygon (the centroid of an irregular shape can lie outside it). */
export function interiorPoint(raw: Feature<Geometry, AreaProperties>): [number, number] {
	const feature = rewindForD3({ type: 'FeatureCollection', features: [raw] }).features[0];
	const [[w, s], [e, n]] = planarBounds({ type: 'FeatureCollection', features: [raw] });
	let best: [number, number] = [(w + e) / 2, (s + n) / 2];
	let bestScore = -Infinity;
	const steps = 24;
	for (let i = 1; i < steps; i++) {
		for (let j = 1; j < steps; j++) {
			const p: [number, number] = [w + ((e - w) * i) / steps, s + ((n - s) * j) / steps];
			if (!geoContains(feature, p)) continue;
			// distance to the nearest point that is outside, sampled on a ring
			let score = Infinity;
			for (let k = 0; k < 16 && score > 0; k++) {
				for (let d = 1; d <= 8; d++) {
					const a = (k / 16) * 2 * Math.PI;
					const q: [number, number] = [p[0] + Math.cos(a) * ((e - w) / 40) * d, p[1] + Math.sin(a) * ((n - s) / 40) * d];
					if (!geoContains(feature, q)) {
						score = Math.min(score, d);
						break;
					}
				}
			}
			if (score > bestScore) {
				bestScore = score;
				best = p;
			}
		}
	}
	return best;
}
