/**
 * Render a scale model as the files of a data package (same format as data/musterstadt, see
 * docs/data-package.md). Large tables are produced piece by piece: observations.csv of 20,000
 * areas × 100 indicators × 20 years has 40 million rows (≈ 1.6 GB) and never fits one string.
 */
import type { PackageDescriptor, Offer, Target } from '../../src/lib/data/types';
import { fmt, toCsv } from '../demo/format';
import { csvResource, descriptorJson, featureCollection, geojsonResource, tableCsv } from '../demo/write';
import { TABLE_SCHEMAS } from '../../src/lib/data/package/csv';
import { cellCentre } from './grid';
import { FLAGS, buildScaleModel, indicatorColumns, pooled, type IndicatorColumns, type ScaleModel, type ScaleOptions } from './model';
import { hash01, fnv1a } from './rng';

export const CREATED = '2026-06-30T12:00:00Z';
export const DATENSTAND = '2026-06-30';
export const TERRITORY = 'Skalierstadt';

/** Residents' age groups as shares of all residents (poorer areas have more children). */
const AGE_SHARES: readonly [string, number][] = [
	['0_2', 0.028],
	['3_5', 0.028],
	['6_9', 0.037],
	['10_15', 0.055],
	['16_17', 0.018],
	['18_26', 0.1]
];

interface OfferKind {
	kind: string;
	provider: string;
	life_phases: Offer['life_phases'];
	topics: string[];
	places: [number, number] | null;
	description: string;
}

const OFFER_KINDS: readonly OfferKind[] = [
	{ kind: 'Kita', provider: 'Stadt Skalierstadt, Jugendamt', life_phases: ['u3', '3_6'], topics: ['Betreuung', 'Bildung'], places: [40, 120], description: 'Kindertageseinrichtung mit U3- und Ü3-Gruppen.' },
	{ kind: 'Familienzentrum', provider: 'AWO Unterbezirk Skalierstadt', life_phases: ['schwangerschaft_geburt', 'u3', '3_6'], topics: ['Familie', 'Beratung'], places: null, description: 'Anlaufstelle für Familien mit Beratung, Elternkursen und offenen Treffs.' },
	{ kind: 'Offene Ganztagsschule', provider: 'Stadt Skalierstadt, Schulverwaltungsamt', life_phases: ['6_10'], topics: ['Betreuung', 'Bildung'], places: [50, 200], description: 'Betreuung am Nachmittag an der Grundschule.' },
	{ kind: 'Jugendtreff', provider: 'Ev. Kirchengemeinde Skalierstadt', life_phases: ['10_16', '16_27'], topics: ['Freizeit', 'Beteiligung'], places: null, description: 'Offener Treff mit Hausaufgabenhilfe und Ferienprogramm.' },
	{ kind: 'Erziehungsberatung', provider: 'Caritasverband Skalierstadt e. V.', life_phases: ['3_6', '6_10', '10_16'], topics: ['Beratung', 'Familie'], places: null, description: 'Beratung für Eltern, Kinder und Jugendliche.' }
];

/** The package name and default output folder: scale-<areas>x<indicators>x<years>[-d<detail>]. */
export function packageName(o: ScaleOptions): string {
	return `scale-${o.areas}x${o.indicators}x${o.years}${o.detail ? `-d${o.detail}` : ''}`;
}

const OBS_HEADER = TABLE_SCHEMAS.observations.map((c) => c.name).join(',') + '\n';

/** One indicator's rows as CSV lines (no header), in area key / year order. */
export function observationLines(model: ScaleModel, cols: IndicatorColumns): string {
	const { areas, years } = model;
	const parts: string[] = [];
	let r = 0;
	for (const a of areas) {
		const prefix = `${a.key},${cols.id},`;
		for (const year of years) {
			const flag = FLAGS[cols.flag[r]];
			if (Number.isNaN(cols.numerator[r])) parts.push(`${prefix}${year},,,,${flag}\n`);
			// Rounded to 6 decimals (≥ 1e-6 or 0), String() never uses exponent notation here.
			else parts.push(`${prefix}${year},${cols.value[r]},${cols.numerator[r]},${cols.denominator[r]},${flag}\n`);
			r++;
		}
	}
	return parts.join('');
}

export interface ScalePackage {
	model: ScaleModel;
	/** Every file except observations.csv: path → content. */
	files: Record<string, string>;
	/** observations.csv piece by piece: the header, then one piece per indicator (sorted by id). */
	observationPieces(): Generator<string>;
	/** The columns of one indicator (for per-indicator files). */
	columns(id: string): IndicatorColumns;
}

export function buildScalePackage(options: ScaleOptions): ScalePackage {
	const model = buildScaleModel(options);
	const { areas, bezirke, years, indicators } = model;
	const first = years[0];
	const last = years[years.length - 1];
	const cityKey = '0'.repeat(bezirke[0].key.length);
	const columns = (id: string) => indicatorColumns(model, indicators.find((i) => i.meta.id === id)!);

	const sozialraumFc = featureCollection(
		'sozialraum',
		areas.map((a) => ({ key: a.key, name: a.name, parent: a.parent, geometry: [[a.cell.ring]] }))
	);
	const bezirkFc = featureCollection(
		'stadtbezirk',
		bezirke.map((b) => ({ key: b.key, name: b.name, parent: cityKey, geometry: b.geometry }))
	);
	const cityFc = featureCollection('stadt', [{ key: cityKey, name: TERRITORY, parent: '', geometry: model.city }]);

	// population.csv: 7 rows per area and year (2.8 million at 20,000 areas × 20 years).
	const popParts: string[] = [TABLE_SCHEMAS.population.map((c) => c.name).join(',') + '\n'];
	const ageSeed = fnv1a(`${model.options.seed}/ages`);
	areas.forEach((a, i) => {
		const childFactor = Math.min(1.5, Math.max(0.6, 1 + 0.15 * a.deprivation));
		years.forEach((year, t) => {
			const total = model.totals[i][t];
			AGE_SHARES.forEach(([group, share], g) => {
				const f = group === '18_26' ? 1 : childFactor;
				const noise = 1 + (hash01(ageSeed, i, t, g) - 0.5) * 0.06;
				popParts.push(`${a.key},${year},${group},${Math.round(total * share * f * noise)}\n`);
			});
			popParts.push(`${a.key},${year},insgesamt,${total}\n`);
		});
	});

	// offers.csv: one offer per Sozialraum at its centre.
	const offerSeed = fnv1a(`${model.options.seed}/offers`);
	const idWidth = Math.max(3, String(areas.length).length);
	const offers: Offer[] = areas.map((a, i) => {
		const kind = OFFER_KINDS[Math.floor(hash01(offerSeed, i, 0) * OFFER_KINDS.length)];
		const [lon, lat] = cellCentre(a.cell);
		return {
			id: `A${String(i + 1).padStart(idWidth, '0')}`,
			name: `${kind.kind} ${a.name}`,
			provider: kind.provider,
			life_phases: kind.life_phases,
			topics: kind.topics,
			area_key: a.key,
			lon,
			lat,
			places: kind.places ? 5 * Math.round((kind.places[0] + hash01(offerSeed, i, 1) * (kind.places[1] - kind.places[0])) / 5) : null,
			description: kind.description
		};
	});

	// targets.csv: one Feinziel per scope type on the default indicator, baselines pooled from the data.
	const def = columns(model.defaultIndicator);
	const bezirk = bezirke[0];
	const baseline = (keys: string[]) => pooled(model, def, new Set(keys), first);
	const owner = 'Jugendamt, Abt. 51.2 Jugendhilfeplanung';
	const targetRow = (id: string, scope_type: Target['scope_type'], scope_keys: string[], value: number, note: string): Target => ({
		id,
		indicator_id: model.defaultIndicator,
		scope_type,
		scope_keys,
		baseline_year: first,
		baseline_value: value,
		target_value: Math.round(value * 0.8 * 10) / 10,
		target_year: last + 5,
		owner,
		decision: `JHA-Beschluss ${first + 1}/0${id.slice(-1)}`,
		note,
		status: 'adopted'
	});
	const targets: Target[] = [
		targetRow('FZ01', 'city', [], baseline(areas.map((a) => a.key)), 'Gesamtstädtisches Ziel (synthetisch).'),
		targetRow('FZ02', 'stadtbezirk', [bezirk.key], baseline(bezirk.areas.map((a) => a.key)), `Ziel für den Stadtbezirk ${bezirk.name} (synthetisch).`),
		targetRow('FZ03', 'sozialraum', [areas[0].key, areas[1 % areas.length].key].filter((k, i, all) => all.indexOf(k) === i), baseline([areas[0].key, areas[1 % areas.length].key]), 'Ziel für zwei Sozialräume (synthetisch).')
	];

	const descriptor: PackageDescriptor = {
		name: packageName(model.options),
		title: `${TERRITORY}: Skalierungstest mit ${areas.length} Sozialräumen (synthetisch)`,
		description: `Synthetisches Datenpaket für Leistungsmessungen: ${areas.length} Sozialräume in ${bezirke.length} Stadtbezirken, ${indicators.length} Indikatoren, ${first}–${last}. Erzeugt mit pipelines/scale/generate.ts; alle Zahlen sind simuliert.`,
		version: '1.0.0',
		created: CREATED,
		licenses: [{ name: 'CC0-1.0', title: 'Creative Commons Zero v1.0 Universal', path: 'https://creativecommons.org/publicdomain/zero/1.0/' }],
		sources: [{ title: 'Simuliert mit pipelines/scale/generate.ts (Sozialraum-Monitor)' }],
		resources: [
			geojsonResource('sozialraum'),
			geojsonResource('stadtbezirk'),
			geojsonResource('stadt'),
			csvResource('indicators'),
			csvResource('observations'),
			csvResource('population'),
			csvResource('offers'),
			csvResource('targets')
		],
		sozialraum: {
			fictional: true,
			datenstand: DATENSTAND,
			territory_de: TERRITORY,
			levels: [
				{ id: 'sozialraum', label_de: 'Sozialraum', label_en: 'Social area', path: 'areas-sozialraum.geojson' },
				{ id: 'stadtbezirk', label_de: 'Stadtbezirk', label_en: 'City district', path: 'areas-stadtbezirk.geojson' },
				{ id: 'stadt', label_de: 'Stadt', label_en: 'City', path: 'areas-stadt.geojson' }
			],
			disclosure: { minNumerator: 3, minDenominator: 0 },
			default_indicator: model.defaultIndicator
		}
	};

	const files: Record<string, string> = {
		'datapackage.json': descriptorJson(descriptor),
		'areas-sozialraum.geojson': sozialraumFc,
		'areas-stadtbezirk.geojson': bezirkFc,
		'areas-stadt.geojson': cityFc,
		'indicators.csv': toCsv(
			TABLE_SCHEMAS.indicators.map((c) => c.name),
			indicators.map((i) => TABLE_SCHEMAS.indicators.map((c) => cellText((i.meta as unknown as Record<string, unknown>)[c.name])))
		),
		'population.csv': popParts.join(''),
		'offers.csv': tableCsv('offers', offers),
		'targets.csv': tableCsv('targets', targets)
	};

	return {
		model,
		files,
		*observationPieces() {
			yield OBS_HEADER;
			for (const ind of indicators) {
				const cols = ind.meta.id === def.id ? def : indicatorColumns(model, ind);
				yield observationLines(model, cols);
			}
		},
		columns
	};
}

function cellText(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return fmt(v, 6);
	return String(v);
}

/** A whole package in memory (small sizes only: tests). */
export function renderScalePackage(options: ScaleOptions): Record<string, string> {
	const pkg = buildScalePackage(options);
	return { ...pkg.files, 'observations.csv': [...pkg.observationPieces()].join('') };
}

export { OBS_HEADER };
