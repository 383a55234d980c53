/**
 * The whole import as one function of (config, files): read the geometry, read and map each table,
 * join, apply placeholder decisions, build and validate the package. The wizard's worker and the
 * CLI both call this, so a config saved from the wizard gives the same package on the command line.
 */
import type { Observation } from '../data/types';
import { buildAreas, suggestAreaFields, type AreaFeature } from './areas';
import { buildPackage, type BuiltPackage } from './build-package';
import { DEFAULT_LEVEL, type ImportConfig } from './config';
import { crsLabel } from './crs';
import { readGeometry, GeometryReadError, type GeometrySource, type InputFile } from './geo-read';
import { defaultIndicator, indicatorProblems, metaFor, type IndicatorMeta } from './indicator-meta';
import { joinRecords, type JoinReport } from './join';
import { keyText, suggestKeyWidth } from './keys';
import { suggestMapping } from './mapping';
import { buildObservations } from './observations';
import { allZeroKeys, findPlaceholders, placeholderQuestion, type PlaceholderFinding } from './placeholders';
import { prepareTable, type PreparedTable } from './prepare-table';
import { ProblemList, problem, type ImportProblem } from './problems';
import { tableRecords, type TableRecord } from './records';
import { joinProblems } from './join-problems';

export interface ImportResult {
	problems: ImportProblem[];
	geometry: GeometrySource | null;
	areas: AreaFeature[];
	tables: PreparedTable[];
	join: JoinReport | null;
	placeholders: PlaceholderFinding[];
	/** Indicators found in the tables, with defaults where the config has no metadata yet. */
	indicators: IndicatorMeta[];
	observations: Observation[];
	package: BuiltPackage | null;
}

export type Progress = (phase: string, fraction: number) => void;

export interface RunOptions {
	/** Also build and validate the package (default true). */
	build?: boolean;
	/**
	 * Prepared tables by file and reading options: the wizard re-runs the pipeline at every step,
	 * and re-parsing a 50 MB file each time would cost seconds for nothing.
	 */
	cache?: Map<string, PreparedTable>;
}

export async function runImport(config: ImportConfig, files: InputFile[], progress: Progress = () => {}, options: RunOptions = { build: true }): Promise<ImportResult> {
	const problems = new ProblemList();
	const result: ImportResult = { problems: [], geometry: null, areas: [], tables: [], join: null, placeholders: [], indicators: [], observations: [], package: null };
	const byName = new Map(files.map((f) => [f.name, f]));
	const need = (name: string) => {
		const f = byName.get(name);
		if (!f) problems.error(name, 'Die Datei fehlt. Bitte wählen Sie sie (erneut) aus.');
		return f;
	};

	// 1. geometry
	progress('geometry', 0);
	const geoFiles = config.geometry.files.map(need).filter((f): f is InputFile => !!f);
	let sources: GeometrySource[] = [];
	try {
		sources = geoFiles.length ? await readGeometry(geoFiles, { dbfEncoding: config.geometry.dbfEncoding }) : [];
	} catch (e) {
		if (!(e instanceof GeometryReadError)) throw e;
		problems.error(geoFiles[0]?.name ?? 'Geometrie', e.message.replace(/^[^:]+: /, ''));
	}
	const src = sources[config.geometry.layer ?? 0] ?? null;
	result.geometry = src;
	for (const note of src?.notes ?? []) problems.info(src!.file, note);
	if (!src && !problems.hasErrors) problems.error(config.geometry.files[0] ?? 'Geometrie', 'Keine Gebietsgeometrie gefunden. Bitte wählen Sie eine GeoJSON-, TopoJSON- oder Shapefile-Datei.');

	// 2. tables → records
	const records: TableRecord[] = [];
	config.tables.forEach((t, i) => {
		const file = need(t.file);
		if (!file) return;
		const cacheKey = JSON.stringify([t.file, file.bytes.length, t.encoding, t.delimiter, t.decimal, t.sheet, t.headerRow, t.headerRows, t.wide]);
		const prepared = options.cache?.get(cacheKey) ?? prepareTable(file, t, (f) => progress('tables', (i + f) / config.tables.length));
		options.cache?.set(cacheKey, prepared);
		result.tables.push(prepared);
		for (const note of prepared.notes) problems.info(t.file, note);
		if (prepared.layout.skipped.length > 0) problems.info(t.file, skippedNote(prepared));
		if (prepared.long.rows.length === 0) {
			problems.error(t.file, prepared.layout.columns.length === 0 ? 'Die Datei ist leer.' : 'Die Tabelle hat keine Datenzeilen unter der Kopfzeile. Bitte prüfen Sie die Datei oder die eingestellte Kopfzeile.');
			return;
		}
		const columns = t.columns ?? suggestMapping(prepared.long);
		for (const r of tableRecords(prepared.long, columns, { decimal: prepared.decimal, fixedYear: t.year, fixedIndicator: t.indicator }, problems)) records.push(r); // no spread: 10⁶ rows
	});
	progress('tables', 1);
	if (!src) return finish();

	// 3. areas (key width from geometry and table keys together)
	const fields = { ...suggestAreaFields(src), ...pick(config.geometry, ['keyField', 'nameField']) };
	const geoKeys = src.features.map((f) => keyText(f.properties[fields.keyField]));
	const keyWidth = config.geometry.keyWidth === 'auto' || config.geometry.keyWidth === undefined ? suggestKeyWidth(geoKeys, records.map((r) => r.key)) : config.geometry.keyWidth;
	const crs = config.geometry.crs ?? src.crs?.code;
	if (!crs) {
		problems.error(src.file, 'Das Koordinatensystem ist unbekannt. Bitte wählen Sie es aus (z. B. ETRS89 / UTM 32N, EPSG:25832).');
		return finish();
	}
	if (!config.geometry.crs && src.crs && !src.crs.sure) problems.warning(src.file, `Das Koordinatensystem wurde aus den Koordinaten geschätzt: ${crsLabel(crs)}. Bitte prüfen Sie es (UTM 32N und 33N sind an den Zahlen nicht zu unterscheiden).`);
	progress('geometry', 0.5);
	const built = buildAreas(src, { ...fields, crs, keyWidth, simplifyMetres: config.geometry.simplifyMetres, levelId: config.package.level?.id ?? DEFAULT_LEVEL.id }, problems);
	result.areas = built.areas;
	progress('geometry', 1);

	// 4. join, placeholders, indicators
	const rejected = new Set(built.rejected.map((a) => a.key));
	const { keys, report } = joinRecords(records, [...result.areas.map((a) => a.properties), ...built.rejected], { keyWidth, matchByName: config.matchByName, nameMatches: config.nameMatches });
	// rows of areas with broken geometry: already explained by the geometry error
	keys.forEach((k, i) => k !== null && rejected.has(k) && (keys[i] = null));
	report.areasWithoutData = report.areasWithoutData.filter((a) => !rejected.has(a.key));
	result.join = report;
	problems.push(...joinProblems(report).map((p) => ({ ...p, stage: 'join' as const })));
	progress('build', 0.1);
	const zeroKeys = allZeroKeys(records, keys);
	result.placeholders = findPlaceholders(records, zeroKeys, keys);
	for (const p of result.placeholders) {
		if (!config.placeholders?.[p.symbol]) problems.push({ ...problem('error', p.examples[0].split(',')[0], placeholderQuestion(p)), stage: 'placeholders' });
	}
	result.indicators = indicatorsOf(records, config);
	const indicatorError = (msg: string) => problems.push({ ...problem('error', 'Indikatoren', msg), stage: 'indicators' });
	for (const m of result.indicators) for (const msg of indicatorProblems(m)) indicatorError(msg);
	const configured = result.indicators.filter((m) => config.indicators.some((c) => c.id === m.id));
	const unconfigured = result.indicators.filter((m) => !configured.includes(m));
	for (const m of unconfigured) indicatorError(`Für den Indikator „${m.label_de}“ fehlen die Angaben (Einheit, Richtung, Lebensphase, Werttyp). Bitte ergänzen Sie sie.`);
	progress('build', 0.3);
	result.observations = buildObservations(records, keys, configured, { actions: config.placeholders ?? {}, zeroKeys, unconfigured: unconfigured.flatMap((m) => m.match) }, problems);
	if (records.length > 0 && report.recordsMatched === 0) problems.error(config.tables[0].file, 'Keine einzige Zeile passt zu einem Gebiet der Karte. Bitte prüfen Sie die Zuordnung von Schlüssel- und Namensspalte und die Schlüssel der Geometrie.');
	if (options.build === false || problems.hasErrors) return finish();

	// 5. package
	progress('build', 0.6);
	const p = config.package;
	result.package = buildPackage({ ...p, created: p.created ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z'), level: p.level ?? DEFAULT_LEVEL }, result.areas, configured, result.observations);
	for (const v of result.package.problems) problems.push({ ...v, stage: 'package' });
	progress('build', 1);
	return finish();

	function finish(): ImportResult {
		result.problems = problems.finish();
		return result;
	}
}

/** "Zeilen 1, 2 (Titel …) und 12 werden nicht übernommen" — nothing is dropped silently. */
function skippedNote(t: PreparedTable): string {
	const rows = t.layout.skipped.map((s) => `${s.row + 1} („${s.text.length > 50 ? s.text.slice(0, 50) + '…' : s.text}“)`);
	const list = rows.length > 5 ? `${rows.slice(0, 5).join(', ')} und ${rows.length - 5} weitere` : rows.join(', ');
	return `Nicht als Daten gelesen (Titel, Zwischenüberschriften, Fußnoten): Zeile ${list}. Stimmt das nicht, stellen Sie die Kopfzeile in den Einstellungen ein.`;
}

function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Partial<Pick<T, K>> {
	return Object.fromEntries(keys.filter((k) => o[k] !== undefined && o[k] !== '').map((k) => [k, o[k]])) as Partial<Pick<T, K>>;
}

/** Every indicator the tables mention: the config's metadata where given, else defaults. */
function indicatorsOf(records: TableRecord[], config: ImportConfig): IndicatorMeta[] {
	const seen = new Map<string, { numerator: boolean; denominator: boolean; value: boolean }>();
	for (const r of records) {
		const s = seen.get(r.indicator) ?? { numerator: false, denominator: false, value: false };
		s.numerator ||= r.columns.numerator !== undefined;
		s.denominator ||= r.columns.denominator !== undefined;
		s.value ||= r.columns.value !== undefined;
		seen.set(r.indicator, s);
	}
	const metas = config.indicators.map((c) => ({ ...defaultIndicator(c.label_de ?? c.id, { numerator: false, denominator: false, value: true }), ...c, match: c.match ?? [] }) as IndicatorMeta);
	const out: IndicatorMeta[] = [];
	for (const [label, s] of seen) {
		const m = metaFor(label, metas) ?? defaultIndicator(label, s);
		if (!out.includes(m)) out.push(m);
	}
	return out;
}
