/**
 * The result of an import: a data package in exactly the format of data/musterstadt/
 * (docs/data-package.md) — datapackage.json, one GeoJSON per level (and per boundary version,
 * docs/levels-and-versions.md), the five CSV tables, a crosswalk.csv when a level has versions —
 * checked with the package validator the app itself uses, so an imported package is held to the
 * same rules as a delivered one. Optional tables are written with their header only: the engine
 * loads every table, and an empty one simply leaves its views empty.
 */
import { csvFormatRows } from 'd3';
import { TABLE_SCHEMAS, type TableName } from '../data/package/csv';
import type { Problem, PackageData } from '../data/package/model';
import { readPackage } from '../data/package/validate';
import type { Indicator, Observation, PackageDescriptor, PopulationRow } from '../data/types';
import type { AreaFeature } from './areas';
import type { ProvenanceEntry } from './provenance';

export interface PackageMeta {
	/** Machine name, lower case: "meinestadt". */
	name: string;
	title: string;
	territory_de: string;
	/** Datenstand, JJJJ-MM-TT. */
	datenstand: string;
	description?: string;
	sources: string[];
	license: string;
	level: { id: string; label_de: string; label_en: string };
	minNumerator: number;
	minDenominator: number;
	/** ISO timestamp; fixed by the caller for reproducible output. */
	created: string;
	default_indicator?: string;
}

export interface BuiltPackage {
	/** Path inside the package → file content (UTF-8 text). */
	files: Record<string, string>;
	problems: Problem[];
	/** The validated package, or null when the validator found errors. */
	data: PackageData | null;
}

const TABLES: TableName[] = ['indicators', 'observations', 'population', 'offers', 'targets'];

/** A level of the package: its areas, or its boundary versions (oldest first, each complete). */
export interface PackageLevel {
	id: string;
	label_de: string;
	label_en: string;
	label_plural_de?: string;
	label_plural_en?: string;
	areas: AreaFeature[];
	versions?: { id: string; label_de: string; label_en: string; valid_from: number | null; valid_to: number | null; areas: AreaFeature[] }[];
}

/** One row of crosswalk.csv (docs/levels-and-versions.md). */
export interface CrosswalkRow {
	level: string;
	from_version: string;
	from_key: string;
	to_version: string;
	to_key: string;
	weight: number;
	method: 'area' | 'population' | 'given';
}

const CROSSWALK_FIELDS: { name: keyof CrosswalkRow; type: string; description: string }[] = [
	{ name: 'level', type: 'string', description: 'Ebene' },
	{ name: 'from_version', type: 'string', description: 'Gebietsstand der alten Gebiete' },
	{ name: 'from_key', type: 'string', description: 'Schlüssel des alten Gebiets' },
	{ name: 'to_version', type: 'string', description: 'Gebietsstand der neuen Gebiete' },
	{ name: 'to_key', type: 'string', description: 'Schlüssel des neuen Gebiets' },
	{ name: 'weight', type: 'number', description: 'Anteil der Zahlen des alten Gebiets, der zum neuen gehört' },
	{ name: 'method', type: 'string', description: 'area, population oder given' }
];

export interface PackageExtras {
	population?: PopulationRow[];
	crosswalk?: CrosswalkRow[];
	provenance?: ProvenanceEntry[];
}

/** The single level of an import without levels (package.level, default Sozialraum). */
export const singleLevel = (meta: PackageMeta, areas: AreaFeature[]): PackageLevel[] => [{ ...meta.level, areas }];
const TYPE: Record<string, string> = { key: 'string', string: 'string', list: 'string', integer: 'integer', number: 'number' };

/** Plain decimal notation, never an exponent ("0.00012", not "1.2e-4"); integers without ".0". */
export function formatNumber(x: number | null): string {
	if (x === null || !Number.isFinite(x)) return '';
	if (Number.isInteger(x)) return x.toFixed(0);
	return x.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}

/** RFC 4180 field: quoted only when it holds a comma, quote or line break. */
const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** observations.csv written directly: a million rows through csvFormatRows cost seconds of GC. */
function observationsCsv(rows: Observation[]): string {
	const cols = TABLE_SCHEMAS.observations.map((c) => c.name);
	const parts: string[] = [cols.join(',')];
	for (const o of rows) {
		parts.push(`${field(o.area_key)},${field(o.indicator_id)},${o.year},${formatNumber(o.value)},${formatNumber(o.numerator)},${formatNumber(o.denominator)},${o.flag}`);
	}
	return parts.join('\n') + '\n';
}

function csv(name: TableName, rows: Record<string, unknown>[]): string {
	const cols = TABLE_SCHEMAS[name].map((c) => c.name);
	const cell = (v: unknown) => (typeof v === 'number' ? formatNumber(v) : v === null || v === undefined ? '' : Array.isArray(v) ? v.join('|') : String(v));
	return csvFormatRows([cols, ...rows.map((r) => cols.map((c) => cell(r[c])))]) + '\n';
}

const featureCollection = (areas: AreaFeature[]) => `{"type":"FeatureCollection","features":[\n${areas.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;

export function buildPackage(meta: PackageMeta, levels: PackageLevel[], indicators: Indicator[], observations: Observation[], extras: PackageExtras = {}): BuiltPackage {
	// one feature per line: diffable, and still valid JSON
	const geojson: Record<string, string> = {};
	const levelEntries = levels.map((l) => {
		const labels = { id: l.id, label_de: l.label_de, label_en: l.label_en, ...(l.label_plural_de ? { label_plural_de: l.label_plural_de } : {}), ...(l.label_plural_en ? { label_plural_en: l.label_plural_en } : {}) };
		if (!l.versions?.length) {
			const path = `areas-${l.id}.geojson`;
			geojson[path] = featureCollection(l.areas);
			return { ...labels, path };
		}
		const versions = l.versions.map((v) => {
			const path = `areas-${l.id}-${v.id}.geojson`;
			geojson[path] = featureCollection(v.areas);
			return { id: v.id, label_de: v.label_de, label_en: v.label_en, valid_from: v.valid_from, valid_to: v.valid_to, path };
		});
		return { ...labels, path: versions.at(-1)!.path, versions };
	});
	const crosswalk = extras.crosswalk ?? [];
	const resources: PackageDescriptor['resources'] = [
		...Object.keys(geojson).map((path) => ({ name: path.replace(/\.geojson$/, ''), path, format: 'geojson', mediatype: 'application/geo+json', encoding: 'utf-8' })),
		...TABLES.map((t) => ({
			name: t,
			path: `${t}.csv`,
			format: 'csv',
			mediatype: 'text/csv',
			encoding: 'utf-8',
			schema: { fields: TABLE_SCHEMAS[t].map((c) => ({ name: c.name, type: TYPE[c.type], description: c.description_de })) }
		})),
		...(crosswalk.length ? [{ name: 'crosswalk', path: 'crosswalk.csv', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', schema: { fields: CROSSWALK_FIELDS } }] : [])
	];
	const descriptor: PackageDescriptor = {
		name: meta.name,
		title: meta.title,
		...(meta.description ? { description: meta.description } : {}),
		version: '1.0.0',
		created: meta.created,
		licenses: [{ name: meta.license }],
		sources: meta.sources.map((title) => ({ title })),
		resources,
		sozialraum: {
			fictional: false,
			datenstand: meta.datenstand,
			territory_de: meta.territory_de,
			levels: levelEntries,
			disclosure: { minNumerator: meta.minNumerator, minDenominator: meta.minDenominator },
			default_indicator: meta.default_indicator ?? indicators[0]?.id ?? '',
			...(extras.provenance?.length ? { provenance: extras.provenance } : {})
		} as PackageDescriptor['sozialraum']
	};
	// an indicator without its own source inherits the package's (an empty one reads as NULL in SQL)
	const source = meta.sources.filter((x) => x.trim()).join('; ') || meta.title;
	indicators = indicators.map((i) => (i.source?.trim() ? i : { ...i, source }));
	const sorted = [...observations].sort((a, b) => cmp(a.indicator_id, b.indicator_id) || cmp(a.area_key, b.area_key) || a.year - b.year);
	const files: Record<string, string> = {
		'datapackage.json': JSON.stringify(descriptor, null, '\t') + '\n',
		...geojson,
		'indicators.csv': csv('indicators', indicators as unknown as Record<string, unknown>[]),
		'observations.csv': observationsCsv(sorted),
		'population.csv': csv('population', (extras.population ?? []) as unknown as Record<string, unknown>[]),
		'offers.csv': csv('offers', []),
		'targets.csv': csv('targets', [])
	};
	if (crosswalk.length) files['crosswalk.csv'] = csvFormatRows([CROSSWALK_FIELDS.map((f) => f.name), ...crosswalk.map((r) => CROSSWALK_FIELDS.map((f) => (f.name === 'weight' ? formatNumber(r.weight) : String(r[f.name]))))]) + '\n';
	const { data, problems } = readPackage({
		descriptor,
		geojson: Object.fromEntries(Object.entries(geojson).map(([path, text]) => [path, JSON.parse(text)])),
		csv: Object.fromEntries([...TABLES.map((t) => `${t}.csv`), ...(crosswalk.length ? ['crosswalk.csv'] : [])].map((f) => [f, files[f]])),
		unreadable: {}
	});
	return { files, problems, data };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
