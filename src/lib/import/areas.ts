/**
 * Geometry source → package areas, in two steps so the map can be mended in between:
 * `readFeatures` takes key, name and parent from the chosen attributes and applies the level's key
 * rule; `buildAreas` checks each geometry, reprojects it to WGS84, optionally simplifies, rounds and
 * rewinds it (RFC 7946). A broken feature is reported by file and feature and left out; names stay
 * plain text whatever they contain.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaProperties } from '../data/types';
import { crsLabel, type CrsCode } from './crs';
import { checkPlace, checkStructure, polygonsOf, rewind } from './geometry-check';
import type { GeometrySource } from './geo-read';
import { applyKeyRule, keyMatchForm, keyText, type KeyRule } from './keys';
import { ProblemList } from './problems';
import { transformPolygons, type PolygonCoords } from './reproject';

/** One feature of a map file as the import sees it, before its geometry is checked. */
export interface MapFeature {
	/** 1-based position in the file: messages say „Objekt 3“. */
	index: number;
	/** Key after the level's key rule (and after a confirmed rename). */
	key: string;
	name: string;
	/** Parent key from the parent attribute (after the parent level's key rule), "" when none. */
	parent: string;
	/** As in the file, in the file's CRS. */
	geometry: unknown;
}

export interface FeatureOptions {
	keyField: string;
	nameField: string;
	parentField?: string;
	keyRule: KeyRule;
	parentRule?: KeyRule;
}

export function readFeatures(src: GeometrySource, options: FeatureOptions, problems = new ProblemList()): MapFeature[] {
	const out: MapFeature[] = [];
	src.features.forEach((f, i) => {
		const key = applyKeyRule(keyText(f.properties[options.keyField]), options.keyRule);
		const name = String(f.properties[options.nameField] ?? '').trim();
		if (!key) {
			problems.error(src.file, `Das Attribut „${options.keyField}“ ist leer; jedes Gebiet braucht einen Schlüssel. Bitte ergänzen Sie ihn im GIS oder wählen Sie ein anderes Schlüsselattribut.`, { at: featureLabel({ index: i + 1, key: '', name }) });
			return;
		}
		const parent = options.parentField ? applyKeyRule(keyText(f.properties[options.parentField]), options.parentRule ?? { kind: 'keep' }) : '';
		out.push({ index: i + 1, key, name, parent, geometry: f.geometry });
	});
	return out;
}

/** „Objekt 3 („0102“ Altstadt)“: how every message names a feature. */
export function featureLabel(f: { index: number; key: string; name: string }): string {
	return `Objekt ${f.index}${f.key ? ` („${f.key}“${f.name ? ` ${f.name}` : ''})` : ''}`;
}

export interface AreaOptions {
	crs: CrsCode;
	simplifyMetres?: number;
	levelId?: string;
}

export interface AreaFeature {
	type: 'Feature';
	properties: AreaProperties;
	geometry: Polygon | MultiPolygon;
}

export interface BuiltAreas {
	areas: AreaFeature[];
	/**
	 * Areas left out for broken geometry: their table rows are known to belong to an area, so they
	 * must not be reported a second time as "key not on the map".
	 */
	rejected: { key: string; name: string }[];
	/** Feature index per built area key (for messages and repairs). */
	index: Map<string, number>;
}

/**
 * Check, reproject and round every feature. A key that occurs twice is built once (the first
 * feature): the duplicate is reported and resolved before (duplicates.ts, mend.ts).
 */
export function buildAreas(file: string, features: readonly MapFeature[], options: AreaOptions, problems = new ProblemList()): BuiltAreas {
	const level = options.levelId ?? 'sozialraum';
	const out: AreaFeature[] = [];
	const rejected: { key: string; name: string }[] = [];
	const index = new Map<string, number>();
	const misplaced: [string, { at: string }][] = [];
	const reject = (message: string, at: { at: string }, f: MapFeature, place = false) => {
		if (place) misplaced.push([message, at]);
		else problems.error(file, message, at);
		rejected.push({ key: f.key, name: f.name });
	};
	for (const f of features) {
		if (index.has(f.key) || rejected.some((r) => r.key === f.key)) continue;
		const at = { at: featureLabel(f) };
		if (!f.name) problems.warning(file, 'Das Gebiet hat keinen Namen; als Name wird der Schlüssel angezeigt.', at);
		const parsed = polygonsOf(f.geometry);
		if ('error' in parsed) {
			reject(parsed.error, at, f);
			continue;
		}
		const broken = checkStructure(parsed.polygons);
		if (broken) {
			reject(broken, at, f);
			continue;
		}
		const wgs = transformPolygons(parsed.polygons, { from: options.crs, simplifyMetres: options.simplifyMetres });
		const outside = checkPlace(wgs, crsLabel(options.crs));
		if (outside) {
			reject(outside, at, f, true);
			continue;
		}
		index.set(f.key, f.index);
		out.push(areaFeature(f.key, f.name || f.key, level, f.parent, rewind(wgs)));
	}
	// every area off the map: one CRS mistake, so one message instead of one per area
	if (misplaced.length > 1 && out.length === 0) problems.error(file, `Alle ${misplaced.length} Gebiete betroffen, z. B. ${misplaced[0][1].at}: ${misplaced[0][0]}`);
	else for (const [message, at] of misplaced) problems.error(file, message, at);
	return { areas: out, rejected, index };
}

export function areaFeature(key: string, name: string, level: string, parent: string, polygons: PolygonCoords): AreaFeature {
	return {
		type: 'Feature',
		properties: { key, name, level, parent },
		geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons }
	};
}

export const polygonsOfArea = (a: AreaFeature): PolygonCoords => (a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates);

const KEY_FIELD = /schl(ü|ue)ssel|kenn|^(sr|sb|bez|stb|stt|plr|gebiet|area)?_?(nr|id|no|key|code|num)$|nummer|^key$|^id$|^ags$|^code$/i;
const NAME_FIELD = /name|bezeichnung|bez$|^label$|sozialraum|stadtteil|bezirk|gebiet/i;

/** Attribute suggestions: key = a key-like name with unique values; name = a name-like text field. */
export function suggestAreaFields(src: GeometrySource): { keyField: string; nameField: string } {
	const values = (f: string) => src.features.map((x) => keyText(x.properties[f]));
	const unique = (f: string) => new Set(values(f)).size === src.features.length && values(f).every((v) => v !== '');
	const digits = (f: string) => values(f).every((v) => /^\d+$/.test(v));
	const keyField = src.fields.find((f) => KEY_FIELD.test(f) && unique(f)) ?? src.fields.find((f) => unique(f) && digits(f)) ?? src.fields[0] ?? '';
	const texty = (f: string) => src.features.some((x) => /[a-zäöüß]{3}/i.test(String(x.properties[f] ?? '')));
	const nameField = src.fields.find((f) => f !== keyField && NAME_FIELD.test(f) && texty(f)) ?? src.fields.find((f) => f !== keyField && texty(f)) ?? keyField;
	return { keyField, nameField };
}

/**
 * The attribute holding the parent's key: the first one (other than key and name) whose values are
 * keys of the parent level for at least 90 % of features — compared as keys are (leading zeros do
 * not count: an Ortsteil map may name its Gemeinde „1“ where the Gemeinde map writes „01“).
 */
export function suggestParentField(src: GeometrySource, exclude: string[], parentKeys: ReadonlySet<string>): string | undefined {
	if (parentKeys.size === 0 || src.features.length === 0) return undefined;
	const forms = new Set([...parentKeys].map(keyMatchForm));
	return src.fields.find((f) => {
		if (exclude.includes(f)) return false;
		const hits = src.features.filter((x) => forms.has(keyMatchForm(keyText(x.properties[f])))).length;
		return hits >= 0.9 * src.features.length;
	});
}
