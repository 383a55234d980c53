/**
 * Check a built site for withheld numbers: the last line of defence before a public site goes out.
 *
 *   npx tsx pipelines/publish/scan.ts <siteDir> <internalPackageDir>
 *
 * Computes, with the same disclosure control as publish.ts, which cells of the INTERNAL package
 * must be withheld, then reads every text file of the built site (.html, .js, .json, .csv,
 * .geojson, …) and reports each CSV-like record of a withheld cell that still carries a number:
 *   observations: a record starting with `area_key,indicator_id,year,` whose value, numerator or
 *                 denominator field is not empty;
 *   population:   a record starting with `area_key,year,age_group,` whose persons field is not empty.
 * Records are found at the start of a line, after a quote or whitespace (a CSV inlined into a JS
 * string), and after an escaped line break ("\n" inside a string literal), so a table that Vite
 * inlined into a bundle is found as well as one copied as an asset.
 *
 * What it does not see: numbers in other shapes (JSON objects, prerendered text like "2 von 10").
 * The app must never receive them in the first place; this scan makes a mistake in the build
 * pipeline (internal folder bundled instead of the public copy) fail loudly.
 */
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { disclosePackage, type WithheldCell } from './disclose-package';
import { loadValidPackage } from './publish';

/** Extensions read as text; everything else (wasm, images, fonts) is skipped. */
export const TEXT_EXTENSIONS = new Set(['.html', '.htm', '.js', '.mjs', '.cjs', '.json', '.csv', '.geojson', '.txt', '.map', '.svg', '.xml', '.css', '.md', '.webmanifest']);

export interface ScanFinding {
	/** Path relative to the site folder, "/" separated. */
	file: string;
	/** 1-based line in that file. */
	line: number;
	cell: WithheldCell;
	/** The record as found (shortened). */
	excerpt: string;
}

export interface ScanResult {
	findings: ScanFinding[];
	filesScanned: number;
	/** Number of withheld cells looked for. */
	withheld: number;
}

async function textFiles(dir: string): Promise<string[]> {
	const out: string[] = [];
	const walk = async (d: string) => {
		for (const e of await readdir(d, { withFileTypes: true })) {
			const full = join(d, e.name);
			if (e.isDirectory()) await walk(full);
			else if (e.isFile() && TEXT_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(full);
		}
	};
	await walk(dir);
	return out.sort();
}

/** Three comma-separated fields and a comma, starting a record (not in the middle of one). */
const RECORD_START = /(?<=^|["'`\s])([^,\s"'`\\]+),([^,\s"'`\\]+),([^,\s"'`\\]+),/g;
/** Real line breaks split lines; escaped ones ("\n" in a string literal) split records within a line. */
const ESCAPED_BREAK = /\\r\\n|\\n|\\r/;

/** A field counts as filled when something other than quotes and blanks is left. */
const filled = (field: string | undefined) => field !== undefined && field.replace(/["'`\s]/g, '') !== '';

/** Findings in one text; `withheld` maps record prefixes ("0101,armut,2023") to cells. */
export function scanText(text: string, file: string, withheld: Map<string, WithheldCell>): ScanFinding[] {
	const findings: ScanFinding[] = [];
	const lines = text.split(/\r?\n|\r/);
	lines.forEach((line, i) => {
		if (!line.includes(',')) return;
		for (const segment of line.split(ESCAPED_BREAK)) {
			for (const m of segment.matchAll(RECORD_START)) {
				const cell = withheld.get(`${m[1]},${m[2]},${m[3]}`);
				if (!cell) continue;
				const rest = segment.slice(m.index! + m[0].length).split(',');
				const numbers = cell.kind === 'observation' ? rest.slice(0, 3) : rest.slice(0, 1);
				if (!numbers.some(filled)) continue;
				const record = segment.slice(m.index!);
				findings.push({ file, line: i + 1, cell, excerpt: record.length > 120 ? `${record.slice(0, 120)}…` : record });
			}
		}
	});
	return findings;
}

/** The record prefix under which a withheld cell would appear in its CSV table. */
export function recordPrefix(cell: WithheldCell): string {
	return cell.kind === 'observation' ? `${cell.area_key},${cell.indicator_id},${cell.year}` : `${cell.area_key},${cell.year},${cell.age_group}`;
}

/** Scan every text file under siteDir for numbers of cells the internal package must withhold. */
export async function scanForWithheld(siteDir: string, internalPackageDir: string): Promise<ScanResult> {
	const { data } = await loadValidPackage(internalPackageDir);
	const { withheld } = disclosePackage(data);
	const byPrefix = new Map(withheld.map((c) => [recordPrefix(c), c]));
	const root = resolve(siteDir);
	const files = await textFiles(root);
	const findings: ScanFinding[] = [];
	for (const full of files) {
		const text = await readFile(full, 'utf8');
		findings.push(...scanText(text, relative(root, full).split(sep).join('/'), byPrefix));
	}
	return { findings, filesScanned: files.length, withheld: withheld.length };
}

/** German one-liner per finding, for logs and test failures. */
export function describeFinding(f: ScanFinding): string {
	const what = f.cell.kind === 'observation' ? `Indikator „${f.cell.indicator_id}“` : `Altersgruppe „${f.cell.age_group}“`;
	return `${f.file}:${f.line}: Gebiet „${f.cell.area_key}“, ${what}, ${f.cell.year} ist geheim zu halten (${f.cell.reason === 'primary' ? 'primär' : 'sekundär'}), steht aber mit Zahlen da: ${f.excerpt}`;
}

async function main(argv: string[]): Promise<number> {
	const [siteDir, internalDir] = argv;
	if (!siteDir || !internalDir) {
		console.error('Aufruf: npx tsx pipelines/publish/scan.ts <Site-Ordner, z. B. build> <internes Datenpaket>');
		return 2;
	}
	try {
		const result = await scanForWithheld(siteDir, internalDir);
		const de = new Intl.NumberFormat('de-DE');
		if (result.findings.length === 0) {
			console.log(`Geheimhaltung geprüft: ${de.format(result.filesScanned)} Textdateien, keine der ${de.format(result.withheld)} geheim zu haltenden Zellen mit Zahlen gefunden.`);
			return 0;
		}
		for (const f of result.findings.slice(0, 50)) console.error(describeFinding(f));
		if (result.findings.length > 50) console.error(`… und ${de.format(result.findings.length - 50)} weitere Fundstellen.`);
		console.error(`Fehler: ${de.format(result.findings.length)} geheim zu haltende Zellen stehen mit Zahlen in „${siteDir}“.`);
		return 1;
	} catch (e) {
		console.error(`Fehler: ${(e as Error).message}`);
		return 1;
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	process.exitCode = await main(process.argv.slice(2));
}
