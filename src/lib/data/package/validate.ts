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
import type {
	AreaLevel,
	AreaVersion,
	CrosswalkRow,
	Indicator,
	Measure,
	Network,
	NetworkMeeting,
	NetworkMember,
	Observation,
	Offer,
	PackageDescriptor,
	PopulationRow,
	Target
} from '../types';
import { TABLE_SCHEMAS, quote, parseCsv, type ParsedTable, type TableName } from './csv';
import { looksLikePersonName } from './institution';
import { levelFiles, scopeLevelIndex, validFrom, validTo } from '../levels';
import {
	REQUIRED_TABLES,
	TABLE_RESOURCES,
	type AreaFeatureCollection,
	type LoadedPackage,
	type PackageData,
	type Problem
} from './model';
import { Findings, field, isObject, isText } from './findings';
import { AreaIndex, checkAreas, contains } from './validate-areas';
import { checkCrosswalk } from './validate-crosswalk';

const DESCRIPTOR = 'datapackage.json';
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
	if (meta.levels.length > MAX_LEVELS) {
		f.error(DESCRIPTOR, `Höchstens ${MAX_LEVELS} Gebietsebenen sind möglich (feinste zuerst, z. B. Baublock, Sozialraum, Stadtbezirk, Stadt); angegeben sind ${meta.levels.length}.`, field('sozialraum.levels'));
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
		for (const key of ['label_plural_de', 'label_plural_en']) {
			if (level[key] !== undefined && !isText(level[key])) f.error(DESCRIPTOR, 'Muss ein nicht leerer Text sein oder fehlen.', field(`${path}.${key}`));
		}
		if (typeof level.id === 'string') {
			if (ids.has(level.id)) f.error(DESCRIPTOR, `Ebene ${quote(level.id)} ist doppelt.`, field(path));
			else if (!LEVEL_ID.test(level.id)) {
				f.error(DESCRIPTOR, `Kennung ${quote(level.id)} ist ungültig: Sie muss mit einem Kleinbuchstaben beginnen und darf nur a–z, 0–9 und _ enthalten (z. B. „ortsteil“).`, field(`${path}.id`));
			} else if (level.id === 'city') {
				f.error(DESCRIPTOR, 'Die Kennung „city“ ist für die Gesamtstadt bei Feinzielen reserviert; bitte eine andere wählen (z. B. „stadt“).', field(`${path}.id`));
			}
			ids.add(level.id);
		}
		if (level.versions !== undefined && !checkVersions(level, path, f)) usable = false;
	});
		return usable ? (raw as unknown as PackageDescriptor) : null;
}

const MAX_LEVELS = 4;
const LEVEL_ID = /^[a-z][a-z0-9_]*$/;

/**
 * Boundary versions of one level (docs/levels-and-versions.md): oldest first, validity by
 * reporting year, no overlap and no gap, the level's own path is the newest version's file.
 * Returns false when the list is too broken to read the level's geometry.
 */
function checkVersions(level: Record<string, unknown>, path: string, f: Findings): boolean {
	const versions = level.versions;
	if (!Array.isArray(versions) || versions.length === 0) {
		f.error(DESCRIPTOR, 'Muss eine Liste von Gebietsständen sein (oder fehlen).', field(`${path}.versions`));
		return false;
	}
	let ok = true;
	const ids = new Set<string>();
	const isYear = (x: unknown) => x === null || (typeof x === 'number' && Number.isInteger(x) && x >= 1000 && x <= 9998);
	versions.forEach((v, i) => {
		const at = `${path}.versions[${i}]`;
		if (!isObject(v)) {
			f.error(DESCRIPTOR, 'Eintrag ist kein Objekt.', field(at));
			ok = false;
			return;
		}
		for (const key of ['id', 'label_de', 'path']) {
			if (!isText(v[key])) {
				f.error(DESCRIPTOR, 'Pflichtfeld fehlt oder ist leer.', field(`${at}.${key}`));
				ok = false;
			}
		}
		if (typeof v.label_en !== 'string') f.warning(DESCRIPTOR, 'Englische Bezeichnung fehlt.', field(`${at}.label_en`));
		for (const key of ['valid_from', 'valid_to']) {
			if (!isYear(v[key])) {
				f.error(DESCRIPTOR, `Muss ein Jahr (ganze Zahl) oder null sein, ist aber ${JSON.stringify(v[key] ?? 'leer')}.`, field(`${at}.${key}`));
				ok = false;
			}
		}
		if (typeof v.id === 'string') {
			if (ids.has(v.id)) f.error(DESCRIPTOR, `Gebietsstand ${quote(v.id)} ist doppelt.`, field(at));
			ids.add(v.id);
		}
	});
	if (!ok) return false;
	const list = versions as AreaVersion[];
	list.forEach((v, i) => {
		const at = field(`${path}.versions[${i}]`);
		if (validFrom(v) > validTo(v)) f.error(DESCRIPTOR, `Gebietsstand ${quote(v.id)}: „valid_from“ ${v.valid_from} liegt nach „valid_to“ ${v.valid_to}.`, at);
		if (i === 0) return;
		const prev = list[i - 1];
		if (prev.valid_to === null || validFrom(v) <= validTo(prev)) {
			f.error(DESCRIPTOR, `Gebietsstände ${quote(prev.id)} und ${quote(v.id)} überschneiden sich (Gültigkeit bis ${prev.valid_to ?? 'offen'} und ab ${v.valid_from ?? 'immer'}); bitte älteste zuerst und ohne Überschneidung angeben.`, at);
		} else if (validFrom(v) !== validTo(prev) + 1) {
			f.error(DESCRIPTOR, `Zwischen Gebietsstand ${quote(prev.id)} (bis ${prev.valid_to}) und ${quote(v.id)} (ab ${v.valid_from}) fehlen Jahre; jedes Berichtsjahr braucht genau einen Gebietsstand.`, at);
		}
	});
	const newest = list[list.length - 1];
	if (level.path !== newest.path) {
		f.error(DESCRIPTOR, `Der Pfad der Ebene (${quote(String(level.path))}) muss die Datei des neuesten Gebietsstands ${quote(newest.id)} sein (${quote(newest.path)}).`, field(`${path}.path`));
	}
	return true;
}

function checkFilesPresent(pkg: LoadedPackage, desc: PackageDescriptor, f: Findings): void {
	const present = (path: string) => path in pkg.csv || path in pkg.geojson || path in pkg.unreadable;
	for (const r of desc.resources) {
		if (!present(r.path)) {
			f.error(r.path, `Datei fehlt im Paket (in datapackage.json als Ressource ${quote(r.name)} aufgeführt).`);
		}
	}
	for (const level of desc.sozialraum.levels) {
		for (const path of levelFiles(level)) {
			if (!desc.resources.some((r) => r.path === path) && !present(path)) {
				const version = level.versions?.find((v) => v.path === path && path !== level.path);
				f.error(path, `Geometrie der Ebene ${quote(level.id)}${version ? `, Gebietsstand ${quote(version.id)},` : ''} fehlt im Paket.`);
			}
		}
	}
	for (const name of TABLE_RESOURCES) {
		if (desc.resources.some((r) => r.name === name)) continue;
		if (REQUIRED_TABLES.includes(name)) f.error(DESCRIPTOR, `Ressource ${quote(name)} fehlt.`, field('resources'));
		else f.warning(DESCRIPTOR, `Ressource ${quote(name)} fehlt; dieser Teil bleibt leer.`, field('resources'));
	}
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

const fmtNumber = (x: number) => String(Math.round(x * 1e6) / 1e6);

function checkObservations(t: Table<Observation>, indicators: Map<string, Indicator>, areas: AreaIndex, f: Findings): void {
	if (!t) return;
	const finest = areas.finest;
	const onlyFinest = finest ? `Beobachtungen sind nur auf der feinsten Ebene ${quote(finest.level.id)} erlaubt.` : '';
	const seen = new Map<string, number>();
	t.table.rows.forEach((o, i) => {
		const row = t.table.rowNumbers[i];
		const ind = indicators.get(o.indicator_id);
		if (!ind) f.error(t.file, `Indikator ${quote(o.indicator_id)} ist in indicators.csv nicht definiert.`, { row, column: 'indicator_id' });
		// keyed to the finest level's version valid in that year (2016 uses the 2014 keys)
		const why = finest ? areas.whyNot(finest, o.area_key, o.year, onlyFinest) : null;
		if (why) f.error(t.file, why, { row, column: 'area_key' });
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
	// A warning, not an error: real deliveries have it (children counted at the Kita's address, not
	// at home), and a planner must be able to load the package and see the cell in the
	// data-quality report (/datenqualitaet/) instead of being locked out of all the other numbers.
	if (ind.value_type === 'proportion' && num !== null && den !== null && num > den) {
		f.warning(file, `Zähler ${fmtNumber(num)} ist größer als der Nenner ${fmtNumber(den)}; bei einem Anteil (proportion) eigentlich unmöglich. Der Wert wird geladen und im Datenqualitätsbericht aufgeführt.`, { row, column: 'numerator' });
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

function checkPopulation(t: Table<PopulationRow>, areas: AreaIndex, f: Findings): void {
	if (!t) return;
	const seen = new Map<string, number>();
	t.table.rows.forEach((p, i) => {
		const row = t.table.rowNumbers[i];
		const level = areas.levelOf(p.area_key);
		if (areas.finest && !level) {
			f.error(t.file, `Gebiet ${quote(p.area_key)} ist in keiner Gebietsebene enthalten.`, { row, column: 'area_key' });
		} else if (areas.finest && level) {
			// any level, but the version valid in that year
			const why = areas.whyNot(level, p.area_key, p.year, '');
			if (why) f.error(t.file, why, { row, column: 'area_key' });
		}
		if (p.persons !== null && p.persons < 0) f.error(t.file, `Personenzahl ${p.persons} ist negativ.`, { row, column: 'persons' });
		const id = `${p.area_key}\u0000${p.year}\u0000${p.age_group}`;
		const first = seen.get(id);
		if (first !== undefined) {
			f.error(t.file, `Gebiet ${quote(p.area_key)}, Jahr ${p.year}, Altersgruppe ${quote(p.age_group)} kommt mehrfach vor (zuerst in Zeile ${first}).`, { row });
		} else seen.set(id, row);
	});
}

function checkOffers(t: Table<Offer>, areas: AreaIndex, f: Findings): void {
	if (!t) return;
	const finest = areas.finest;
	const ids = new Set<string>();
	t.table.rows.forEach((o, i) => {
		const row = t.table.rowNumbers[i];
		if (ids.has(o.id)) f.error(t.file, `Angebot ${quote(o.id)} kommt mehrfach vor.`, { row, column: 'id' });
		ids.add(o.id);
		if (o.places !== null && o.places < 0) f.error(t.file, `Platzzahl ${o.places} ist negativ.`, { row, column: 'places' });
		if (o.valid_from && o.valid_to && o.valid_to < o.valid_from) {
			f.error(t.file, `Letzter Tag ${o.valid_to} liegt vor dem ersten Tag ${o.valid_from}.`, { row, column: 'valid_to' });
		}
		const coordsOk = o.lon >= -180 && o.lon <= 180 && o.lat >= -90 && o.lat <= 90;
		if (!coordsOk) f.error(t.file, `Koordinate (${o.lon}, ${o.lat}) liegt außerhalb von WGS84.`, { row, column: o.lon >= -180 && o.lon <= 180 ? 'lat' : 'lon' });
		if (!finest) return;
		// offers have no year: a key of any version of the finest level, located in its newest boundary
		const area = areas.newestFeature(finest, o.area_key);
		if (!area) {
			const why = areas.whyNot(finest, o.area_key, null, `Angebote werden einem Gebiet der feinsten Ebene ${quote(finest.level.id)} zugeordnet.`);
			f.error(t.file, why ?? `Gebiet ${quote(o.area_key)} gibt es auf der Ebene ${quote(finest.level.id)} nicht.`, { row, column: 'area_key' });
		} else if (coordsOk && !area.broken && !contains(area.feature, o.lon, o.lat)) {
			const name = (area.feature.properties as { name?: string } | null)?.name ?? '';
			f.warning(t.file, `Standort (${o.lon}, ${o.lat}) liegt nicht im Gebiet ${quote(o.area_key)}${name ? ` (${name})` : ''}.`, { row, column: 'area_key' });
		}
	});
}

function checkTargets(t: Table<Target>, indicators: Map<string, Indicator>, areas: AreaIndex, f: Findings): void {
	if (!t) return;
	const ids = new Set<string>();
	const levelIds = areas.levels.map((l) => l.level.id);
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
		if (!areas.finest) return;
		if (z.scope_type === 'city') {
			if (z.scope_keys.length > 0) f.warning(t.file, 'Bei Bezug „city“ werden Gebietsschlüssel ignoriert.', { row, column: 'scope_keys' });
			return;
		}
		const index = scopeLevelIndex(z.scope_type, levelIds);
		if (index < 0) {
			f.error(t.file, `Das Paket hat keine Ebene ${quote(z.scope_type)}; möglich sind „city“ und ${levelIds.map(quote).join(', ')}.`, { row, column: 'scope_type' });
			return;
		}
		if (z.scope_keys.length === 0) {
			f.error(t.file, `Bei Bezug ${quote(z.scope_type)} ist mindestens ein Gebietsschlüssel nötig.`, { row, column: 'scope_keys' });
			return;
		}
		const level = areas.levels[index];
		for (const key of z.scope_keys) {
			if (areas.versionsWith(level, key).length === 0) {
				f.error(t.file, `Gebiet ${quote(key)} gibt es auf der Ebene ${quote(level.level.id)} nicht.`, { row, column: 'scope_keys' });
			}
		}
	});
}

function personWarning(file: string, text: string, row: number, column: string, f: Findings): void {
	if (looksLikePersonName(text)) {
		f.warning(file, `${quote(text)} sieht nach einem Personennamen aus; Netzwerke nennen nur Institutionen, keine Personen.`, { row, column });
	}
}

function checkNetworks(t: Table<Network>, areas: AreaIndex, f: Findings): Set<string> {
	const ids = new Set<string>();
	if (!t) return ids;
	t.table.rows.forEach((n, i) => {
		const row = t.table.rowNumbers[i];
		if (ids.has(n.id)) f.error(t.file, `Netzwerk ${quote(n.id)} kommt mehrfach vor.`, { row, column: 'id' });
		ids.add(n.id);
		personWarning(t.file, n.coordinator, row, 'coordinator', f);
		if (areas.levels.some((l) => !l.complete)) return; // a missing map was reported once already
		const level = areas.levelById(n.level);
		if (!level) {
			f.error(t.file, `Das Paket hat keine Ebene ${quote(n.level)} (vorhanden: ${areas.levels.map((l) => l.level.id).join(', ')}).`, { row, column: 'level' });
		} else if (areas.versionsWith(level, n.area_key).length === 0) {
			// a network may date from any boundary version of its level
			f.error(t.file, `Gebiet ${quote(n.area_key)} gibt es auf der Ebene ${quote(n.level)} nicht.`, { row, column: 'area_key' });
		}
	});
	return ids;
}

function checkNetworkMembers(t: Table<NetworkMember>, networks: Set<string>, f: Findings): void {
	if (!t) return;
	const seen = new Map<string, number>();
	t.table.rows.forEach((m, i) => {
		const row = t.table.rowNumbers[i];
		if (!networks.has(m.network_id)) f.error(t.file, `Netzwerk ${quote(m.network_id)} ist in networks.csv nicht definiert.`, { row, column: 'network_id' });
		if (m.type === 'sonstige' && m.type_label.trim() === '') {
			f.error(t.file, 'Bei Typ „sonstige“ ist eine freie Bezeichnung nötig.', { row, column: 'type_label' });
		}
		personWarning(t.file, m.institution, row, 'institution', f);
		const key = `${m.network_id}\u0000${m.institution}\u0000${m.type}`;
		const first = seen.get(key);
		if (first !== undefined) f.warning(t.file, `${quote(m.institution)} ist in diesem Netzwerk schon aufgeführt (Zeile ${first}).`, { row, column: 'institution' });
		else seen.set(key, row);
	});
}

function checkNetworkMeetings(t: Table<NetworkMeeting>, networks: Set<string>, f: Findings): void {
	if (!t) return;
	t.table.rows.forEach((m, i) => {
		const row = t.table.rowNumbers[i];
		if (!networks.has(m.network_id)) f.error(t.file, `Netzwerk ${quote(m.network_id)} ist in networks.csv nicht definiert.`, { row, column: 'network_id' });
	});
}

function checkMeasures(t: Table<Measure>, targets: Set<string>, offers: Set<string>, f: Findings): void {
	if (!t) return;
	const ids = new Set<string>();
	t.table.rows.forEach((m, i) => {
		const row = t.table.rowNumbers[i];
		if (ids.has(m.id)) f.error(t.file, `Maßnahme ${quote(m.id)} kommt mehrfach vor.`, { row, column: 'id' });
		ids.add(m.id);
		for (const id of m.target_ids) {
			if (!targets.has(id)) f.error(t.file, `Feinziel ${quote(id)} ist in targets.csv nicht definiert.`, { row, column: 'target_ids' });
		}
		for (const id of m.offer_ids) {
			if (!offers.has(id)) f.error(t.file, `Angebot ${quote(id)} ist in offers.csv nicht definiert.`, { row, column: 'offer_ids' });
		}
		if (m.start && m.end && m.end < m.start) f.error(t.file, `Ende ${m.end} liegt vor dem Beginn ${m.start}.`, { row, column: 'end' });
	});
}

// ---------------------------------------------------------------- entry points

/** Check everything and, when there is no error, return the typed package. */
export function readPackage(pkg: LoadedPackage): { data: PackageData | null; problems: Problem[] } {
	const f = new Findings();
	for (const [path, reason] of Object.entries(pkg.unreadable)) f.error(path, reason);
	const desc = checkDescriptor(pkg.descriptor, f, DESCRIPTOR in pkg.unreadable);
	if (!desc) return { data: null, problems: f.finish() };
	checkFilesPresent(pkg, desc, f);

	const areas = checkAreas(desc, pkg, f);

	const indicatorTable = parseTable<Indicator>(pkg, desc, 'indicators', f);
	const observationTable = parseTable<Observation>(pkg, desc, 'observations', f);
	const populationTable = parseTable<PopulationRow>(pkg, desc, 'population', f);
	const offerTable = parseTable<Offer>(pkg, desc, 'offers', f);
	const targetTable = parseTable<Target>(pkg, desc, 'targets', f);
	const networkTable = parseTable<Network>(pkg, desc, 'networks', f);
	const memberTable = parseTable<NetworkMember>(pkg, desc, 'network_members', f);
	const meetingTable = parseTable<NetworkMeeting>(pkg, desc, 'network_meetings', f);
	const measureTable = parseTable<Measure>(pkg, desc, 'measures', f);
	const crosswalkTable = parseTable<CrosswalkRow>(pkg, desc, 'crosswalk', f);

	const indicators = checkIndicators(indicatorTable, f);
	const def = desc.sozialraum.default_indicator;
	if (indicatorTable && isText(def) && !indicators.has(def)) {
		f.error(DESCRIPTOR, `Standardindikator ${quote(def)} ist in indicators.csv nicht definiert.`, field('sozialraum.default_indicator'));
	}
	checkObservations(observationTable, indicators, areas, f);
	checkPopulation(populationTable, areas, f);
	checkOffers(offerTable, areas, f);
	checkTargets(targetTable, indicators, areas, f);
	checkCrosswalk(crosswalkTable, areas, f);
	const networkIds = checkNetworks(networkTable, areas, f);
	checkNetworkMembers(memberTable, networkIds, f);
	checkNetworkMeetings(meetingTable, networkIds, f);
	const ids = <T extends { id: string }>(table: Table<T>) => new Set(table?.table.rows.map((r) => r.id) ?? []);
	checkMeasures(measureTable, ids(targetTable), ids(offerTable), f);
	for (const [table, needs] of [[memberTable, 'networks'], [meetingTable, 'networks']] as const) {
		if (table && !networkTable) f.error(table.file, `Die Ressource ${quote(needs)} fehlt; ohne sie sind diese Zeilen keinem Netzwerk zuzuordnen.`);
	}

	const problems = f.finish();
	if (f.hasErrors) return { data: null, problems };
	const collections: Record<string, AreaFeatureCollection> = {};
	const areaVersions: Record<string, Record<string, AreaFeatureCollection>> = {};
	for (const l of areas.levels) {
		const newest = l.versions.find((v) => v.version.path === l.level.path) ?? l.versions[l.versions.length - 1];
		if (newest) collections[l.level.id] = newest.collection;
		if (l.level.versions) areaVersions[l.level.id] = Object.fromEntries(l.versions.map((v) => [v.version.id, v.collection]));
	}
	return {
		data: {
			descriptor: desc,
			areas: collections,
			areaVersions,
			indicators: indicatorTable?.table.rows ?? [],
			observations: observationTable?.table.rows ?? [],
			population: populationTable?.table.rows ?? [],
			offers: offerTable?.table.rows ?? [],
			targets: targetTable?.table.rows ?? [],
			networks: networkTable?.table.rows ?? [],
			network_members: memberTable?.table.rows ?? [],
			network_meetings: meetingTable?.table.rows ?? [],
			measures: measureTable?.table.rows ?? [],
			crosswalk: crosswalkTable?.table.rows ?? []
		},
		problems
	};
}

/** All problems of a package (errors and warnings), in file order of discovery. */
export function validatePackage(pkg: LoadedPackage): Problem[] {
	return readPackage(pkg).problems;
}
