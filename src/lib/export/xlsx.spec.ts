import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { sheetName, toXlsx } from './xlsx';
import type { ExportTable } from './table';

const table: ExportTable = {
	name: 'SGB-II-Quote [2025]',
	columns: [{ label: 'Sozialraum' }, { label: 'Wert', decimals: 1 }, { label: 'Zähler', decimals: 0 }],
	rows: [
		["=cmd|' /C calc'!A0", -1.25, 12],
		['@SUM(1+1)', null, '•'],
		['Altstadt', 18.4, 230]
	],
	meta: [
		['Titel', 'SGB-II-Quote unter 15 Jahren, 2025'],
		['Quelle', '+Statistik der BA']
	]
};

describe('toXlsx', async () => {
	const wb = XLSX.read(await toXlsx(table), { type: 'array', cellFormula: true, cellNF: true });
	const ws = wb.Sheets[wb.SheetNames[0]];

	it('writes a data sheet and an info sheet', () => {
		expect(wb.SheetNames).toEqual(['SGB-II-Quote 2025', 'Angaben']);
		expect(wb.Sheets.Angaben.A1.v).toBe('Titel');
		expect(wb.Sheets.Angaben.B2.v).toBe("'+Statistik der BA");
	});

	it('neutralises formula-like text and writes no formula at all', () => {
		expect(ws.A2).toMatchObject({ t: 's', v: "'=cmd|' /C calc'!A0" });
		expect(ws.A3).toMatchObject({ t: 's', v: "'@SUM(1+1)" });
		for (const [addr, c] of Object.entries(ws)) if (!addr.startsWith('!')) expect((c as XLSX.CellObject).f).toBeUndefined();
	});

	it('keeps negative numbers as numbers with the column format', () => {
		expect(ws.B2).toMatchObject({ t: 'n', v: -1.25, z: '0.0' });
		expect(ws.C4).toMatchObject({ t: 'n', v: 230 });
		expect(ws.B3).toBeUndefined();
		expect(ws.C3).toMatchObject({ t: 's', v: '•' });
	});
});

describe('sheetName', () => {
	it('drops characters Excel forbids and keeps 31 characters', () => {
		expect(sheetName('a/b:c*d?e[f]g\\h')).toBe('a b c d e f g h');
		expect(sheetName('x'.repeat(40))).toHaveLength(31);
		expect(sheetName('  ')).toBe('Tabelle');
	});
});
