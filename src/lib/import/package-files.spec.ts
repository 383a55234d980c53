import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeZip } from './zip-write';
import { packageFilesFrom, PackageFilesError } from './package-files';

const enc = new TextEncoder();
const DIR = 'tests/fixtures/derived';
const folder = () => readdirSync(DIR).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(DIR, name))) }));
const names = (files: Record<string, Uint8Array>) => Object.keys(files).sort();

async function refusal(p: Promise<unknown>): Promise<PackageFilesError> {
	const e = await p.then(() => null, (err) => err);
	expect(e).toBeInstanceOf(PackageFilesError);
	return e as PackageFilesError;
}

describe('packageFilesFrom', () => {
	it('takes the files of a package folder by name', async () => {
		const files = await packageFilesFrom(folder());
		expect(names(files)).toEqual(readdirSync(DIR).sort());
		expect(new TextDecoder().decode(files['datapackage.json'])).toContain('"derived-fixture"');
	});

	it('takes a zip of the folder, paths relative to the folder that holds datapackage.json', async () => {
		const zip = await writeZip(folder().map((f) => ({ name: `teststadt/${f.name}`, bytes: f.bytes })));
		const files = await packageFilesFrom([{ name: 'teststadt.zip', bytes: zip }]);
		expect(names(files)).toEqual(readdirSync(DIR).sort());
		expect(files['observations.csv']).toEqual(new Uint8Array(readFileSync(join(DIR, 'observations.csv'))));
	});

	it('refuses files without a datapackage.json, naming the file the package needs', async () => {
		const e = await refusal(packageFilesFrom([{ name: 'observations.csv', bytes: enc.encode('area_key\n') }]));
		expect(e.key).toBe('import.open.noDescriptor');
	});

	it('names the files the descriptor lists but the choice lacks', async () => {
		const e = await refusal(packageFilesFrom(folder().filter((f) => f.name !== 'observations.csv' && f.name !== 'areas-stadtbezirk.geojson')));
		expect(e.key).toBe('import.open.missing');
		expect(String(e.params.files).split(', ').sort()).toEqual(['areas-stadtbezirk.geojson', 'observations.csv']);
	});

	it('refuses two packages at once and a broken zip, naming the files', async () => {
		const zip = await writeZip([{ name: 'a/datapackage.json', bytes: enc.encode('{}') }, { name: 'b/datapackage.json', bytes: enc.encode('{}') }]);
		const two = await refusal(packageFilesFrom([{ name: 'zwei.zip', bytes: zip }]));
		expect(two.key).toBe('import.open.twoDescriptors');
		expect(two.params.files).toBe('a/datapackage.json, b/datapackage.json');
		const broken = await refusal(packageFilesFrom([{ name: 'kaputt.zip', bytes: enc.encode('kein zip') }]));
		expect(broken.key).toBe('import.open.badZip');
		expect(broken.params.file).toBe('kaputt.zip');
	});
});

describe('the fixture package with derived.json (tests/fixtures/mit-eigenen-indikatoren)', () => {
	it('is what tests/fixtures/variants/make-derived.ts writes, byte for byte, and loads as a package with its derived.json', async () => {
		const { withDerivedPackage, WITH_DERIVED_DIR } = await import('../../../tests/fixtures/variants/make-derived');
		const want = withDerivedPackage();
		for (const [file, text] of Object.entries(want)) expect(readFileSync(join(WITH_DERIVED_DIR, file), 'utf8'), file).toBe(text);
		const chosen = readdirSync(WITH_DERIVED_DIR).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(WITH_DERIVED_DIR, name))) }));
		const files = await packageFilesFrom(chosen);
		expect(names(files)).toEqual(Object.keys(want).sort());
		const d = JSON.parse(new TextDecoder().decode(files['datapackage.json']));
		expect(d.resources.find((r: { name: string }) => r.name === 'derived')).toMatchObject({ path: 'derived.json' });
	});
});
