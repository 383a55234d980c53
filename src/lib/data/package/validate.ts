/**
 * Validate a data package at the boundary, so the rest of the app can trust the domain types.
 *
 * Every problem names file, row (CSV: header = 1, first data row = 2) and column in a German
 * sentence a statistics office can act on, e.g.
 *   observations.csv, Zeile 17, Spalte „year“: „20x4“ ist keine ganze Zahl.
 * Errors make the package unusable; warnings are shown but the package loads.
 *
 * Pure TS without Node APIs (browser import wizard and Node pipelines share it).
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type {
	AreaLevel,
	CrosswalkRow,
	Indicator,
	Observation,
	Offer,
	PackageDescriptor,
	PopulationRow,
	Target
} from '../types';
import { TABLE_SCHEMAS, quote, parseCsv, type ParsedTable, type TableName } from './csv';
import {
	REQUIRED_TABLES,
	TABLE_RESOURCES,
	type AreaFeatureCollection,
	type LoadedPackage,
	type PackageData,
	type Problem,
	type ProblemSeverity
} from './model';
import { validIn, versionDe, versionListProblems, versionsOf, type LevelVersion } from './versions';

const DESCRIPTOR = 'datapackage.json';
/** After this many problems in one file the rest is summarised: one bad export can have 100,000. */
const MAX_PROBLEMS_PER_FILE = 200;

interface Where {
	row?: number;
	column?: string;
	/** Locator outside CSV rows, e.g. "Feld „sozialraum.levels“" or "Objekt 3 („0102“)". */
	at?: string;
}

class Findings {
	readonly list: Problem[] = [];
	private readonly perFile = new Map<string, number>();

	add(severity: ProblemSeverity, file: string, message: string, where: Where = {}): void {
		const n = (this.perFile.get(file) ?? 0) + 1;
		this.perFile.set(file, n);
		if (n > MAX_PROBLEMS_PER_FILE) return;
		const parts = [file];
		if (where.row !== undefined) parts.push(`Zeile ${where.row}`);
		if (where.at) parts.push(where.at);
		if (where.column !== undefined) parts.push(`Spalte „${where.column}“`);
		const problem: Problem = { severity, file, message_de: `${parts.join(', ')}: ${message}` };
		if (where.row !== undefined) problem.row = where.row;
		if (where.column !== undefined) problem.column = where.column;
		this.list.push(problem);
	}
	error(file: string, message: string, where?: Where): void {
		this.add('error', file, message, where);
	}
	warning(file: string, message: string, where?: Where): void {
		this.add('warning', file, message, where);
	}
	/** Append "… N more" per file that hit the limit. */
	finish(): Problem[] {
		for (const [file, n] of this.perFile) {
			if (n <= MAX_PROBLEMS_PER_FILE) continue;
			const more = n - MAX_PROBLEMS_PER_FILE;
			this.list.push({
				severity: this.list.some((p) => p.file === file && p.severity === 'error') ? 'error' : 'warning',
				file,
				message_de: `${file}: ${more} weitere Probleme werden nicht einzeln aufgeführt.`
			});
		}
		return this.list;
	}
	get hasErrors(): boolean {
		return this.list.some((p) => p.severity === 'error');
	}
}

const isObject = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);
const isText = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';
const field = (path: string) => ({ at: `Feld „${path}“` });
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Structural checks of datapackage.json; returns the descriptor when it is usable at all. */
function checkDescriptor(raw: unknown, f: Findings, unreadable: boolean): PackageDescriptor | null {
	if (raw === undefined) {
		// An unreadable descriptor has already been reported with its parse error.
		if (!unreadable) f.error(DESCRIPTOR, 'Datei fehlt oder ist kein gültiges JSON.');
		return null;
	}
	if (!isObject(raw)) {
		f.error(DESCRIPTOR, 'Inhalt ist kein JSON-Objekt.');
		return null;
	}
	for (const key of ['name', 'title']) {
		if (!isText(raw[key])) f.error(DESCRIPTOR, 'Pflichtfeld fehlt oder ist leer.', field(key));
	}
	if (!isText(raw.created)) f.error(DESCRIPTOR, 'Pflichtfeld fehlt oder ist leer.', field('created'));
	else if (!ISO_TIMESTAMP.test(raw.created)) {
		f.warning(DESCRIPTOR, `${quote(raw.created)} ist kein ISO-Zeitstempel (z. B. 2026-06-30T12:00:00Z).`, field('created'));
	}
	for (const key of ['licenses', 'sources']) {
		if (!Array.isArray(raw[key])) f.error(DESCRIPTOR, 'Pflichtfeld fehlt oder ist keine Liste.', field(key));
	}
	let usable = true;
	if (!Array.isArray(raw.resources) || raw.resources.length === 0) {
		f.error(DESCRIPTOR, 'Pflichtfeld fehlt oder ist eine leere Liste.', field('resources'));
		usable = false;
	} else {
		raw.resources.forEach((r, i) => {
			const path = `resources[${i}]`;
			if (!isObject(r)) {
				f.error(DESCRIPTOR, 'Eintrag ist kein Objekt.', field(path));
				usable = false;
				return;
			}
			for (const key of ['name', 'path', 'format']) {
				if (!isText(r[key])) {
					f.error(DESCRIPTOR, 'Pflichtfeld fehlt oder ist leer.', field(`${path}.${key}`));
					usable = false;
				}
			}
		});
	}
	const meta = raw.sozialraum;
	if (!isObject(meta)) {
		f.error(DESCRIPTOR, 'Projektblock fehlt (Angaben zu Ebenen, Datenstand und Geheimhaltung).', field('sozialraum'));
		return null;
	}
	if (typeof meta.fictional !== 'boolean') {
		f.error(DESCRIPTOR, 'Muss true oder false sein.', field('sozialraum.fictional'));
	}
	if (!isText(meta.datenstand) || !ISO_DATE.test(meta.datenstand)) {
		f.error(DESCRIPTOR, 'Datenstand fehlt oder ist kein Datum der Form JJJJ-MM-TT.', field('sozialraum.datenstand'));
	}
	if (!isText(meta.territory_de)) f.error(DESCRIPTOR, 'Pflichtfeld fehlt oder ist leer.', field('sozialraum.territory_de'));
	if (!isText(meta.default_indicator)) {
		f.error(DESCRIPTOR, 'Pflichtfeld fehlt oder ist leer.', field('sozialraum.default_indicator'));
	}
	const d = meta.disclosure;
	if (!isObject(d)) f.error(DESCRIPTOR, 'Angaben zur Geheimhaltung fehlen.', field('sozialraum.disclosure'));
	else {
		for (const key of ['minNumerator', 'minDenominator']) {
			const v = d[key];
			if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
				f.error(DESCRIPTOR, 'Muss eine ganze Zahl ≥ 0 sein.', field(`sozialraum.disclosure.${key}`));
			}
		}
	}
	if (!Array.isArray(meta.levels) || meta.levels.length === 0) {
		f.error(DESCRIPTOR, 'Mindestens eine Gebietsebene ist nötig.', field('sozialraum.levels'));
		return null;
	}
	const ids = new Set<string>();
	meta.levels.forEach((level, i) => {
		const path = `sozialraum.levels[${i}]`;
		if (!isObject(level)) {
			f.error(DESCRIPTOR, 'Eintrag ist kein Objekt.', field(path));
			usable = false;
			return;
		}
		for (const key of ['id', 'label_de', 'path']) {
			if (!isText(level[key])) {
				f.error(DESCRIPTOR, 'Pflichtfeld fehlt oder ist leer.', field(`${path}.${key}`));
				usable = false;
			}
		}
		if (typeof level.label_en !== 'string') f.warning(DESCRIPTOR, 'Englische Bezeichnung fehlt.', field(`${path}.label_en`));
		for (const p of versionListProblems(level, path)) {
			f.error(DESCRIPTOR, p.message_de, field(p.field));
			usable = false;
		}
		if (typeof level.id === 'string') {
			if (ids.has(level.id)) f.error(DESCRIPTOR, `Ebene ${quote(level.id)} ist doppelt.`, field(path));
			ids.add(level.id);
		}
	});
	return usable ? (raw as unknown as PackageDescriptor) : null;
}

function checkFilesPresent(pkg: LoadedPackage, desc: PackageDescriptor, f: Findings): void {
	const present = (path: string) => path in pkg.csv || path in pkg.geojson || path in pkg.unreadable;
	for (const r of desc.resources) {
		if (!present(r.path)) {
			f.error(r.path, `Datei fehlt im Paket (in datapackage.json als Ressource ${quote(r.name)} aufgeführt).`);
		}
	}
	for (const level of desc.sozialraum.levels) {
		if (!desc.resources.some((r) => r.path === level.path) && !present(level.path)) {
			f.error(level.path, `Geometrie der Ebene ${quote(level.id)} fehlt im Paket.`);
		}
		for (const v of versionsOf(level)) {
			if (v.path === level.path || desc.resources.some((r) => r.path === v.path) || present(v.path)) continue;
			f.error(v.path, `Geometrie des Gebietsstands ${versionDe(v)} der Ebene ${quote(level.id)} fehlt im Paket.`);
		}
	}
	for (const name of TABLE_RESOURCES) {
		if (desc.resources.some((r) => r.name === name)) continue;
		if (REQUIRED_TABLES.includes(name)) f.error(DESCRIPTOR, `Ressource ${quote(name)} fehlt.`, field('resources'));
		else f.warning(DESCRIPTOR, `Ressource ${quote(name)} fehlt; dieser Teil bleibt leer.`, field('resources'));
	}
}

// ---------------------------------------------------------------- geometry

interface LevelAreas {
	level: AreaLevel;
	keys: Map<string, Feature<Polygon | MultiPolygon>>;
	/** Keys whose geometry is broken (reported once; no point-in-polygon tests against them). */
	broken: Set<string>;
	collection: AreaFeatureCollection;
}

/** Returns a German message for the first broken position, or null. */
function checkRings(rings: unknown): string | null {
	if (!Array.isArray(rings) || rings.length === 0) return 'Polygon ohne Ringe.';
	for (const ring of rings) {
		if (!Array.isArray(ring) || ring.length < 4) return 'Ring mit weniger als 4 Punkten.';
		for (const pos of ring) {
			if (!Array.isArray(pos) || pos.length < 2 || !pos.every((c) => typeof c === 'number' && Number.isFinite(c))) {
				return `Koordinate ${JSON.stringify(pos)} ist kein Zahlenpaar.`;
			}
			const [lon, lat] = pos as number[];
			if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
				return `Koordinate (${lon}, ${lat}) liegt außerhalb von WGS84 (Länge −180…180, Breite −90…90); ist die Datei z. B. in UTM (EPSG:25832)? Bitte nach WGS84 (EPSG:4326) umrechnen.`;
			}
		}
		const first = ring[0] as number[];
		const last = ring[ring.length - 1] as number[];
		if (first[0] !== last[0] || first[1] !== last[1]) return 'Ring ist nicht geschlossen (erster ≠ letzter Punkt).';
	}
	return null;
}

function checkLevel(level: AreaLevel, raw: unknown, f: Findings): LevelAreas | null {
	const file = level.path;
	if (!isObject(raw) || raw.type !== 'FeatureCollection' || !Array.isArray(raw.features)) {
		f.error(file, 'Keine GeoJSON-FeatureCollection.');
		return null;
	}
	const keys = new Map<string, Feature<Polygon | MultiPolygon>>();
	const broken = new Set<string>();
	raw.features.forEach((feature: unknown, i: number) => {
		const props = isObject(feature) && isObject(feature.properties) ? feature.properties : null;
		const label = typeof props?.key === 'string' ? ` (${quote(props.key)})` : '';
		const at = { at: `Objekt ${i + 1}${label}` };
		if (!isObject(feature) || feature.type !== 'Feature') {
			f.error(file, 'Ist kein GeoJSON-Feature.', at);
			return;
		}
		if (!props) {
			f.error(file, 'Eigenschaften (properties) fehlen.', at);
			return;
		}
		let ok = true;
		for (const key of ['key', 'name', 'level', 'parent']) {
			const v = props[key];
			if (typeof v === 'string') continue;
			const hint = typeof v === 'number' ? ` ist eine Zahl (${v}); Schlüssel müssen Text sein, damit führende Nullen erhalten bleiben.` : ' fehlt oder ist kein Text.';
			f.error(file, `Eigenschaft ${quote(key)}${hint}`, at);
		}
		if (typeof props.level === 'string' && props.level !== level.id) {
			f.error(file, `Eigenschaft „level“ ist ${quote(props.level)}, die Datei gehört aber zur Ebene ${quote(level.id)}.`, at);
		}
		const geom = feature.geometry;
		if (!isObject(geom) || (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon')) {
			f.error(file, 'Geometrie muss Polygon oder MultiPolygon sein.', at);
			ok = false;
		} else {
			const parts = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
			const bad = Array.isArray(parts) && parts.length > 0 ? parts.map(checkRings).find((m) => m !== null) : 'MultiPolygon ohne Polygone.';
			if (bad) {
				f.error(file, bad, at);
				ok = false;
			}
		}
		if (typeof props.key !== 'string') return;
		// A key with broken geometry still counts as known, so its data rows do not cascade errors.
		if (keys.has(props.key)) f.error(file, `Schlüssel ${quote(props.key)} kommt mehrfach vor.`, at);
		else keys.set(props.key, feature as unknown as Feature<Polygon | MultiPolygon>);
		if (!ok) broken.add(props.key);
	});
	return { level, keys, broken, collection: raw as unknown as AreaFeatureCollection };
}

/** Every version of a level with the areas read from its file (versions whose file is missing are left out). */
interface LevelHistory {
	level: AreaLevel;
	versions: { version: LevelVersion; areas: LevelAreas }[];
}

/** The areas of the version valid in a reporting year, if any. */
function areasIn(h: LevelHistory, year: number): LevelAreas | undefined {
	return h.versions.find((v) => validIn(v.version, year))?.areas;
}

/** Each version's parents are keys of the parent level's version valid in the same years. */
function checkParents(histories: LevelHistory[], f: Findings): void {
	histories.forEach((h, i) => {
		const parent = histories[i + 1];
		for (const { version, areas } of h.versions) {
			if (!parent) checkParentsOf(areas, undefined, f);
			else {
				const start = version.validFrom;
				const match = parent.versions.find((p) => (start === null ? p.version.validFrom === null || p === parent.versions[0] : validIn(p.version, start)));
				if (match) checkParentsOf(areas, match.areas, f);
			}
		}
	});
}

/** The same key must mean the same area in every version (a changed area gets a new key). */
function checkVersionKeys(h: LevelHistory, f: Findings): void {
	const first = new Map<string, { version: LevelVersion; geometry: string }>();
	for (const { version, areas } of h.versions) {
		for (const [key, feature] of areas.keys) {
			const geometry = JSON.stringify(feature.geometry);
			const seen = first.get(key);
			if (!seen) first.set(key, { version, geometry });
			else if (seen.geometry !== geometry) {
				f.error(version.path, `Schlüssel ${quote(key)} hat in den Gebietsständen ${versionDe(seen.version)} und ${versionDe(version)} verschiedene Geometrien; ein geändertes Gebiet braucht einen neuen Schlüssel.`, { at: `Gebiet ${quote(key)}` });
			}
		}
	}
}

function checkParentsOf(current: LevelAreas, parentLevel: LevelAreas | undefined, f: Findings): void {
	current.collection.features.forEach((feature, index) => {
		const { key, parent } = feature.properties ?? ({} as Record<string, unknown>);
		if (typeof key !== 'string' || typeof parent !== 'string') return;
		const at = { at: `Objekt ${index + 1} (${quote(key)})` };
		if (!parentLevel) {
			if (parent !== '') f.warning(current.level.path, `Oberste Ebene: „parent“ sollte leer sein, ist aber ${quote(parent)}.`, at);
		} else if (!parentLevel.keys.has(parent)) {
			f.error(current.level.path, `Übergeordnetes Gebiet ${quote(parent)} gibt es auf der Ebene ${quote(parentLevel.level.id)} nicht.`, at);
		}
	});
}

/** Even-odd ray casting in lon/lat: fine for city-sized polygons, independent of ring winding. */
function contains(feature: Feature<Polygon | MultiPolygon>, lon: number, lat: number): boolean {
	const g = feature.geometry;
	const polygons: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
	return polygons.some((rings) => {
		let inside = false;
		for (const ring of rings) {
			for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
				const [xi, yi] = ring[i];
				const [xj, yj] = ring[j];
				if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
			}
		}
		return inside;
	});
}

// ---------------------------------------------------------------- tables

function parseTable<T>(pkg: LoadedPackage, desc: PackageDescriptor, name: TableName, f: Findings) {
	const resource = desc.resources.find((r) => r.name === name);
	if (!resource || !(resource.path in pkg.csv)) return null;
	const parsed: ParsedTable<T> = parseCsv<T>(pkg.csv[resource.path], TABLE_SCHEMAS[name]);
	for (const issue of parsed.issues) {
		f.add(issue.severity, resource.path, issue.message_de, { row: issue.row, column: issue.column });
	}
	return { file: resource.path, table: parsed };
}

type Table<T> = { file: string; table: ParsedTable<T> } | null;

function checkIndicators(t: Table<Indicator>, f: Findings): Map<string, Indicator> {
	const byId = new Map<string, Indicator>();
	if (!t) return byId;
	t.table.rows.forEach((ind, i) => {
		const row = t.table.rowNumbers[i];
		if (byId.has(ind.id)) f.error(t.file, `Indikator ${quote(ind.id)} kommt mehrfach vor.`, { row, column: 'id' });
		else byId.set(ind.id, ind);
		if (!(ind.multiplier > 0)) f.error(t.file, 'Multiplikator muss größer als 0 sein.', { row, column: 'multiplier' });
		if (ind.decimals < 0 || ind.decimals > 6) f.error(t.file, 'Nachkommastellen müssen zwischen 0 und 6 liegen.', { row, column: 'decimals' });
		if (ind.value_type === 'count' && ind.multiplier !== 1) f.warning(t.file, 'Bei Anzahlen (count) sollte der Multiplikator 1 sein.', { row, column: 'multiplier' });
	});
	return byId;
}

/** Where a key lives, for messages like "gehört zur Ebene stadtbezirk". */
function levelOf(key: string, levels: LevelAreas[]): LevelAreas | undefined {
	return levels.find((l) => l.keys.has(key));
}

const fmtNumber = (x: number) => String(Math.round(x * 1e6) / 1e6);

/**
 * Why a key is not an area of the version valid in `year` (null when it is): it belongs to another
 * version (a table on the wrong Gebietsstand), or no version is valid then, or it is unknown.
 */
function versionMismatch(h: LevelHistory, key: string, year: number): string | null {
	const current = areasIn(h, year);
	if (current?.keys.has(key)) return null;
	const id = quote(h.level.id);
	if (!current) {
		const list = h.versions.map((v) => versionDe(v.version)).join(', ');
		return `Für das Jahr ${year} gilt kein Gebietsstand der Ebene ${id} (Gebietsstände: ${list}).`;
	}
	const other = h.versions.find((v) => v.areas.keys.has(key));
	const valid = h.versions.find((v) => v.areas === current)!.version;
	if (other) return `Gebiet ${quote(key)} gehört zum Gebietsstand ${versionDe(other.version)} der Ebene ${id}; für das Jahr ${year} gilt der Gebietsstand ${versionDe(valid)}.`;
	return null;
}

function checkObservations(t: Table<Observation>, indicators: Map<string, Indicator>, levels: LevelAreas[], finestHistory: LevelHistory | undefined, f: Findings): void {
	if (!t) return;
	const finest = levels[0];
	const versioned = finestHistory && finestHistory.versions.length > 1 ? finestHistory : undefined;
	const seen = new Map<string, number>();
	t.table.rows.forEach((o, i) => {
		const row = t.table.rowNumbers[i];
		const ind = indicators.get(o.indicator_id);
		if (!ind) f.error(t.file, `Indikator ${quote(o.indicator_id)} ist in indicators.csv nicht definiert.`, { row, column: 'indicator_id' });
		// With boundary versions the key must belong to the finest level's version valid in that year.
		const inVersion = versioned ? areasIn(versioned, o.year)?.keys.has(o.area_key) === true : false;
		const mismatch = versioned && !inVersion ? versionMismatch(versioned, o.area_key, o.year) : null;
		if (mismatch) f.error(t.file, mismatch, { row, column: 'area_key' });
		else if (finest && !inVersion && !finest.keys.has(o.area_key)) {
			const other = levelOf(o.area_key, levels);
			const msg = other
				? `Gebiet ${quote(o.area_key)} gehört zur Ebene ${quote(other.level.id)}; Beobachtungen sind nur auf der feinsten Ebene ${quote(finest.level.id)} erlaubt.`
				: `Gebiet ${quote(o.area_key)} gibt es auf der Ebene ${quote(finest.level.id)} nicht.`;
			f.error(t.file, msg, { row, column: 'area_key' });
		}
		const id = `${o.area_key}\u0000${o.indicator_id}\u0000${o.year}`;
		const first = seen.get(id);
		if (first !== undefined) {
			f.error(t.file, `Gebiet ${quote(o.area_key)}, Indikator ${quote(o.indicator_id)}, Jahr ${o.year} kommt mehrfach vor (zuerst in Zeile ${first}).`, { row });
		} else seen.set(id, row);
		checkObservationValues(o, ind, t.file, row, f);
	});
}

function checkObservationValues(o: Observation, ind: Indicator | undefined, file: string, row: number, f: Findings): void {
	const { value, numerator: num, denominator: den } = o;
	if (num !== null && num < 0) f.error(file, `Zähler ${fmtNumber(num)} ist negativ.`, { row, column: 'numerator' });
	if (den !== null && den < 0) f.error(file, `Nenner ${fmtNumber(den)} ist negativ.`, { row, column: 'denominator' });
	if (value !== null && value < 0 && ind && ind.value_type !== 'count') {
		f.error(file, `Wert ${fmtNumber(value)} ist negativ.`, { row, column: 'value' });
	}
	if (o.flag === 'missing' && value !== null) f.warning(file, 'Kennzeichen „missing“, aber ein Wert ist angegeben.', { row, column: 'flag' });
	if (o.flag === '' && value === null && num === null && den === null) {
		f.warning(file, 'Kein Wert und kein Kennzeichen; bei fehlenden Daten bitte „missing“ angeben.', { row, column: 'flag' });
	}
	if (!ind) return;
	if (ind.value_type === 'proportion' && num !== null && den !== null && num > den) {
		f.error(file, `Zähler ${fmtNumber(num)} ist größer als der Nenner ${fmtNumber(den)}; bei einem Anteil (proportion) unmöglich.`, { row, column: 'numerator' });
	}
	// An invalid multiplier is reported on indicators.csv; do not repeat it on every observation.
	if (value === null || num === null || !(ind.multiplier > 0)) return;
	let expected: number;
	let formula: string;
	if (ind.value_type === 'count') {
		expected = num;
		formula = `Zähler ${fmtNumber(num)}`;
	} else {
		if (den === null) return;
		if (den === 0) {
			f.error(file, `Wert ${fmtNumber(value)} bei Nenner 0; der Wert muss leer bleiben.`, { row, column: 'value' });
			return;
		}
		expected = (num / den) * ind.multiplier;
		formula = `${fmtNumber(num)} / ${fmtNumber(den)} × ${fmtNumber(ind.multiplier)} = ${fmtNumber(expected)}`;
	}
	const tolerance = 0.5 * 10 ** -ind.decimals;
	if (Math.abs(value - expected) > tolerance) {
		f.error(file, `Wert ${fmtNumber(value)} passt nicht zu Zähler und Nenner (${formula}).`, { row, column: 'value' });
	}
}

function checkPopulation(t: Table<PopulationRow>, levels: LevelAreas[], histories: LevelHistory[], f: Findings): void {
	if (!t) return;
	const seen = new Map<string, number>();
	// A key of a level with boundary versions must belong to the version valid in that year.
	const known = (key: string, year: number) =>
		histories.some((h) => (h.versions.length > 1 ? areasIn(h, year) : h.versions[0]?.areas)?.keys.has(key));
	t.table.rows.forEach((p, i) => {
		const row = t.table.rowNumbers[i];
		if (levels.length > 0 && !known(p.area_key, p.year)) {
			const mismatch = histories.map((h) => (h.versions.length > 1 ? versionMismatch(h, p.area_key, p.year) : null)).find((m) => m !== null);
			f.error(t.file, mismatch ?? `Gebiet ${quote(p.area_key)} ist in keiner Gebietsebene enthalten.`, { row, column: 'area_key' });
		}
		if (p.persons !== null && p.persons < 0) f.error(t.file, `Personenzahl ${p.persons} ist negativ.`, { row, column: 'persons' });
		const id = `${p.area_key}\u0000${p.year}\u0000${p.age_group}`;
		const first = seen.get(id);
		if (first !== undefined) {
			f.error(t.file, `Gebiet ${quote(p.area_key)}, Jahr ${p.year}, Altersgruppe ${quote(p.age_group)} kommt mehrfach vor (zuerst in Zeile ${first}).`, { row });
		} else seen.set(id, row);
	});
}

function checkOffers(t: Table<Offer>, levels: LevelAreas[], f: Findings): void {
	if (!t) return;
	const finest = levels[0];
	const ids = new Set<string>();
	t.table.rows.forEach((o, i) => {
		const row = t.table.rowNumbers[i];
		if (ids.has(o.id)) f.error(t.file, `Angebot ${quote(o.id)} kommt mehrfach vor.`, { row, column: 'id' });
		ids.add(o.id);
		if (o.places !== null && o.places < 0) f.error(t.file, `Platzzahl ${o.places} ist negativ.`, { row, column: 'places' });
		const coordsOk = o.lon >= -180 && o.lon <= 180 && o.lat >= -90 && o.lat <= 90;
		if (!coordsOk) f.error(t.file, `Koordinate (${o.lon}, ${o.lat}) liegt außerhalb von WGS84.`, { row, column: o.lon >= -180 && o.lon <= 180 ? 'lat' : 'lon' });
		const area = finest?.keys.get(o.area_key);
		if (finest && !area) {
			f.error(t.file, `Gebiet ${quote(o.area_key)} gibt es auf der Ebene ${quote(finest.level.id)} nicht.`, { row, column: 'area_key' });
		} else if (area && coordsOk && !finest.broken.has(o.area_key) && !contains(area, o.lon, o.lat)) {
			const name = (area.properties as { name?: string } | null)?.name ?? '';
			f.warning(t.file, `Standort (${o.lon}, ${o.lat}) liegt nicht im Gebiet ${quote(o.area_key)}${name ? ` (${name})` : ''}.`, { row, column: 'area_key' });
		}
	});
}

function checkTargets(t: Table<Target>, indicators: Map<string, Indicator>, levels: LevelAreas[], f: Findings): void {
	if (!t) return;
	const ids = new Set<string>();
	// "stadtbezirk" means the level of that id, or else the middle level of a three-level package.
	const scopeLevel = (scope: string) =>
		scope === 'sozialraum'
			? levels[0]
			: (levels.find((l) => l.level.id === scope) ?? (scope === 'stadtbezirk' && levels.length > 2 ? levels[1] : undefined));
	t.table.rows.forEach((z, i) => {
		const row = t.table.rowNumbers[i];
		if (ids.has(z.id)) f.error(t.file, `Feinziel ${quote(z.id)} kommt mehrfach vor.`, { row, column: 'id' });
		ids.add(z.id);
		if (!indicators.has(z.indicator_id)) {
			f.error(t.file, `Indikator ${quote(z.indicator_id)} ist in indicators.csv nicht definiert.`, { row, column: 'indicator_id' });
		}
		if (z.target_year < z.baseline_year) {
			f.error(t.file, `Zieljahr ${z.target_year} liegt vor dem Ausgangsjahr ${z.baseline_year}.`, { row, column: 'target_year' });
		}
		if (levels.length === 0) return;
		if (z.scope_type === 'city') {
			if (z.scope_keys.length > 0) f.warning(t.file, 'Bei Bezug „city“ werden Gebietsschlüssel ignoriert.', { row, column: 'scope_keys' });
			return;
		}
		if (z.scope_keys.length === 0) {
			f.error(t.file, `Bei Bezug ${quote(z.scope_type)} ist mindestens ein Gebietsschlüssel nötig.`, { row, column: 'scope_keys' });
			return;
		}
		const level = scopeLevel(z.scope_type);
		if (!level) {
			const allowed = ['city', ...levels.map((l) => l.level.id)].join(', ');
			f.error(t.file, `Das Paket hat keine Ebene ${quote(z.scope_type)} (erlaubt: ${allowed}).`, { row, column: 'scope_type' });
			return;
		}
		for (const key of z.scope_keys) {
			if (!level.keys.has(key)) {
				f.error(t.file, `Gebiet ${quote(key)} gibt es auf der Ebene ${quote(level.level.id)} nicht.`, { row, column: 'scope_keys' });
			}
		}
	});
}

/** Weights of one old area (per method and pair of versions) must sum to 1 within this. */
const WEIGHT_SUM_TOLERANCE = 0.001;

function checkCrosswalk(t: Table<CrosswalkRow>, histories: LevelHistory[], f: Findings): void {
	if (!t) return;
	const groups = new Map<string, { row: number; sum: number; from: string }>();
	const pairs = new Map<string, number>();
	const covered = new Set<string>();
	t.table.rows.forEach((c, i) => {
		const row = t.table.rowNumbers[i];
		const h = histories.find((x) => x.level.id === c.level);
		if (!h) return f.error(t.file, `Das Paket hat keine Ebene ${quote(c.level)}.`, { row, column: 'level' });
		const version = (id: string, column: string) => {
			const v = h.versions.find((x) => x.version.id === id);
			if (!v) f.error(t.file, `Die Ebene ${quote(c.level)} hat keinen Gebietsstand ${quote(id)}.`, { row, column });
			return v;
		};
		const from = version(c.from_version, 'from_version');
		const to = version(c.to_version, 'to_version');
		if (from && !from.areas.keys.has(c.from_key)) f.error(t.file, `Gebiet ${quote(c.from_key)} gibt es im Gebietsstand ${versionDe(from.version)} nicht.`, { row, column: 'from_key' });
		if (to && !to.areas.keys.has(c.to_key)) f.error(t.file, `Gebiet ${quote(c.to_key)} gibt es im Gebietsstand ${versionDe(to.version)} nicht.`, { row, column: 'to_key' });
		if (!(c.weight > 0 && c.weight <= 1)) f.error(t.file, `Gewicht ${fmtNumber(c.weight)} liegt nicht zwischen 0 (ausgeschlossen) und 1.`, { row, column: 'weight' });
		const pair = [c.level, c.from_version, c.from_key, c.to_version, c.to_key, c.method].join('\u0000');
		const first = pairs.get(pair);
		if (first !== undefined) f.error(t.file, `Paar ${quote(c.from_key)} → ${quote(c.to_key)} (${c.method}) kommt mehrfach vor (zuerst in Zeile ${first}).`, { row });
		else pairs.set(pair, row);
		if (!from || !to) return; // the unknown version is the message; a sum over it would be noise
		const key = [c.level, c.from_version, c.from_key, c.to_version, c.method].join('\u0000');
		const g = groups.get(key) ?? { row, sum: 0, from: c.from_key };
		g.sum += c.weight;
		groups.set(key, g);
		covered.add([c.level, c.from_version, c.from_key, c.to_version].join('\u0000'));
	});
	for (const g of groups.values()) {
		if (Math.abs(g.sum - 1) > WEIGHT_SUM_TOLERANCE) {
			f.error(t.file, `Die Gewichte von Gebiet ${quote(g.from)} ergeben zusammen ${fmtNumber(g.sum)} statt 1 (erste Zeile dieses Gebiets).`, { row: g.row, column: 'weight' });
		}
	}
	// An old area that is gone from the next version and has no row cannot be converted.
	for (const h of histories) {
		for (let i = 0; i + 1 < h.versions.length; i++) {
			const [older, newer] = [h.versions[i], h.versions[i + 1]];
			for (const key of older.areas.keys.keys()) {
				if (newer.areas.keys.has(key) || covered.has([h.level.id, older.version.id, key, newer.version.id].join('\u0000'))) continue;
				f.warning(t.file, `Gebiet ${quote(key)} des Gebietsstands ${versionDe(older.version)} fehlt in ${versionDe(newer.version)} und hat keine Zeile: seine Zahlen lassen sich nicht umrechnen.`, { at: `Ebene ${quote(h.level.id)}` });
			}
		}
	}
}

// ---------------------------------------------------------------- entry points

/** Check everything and, when there is no error, return the typed package. */
export function readPackage(pkg: LoadedPackage): { data: PackageData | null; problems: Problem[] } {
	const f = new Findings();
	for (const [path, reason] of Object.entries(pkg.unreadable)) f.error(path, reason);
	const desc = checkDescriptor(pkg.descriptor, f, DESCRIPTOR in pkg.unreadable);
	if (!desc) return { data: null, problems: f.finish() };
	checkFilesPresent(pkg, desc, f);

	// Each geometry file is checked once, also when a level's path is one of its versions' paths.
	const checkedFiles = new Map<string, LevelAreas | null>();
	const areasOf = (level: AreaLevel, path: string): LevelAreas | null => {
		if (!checkedFiles.has(path)) checkedFiles.set(path, path in pkg.geojson ? checkLevel({ ...level, path }, pkg.geojson[path], f) : null);
		return checkedFiles.get(path)!;
	};
	const levels: LevelAreas[] = [];
	const histories: LevelHistory[] = [];
	for (const level of desc.sozialraum.levels) {
		const checked = areasOf(level, level.path);
		if (checked) levels.push(checked);
		const versions = versionsOf(level).flatMap((version) => {
			const areas = areasOf(level, version.path);
			return areas ? [{ version, areas }] : [];
		});
		histories.push({ level, versions });
	}
	// Parent checks need every level; skip them when one is missing so one gap is one message.
	const allVersions = histories.every((h) => h.versions.length === versionsOf(h.level).length);
	if (levels.length === desc.sozialraum.levels.length && allVersions) checkParents(histories, f);
	for (const h of histories) checkVersionKeys(h, f);

	const indicatorTable = parseTable<Indicator>(pkg, desc, 'indicators', f);
	const observationTable = parseTable<Observation>(pkg, desc, 'observations', f);
	const populationTable = parseTable<PopulationRow>(pkg, desc, 'population', f);
	const offerTable = parseTable<Offer>(pkg, desc, 'offers', f);
	const targetTable = parseTable<Target>(pkg, desc, 'targets', f);
	const crosswalkTable = parseTable<CrosswalkRow>(pkg, desc, 'crosswalk', f);

	const indicators = checkIndicators(indicatorTable, f);
	const def = desc.sozialraum.default_indicator;
	if (indicatorTable && isText(def) && !indicators.has(def)) {
		f.error(DESCRIPTOR, `Standardindikator ${quote(def)} ist in indicators.csv nicht definiert.`, field('sozialraum.default_indicator'));
	}
	const finestComplete = levels[0]?.level.id === desc.sozialraum.levels[0].id;
	const areaLevels = finestComplete ? levels : [];
	checkObservations(observationTable, indicators, areaLevels, finestComplete ? histories[0] : undefined, f);
	checkPopulation(populationTable, areaLevels, histories, f);
	checkOffers(offerTable, areaLevels, f);
	checkTargets(targetTable, indicators, areaLevels, f);
	if (allVersions) checkCrosswalk(crosswalkTable, histories, f);

	const problems = f.finish();
	if (f.hasErrors) return { data: null, problems };
	const areas: Record<string, AreaFeatureCollection> = {};
	for (const l of levels) areas[l.level.id] = l.collection;
	const versions: Record<string, Record<string, AreaFeatureCollection>> = {};
	for (const h of histories) {
		const listed = h.versions.filter((v) => v.version.id !== null);
		if (listed.length) versions[h.level.id] = Object.fromEntries(listed.map((v) => [v.version.id!, v.areas.collection]));
	}
	return {
		data: {
			descriptor: desc,
			areas,
			indicators: indicatorTable?.table.rows ?? [],
			observations: observationTable?.table.rows ?? [],
			population: populationTable?.table.rows ?? [],
			offers: offerTable?.table.rows ?? [],
			targets: targetTable?.table.rows ?? [],
			versions,
			crosswalk: crosswalkTable?.table.rows ?? []
		},
		problems
	};
}

/** All problems of a package (errors and warnings), in file order of discovery. */
export function validatePackage(pkg: LoadedPackage): Problem[] {
	return readPackage(pkg).problems;
}
