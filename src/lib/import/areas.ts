/**
 * Geometry source → package areas: key and name taken from the chosen attributes, geometry checked,
 * reprojected to WGS84, optionally simplified, rounded and rewound (RFC 7946). A broken feature is
 * reported by file and feature and left out; names stay plain text whatever they contain.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaProperties } from '../data/types';
import { crsLabel, type CrsCode } from './crs';
import { checkPlace, checkStructure, polygonsOf, rewind } from './geometry-check';
import type { GeometrySource } from './geo-read';
import { keyText, padKey } from './keys';
import { ProblemList } from './problems';
import { transformPolygons } from './reproject';

export interface AreaOptions {
	keyField: string;
	nameField: string;
	crs: CrsCode;
	/** Pad digit-only keys to this width with leading zeros (0 = leave). */
	keyWidth?: number;
	simplifyMetres?: number;
	levelId?: string;
}

export interface AreaFeature {
	type: 'Feature';
	properties: AreaProperties;
	geometry: Polygon | MultiPolygon;
}

/**
 * `rejected` holds areas left out for broken geometry: their table rows are known to belong to
 * an area, so they must not be reported a second time as "key not on the map".
 */
export function buildAreas(src: GeometrySource, options: AreaOptions, problems = new ProblemList()): { areas: AreaFeature[]; rejected: { key: string; name: string }[] } {
	const level = options.levelId ?? 'sozialraum';
	const out: AreaFeature[] = [];
	const rejected: { key: string; name: string }[] = [];
	const misplaced: [string, { at: string }][] = [];
	const reject = (message: string, at: { at: string }, key: string, name: string, place = false) => {
		if (place) misplaced.push([message, at]);
		else problems.error(src.file, message, at);
		rejected.push({ key, name });
	};
	const seen = new Map<string, number>();
	src.features.forEach((f, i) => {
		const rawKey = keyText(f.properties[options.keyField]);
		const key = padKey(rawKey, options.keyWidth ?? 0);
		const name = String(f.properties[options.nameField] ?? '').trim();
		const at = { at: `Objekt ${i + 1}${key ? ` („${key}“${name ? ` ${name}` : ''})` : ''}` };
		if (!key) {
			problems.error(src.file, `Das Attribut „${options.keyField}“ ist leer; jedes Gebiet braucht einen Schlüssel. Bitte ergänzen Sie ihn im GIS oder wählen Sie ein anderes Schlüsselattribut.`, at);
			return;
		}
		const first = seen.get(key);
		if (first !== undefined) {
			problems.error(src.file, `Der Schlüssel „${key}“ kommt mehrfach vor (zuerst bei Objekt ${first}). Zwei Flächen mit demselben Schlüssel können nicht zugeordnet werden; bitte vereinigen Sie sie im GIS zu einer (Multi-)Fläche oder vergeben Sie eindeutige Schlüssel.`, at);
			return;
		}
		seen.set(key, i + 1);
		if (!name) problems.warning(src.file, `Das Attribut „${options.nameField}“ ist leer; als Name wird der Schlüssel angezeigt.`, at);
		const parsed = polygonsOf(f.geometry);
		if ('error' in parsed) return reject(parsed.error, at, key, name);
		const broken = checkStructure(parsed.polygons);
		if (broken) return reject(broken, at, key, name);
		const wgs = transformPolygons(parsed.polygons, { from: options.crs, simplifyMetres: options.simplifyMetres });
		const outside = checkPlace(wgs, crsLabel(options.crs));
		if (outside) return reject(outside, at, key, name, true);
		const polygons = rewind(wgs);
		out.push({
			type: 'Feature',
			properties: { key, name: name || key, level, parent: '' },
			geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons }
		});
	});
	// every area off the map: one CRS mistake, so one message instead of one per area
	if (misplaced.length > 1 && out.length === 0) problems.error(src.file, `Alle ${misplaced.length} Gebiete betroffen, z. B. ${misplaced[0][1].at}: ${misplaced[0][0]}`);
	else for (const [message, at] of misplaced) problems.error(src.file, message, at);
	return { areas: out, rejected };
}

const KEY_FIELD = /schl(ü|ue)ssel|kenn|^(sr|sb|bez|stb|gebiet|area)?_?(nr|id|no|key|code|num)$|nummer|^key$|^id$|^ags$|^code$/i;
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
