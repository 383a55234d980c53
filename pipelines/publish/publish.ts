/**
 * Write the PUBLIC copy of a data package: statistical disclosure control (Geheimhaltung) applied.
 *
 *   npx tsx pipelines/publish/publish.ts <inDir> <outDir>
 *
 * - observations: every withheld cell (primary: small numbers; secondary: cells that would let a
 *   withheld one be recomputed from Stadtbezirk or city totals, see src/lib/stats/disclosure.ts)
 *   gets empty value, numerator and denominator and the flag "suppressed";
 * - population: age-group counts of 1 … minNumerator−1 persons (and the counts that would let them
 *   be recomputed) get an empty `persons`;
 * - datapackage.json: `sozialraum.published: true` and a German note in the descriptions of the
 *   changed resources; everything else kept;
 * - every other file the descriptor refers to is copied byte for byte. Files in the folder that
 *   the descriptor does not mention are NOT copied (an internal folder may hold raw exports).
 *
 * The internal package must validate without errors (src/lib/data/package/validate.ts): a row the
 * validator could not read is a row disclosure control could not check, so nothing is written.
 * Deterministic: same input, same bytes.
 */
import { csvFormat } from 'd3';
import type { TotalDecision } from '../../src/lib/stats/disclosure';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readPackageFromDir } from '../../src/lib/data/package/load-node';
import { readPackage } from '../../src/lib/data/package/validate';
import { levelFiles } from '../../src/lib/data/levels';
import type { PackageData } from '../../src/lib/data/package/model';
import {
	disclosePackage,
	disclosureNotes,
	publicObservationsCsv,
	publicPopulationCsv,
	type PackageDisclosure
} from './disclose-package';
import { meanReferenceRows, type MeanReferenceRow } from './mean-references';

const DESCRIPTOR = 'datapackage.json';
const REFERENCES = 'references.csv';

const REFERENCE_COLUMNS = ['area_key', 'indicator_id', 'year', 'value', 'numerator', 'denominator', 'basis', 'weights', 'areas_used'] as const;

/**
 * Published totals (every area above the finest level and the whole territory, key "") as references.csv text, and, for
 * the years no area can pool (shares only), the labelled mean the engine would show (basis).
 */
export function referencesCsv(data: PackageData, totals: TotalDecision[], means: MeanReferenceRow[] = []): { text: string; rows: number } {
	const ind = new Map(data.indicators.map((i) => [i.id, i]));
	const pooled = totals
		.filter((t) => !t.suppressed && t.numerator !== null)
		.map((t) => {
			const i = ind.get(t.indicator_id)!;
			const value = i.value_type === 'count' ? t.numerator! : t.denominator ? (t.numerator! / t.denominator) * i.multiplier : null;
			return { area_key: t.area_key, indicator_id: t.indicator_id, year: t.year, value: value === null ? null : Number(value.toFixed(6)), numerator: t.numerator, denominator: t.denominator, basis: 'pooled', weights: '', areas_used: null };
		});
	const averaged = means.map((m) => ({ area_key: m.area_key, indicator_id: m.indicator_id, year: m.year, value: Number(m.value.toFixed(6)), numerator: null, denominator: null, basis: m.basis, weights: m.weights ?? '', areas_used: m.areas_used }));
	const rows = [...pooled, ...averaged].sort((a, b) => (a.indicator_id + '|' + a.area_key + '|' + a.year < b.indicator_id + '|' + b.area_key + '|' + b.year ? -1 : 1));
	return { text: csvFormat(rows, REFERENCE_COLUMNS) + '\n', rows: rows.length };
}

function withReferencesResource(descriptorText: string): string {
	const d = JSON.parse(descriptorText);
	d.resources = d.resources.filter((r: { name: string }) => r.name !== 'references');
	d.resources.push({
		name: 'references',
		path: REFERENCES,
		format: 'csv',
		mediatype: 'text/csv',
		encoding: 'utf-8',
		description:
			'Bezugswerte (alle Gebiete oberhalb der feinsten Ebene, das ganze Gebiet mit Schlüssel ""), aus allen Zellen summiert; geheim zu haltende Summen fehlen. ' +
			'Wo kein Gebiet Zähler und Nenner hat, steht der Mittelwert der veröffentlichten Werte (basis „weighted“: nach Einwohnern der Altersgruppen in „weights“ gewichtet, „mean“: ungewichtet).',
		schema: {
			fields: [
				{ name: 'area_key', type: 'string' },
				{ name: 'indicator_id', type: 'string' },
				{ name: 'year', type: 'integer' },
				{ name: 'value', type: 'number' },
				{ name: 'numerator', type: 'number' },
				{ name: 'denominator', type: 'number' },
				{ name: 'basis', type: 'string' },
				{ name: 'weights', type: 'string' },
				{ name: 'areas_used', type: 'integer' }
			]
		}
	});
	return JSON.stringify(d, null, indentOf(descriptorText)) + '\n';
}
const de = new Intl.NumberFormat('de-DE');

export class PublishError extends Error {}

export interface PublishReport {
	inDir: string;
	outDir: string;
	disclosure: PackageDisclosure;
	/** Rows rewritten per table. */
	changed: { observations: number; population: number };
	/** Files written, relative to outDir, sorted. */
	files: string[];
	/** Files in inDir the descriptor does not refer to (not copied). */
	skipped: string[];
	/** German log lines (what the CLI prints). */
	log: string[];
	/** German warnings (validator warnings, target baselines, skipped files). */
	warnings: string[];
}

/** Read and validate a package folder; throws PublishError listing the validator's errors. */
export async function loadValidPackage(dir: string): Promise<{ data: PackageData; descriptorText: string; warnings: string[] }> {
	const loaded = await readPackageFromDir(dir);
	const { data, problems } = readPackage(loaded);
	const errors = problems.filter((p) => p.severity === 'error');
	if (!data || errors.length > 0) {
		const list = errors.slice(0, 20).map((p) => `  – ${p.message_de}`);
		if (errors.length > 20) list.push(`  … und ${de.format(errors.length - 20)} weitere`);
		throw new PublishError(`Das Datenpaket „${dir}“ enthält Fehler; ohne vollständige Prüfung wird keine öffentliche Fassung erstellt:\n${list.join('\n')}`);
	}
	const descriptorText = await readFile(join(dir, DESCRIPTOR), 'utf8');
	return { data, descriptorText, warnings: problems.filter((p) => p.severity === 'warning').map((p) => p.message_de) };
}

/** Indentation of a JSON text as written (tab, or n spaces), so the public descriptor diffs cleanly. */
function indentOf(text: string): string | number {
	const m = /\n([ \t]+)"/.exec(text);
	if (!m) return 2;
	return m[1].startsWith('\t') ? '\t' : m[1].length;
}

/** datapackage.json of the public copy: published flag and notes added, nothing else touched. */
export function publicDescriptorText(text: string, notes: { observations: string; population: string | null }, resourcePaths: { observations?: string; population?: string }): string {
	const bom = text.charCodeAt(0) === 0xfeff;
	const raw = JSON.parse(bom ? text.slice(1) : text) as { resources: { name: string; path: string; description?: string }[]; sozialraum: Record<string, unknown> };
	raw.sozialraum.published = true;
	for (const r of raw.resources) {
		const note = r.name === 'observations' && r.path === resourcePaths.observations ? notes.observations : r.name === 'population' && r.path === resourcePaths.population ? notes.population : null;
		if (note) r.description = r.description ? `${r.description}\n\n${note}` : note;
	}
	const eol = /\r\n/.test(text) ? '\r\n' : '\n';
	const body = JSON.stringify(raw, null, indentOf(text)).split('\n').join(eol);
	return body + (/\r?\n$/.test(text) ? eol : '');
}

/** All files under dir, relative, with "/" separators, sorted. */
async function listFiles(dir: string): Promise<string[]> {
	const out: string[] = [];
	const walk = async (d: string) => {
		const entries = await readdir(d, { withFileTypes: true });
		for (const e of entries) {
			const full = join(d, e.name);
			if (e.isDirectory()) await walk(full);
			else if (e.isFile()) out.push(relative(dir, full).split(sep).join('/'));
		}
	};
	await walk(dir);
	return out.sort();
}

const isInside = (child: string, parent: string) => {
	const rel = relative(parent, child);
	return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};

/**
 * The output folder must be new, empty, or an earlier public copy (then it is replaced): never a
 * folder with other content, which a typo in the command line could otherwise wipe out.
 */
async function prepareOutDir(inDir: string, outDir: string): Promise<void> {
	if (isInside(outDir, inDir) || isInside(inDir, outDir)) {
		throw new PublishError(`Zielordner „${outDir}“ und Paketordner „${inDir}“ dürfen nicht ineinander liegen.`);
	}
	let entries: string[];
	try {
		if (!(await stat(outDir)).isDirectory()) throw new PublishError(`„${outDir}“ ist kein Ordner.`);
		entries = await readdir(outDir);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') entries = [];
		else throw e;
	}
	if (entries.length > 0) {
		let published = false;
		try {
			const d = JSON.parse(await readFile(join(outDir, DESCRIPTOR), 'utf8')) as { sozialraum?: { published?: unknown } };
			published = d.sozialraum?.published === true;
		} catch {
			published = false;
		}
		if (!published) {
			throw new PublishError(`Der Zielordner „${outDir}“ ist nicht leer und enthält keine frühere öffentliche Fassung; bitte einen leeren oder neuen Ordner angeben.`);
		}
		await rm(outDir, { recursive: true, force: true });
	}
	await mkdir(outDir, { recursive: true });
}

/** Create the public copy of the package in inDir at outDir. */
export async function publishPackage(inDirArg: string, outDirArg: string): Promise<PublishReport> {
	const inDir = resolve(inDirArg);
	const outDir = resolve(outDirArg);
	const { data, descriptorText, warnings } = await loadValidPackage(inDir);
	if (data.descriptor.sozialraum.published === true) {
		throw new PublishError(`„${inDirArg}“ ist bereits eine öffentliche Fassung; bitte das interne Datenpaket angeben.`);
	}
	const disclosure = disclosePackage(data);
	warnings.push(...disclosure.warnings);

	const resourcePath = (name: string) => data.descriptor.resources.find((r) => r.name === name)?.path;
	const observationsPath = resourcePath('observations');
	const populationPath = resourcePath('population');
	const referenced = new Set<string>([
		...data.descriptor.resources.map((r) => r.path),
		...data.descriptor.sozialraum.levels.flatMap(levelFiles)
	]);

	const outputs = new Map<string, string | { copy: string }>();
	const changed = { observations: 0, population: 0 };
	for (const path of [...referenced].sort()) {
		const source = join(inDir, path);
		if (path === observationsPath) {
			const r = publicObservationsCsv(await readFile(source, 'utf8'), disclosure);
			changed.observations = r.changed;
			outputs.set(path, r.text);
		} else if (path === populationPath) {
			const r = publicPopulationCsv(await readFile(source, 'utf8'), disclosure);
			changed.population = r.changed;
			outputs.set(path, r.text);
		} else {
			outputs.set(path, { copy: source });
		}
	}
	const notes = disclosureNotes(disclosure, changed);
	// The city and Stadtbezirk values of a public copy cannot be summed from its own (partly emptied)
	// cells, so the true, safe totals travel with it.
	const references = referencesCsv(data, disclosure.observations.totals, meanReferenceRows(data, disclosure));
	outputs.set(REFERENCES, references.text);
	outputs.set(DESCRIPTOR, withReferencesResource(publicDescriptorText(descriptorText, notes, { observations: observationsPath, population: populationPath })));

	const skipped = (await listFiles(inDir)).filter((f) => f !== DESCRIPTOR && !referenced.has(f));
	for (const f of skipped) warnings.push(`„${f}“ wird nicht übernommen: Die Datei ist in datapackage.json nicht beschrieben.`);

	await prepareOutDir(inDir, outDir);
	for (const [path, content] of [...outputs].sort(([a], [b]) => (a < b ? -1 : 1))) {
		const target = join(outDir, path);
		await mkdir(dirname(target), { recursive: true });
		if (typeof content === 'string') await writeFile(target, content, 'utf8');
		else await copyFile(content.copy, target);
	}

	const o = disclosure.observations.summary;
	const p = disclosure.population.summary;
	const { minNumerator, minDenominator } = disclosure.settings;
	const extraRows = disclosure.populationTotalsWithheld.size;
	const log = [
		`Geheimhaltung: Mindestzähler ${de.format(minNumerator)}, Mindestnenner ${de.format(minDenominator)}.`,
		`Beobachtungen: ${de.format(o.cells)} Zellen, davon ${de.format(o.primary)} primär und ${de.format(o.secondary)} sekundär unterdrückt.`,
		`Summen (${disclosure.totalsLabel}): ${de.format(o.totalsPrimary + o.totalsSecondary)} von ${de.format(o.totals)} geheim zu halten ` +
			`(${de.format(o.totalsPrimary)} primär, ${de.format(o.totalsSecondary)} sekundär).`,
		`Bevölkerung: ${de.format(p.cells)} Zellen, davon ${de.format(p.primary)} primär und ${de.format(p.secondary)} sekundär geleert` +
			(extraRows > 0 ? `, dazu ${de.format(extraRows)} Zeilen übergeordneter Gebiete.` : '.'),
		`Öffentliche Fassung geschrieben: ${outputs.size} Dateien in „${outDirArg}“.`
	];
	return { inDir, outDir, disclosure, changed, files: [...outputs.keys()].sort(), skipped, log, warnings };
}

async function main(argv: string[]): Promise<number> {
	const [inDir, outDir] = argv;
	if (!inDir || !outDir) {
		console.error('Aufruf: npx tsx pipelines/publish/publish.ts <Paketordner> <Zielordner>');
		return 2;
	}
	try {
		const report = await publishPackage(inDir, outDir);
		for (const line of report.log) console.log(line);
		for (const w of report.warnings) console.warn(`Hinweis: ${w}`);
		return 0;
	} catch (e) {
		console.error(`Fehler: ${(e as Error).message}`);
		return 1;
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	process.exitCode = await main(process.argv.slice(2));
}
