/**
 * Reading area geometry files: GeoJSON, TopoJSON (topojson-client's `feature`, the reference
 * implementation), Shapefile (.shp + .dbf, with .prj for the CRS and .cpg for the DBF encoding; Mike
 * Bostock's `shapefile` reader) and a .zip holding any of these. The result is still in the file's
 * own CRS with its own attribute names; areas.ts turns it into package areas.
 */
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { read as readShapefile } from 'shapefile';
import { crsFromGeoJson, crsFromWkt, guessCrs, type CrsCode } from './crs';
import { readZip } from './zip-read';
import { decodeText } from './decode';

export interface InputFile {
	name: string;
	bytes: Uint8Array;
}

export interface RawFeature {
	properties: Record<string, unknown>;
	geometry: unknown;
}

export interface GeometrySource {
	/** Display name: the file (or "gebiete.shp" inside "gebiete.zip"). */
	file: string;
	features: RawFeature[];
	/** Attribute names found on the features, in order of first appearance. */
	fields: string[];
	/** CRS as the file states it (prj / GeoJSON crs member) or as guessed from coordinates. */
	crs: { code: CrsCode; from: 'file' | 'guess'; sure: boolean } | null;
	/** German notes (which .cpg was used, …). */
	notes: string[];
}

export class GeometryReadError extends Error {}

const ext = (name: string) => /\.([^.\\/]+)$/.exec(name)?.[1].toLowerCase() ?? '';
const base = (name: string) => name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '').toLowerCase();

/** Which of the given files are geometry (for the wizard's file list). */
export const isGeometryFile = (name: string) => ['geojson', 'json', 'topojson', 'shp', 'dbf', 'prj', 'cpg', 'shx', 'zip'].includes(ext(name));

/**
 * Read all geometry among `files` (one layer is expected; several are returned for the user to
 * choose). `dbfEncoding` overrides the .cpg.
 */
export async function readGeometry(files: InputFile[], options: { dbfEncoding?: string; topojsonObject?: string } = {}): Promise<GeometrySource[]> {
	const expanded: InputFile[] = [];
	for (const f of files) {
		if (ext(f.name) !== 'zip') expanded.push(f);
		else {
			let entries;
			try {
				entries = await readZip(f.bytes);
			} catch (e) {
				throw new GeometryReadError(`${f.name}: ${(e as Error).message}`);
			}
			for (const e of entries) if (!/(^|\/)(__MACOSX|\.)/.test(e.name)) expanded.push({ name: `${f.name}/${e.name}`, bytes: e.bytes });
		}
	}
	const out: GeometrySource[] = [];
	for (const f of expanded) {
		const kind = ext(f.name);
		if (kind === 'geojson' || kind === 'json' || kind === 'topojson') out.push(...readJson(f, options.topojsonObject));
		else if (kind === 'shp') out.push(await readShp(f, expanded, options.dbfEncoding));
	}
	const orphanDbf = expanded.find((f) => ext(f.name) === 'dbf' && !expanded.some((s) => ext(s.name) === 'shp' && base(s.name) === base(f.name)));
	if (orphanDbf) throw new GeometryReadError(`${orphanDbf.name}: Zur Attributtabelle fehlt die Geometriedatei „${base(orphanDbf.name)}.shp“. Bitte wählen Sie .shp und .dbf gemeinsam aus (oder eine .zip-Datei mit beiden).`);
	return out;
}

function readJson(f: InputFile, topoObject?: string): GeometrySource[] {
	let json: { type?: unknown; features?: unknown; objects?: Record<string, unknown>; crs?: unknown };
	try {
		json = JSON.parse(decodeText(f.bytes, 'utf-8').text);
	} catch (e) {
		throw new GeometryReadError(`${f.name}: Die Datei ist kein gültiges JSON (${(e as Error).message}).`);
	}
	if (json?.type === 'Topology' && json.objects) {
		const names = topoObject ? [topoObject] : Object.keys(json.objects);
		return names.map((name) => {
			if (!json.objects![name]) throw new GeometryReadError(`${f.name}: Das TopoJSON enthält kein Objekt „${name}“.`);
			const fc = topoFeature(json as unknown as Topology, name) as unknown as GeoJSON.FeatureCollection | GeoJSON.Feature;
			const features = fc.type === 'FeatureCollection' ? fc.features : [fc];
			return source(`${f.name} (${name})`, features, crsFromGeoJson(json.crs));
		});
	}
	if (json?.type === 'FeatureCollection' && Array.isArray(json.features)) return [source(f.name, json.features, crsFromGeoJson(json.crs))];
	if (json?.type === 'Feature') return [source(f.name, [json as unknown as GeoJSON.Feature], crsFromGeoJson(json.crs))];
	throw new GeometryReadError(`${f.name}: Weder GeoJSON-FeatureCollection noch TopoJSON. Bitte exportieren Sie die Gebiete als GeoJSON oder Shapefile.`);
}

const CPG: Record<string, string> = { '1252': 'windows-1252', ansi_1252: 'windows-1252', 'iso-8859-1': 'windows-1252', '88591': 'windows-1252', latin1: 'windows-1252', utf8: 'utf-8', 'utf-8': 'utf-8', '65001': 'utf-8', '850': 'ibm850', '437': 'ibm437' };

async function readShp(shp: InputFile, all: InputFile[], dbfEncoding?: string): Promise<GeometrySource> {
	const sibling = (e: string) => all.find((f) => ext(f.name) === e && base(f.name) === base(shp.name) && f.name.replace(/[^/]*$/, '') === shp.name.replace(/[^/]*$/, ''));
	const dbf = sibling('dbf');
	const prj = sibling('prj');
	const cpg = sibling('cpg');
	const notes: string[] = [];
	if (!dbf) throw new GeometryReadError(`${shp.name}: Die Attributtabelle „${base(shp.name)}.dbf“ fehlt; ohne sie haben die Gebiete keine Schlüssel und Namen. Bitte wählen Sie .shp und .dbf gemeinsam aus.`);
	let encoding = dbfEncoding;
	if (!encoding && cpg) {
		const label = new TextDecoder().decode(cpg.bytes).trim().toLowerCase();
		encoding = CPG[label] ?? CPG[label.replace(/[^a-z0-9]/g, '')];
		notes.push(encoding ? `Zeichenkodierung der Attributtabelle laut .cpg: ${encoding}.` : `Unbekannte Kodierung „${label}“ in der .cpg-Datei; es wird Windows-1252 angenommen.`);
	}
	if (!encoding) {
		encoding = 'windows-1252';
		if (!cpg) notes.push('Keine .cpg-Datei: Die Attributtabelle wird als Windows-1252 gelesen (Standard bei Shapefiles). Stimmen die Umlaute nicht, wählen Sie UTF-8.');
	}
	let fc: GeoJSON.FeatureCollection;
	try {
		fc = await readShapefile(shp.bytes, dbf.bytes, { encoding: encoding === 'windows-1252' ? 'windows-1252' : encoding });
	} catch (e) {
		throw new GeometryReadError(`${shp.name}: Das Shapefile ist beschädigt oder unvollständig. Bitte exportieren Sie es erneut aus dem GIS. (Technische Meldung: ${(e as Error).message})`);
	}
	let crs: CrsCode | null = null;
	if (prj) {
		crs = crsFromWkt(new TextDecoder().decode(prj.bytes));
		if (!crs) notes.push('Das Koordinatensystem in der .prj-Datei ist unbekannt; bitte wählen Sie es aus.');
	} else notes.push('Keine .prj-Datei: Das Koordinatensystem wurde aus den Koordinaten geschätzt; bitte prüfen Sie es.');
	const s = source(shp.name, fc.features, crs);
	s.notes.push(...notes);
	return s;
}

function source(file: string, features: GeoJSON.Feature[], stated: CrsCode | null): GeometrySource {
	const fields: string[] = [];
	const raw = features.map((f) => {
		const properties = { ...(f?.properties ?? {}) } as Record<string, unknown>;
		for (const k of Object.keys(properties)) if (!fields.includes(k)) fields.push(k);
		return { properties, geometry: f?.geometry ?? null };
	});
	let crs: GeometrySource['crs'] = stated ? { code: stated, from: 'file', sure: true } : null;
	if (!crs) {
		const p = firstPosition(raw.map((r) => r.geometry));
		const g = p ? guessCrs(p[0], p[1]) : null;
		if (g) crs = { code: g.code, from: 'guess', sure: g.sure };
	}
	return { file, features: raw, fields, crs, notes: [] };
}

function firstPosition(geometries: unknown[]): number[] | null {
	for (const g of geometries) {
		let c = (g as { coordinates?: unknown } | null)?.coordinates;
		while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
		if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number' && Number.isFinite(c[0])) return c as number[];
	}
	return null;
}
