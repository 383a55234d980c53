import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { importFromConfig } from './import';
import { checkConfig } from './check-config';
import type { ImportConfig } from '../../src/lib/import/config';

const example = resolve('tests/fixtures/import/beispiel.import.json');

function withOutput(patch: Partial<ImportConfig> = {}) {
	const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
	const config = { ...JSON.parse(readFileSync(example, 'utf8')), ...patch, output: join(dir, 'paket') };
	config.geometry.files = config.geometry.files.map((f: string) => resolve('tests/fixtures/import', f));
	config.tables = config.tables.map((t: { file: string }) => ({ ...t, file: resolve('tests/fixtures/import', t.file) }));
	const path = join(dir, 'config.json');
	writeFileSync(path, JSON.stringify(config));
	return { path, out: join(dir, 'paket') };
}

describe('import CLI', () => {
	it('writes the package folder from the documented example config', async () => {
		const { path, out } = withOutput();
		const lines: string[] = [];
		const { output } = await importFromConfig(path, (l) => lines.push(l));
		expect(output, lines.join('\n')).toBe(out);
		expect(JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')).sozialraum.fictional).toBe(false);
		expect(readFileSync(join(out, 'observations.csv'), 'utf8')).toContain('0302,sgb2_u15,2019,,,,suppressed');
		expect(lines.at(-1)).toMatch(/^Datenpaket geschrieben: .* \(Gebiete: 6, Indikatoren: 1, Werte: 30\)\.$/);
	});

	it('writes nothing and says why when a placeholder has no meaning yet', async () => {
		const { path, out } = withOutput({ placeholders: {} });
		const lines: string[] = [];
		const { output } = await importFromConfig(path, (l) => lines.push(l));
		expect(output).toBeNull();
		expect(existsSync(out)).toBe(false);
		expect(lines.join('\n')).toContain('Der Platzhalter „.“ kommt 5-mal vor');
		expect(lines.join('\n')).not.toContain('nicht gefunden');
		expect(lines.at(-1)).toContain('NICHT geschrieben');
	});

	it('names a row once when several entries of it fail (wide table: one entry per year column)', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'import-rows-'));
		// years as columns: row 3 holds three entries for the dissolved key 0303
		writeFileSync(join(dir, 'quote.csv'), 'Schlüssel;Sozialraum;2021;2022;2023\r\n0101;Altstadt/Süd;7,1;7,2;7,3\r\n0303;Kolonie;9,1;9,2;9,3\r\n');
		const config = {
			...JSON.parse(readFileSync(example, 'utf8')),
			geometry: { files: [resolve('tests/fixtures/import/files/gebiete-wgs84.geojson')] },
			tables: [{ file: 'quote.csv', indicator: 'SGB-II-Quote' }],
			output: join(dir, 'paket')
		};
		writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
		const lines: string[] = [];
		await importFromConfig(join(dir, 'config.json'), (l) => lines.push(l));
		const line = lines.find((l) => l.includes('„0303“'));
		expect(line).toBe('WARNUNG quote.csv: Der Schlüssel „0303“ (Kolonie) passt zu keinem Gebiet der Karte; Zeile 3 wird nicht übernommen. Ist das Gebiet aufgelöst, umbenannt oder neu geschlüsselt? Dann ordnen Sie es zu oder entfernen die Zeilen.');
	});

	it('checks the config before reading files', () => {
		expect(checkConfig({ package: { name: 'Meine Stadt' }, geometry: { files: [] }, tables: [], indicators: [] } as unknown as ImportConfig)).toEqual([
			'„package.title“ fehlt.',
			'„package.territory_de“ fehlt.',
			'„package.datenstand“ fehlt.',
			'„package.license“ fehlt.',
			'„package.name“ darf nur Kleinbuchstaben, Ziffern, - und _ enthalten.',
			'„package.sources“ muss eine Liste von Quellenangaben sein.',
			'„package.minNumerator“ muss eine ganze Zahl ≥ 0 sein.',
			'„package.minDenominator“ muss eine ganze Zahl ≥ 0 sein.',
			'„geometry.files“ fehlt: Welche Datei enthält die Gebiete?',
			'„tables“ fehlt: mindestens eine Tabelle ist nötig.'
		]);
	});
});
