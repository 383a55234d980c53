/**
 * The whole import as one function of (config, files): read and map each table, read every map of
 * every level (with its problems, found where the map is first read), assign parents, join the
 * tables to the finest level (per boundary version), apply placeholder decisions, build and
 * validate the package. The wizard's worker and the CLI both call this, so a config saved from the
 * wizard gives the same package on the command line.
 */
import type { Observation, PopulationRow } from '../data/types';
import type { AreaFeature } from './areas';
import { buildPackage, type BuiltPackage, type CrosswalkRow, type PackageLevel } from './build-package';
import { DEFAULT_LEVEL, levelsOf, type ImportConfig } from './config';
import { buildCrosswalks } from './crosswalk-build';
import type { GeometrySource, InputFile } from './geo-read';
import { defaultIndicator, indicatorProblems, metaFor, type IndicatorMeta } from './indicator-meta';
import { joinVersions, type JoinReport, type JoinTarget } from './join';
import { joinProblems } from './join-problems';
import { keyMatchForm } from './keys';
import { mapName, readLevels, type LevelResult } from './levels';
import { suggestMapping } from './mapping';
import { buildObservations } from './observations';
import { assignParents, type Territory } from './parents';
import { allZeroKeys, findPlaceholders, placeholderQuestion, type PlaceholderFinding } from './placeholders';
import { buildPopulation, WITHOUT_POPULATION } from './population';
import { prepareTable, type PreparedTable } from './prepare-table';
import { ProblemList, problem, type ImportProblem } from './problems';
import type { ProvenanceEntry } from './provenance';
import { tableRecords, type TableRecord } from './records';
import { versionFitProblems, type KeySpace } from './version-fit';
import { ALWAYS, versionLabel } from './versions';

export interface ImportResult {
	problems: ImportProblem[];
	/** The finest level's newest map (the one the atlas shows first). */
	geometry: GeometrySource | null;
	areas: AreaFeature[];
	/** Every level, finest first, with every map. */
	levels: LevelResult[];
	territory: Territory | null;
	tables: PreparedTable[];
	join: JoinReport | null;
	placeholders: PlaceholderFinding[];
	/** Indicators found in the tables, with defaults where the config has no metadata yet. */
	indicators: IndicatorMeta[];
	observations: Observation[];
	population: PopulationRow[];
	crosswalk: CrosswalkRow[];
	provenance: ProvenanceEntry[];
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
	const provenance: ProvenanceEntry[] = [];
	const result: ImportResult = { problems: [], geometry: null, areas: [], levels: [], territory: null, tables: [], join: null, placeholders: [], indicators: [], observations: [], population: [], crosswalk: [], provenance, package: null };
	const byName = new Map(files.map((f) => [f.name, f]));

	// 1. tables → records
	progress('tables', 0);
	const records: TableRecord[] = [];
	config.tables.forEach((t, i) => {
		const file = byName.get(t.file);
		if (!file) {
			problems.error(t.file, 'Die Datei fehlt. Bitte wählen Sie sie (erneut) aus.');
			return;
		}
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

	// 2. every map of every level, then parents
	progress('geometry', 0);
	const levels = await readLevels(config, byName, tableKeysOf(records), problems, provenance);
	result.levels = levels;
	const finest = levels[0];
	const newest = finest?.maps.at(-1);
	result.geometry = newest?.source ?? null;
	result.areas = newest?.built.areas ?? [];
	if (!finest || finest.maps.every((m) => m.built.areas.length === 0 && m.built.rejected.length === 0)) {
		if (!problems.hasErrors) problems.error(newest?.file ?? 'Geometrie', 'Keine Gebietsgeometrie gefunden. Bitte wählen Sie eine GeoJSON-, TopoJSON- oder Shapefile-Datei.');
		return finish();
	}
	progress('geometry', 0.8);
	result.territory = assignParents(levels, config, problems, provenance);
	progress('geometry', 1);

	// 3. join to the finest level, version by version
	const parentNames = new Map<string, string>();
	for (const l of levels.slice(1)) for (const m of l.maps) for (const a of m.built.areas) parentNames.set(a.properties.key, a.properties.name);
	const targets: JoinTarget[] = finest.maps.map((m) => ({
		version: m.ref.version?.id ?? '',
		label: m.ref.version ? versionLabel(m.ref.version) : '',
		validity: m.ref.version ?? ALWAYS,
		// rows of areas with broken geometry are explained by the geometry error: matched, then dropped
		areas: [...m.built.areas.map((a) => ({ key: a.properties.key, name: a.properties.name, parentName: parentNames.get(a.properties.parent) })), ...m.built.rejected],
		ambiguous: m.duplicates,
		renames: m.renames
	}));
	const { keys, report } = joinVersions(records, targets, { keyRule: finest.keyRule, matchByName: config.matchByName, nameMatches: config.nameMatches });
	const rejected = new Set(finest.maps.flatMap((m) => m.built.rejected.map((a) => a.key)));
	keys.forEach((k, i) => k !== null && rejected.has(k) && (keys[i] = null));
	report.areasWithoutData = report.areasWithoutData.filter((a) => !rejected.has(a.key));
	result.join = report;
	const joinStage = (p: ImportProblem) => ({ ...p, stage: 'join' as const });
	const fit = versionFitProblems(records, keys, targets, keySpaces(levels), finest.config.label_de);
	for (const i of fit.dropped) if (keys[i] !== null) [keys[i], report.recordsMatched] = [null, report.recordsMatched - 1];
	problems.push(...fit.problems.map(joinStage), ...joinProblems(report, fit.explained).map(joinStage));
	for (const b of report.byName) provenance.push({ action: 'name_match', level: finest.config.id, note_de: `Tabellenname „${b.tableName}“ dem Gebiet „${b.key}“ ${b.areaName} zugeordnet (bestätigt).`, name: b.tableName, key: b.key });
	progress('build', 0.1);

	// 4. placeholders, indicators, observations, residents
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
	const indicatorKeys = keys.map((k, i) => (records[i].indicator ? k : null));
	result.observations = buildObservations(records, indicatorKeys, configured, { actions: config.placeholders ?? {}, zeroKeys, unconfigured: unconfigured.flatMap((m) => m.match) }, problems);
	result.population = buildPopulation(records, keys, problems);
	if (records.length > 0 && result.population.length === 0) problems.push({ ...problem('warning', 'Tabellen', WITHOUT_POPULATION), stage: 'join' });
	if (records.length > 0 && report.recordsMatched === 0 && report.waitingForMap.length === 0) problems.error(config.tables[0].file, 'Keine einzige Zeile passt zu einem Gebiet der Karte. Bitte prüfen Sie die Zuordnung von Schlüssel- und Namensspalte und die Schlüssel der Geometrie.');

	// 5. crosswalks between boundary versions
	result.crosswalk = buildCrosswalks(levels, byName, problems, provenance);
	if (options.build === false || problems.hasErrors) return finish();

	// 6. package
	progress('build', 0.6);
	const p = config.package;
	result.package = buildPackage({ ...p, created: p.created ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z'), level: p.level ?? DEFAULT_LEVEL }, packageLevels(levels, result.territory), configured, result.observations, { population: result.population, crosswalk: result.crosswalk, provenance });
	for (const v of result.package.problems) problems.push({ ...v, stage: 'package' });
	progress('build', 1);
	return finish();

	function finish(): ImportResult {
		result.problems = problems.finish();
		return result;
	}
}

/** Each key of the tables once, with a name: hints for mending the map, and for the key rule. */
function tableKeysOf(records: readonly TableRecord[]): { key: string; name: string }[] {
	const seen = new Map<string, string>();
	for (const r of records) if (r.key && !seen.has(r.key)) seen.set(r.key, r.name);
	return [...seen].map(([key, name]) => ({ key, name }));
}

/** Where else a table's keys could belong: the finest level's other versions, the coarser levels. */
function keySpaces(levels: LevelResult[]): KeySpace[] {
	const spaces: KeySpace[] = [];
	levels.forEach((l, i) => {
		for (const m of l.maps) {
			const keys = new Set(m.built.areas.map((a) => keyMatchForm(a.properties.key)));
			if (i === 0 && m.ref.version) spaces.push({ label: versionLabel(m.ref.version), kind: 'version', keys, rule: l.keyRule });
			else if (i > 0) spaces.push({ label: `Ebene „${m.ref.version ? mapName(m.ref) : l.config.label_de}“`, kind: 'level', keys, rule: l.keyRule });
		}
	});
	return spaces;
}

function packageLevels(levels: LevelResult[], territory: Territory | null): PackageLevel[] {
	const out: PackageLevel[] = levels.map((l) => ({
		id: l.config.id,
		label_de: l.config.label_de,
		label_en: l.config.label_en,
		...(l.config.label_plural_de ? { label_plural_de: l.config.label_plural_de } : {}),
		...(l.config.label_plural_en ? { label_plural_en: l.config.label_plural_en } : {}),
		areas: l.maps.at(-1)!.built.areas,
		...(l.maps.length > 1 || l.maps[0].ref.version
			? { versions: l.maps.map((m) => ({ id: m.ref.version!.id, label_de: versionLabel(m.ref.version!), label_en: m.ref.version!.label_en ?? `Boundaries ${m.ref.version!.id}`, valid_from: m.ref.version!.valid_from, valid_to: m.ref.version!.valid_to, areas: m.built.areas })) }
			: {})
	}));
	if (territory) out.push({ id: territory.level.id, label_de: territory.level.label_de, label_en: territory.level.label_en, areas: [territory.area] });
	return out;
}

/** "Zeilen 1, 2 (Titel …) und 12 werden nicht übernommen" — nothing is dropped silently. */
function skippedNote(t: PreparedTable): string {
	const rows = t.layout.skipped.map((s) => `${s.row + 1} („${s.text.length > 50 ? s.text.slice(0, 50) + '…' : s.text}“)`);
	const list = rows.length > 5 ? `${rows.slice(0, 5).join(', ')} und ${rows.length - 5} weitere` : rows.join(', ');
	return `Nicht als Daten gelesen (Titel, Zwischenüberschriften, Fußnoten): Zeile ${list}. Stimmt das nicht, stellen Sie die Kopfzeile in den Einstellungen ein.`;
}

/** Every indicator the tables mention: the config's metadata where given, else defaults. */
function indicatorsOf(records: TableRecord[], config: ImportConfig): IndicatorMeta[] {
	const seen = new Map<string, { numerator: boolean; denominator: boolean; value: boolean }>();
	for (const r of records) {
		if (!r.indicator) continue; // residents only
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

export { levelsOf };
