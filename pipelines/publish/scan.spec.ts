import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishPackage } from './publish';
import { describeFinding, scanForWithheld, scanText } from './scan';
import type { WithheldCell } from './disclose-package';

const MINI = 'tests/fixtures/mini';
const MUSTERSTADT = 'data/musterstadt';
let tmp: string;

beforeAll(async () => {
	tmp = await mkdtemp(join(tmpdir(), 'scan-'));
});
afterAll(async () => {
	await rm(tmp, { recursive: true, force: true });
});

const where = (r: Awaited<ReturnType<typeof scanForWithheld>>) =>
	r.findings.map((f) => `${f.file}:${f.line} ${f.cell.kind === 'observation' ? f.cell.indicator_id : f.cell.age_group} ${f.cell.area_key} ${f.cell.year}`);

describe('scanForWithheld', () => {
	it('(a) finds nothing in a site built from the public copy', async () => {
		const site = join(tmp, 'site-public');
		await publishPackage(MINI, join(site, 'data'));
		const r = await scanForWithheld(site, MINI);
		expect(r.withheld).toBe(4);
		// 9 = the 8 package files + references.csv
		expect(r.filesScanned).toBe(9);
		expect(r.findings).toEqual([]);
	});

	it('(b) finds the withheld cells when the internal package itself is the "site", so the check can fail', async () => {
		const site = join(tmp, 'site-internal');
		await cp(MINI, join(site, 'data'), { recursive: true });
		const r = await scanForWithheld(site, MINI);
		expect(where(r)).toEqual([
			'data/observations.csv:5 armut 0102 2024', // secondary
			'data/observations.csv:6 armut 0201 2023', // secondary
			'data/observations.csv:8 armut 0202 2023', // primary: 2 of 10
			'data/observations.csv:9 armut 0202 2024' // primary: 2 of 25
		]);
		expect(describeFinding(r.findings[2])).toBe(
			'data/observations.csv:8: Gebiet „0202“, Indikator „armut“, 2023 ist geheim zu halten (primär), steht aber mit Zahlen da: 0202,armut,2023,20,2,10,'
		);
	});

	it('finds a table that was inlined into a JavaScript bundle, and skips binary files', async () => {
		const site = join(tmp, 'site-inlined');
		await mkdir(join(site, '_app'), { recursive: true });
		const internal = await readFile(join(MINI, 'observations.csv'), 'utf8');
		const bundle = `const a=1;export const obs=${JSON.stringify(internal)};console.log(obs.length);\n`;
		await writeFile(join(site, '_app', 'chunk.js'), bundle);
		await writeFile(join(site, '_app', 'engine.wasm'), internal); // not text: not scanned
		const r = await scanForWithheld(site, MINI);
		expect(where(r)).toEqual([
			'_app/chunk.js:1 armut 0102 2024',
			'_app/chunk.js:1 armut 0201 2023',
			'_app/chunk.js:1 armut 0202 2023',
			'_app/chunk.js:1 armut 0202 2024'
		]);
	});
});

describe('scanText', () => {
	const cell: WithheldCell = { kind: 'observation', area_key: '0202', indicator_id: 'armut', year: 2023, reason: 'primary' };
	const pop: WithheldCell = { kind: 'population', area_key: '0407', age_group: '16_17', year: 2024, reason: 'primary' };
	const withheld = new Map<string, WithheldCell>([
		['0202,armut,2023', cell],
		['0407,2024,16_17', pop]
	]);

	it('reports only records that start with the cell and still carry a number', () => {
		const text = [
			'0202,armut,2023,,,,suppressed', // withheld properly
			'10202,armut,2023,20,2,10,', // another area
			'x0202,armut,2023,20,2,10,', // in the middle of a token
			'0202,armut,2024,20,2,10,', // another year
			'0202,armut,2023,,2,,suppressed', // numerator left behind
			'0407,2024,16_17,', // population withheld
			'"0407,2024,16_17,2"' // population with a number, quoted
		].join('\n');
		expect(scanText(text, 'f.csv', withheld).map((f) => f.line)).toEqual([5, 7]);
	});

	it('reads CRLF files and escaped line breaks', () => {
		expect(scanText('h\r\n0202,armut,2023,20,2,10,\r\n', 'a.csv', withheld).map((f) => f.line)).toEqual([2]);
		expect(scanText('x="h\\r\\n0202,armut,2023,20,2,10,"', 'a.js', withheld).map((f) => f.line)).toEqual([1]);
	});
});

describe.skipIf(!existsSync(join(MUSTERSTADT, 'datapackage.json')))('Musterstadt end to end', () => {
	it('the public copy passes the scan, the internal package does not', async () => {
		const pub = join(tmp, 'musterstadt-public');
		const report = await publishPackage(MUSTERSTADT, pub);
		expect(report.disclosure.observations.summary.primary).toBeGreaterThan(0);
		const clean = await scanForWithheld(pub, MUSTERSTADT);
		expect(clean.findings).toEqual([]);
		const leaky = await scanForWithheld(MUSTERSTADT, MUSTERSTADT);
		expect(leaky.findings.length).toBe(clean.withheld);
	});
});
