/**
 * The synthetic territory of a scale package: Sozialräume with names, residents and a spatially
 * smooth deprivation score, Stadtbezirke, and an indicator catalogue of any length built from the
 * demo city's 30 indicator definitions (ids with a variant suffix beyond 30). Observations are
 * generated per indicator from the indicator's own random stream, so one indicator's rows are the
 * same whether the whole table or just that indicator's file is written.
 */
import type { Indicator, ObservationFlag } from '../../src/lib/data/types';
import { INDICATORS as DEMO_INDICATORS, indicatorRecord } from '../demo/indicators';
import { round } from '../demo/format';
import { buildTerritory, unionOutline, type Cell, type MultiPolygon, type Territory } from './grid';
import { fnv1a, logistic, logit, stream } from './rng';

export interface ScaleOptions {
	/** Number of Sozialräume (finest level). */
	areas: number;
	/** Number of indicators (≥ 1; beyond 30 the demo catalogue repeats as variants). */
	indicators: number;
	/** Number of years, ending in `lastYear`. */
	years: number;
	lastYear?: number;
	seed?: string;
	/** Extra vertices per cell edge (2: 12-gons). */
	edgePoints?: number;
	/** > 0: vertices per cell edge on a smooth wobble instead (grid.ts), for realistic vertex counts. */
	detail?: number;
}

export const DEFAULTS = { lastYear: 2025, seed: 'sozialraum-scale-1', edgePoints: 2, detail: 0 } as const;

export interface Area {
	key: string;
	name: string;
	parent: string;
	cell: Cell;
	/** Residents in the first year. */
	size: number;
	growth: number;
	/** Latent deprivation (≈ N(0, 1), spatially smooth, positive = poorer). */
	deprivation: number;
	trend: number;
	tiny: boolean;
}

export interface Bezirk {
	key: string;
	name: string;
	areas: Area[];
	geometry: MultiPolygon;
}

export interface IndicatorModel {
	meta: Indicator;
	base: number;
	beta: number;
	trend: number;
	sdArea: number;
	/** Share of the residents that forms the denominator. */
	share: number;
	missingYear: number | null;
	provisionalYear: number | null;
	breakYear: number | null;
}

export interface ScaleModel {
	options: Required<ScaleOptions>;
	territory: Territory;
	/** Sozialräume sorted by key (code-point order = the order of every table). */
	areas: Area[];
	bezirke: Bezirk[];
	city: MultiPolygon;
	/** Indicators sorted by id. */
	indicators: IndicatorModel[];
	defaultIndicator: string;
	years: number[];
	/** Residents per area (index as in `areas`) and year index. */
	totals: Float64Array[];
}

const STEMS = [
	'Linden', 'Eichen', 'Birken', 'Buchen', 'Erlen', 'Weiden', 'Tannen', 'Ulmen', 'Mühlen', 'Kirch', 'Burg', 'Schloss',
	'Bach', 'Brunnen', 'Stein', 'Sand', 'Heide', 'Moor', 'Wiesen', 'Rosen', 'Sonnen', 'Kamp', 'Hütten', 'Zechen',
	'Kanal', 'Hafen', 'Bahn', 'Markt', 'Kreuz', 'Hohen', 'Nieder', 'Ober', 'Unter', 'Alten', 'Neuen', 'Grünen',
	'Roten', 'Weißen', 'Schwarzen', 'Falken', 'Raben', 'Hasen', 'Fuchs', 'Wolfs', 'Bären', 'Hirsch', 'Lerchen', 'Finken',
	'Holt', 'Brock', 'Horst', 'Hövel', 'Loh', 'Schlag', 'Forst', 'Garten', 'Acker', 'Feld', 'Quell', 'Wasser'
];
const SUFFIXES = ['hof', 'feld', 'heide', 'kamp', 'dorf', 'busch', 'berg', 'au', 'tal', 'rath', 'hausen', 'beck', 'horst', 'winkel', 'bruch', 'siedlung', 'viertel', 'garten', 'hügel', 'wald'];
const QUALIFIERS = ['', ' Nord', ' Süd', ' Ost', ' West', ' Mitte', '-Nord', '-Süd', ' I', ' II', ' III'];
const BEZIRK_SUFFIXES = ['dorf', 'heim', 'hausen', 'kirchen', 'rath', 'feld', 'scheid', 'hagen', 'beck', 'ingen'];

function uniqueNames(count: number, seed: string, suffixes: readonly string[]): string[] {
	const rng = stream(seed, 'names');
	const used = new Set<string>();
	const out: string[] = [];
	while (out.length < count) {
		const stem = STEMS[Math.floor(rng.uniform() * STEMS.length)];
		const suffix = suffixes[Math.floor(rng.uniform() * suffixes.length)];
		let name = stem + suffix;
		for (let q = 0; used.has(name); q++) {
			name = q < QUALIFIERS.length ? stem + suffix + QUALIFIERS[q] : `${stem}${suffix} ${q - QUALIFIERS.length + 4}`;
		}
		used.add(name);
		out.push(name);
	}
	return out;
}

const digits = (n: number) => String(n).length;

/** Latent deprivation: a few long waves across the territory, a poorer inner city, local noise. */
function deprivationField(seed: string): (x: number, y: number) => number {
	const rng = stream(seed, 'deprivation/field');
	const waves = Array.from({ length: 4 }, () => {
		const angle = rng.between(0, Math.PI);
		const length = rng.between(8, 30);
		return { ux: Math.cos(angle) / length, uy: Math.sin(angle) / length, phase: rng.between(0, 2 * Math.PI) };
	});
	return (x, y) =>
		waves.reduce((s, w) => s + 0.55 * Math.cos(2 * Math.PI * (w.ux * x + w.uy * y) + w.phase), 0) +
		0.5 * Math.exp(-(x * x + y * y) / 60);
}

function indicatorCatalogue(count: number, seed: string, years: number[]): IndicatorModel[] {
	if (!Number.isInteger(count) || count < 1) throw new Error(`indicator count must be a positive integer, got ${count}`);
	const first = years[0];
	const last = years[years.length - 1];
	const out: IndicatorModel[] = [];
	for (let m = 0; m < count; m++) {
		const template = indicatorRecord(DEMO_INDICATORS[m % DEMO_INDICATORS.length]);
		const variant = Math.floor(m / DEMO_INDICATORS.length);
		const id = variant === 0 ? template.id : `${template.id}_v${variant + 1}`;
		const meta: Indicator = {
			...template,
			id,
			label_de: variant === 0 ? template.label_de : `${template.label_de} (Variante ${variant + 1})`,
			label_en: variant === 0 ? template.label_en : `${template.label_en} (variant ${variant + 1})`,
			source: `${template.source} – synthetisch`
		};
		const rng = stream(seed, `indicator/${id}`);
		const sign = meta.polarity === 'higher_is_better' ? -1 : 1;
		const proportion = meta.value_type === 'proportion';
		const inRange = (y: number) => (y >= first && y <= last ? y : null);
		out.push({
			meta,
			base: proportion ? rng.between(0.04, 0.45) : rng.between(0.004, 0.12),
			beta: sign * rng.between(0.25, 0.9),
			trend: rng.normal(0, 0.02),
			sdArea: rng.between(0.05, 0.25),
			share: proportion ? rng.between(0.03, 0.3) : rng.between(0.05, 0.6),
			// Every tenth indicator behaves like the school-entry examination (none in 2020, partial 2021).
			missingYear: m % 10 === 7 ? inRange(2020) : null,
			provisionalYear: m % 10 === 7 ? inRange(2021) : null,
			breakYear: m % 13 === 4 && years.length > 2 ? years[Math.floor(years.length / 2)] : null
		});
	}
	return out.sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
}

export function buildScaleModel(options: ScaleOptions): ScaleModel {
	const o: Required<ScaleOptions> = { ...DEFAULTS, ...options };
	if (!Number.isInteger(o.years) || o.years < 1) throw new Error(`year count must be a positive integer, got ${o.years}`);
	const years = Array.from({ length: o.years }, (_, i) => o.lastYear - o.years + 1 + i);
	const territory = buildTerritory(o.areas, fnv1a(`${o.seed}/territory`), o.edgePoints, o.detail);
	const field = deprivationField(o.seed);
	const rng = stream(o.seed, 'areas');
	const bezirkKeyWidth = Math.max(2, digits(territory.blocks.length));
	const memberWidth = Math.max(2, digits(Math.max(...territory.blocks.map((b) => b.length))));
	const areaNames = uniqueNames(o.areas, `${o.seed}/areas`, SUFFIXES);
	const bezirkNames = uniqueNames(territory.blocks.length, `${o.seed}/bezirke`, BEZIRK_SUFFIXES);

	let n = 0;
	const bezirke: Bezirk[] = territory.blocks.map((cells, b) => {
		const key = String(b + 1).padStart(bezirkKeyWidth, '0');
		const areas = cells.map((cell, k): Area => {
			const tiny = rng.uniform() < 0.01;
			return {
				key: key + String(k + 1).padStart(memberWidth, '0'),
				name: areaNames[n++],
				parent: key,
				cell,
				size: tiny ? Math.round(rng.between(60, 400)) : Math.round(Math.min(16000, Math.max(900, Math.exp(rng.normal(Math.log(5500), 0.35))))),
				growth: rng.normal(0.002, 0.004),
				deprivation: field(cell.x, cell.y) + rng.normal(0, 0.35),
				trend: rng.normal(0, 0.015),
				tiny
			};
		});
		return { key, name: bezirkNames[b], areas, geometry: unionOutline(cells.map((c) => c.ring)) };
	});
	const areas = bezirke.flatMap((b) => b.areas).sort((a, b) => (a.key < b.key ? -1 : 1));
	const popRng = stream(o.seed, 'population');
	const totals = areas.map((a) => Float64Array.from(years, (_, t) => Math.max(1, Math.round(a.size * (1 + a.growth) ** t * (1 + popRng.normal(0, 0.004))))));
	const indicators = indicatorCatalogue(o.indicators, o.seed, years);
	const defaultIndicator = indicators.some((i) => i.meta.id === 'sgb2_u15') ? 'sgb2_u15' : indicators[0].meta.id;
	return {
		options: o,
		territory,
		areas,
		bezirke,
		city: unionOutline(territory.cells.map((c) => c.ring)),
		indicators,
		defaultIndicator,
		years,
		totals
	};
}

/** Flag codes in the columnar form (index into FLAGS). */
export const FLAGS: readonly ObservationFlag[] = ['', 'suppressed', 'missing', 'provisional', 'break'];

/** One indicator's observations, columnar, ordered by area key then year (NaN = empty). */
export interface IndicatorColumns {
	id: string;
	value: Float64Array;
	numerator: Float64Array;
	denominator: Float64Array;
	flag: Uint8Array;
}

export function indicatorColumns(model: ScaleModel, ind: IndicatorModel): IndicatorColumns {
	const { areas, years, totals } = model;
	const rows = areas.length * years.length;
	const value = new Float64Array(rows);
	const numerator = new Float64Array(rows);
	const denominator = new Float64Array(rows);
	const flag = new Uint8Array(rows);
	const rng = stream(model.options.seed, `observations/${ind.meta.id}`);
	const proportion = ind.meta.value_type === 'proportion';
	const logitBase = proportion ? logit(ind.base) : Math.log(ind.base);
	let r = 0;
	for (let a = 0; a < areas.length; a++) {
		const area = areas[a];
		const areaEffect = rng.normal(0, ind.sdArea);
		for (let t = 0; t < years.length; t++, r++) {
			const year = years[t];
			if (year === ind.missingYear) {
				value[r] = numerator[r] = denominator[r] = NaN;
				flag[r] = 2;
				continue;
			}
			let den = Math.max(1, Math.round(totals[a][t] * ind.share * (1 + rng.normal(0, 0.02))));
			if (year === ind.provisionalYear) den = Math.max(1, Math.round(den * 0.5));
			const linear =
				logitBase +
				ind.beta * (area.deprivation + area.trend * t) +
				ind.trend * t +
				(ind.breakYear !== null && year >= ind.breakYear ? 0.2 : 0) +
				areaEffect;
			const num = proportion ? rng.binomial(den, logistic(linear)) : rng.poisson(den * Math.exp(linear));
			numerator[r] = num;
			denominator[r] = den;
			value[r] = round((num / den) * ind.meta.multiplier, 6);
			flag[r] = year === ind.provisionalYear ? 3 : year === ind.breakYear ? 4 : 0;
		}
	}
	return { id: ind.meta.id, value, numerator, denominator, flag };
}

/** Pooled value (Σ numerators / Σ denominators × multiplier) of an indicator over some areas in one year. */
export function pooled(model: ScaleModel, cols: IndicatorColumns, keys: ReadonlySet<string>, year: number): number {
	const t = model.years.indexOf(year);
	const ind = model.indicators.find((i) => i.meta.id === cols.id)!;
	let num = 0;
	let den = 0;
	model.areas.forEach((a, i) => {
		const r = i * model.years.length + t;
		if (!keys.has(a.key) || Number.isNaN(cols.numerator[r])) return;
		num += cols.numerator[r];
		den += cols.denominator[r];
	});
	return round((num / den) * ind.meta.multiplier, 6);
}
