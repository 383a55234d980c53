/**
 * Import a municipality's own statistics and district map into a data package folder, with the
 * same modules the browser wizard uses (src/lib/import):
 *
 *   npx tsx pipelines/import/import.ts meinestadt.import.json [--zip meinestadt.zip]
 *
 * The config (docs/import.md) names the input files (relative to the config file), the column
 * mapping, the placeholder decisions, the indicator metadata and the output folder. Problems are
 * printed as German sentences with file, row and column; the exit code is 1 when the package could
 * not be built, so a scheduled job notices.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runImport, type ImportResult } from '../../src/lib/import/pipeline';
import { writeZip } from '../../src/lib/import/zip-write';
import { checkConfig } from './check-config';
import { configFiles, type ImportConfig } from '../../src/lib/import/config';

const SYMBOL = { error: 'FEHLER  ', warning: 'WARNUNG ', info: 'HINWEIS ' } as const;

export async function importFromConfig(configPath: string, log: (line: string) => void = console.error): Promise<{ result: ImportResult | null; output: string | null }> {
	const base = dirname(resolve(configPath));
	let config: ImportConfig;
	try {
		config = JSON.parse(await readFile(configPath, 'utf8')) as ImportConfig;
	} catch (e) {
		log(`${SYMBOL.error}${basename(configPath)}: Die Konfiguration ist nicht lesbar (${(e as Error).message}).`);
		return { result: null, output: null };
	}
	const configProblems = checkConfig(config);
	if (configProblems.length > 0) {
		for (const p of configProblems) log(`${SYMBOL.error}${basename(configPath)}: ${p}`);
		return { result: null, output: null };
	}
	const names = configFiles(config);
	const files = [];
	for (const name of names) {
		try {
			files.push({ name, bytes: new Uint8Array(await readFile(resolve(base, name))) });
		} catch {
			log(`${SYMBOL.error}${name}: Die Datei wurde nicht gefunden (gesucht in ${base}).`);
		}
	}
	let lastPhase = '';
	const result = await runImport(config, files, (phase) => {
		if (phase !== lastPhase) log(`… ${{ geometry: 'Gebiete', tables: 'Tabellen', build: 'Paket' }[phase] ?? phase}`);
		lastPhase = phase;
	});
	for (const p of result.problems) log(`${SYMBOL[p.severity]}${p.message_de}`);
	if (!result.package?.data) {
		log('Das Datenpaket wurde NICHT geschrieben. Bitte beheben Sie die Fehler oben und starten Sie den Import erneut.');
		return { result, output: null };
	}
	const output = resolve(base, config.output ?? config.package.name);
	await mkdir(output, { recursive: true });
	for (const [path, text] of Object.entries(result.package.files)) await writeFile(join(output, path), text);
	const obs = result.observations.length;
	log(`Datenpaket geschrieben: ${output} (Gebiete: ${result.areas.length}, Indikatoren: ${result.indicators.length}, Werte: ${obs}).`);
	return { result, output };
}

async function main(args: string[]) {
	const configPath = args.find((a) => !a.startsWith('--'));
	if (!configPath) {
		console.error('Aufruf: npx tsx pipelines/import/import.ts <konfiguration.json> [--zip paket.zip]');
		process.exit(2);
	}
	const { result, output } = await importFromConfig(configPath);
	const zipAt = args.indexOf('--zip');
	if (output && result?.package && zipAt >= 0 && args[zipAt + 1]) {
		const enc = new TextEncoder();
		const zip = await writeZip(Object.entries(result.package.files).map(([name, text]) => ({ name, bytes: enc.encode(text) })));
		await writeFile(args[zipAt + 1], zip);
		console.error(`ZIP geschrieben: ${args[zipAt + 1]}`);
	}
	process.exit(output ? 0 : 1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
