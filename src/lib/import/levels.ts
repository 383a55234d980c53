/**
 * Every map of every level, read once: attributes chosen (or suggested), the level's key rule
 * decided and shown with examples, confirmed repairs applied, problems found where the map is
 * first read (duplicates, slivers, overlaps, gaps), geometry checked and reprojected. Parents are
 * assigned afterwards (parents.ts), when every level is known.
 */
import { buildAreas, readFeatures, suggestAreaFields, type BuiltAreas, type MapFeature } from './areas';
import { levelsOf, mapsOf, type ImportConfig, type LevelConfig, type MapRef } from './config';
import { crsLabel, type CrsCode } from './crs';
import { readGeometry, GeometryReadError, type GeometrySource, type InputFile } from './geo-read';
import { keyRuleExamples, keyRuleText, keyText, resolveKeyRule, type KeyRule } from './keys';
import { duplicateIssues, neighbourIssues, sliverIssues, versionIssues, type MapIssue } from './map-check';
import { applyMends } from './mend';
import type { ProblemList } from './problems';
import type { ProvenanceEntry } from './provenance';
import { checkVersions, versionLabel } from './versions';

export interface MapResult {
	ref: MapRef;
	/** Display name of the map ("gebiete.shp" inside "gebiete.zip"). */
	file: string;
	source: GeometrySource | null;
	fields: { keyField: string; nameField: string; parentField?: string };
	crs: CrsCode | null;
	features: MapFeature[];
	built: BuiltAreas;
	issues: MapIssue[];
	/** Keys on more than one feature: no table row is matched to them until resolved. */
	duplicates: Set<string>;
	/** Keys renamed in the tables too (a changed area that kept its key in an older version). */
	renames: Map<string, string>;
	/** How the parent keys were found (set by parents.ts). */
	parentMethod?: { kind: 'field'; field: string } | { kind: 'containment' } | { kind: 'top' };
}

export interface LevelResult {
	config: LevelConfig;
	maps: MapResult[];
	keyRule: KeyRule;
	/** The rule in German with examples of keys it changes. */
	keyRuleText: string;
}

const EMPTY: BuiltAreas = { areas: [], rejected: [], index: new Map() };

/** Limits of the neighbour checks (pairs of areas, one union): a block-level map stays fast. */
const NEIGHBOUR_CHECK_MAX = 2500;

export async function readLevels(config: ImportConfig, files: Map<string, InputFile>, tableKeys: { key: string; name: string }[], problems: ProblemList, provenance: ProvenanceEntry[]): Promise<LevelResult[]> {
	const levels = levelsOf(config);
	// 1. sources and attribute choices of every map
	const read: { level: LevelConfig; maps: { ref: MapRef; source: GeometrySource | null; fields: MapResult['fields'] }[] }[] = [];
	for (const level of levels) {
		if (level.versions?.length) checkVersions(level.label_de, level.versions, problems);
		const maps = [];
		for (const ref of mapsOf(level)) {
			const source = await readSource(ref, files, problems);
			const fields = source ? { ...suggestAreaFields(source), ...pick(ref.geometry, ['keyField', 'nameField']) } : { keyField: '', nameField: '' };
			if (source && ref.geometry.parentField) (fields as MapResult['fields']).parentField = ref.geometry.parentField;
			maps.push({ ref, source, fields });
		}
		read.push({ level, maps });
	}
	// 2. one key rule per level: its maps' keys, the finer level's parent values, the tables (finest)
	const rawKeys = (m: (typeof read)[number]['maps'][number], field: string | undefined) => (m.source && field ? m.source.features.map((f) => keyText(f.properties[field])) : []);
	const rules = read.map((l, i) => {
		const setting = l.maps.map((m) => m.ref.geometry.keyWidth).find((w) => w !== undefined && w !== 'auto') ?? 'auto';
		const lists = l.maps.map((m) => rawKeys(m, m.fields.keyField));
		if (i === 0) lists.push(tableKeys.map((t) => t.key));
		if (i > 0) lists.push(...read[i - 1].maps.map((m) => rawKeys(m, m.fields.parentField)));
		return { rule: resolveKeyRule(setting, ...lists), keys: lists.flat() };
	});
	// 3. features, repairs, checks, areas
	return read.map((l, i) => {
		const { rule, keys } = rules[i];
		const text = keyRuleText(rule, keyRuleExamples(rule, keys));
		if (rule.kind !== 'keep') {
			problems.info(l.maps[0]?.source?.file ?? l.level.label_de, `Schlüssel der Ebene „${l.level.label_de}“: ${text} Die Regel gilt für ${i === 0 ? 'Karte und Tabellen' : 'die Karte und die übergeordneten Schlüssel der feineren Ebene'}.`);
			provenance.push({ action: 'key_rule', level: l.level.id, note_de: text, rule });
		}
		const maps = l.maps.map((m) => buildMap(config, m.ref, m.source, m.fields, rule, rules[i + 1]?.rule, i === 0 ? tableKeys : [], problems, provenance));
		for (let v = 0; v + 1 < maps.length; v++) {
			const [older, newer] = [maps[v], maps[v + 1]];
			if (!older.source || !newer.source) continue;
			const issues = versionIssues({ level: l.level.id, version: older.ref.version!.id, file: older.file }, older.built.areas, older.built.index, newer.built.areas, versionLabel(newer.ref.version!));
			older.issues.push(...issues);
			for (const issue of issues) problems.add(issue.severity, older.file, issue.message_de);
		}
		return { config: l.level, maps, keyRule: rule, keyRuleText: text };
	});
}

async function readSource(ref: MapRef, files: Map<string, InputFile>, problems: ProblemList): Promise<GeometrySource | null> {
	const where = mapName(ref);
	const inputs = ref.geometry.files.map((name) => {
		const f = files.get(name);
		if (!f) problems.error(name, 'Die Datei fehlt. Bitte wählen Sie sie (erneut) aus.');
		return f;
	}).filter((f): f is InputFile => !!f);
	if (ref.geometry.files.length === 0) {
		problems.error(where, 'Keine Gebietsgeometrie gefunden. Bitte wählen Sie eine GeoJSON-, TopoJSON- oder Shapefile-Datei.');
		return null;
	}
	let sources: GeometrySource[] = [];
	try {
		sources = inputs.length ? await readGeometry(inputs, { dbfEncoding: ref.geometry.dbfEncoding }) : [];
	} catch (e) {
		if (!(e instanceof GeometryReadError)) throw e;
		problems.error(inputs[0]?.name ?? where, e.message.replace(/^[^:]+: /, ''));
		return null;
	}
	const src = sources[ref.geometry.layer ?? 0] ?? null;
	for (const note of src?.notes ?? []) problems.info(src!.file, note);
	if (!src && inputs.length === ref.geometry.files.length) problems.error(ref.geometry.files[0], 'Keine Gebietsgeometrie gefunden. Bitte wählen Sie eine GeoJSON-, TopoJSON- oder Shapefile-Datei.');
	return src;
}

/** „Ortsteil“ or „Ortsteil, Gebietsstand 2021“: how messages name a map without a file. */
export const mapName = (ref: MapRef) => (ref.version ? `${ref.level.label_de}, ${versionLabel(ref.version)}` : ref.level.label_de);

function buildMap(config: ImportConfig, ref: MapRef, src: GeometrySource | null, fields: MapResult['fields'], rule: KeyRule, parentRule: KeyRule | undefined, tableKeys: { key: string; name: string }[], problems: ProblemList, provenance: ProvenanceEntry[]): MapResult {
	const result: MapResult = { ref, file: src?.file ?? ref.geometry.files[0] ?? mapName(ref), source: src, fields, crs: null, features: [], built: EMPTY, issues: [], duplicates: new Set(), renames: new Map() };
	if (!src) return result;
	const id = { level: ref.level.id, ...(ref.version ? { version: ref.version.id } : {}), file: src.file };
	const crs = ref.geometry.crs ?? src.crs?.code ?? null;
	result.crs = crs;
	if (!crs) {
		problems.error(src.file, 'Das Koordinatensystem ist unbekannt. Bitte wählen Sie es aus (z. B. ETRS89 / UTM 32N, EPSG:25832).');
		return result;
	}
	if (!ref.geometry.crs && src.crs && !src.crs.sure) problems.warning(src.file, `Das Koordinatensystem wurde aus den Koordinaten geschätzt: ${crsLabel(crs)}. Bitte prüfen Sie es (UTM 32N und 33N sind an den Zahlen nicht zu unterscheiden).`);
	const read = readFeatures(src, { ...fields, keyRule: rule, parentRule }, problems);
	const mended = applyMends(src.file, id, read, config.mend ?? [], problems);
	provenance.push(...mended.provenance.map((p) => ({ ...p, level: ref.level.id, ...(ref.version ? { version: ref.version.id } : {}) })));
	result.features = mended.features;
	result.renames = mended.renames;
	const duplicates = duplicateIssues(id, mended.features, tableKeys);
	result.duplicates = new Set(duplicates.flatMap((d) => d.keys));
	result.built = buildAreas(src.file, mended.features, { crs, simplifyMetres: ref.geometry.simplifyMetres, levelId: ref.level.id }, problems);
	const issues = [...duplicates, ...sliverIssues(id, result.built.areas, result.built.index)];
	if (result.built.areas.length <= NEIGHBOUR_CHECK_MAX) issues.push(...neighbourIssues(id, result.built.areas, config.mend ?? []));
	else problems.info(src.file, `Bei ${result.built.areas.length.toLocaleString('de-DE')} Gebieten wird nicht auf Überlappungen und Lücken zwischen Nachbarn geprüft (bis ${NEIGHBOUR_CHECK_MAX.toLocaleString('de-DE')}).`);
	result.issues = issues;
	for (const issue of issues) problems.add(issue.severity, src.file, issue.message_de);
	return result;
}

function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Partial<Pick<T, K>> {
	return Object.fromEntries(keys.filter((k) => o[k] !== undefined && o[k] !== '').map((k) => [k, o[k]])) as Partial<Pick<T, K>>;
}
