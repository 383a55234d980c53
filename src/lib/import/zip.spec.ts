import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { crc32, writeZip } from './zip-write';
import { readZip, ZipError } from './zip-read';

const enc = new TextEncoder();

describe('crc32', () => {
	it('matches the published check value', () => {
		expect(crc32(enc.encode('123456789'))).toBe(0xcbf43926);
	});
});

describe('writeZip / readZip', () => {
	it('round-trips deflated and stored entries with UTF-8 names', async () => {
		const files = [
			{ name: 'observations.csv', bytes: enc.encode('area_key,year\n'.repeat(200)) },
			{ name: 'Straße.txt', bytes: new Uint8Array([1, 2, 3]) }
		];
		const zip = await writeZip(files);
		const back = await readZip(zip);
		expect(back.map((e) => e.name)).toEqual(['observations.csv', 'Straße.txt']);
		expect(back[0].bytes).toEqual(files[0].bytes);
		expect(back[1].bytes).toEqual(files[1].bytes);
	});

	it('writes the same bytes for the same input', async () => {
		const files = [{ name: 'a.csv', bytes: enc.encode('x,y\n1,2\n') }];
		expect(await writeZip(files)).toEqual(await writeZip(files));
	});

	it('writes archives another ZIP implementation reads (SheetJS CFB)', async () => {
		const zip = await writeZip([{ name: 'a.csv', bytes: enc.encode('hello '.repeat(50)) }]);
		const cfb = XLSX.CFB.read(zip, { type: 'array' });
		const entry = XLSX.CFB.find(cfb, 'a.csv');
		expect(new TextDecoder().decode(entry.content)).toBe('hello '.repeat(50));
	});

	it('reads archives written by another implementation (SheetJS CFB, deflated)', async () => {
		const cfb = XLSX.CFB.utils.cfb_new();
		XLSX.CFB.utils.cfb_add(cfb, 'gebiete.dbf', enc.encode('dbf '.repeat(100)));
		const zip = XLSX.CFB.write(cfb, { type: 'array', fileType: 'zip', compression: true }) as number[] | Uint8Array;
		const back = await readZip(new Uint8Array(zip));
		expect(back.find((e) => e.name.endsWith('gebiete.dbf'))?.bytes).toEqual(enc.encode('dbf '.repeat(100)));
	});

	it('reads what the system zip tool writes, when there is one', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'zip-'));
		writeFileSync(join(dir, 'a.txt'), 'Inhalt '.repeat(40));
		try {
			execFileSync('zip', ['-q', 'out.zip', 'a.txt'], { cwd: dir });
		} catch {
			return; // no zip binary on this machine: covered by the CFB cases above
		}
		const back = await readZip(new Uint8Array(readFileSync(join(dir, 'out.zip'))));
		expect(new TextDecoder().decode(back[0].bytes)).toBe('Inhalt '.repeat(40));
	});

	it('says clearly when a file is not a ZIP archive', async () => {
		await expect(readZip(enc.encode('not a zip at all, just text'))).rejects.toBeInstanceOf(ZipError);
	});
});
