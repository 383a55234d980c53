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

	it('checks levels and map repairs in the config before reading files', () => {
		const base = JSON.parse(readFileSync(example, 'utf8'));
		expect(checkConfig({ ...base, geometry: undefined, levels: [{ id: 'Ortsteil', label_de: '', versions: [{ id: '2021', valid_from: '2021', geometry: { files: [], keyWidth: 'x' } }] }], mend: [{ action: 'rename', level: 'ortsteil', feature: 0, key: '1', to: '2' }, { action: 'paint', level: 'ortsteil' }] })).toEqual([
			'„levels[0].id“ muss aus Kleinbuchstaben, Ziffern und _ bestehen und mit einem Buchstaben beginnen (z. B. „ortsteil“).',
			'„levels[0].label_de“ fehlt (z. B. „Ortsteil“).',
			'„levels[0].versions[0].valid_from“ muss ein Jahr oder null sein.',
			'„levels[0].versions[0].geometry.files“ fehlt: Welche Datei enthält die Gebiete?',
			'„levels[0].versions[0].geometry.keyWidth“ muss eine Stellenzahl, „auto“ oder „strip“ sein.',
			'„mend[0].feature“ muss die Nummer des Objekts in der Datei sein (1, 2, …).',
			'„mend[1].action“ muss eines von rename, drop, merge, drop_part, clip, accept sein.'
		]);
	});

	it('writes a two-level package with boundary versions, a crosswalk and the repairs in its provenance', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'import-levels-'));
		const spec = JSON.parse(readFileSync('tests/fixtures/import/expected.json', 'utf8'));
		const kreis = spec.cases.find((c: { name: string }) => c.name === 'kreis-umsteigeschluessel').config;
		const abs = (f: string) => resolve('tests/fixtures/import/files', f);
		const levels = kreis.levels.map((l: { versions?: { geometry: { files: string[] } }[]; geometry?: { files: string[] }; crosswalks?: { file: string }[] }) => ({
			...l,
			...(l.geometry ? { geometry: { ...l.geometry, files: l.geometry.files.map(abs) } } : {}),
			...(l.versions ? { versions: l.versions.map((v) => ({ ...v, geometry: { ...v.geometry, files: v.geometry.files.map(abs) } })) } : {}),
			...(l.crosswalks ? { crosswalks: l.crosswalks.map((x) => ({ ...x, file: abs(x.file) })) } : {})
		}));
		const config = { ...spec.defaults, ...kreis, levels, tables: kreis.tables.map((t: { file: string }) => ({ ...t, file: abs(t.file) })), output: join(dir, 'kreis') };
		writeFileSync(join(dir, 'kreis.import.json'), JSON.stringify(config));
		const lines: string[] = [];
		const { output } = await importFromConfig(join(dir, 'kreis.import.json'), (l) => lines.push(l));
		expect(output, lines.join('\n')).toBe(join(dir, 'kreis'));
		const d = JSON.parse(readFileSync(join(dir, 'kreis', 'datapackage.json'), 'utf8'));
		expect(d.sozialraum.levels.map((l: { id: string; path: string }) => `${l.id}:${l.path}`)).toEqual(['ortsteil:areas-ortsteil-2021.geojson', 'gemeinde:areas-gemeinde.geojson', 'kreis:areas-kreis.geojson']);
		expect(existsSync(join(dir, 'kreis', 'areas-ortsteil-2014.geojson'))).toBe(true);
		expect(readFileSync(join(dir, 'kreis', 'crosswalk.csv'), 'utf8').split('\n').slice(0, 2)).toEqual(['level,from_version,from_key,to_version,to_key,weight,method', 'ortsteil,2014,003,2021,007,0.6,given']);
		expect(d.sozialraum.provenance.map((p: { action: string }) => p.action)).toEqual(['key_rule', 'territory', 'crosswalk']);
		// the config names files by absolute path here, so messages do too
		expect(lines.filter((l) => l.endsWith('kreis-ortsteile-2014.geojson: Übergeordnete Gebiete (Gemeinde) aus dem Attribut „GEM“ (erkannt, weil seine Werte Schlüssel der Ebene sind); die Lage der Flächen wurde gegengeprüft.'))).toHaveLength(1);
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
