import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readPackageFromDir } from '../../src/lib/data/package/load-node';
import { readPackage } from '../../src/lib/data/package/validate';
import { PublishError, publishPackage, type PublishReport } from './publish';

const MINI = 'tests/fixtures/mini';
let tmp: string;
let report: PublishReport;
let out: string;

beforeAll(async () => {
	tmp = await mkdtemp(join(tmpdir(), 'publish-'));
	out = join(tmp, 'public');
	report = await publishPackage(MINI, out);
});
afterAll(async () => {
	await rm(tmp, { recursive: true, force: true });
});

const read = (dir: string, file: string) => readFile(join(dir, file), 'utf8');

describe('publishPackage on tests/fixtures/mini', () => {
	it('empties value, numerator and denominator of every withheld observation and flags it', async () => {
		// armut 2023: 0202 (2 of 10) primary, 0201 its only sibling → secondary.
		// armut 2024: 0202 (2 of 25) primary; 0201 has no value, so Stadtbezirk 02's total (2 of 25)
		// is primary itself; the city total then needs Stadtbezirk 01 hidden, and 01 its smallest child 0102.
		expect(await read(out, 'observations.csv')).toBe(
			[
				'area_key,indicator_id,year,value,numerator,denominator,flag',
				'0101,armut,2023,20,200,1000,',
				'0101,armut,2024,25,250,1000,',
				'0102,armut,2023,10,50,500,',
				'0102,armut,2024,,,,suppressed',
				'0201,armut,2023,,,,suppressed',
				'0201,armut,2024,,,,missing',
				'0202,armut,2023,,,,suppressed',
				'0202,armut,2024,,,,suppressed',
				'0101,betreuung,2024,30,90,300,',
				'0102,betreuung,2024,40,40,100,',
				'0201,betreuung,2024,20,60,300,',
				'0202,betreuung,2024,0,0,30,', // a true zero stays
				''
			].join('\n')
		);
		expect(report.changed).toEqual({ observations: 4, population: 0 });
		expect(report.disclosure.observations.summary).toMatchObject({ primary: 2, secondary: 2 });
	});

	it('copies every other file byte for byte', async () => {
		for (const file of ['areas-sozialraum.geojson', 'areas-stadtbezirk.geojson', 'indicators.csv', 'offers.csv', 'population.csv', 'targets.csv']) {
			expect(Buffer.compare(await readFile(join(out, file)), await readFile(join(MINI, file))), file).toBe(0);
		}
		expect(report.files).toEqual([
			'areas-sozialraum.geojson',
			'areas-stadtbezirk.geojson',
			'datapackage.json',
			'indicators.csv',
			'observations.csv',
			'offers.csv',
			'population.csv',
			'references.csv',
			'targets.csv'
		]);
	});

	it('ships the true, safe totals as references.csv, without the withheld ones', async () => {
		const refs = (await read(out, 'references.csv')).trim().split('\n');
		expect(refs[0]).toBe('area_key,indicator_id,year,value,numerator,denominator,basis,weights,areas_used');
		// Bezirk 01 in 2023: (200 + 50) / (1000 + 500) from all its cells
		expect(refs).toContain('01,armut,2023,16.666667,250,1500,pooled,,');
		// the whole territory (key "") in 2023 counts the withheld cells too: (200+50+400+2)/(1000+500+1000+10)
		expect(refs).toContain(',armut,2023,25.976096,652,2510,pooled,,');
		// every cell of mini has numerator and denominator: no mean anywhere
		expect(refs.filter((r) => !r.includes(',pooled,'))).toEqual(['area_key,indicator_id,year,value,numerator,denominator,basis,weights,areas_used']);
		// totals 01 and 02 of 2024 are withheld (secondary suppression): they must not be there
		expect(refs.some((r) => r.startsWith('01,armut,2024,') || r.startsWith('02,armut,2024,'))).toBe(false);
	});

	it('marks the descriptor as published, adds a German note and keeps everything else', async () => {
		const internal = JSON.parse(await read(MINI, 'datapackage.json'));
		const pub = JSON.parse(await read(out, 'datapackage.json'));
		expect(pub.sozialraum.published).toBe(true);
		const note = pub.resources.find((r: { name: string }) => r.name === 'observations').description;
		expect(note).toContain('Geheimhaltung: In dieser öffentlichen Fassung sind 4 Werte unterdrückt');
		expect(note).toContain('Zähler unter 3 oder Nenner unter 20');
		delete pub.sozialraum.published;
		delete pub.resources.find((r: { name: string }) => r.name === 'observations').description;
		pub.resources = pub.resources.filter((r: { name: string }) => r.name !== 'references');
		expect(pub).toEqual(internal);
	});

	it('writes a package the validator accepts, and logs in German', async () => {
		const { data, problems } = readPackage(await readPackageFromDir(out));
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(data?.descriptor.sozialraum.published).toBe(true);
		expect(report.log).toContain('Beobachtungen: 12 Zellen, davon 2 primär und 2 sekundär unterdrückt.');
		// Feinziel Z1's baseline is 0201 in 2023, a withheld cell: the publisher has to decide.
		expect(report.warnings.join('\n')).toContain('Feinziel „Z1“: Der Ausgangswert 2023 für „0201“ ist geheim zu halten');
	});

	it('is deterministic: a second run gives the same bytes, and may replace its own earlier output', async () => {
		const again = join(tmp, 'again');
		await publishPackage(MINI, again);
		await publishPackage(MINI, again); // replaces the earlier public copy
		const files = (await readdir(out)).sort();
		expect((await readdir(again)).sort()).toEqual(files);
		for (const f of files) expect(Buffer.compare(await readFile(join(again, f)), await readFile(join(out, f))), f).toBe(0);
	});
});

describe('publishPackage refuses what could leak or destroy', () => {
	it('does not publish a public copy again, nor into a folder with other content, nor into the package itself', async () => {
		await expect(publishPackage(out, join(tmp, 'twice'))).rejects.toThrow('ist bereits eine öffentliche Fassung');
		const foreign = join(tmp, 'foreign');
		await mkdir(foreign, { recursive: true });
		await writeFile(join(foreign, 'notizen.txt'), 'wichtig');
		await expect(publishPackage(MINI, foreign)).rejects.toThrow('ist nicht leer und enthält keine frühere öffentliche Fassung');
		expect(await read(foreign, 'notizen.txt')).toBe('wichtig');
		await expect(publishPackage(MINI, join(MINI, 'public'))).rejects.toThrow('dürfen nicht ineinander liegen');
	});

	it('writes nothing when the internal package has errors (an unread row is an unchecked row)', async () => {
		const broken = join(tmp, 'broken');
		await cp(MINI, broken, { recursive: true });
		const obs = await read(broken, 'observations.csv');
		await writeFile(join(broken, 'observations.csv'), obs.replace('0202,armut,2023,20,2,10,', '0202,armut,2023,20,2;10,'));
		const target = join(tmp, 'broken-public');
		const error = await publishPackage(broken, target).catch((e) => e);
		expect(error).toBeInstanceOf(PublishError);
		expect(error.message).toContain('enthält Fehler; ohne vollständige Prüfung wird keine öffentliche Fassung erstellt');
		expect(error.message).toContain('observations.csv, Zeile 8');
		await expect(readdir(target)).rejects.toThrow();
	});
});

describe('population and unlisted files', () => {
	let dir: string;
	let pubDir: string;
	let r: PublishReport;
	beforeAll(async () => {
		dir = join(tmp, 'pop');
		pubDir = join(tmp, 'pop-public');
		await cp(MINI, dir, { recursive: true });
		await writeFile(
			join(dir, 'population.csv'),
			[
				'area_key,year,age_group,persons',
				'0101,2024,0_2,300',
				'0102,2024,0_2,2', // 1 … 2 persons: withheld
				'0201,2024,0_2,40',
				'0202,2024,0_2,0', // nobody: stays
				'0101,2024,insgesamt,8000',
				'0102,2024,insgesamt,150',
				''
			].join('\n')
		);
		await writeFile(join(dir, 'rohdaten-intern.xlsx'), 'not for the public');
		r = await publishPackage(dir, pubDir);
	});

	it('empties small age-group counts and the sibling that would give them away, with a note', async () => {
		// Stadtbezirk 01 (302 children 0–2) minus 0101 would give 0102's 2 back, so 0101 goes as well.
		expect(await read(pubDir, 'population.csv')).toBe(
			['area_key,year,age_group,persons', '0101,2024,0_2,', '0102,2024,0_2,', '0201,2024,0_2,40', '0202,2024,0_2,0', '0101,2024,insgesamt,8000', '0102,2024,insgesamt,150', ''].join(
				'\n'
			)
		);
		expect(r.changed.population).toBe(2);
		const pub = JSON.parse(await read(pubDir, 'datapackage.json'));
		expect(pub.resources.find((x: { name: string }) => x.name === 'population').description).toBe(
			'Geheimhaltung: In dieser öffentlichen Fassung sind 2 Personenzahlen leer (Altersgruppen mit 1 bis 2 Personen sowie Zahlen, aus denen sie sich errechnen ließen).'
		);
		expect(r.log).toContain('Bevölkerung: 6 Zellen, davon 1 primär und 1 sekundär geleert.');
	});

	it('does not copy files the descriptor does not describe, and says so', async () => {
		expect(await readdir(pubDir)).not.toContain('rohdaten-intern.xlsx');
		expect(r.skipped).toEqual(['rohdaten-intern.xlsx']);
		expect(r.warnings).toContain('„rohdaten-intern.xlsx“ wird nicht übernommen: Die Datei ist in datapackage.json nicht beschrieben.');
	});
});

describe('command line', () => {
	it('prints German counts and exits 0; exits 1 with a German message on error', async () => {
		const run = promisify(execFile);
		const target = join(tmp, 'cli');
		const ok = await run('node_modules/.bin/tsx', ['pipelines/publish/publish.ts', MINI, target]);
		expect(ok.stdout).toContain('Beobachtungen: 12 Zellen, davon 2 primär und 2 sekundär unterdrückt.');
		expect(ok.stdout).toContain('Summen (Stadtbezirke, Ministadt insgesamt): 2 von 9 geheim zu halten (1 primär, 1 sekundär).');
		const failed = await run('node_modules/.bin/tsx', ['pipelines/publish/publish.ts', target, join(tmp, 'cli2')]).catch((e) => e);
		expect(failed.code).toBe(1);
		expect(failed.stderr).toContain('Fehler: ');
		expect(failed.stderr).toContain('bereits eine öffentliche Fassung');
	});
});
