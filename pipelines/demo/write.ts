/**
 * Render the demo package as file contents (path → text) and write them to a folder. Rendering is
 * separate from writing so the spec can compare the in-memory result with the committed files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TABLE_SCHEMAS, type ColumnSpec, type TableName } from '../../src/lib/data/package/csv';
import type { PackageDescriptor, ResourceDescriptor } from '../../src/lib/data/types';
import type { CityAreas } from './areas';
import { CREATED } from './config';
import type { MultiPolygon, Polygon } from './geometry';

export { tableCsv } from '../../src/lib/data/package/write-csv';

interface FeatureInput {
	key: string;
	name: string;
	parent: string;
	geometry: MultiPolygon;
}

function geometryJson(mp: MultiPolygon): string {
	const single = mp.length === 1;
	const coordinates = single ? (mp[0] as Polygon) : mp;
	return JSON.stringify({ type: single ? 'Polygon' : 'MultiPolygon', coordinates });
}

/** One feature per line: readable diffs when the generator changes. */
export function featureCollection(level: string, features: readonly FeatureInput[]): string {
	const lines = features.map(
		(f) =>
			`{"type":"Feature","properties":${JSON.stringify({ key: f.key, name: f.name, level, parent: f.parent })},"geometry":${geometryJson(f.geometry)}}`
	);
	return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

export function areaFiles(areas: CityAreas): Record<string, string> {
	return {
		'areas-sozialraum.geojson': featureCollection(
			'sozialraum',
			areas.sozialraeume.map((s) => ({ key: s.key, name: s.name, parent: s.parent, geometry: [s.polygon] }))
		),
		'areas-stadtbezirk.geojson': featureCollection('stadtbezirk', areas.bezirke),
		'areas-stadt.geojson': featureCollection('stadt', [areas.city])
	};
}

const FRICTIONLESS_TYPE: Record<ColumnSpec['type'], string> = {
	string: 'string',
	key: 'string',
	integer: 'integer',
	number: 'number',
	list: 'string',
	date: 'date'
};

export function csvResource(name: TableName): ResourceDescriptor {
	return {
		name,
		path: `${name}.csv`,
		format: 'csv',
		mediatype: 'text/csv',
		encoding: 'utf-8',
		schema: {
			fields: TABLE_SCHEMAS[name].map((s) => ({
				name: s.name,
				type: FRICTIONLESS_TYPE[s.type],
				description: s.description_de
			}))
		}
	};
}

export function geojsonResource(level: string): ResourceDescriptor {
	return {
		name: `areas-${level}`,
		path: `areas-${level}.geojson`,
		format: 'geojson',
		mediatype: 'application/geo+json',
		encoding: 'utf-8'
	};
}

/** What every demo package says about itself: version, creation time, licence, source. */
export const DEMO_META = {
	version: '1.0.0',
	created: CREATED,
	licenses: [{ name: 'CC0-1.0', title: 'Creative Commons Zero v1.0 Universal', path: 'https://creativecommons.org/publicdomain/zero/1.0/' }],
	sources: [{ title: 'Simuliert mit pipelines/demo/generate.ts (Sozialraum-Monitor); alle Quellenangaben sind fiktiv' }]
} satisfies Partial<PackageDescriptor>;

export function descriptorJson(descriptor: PackageDescriptor): string {
	return `${JSON.stringify(descriptor, null, '\t')}\n`;
}

export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
	await mkdir(dir, { recursive: true });
	for (const path of Object.keys(files).sort()) {
		await writeFile(join(dir, path), files[path], 'utf8');
	}
}
