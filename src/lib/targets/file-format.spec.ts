import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3';
import { readFileSync } from 'node:fs';
import { CSV_COLUMNS, decodeFile, plainNumber, ruleFromText, ruleToText, toCsv, toJson } from './file-format';
import type { TargetRecord } from './model';

describe('file formats', () => {
	it('writes numbers without exponent and reads them back exactly', () => {
		for (const v of [0, 25, -3, 40.797721, 1e-7, 1.2345678901234e-9, 1e21, 123456789012345680000, 0.1 + 0.2]) {
			const s = plainNumber(v);
			expect(s).not.toMatch(/e/i);
			expect(Number(s)).toBe(v);
		}
		expect(plainNumber(1e-7)).toBe('0.0000001');
	});

	it('writes rules as short text and reads them back', () => {
		for (const r of [{ kind: 'absolute' }, { kind: 'points', delta: -3 }, { kind: 'percent', delta: -10 }, { kind: 'gap', factor: 0.5, reference: 25.493025 }] as const) {
			expect(ruleFromText(ruleToText(r))).toEqual(r);
		}
		expect(ruleToText({ kind: 'percent', delta: -10 })).toBe('percent:-10');
		expect(ruleFromText('halbieren')).toBeNull();
	});

	it('has the columns of the package targets.csv, plus the rule', () => {
		const header = readFileSync('data/musterstadt/targets.csv', 'utf8').split('\n')[0].split(',');
		expect(CSV_COLUMNS).toEqual([...header, 'target_rule']);
	});

	it('reads the package targets.csv itself', () => {
		const d = decodeFile('targets.csv', readFileSync('data/musterstadt/targets.csv', 'utf8'));
		expect(d.records.map((t) => t.id)).toEqual(['FZ01', 'FZ02', 'FZ03', 'FZ04']);
		expect(d.records[3]).toMatchObject({ scope_keys: ['0603', '0604'], target_value: 7.6, rule: { kind: 'absolute' } });
	});

	it('round-trips records with awkward text through CSV and JSON', () => {
		const t: TargetRecord = {
			id: 'Z-1', indicator_id: 'q', scope_type: 'sozialraum', scope_keys: ['0101', '0102'], baseline_year: 2020, baseline_value: 1e-7,
			target_value: 0.1 + 0.2, target_year: 2030, owner: ' Amt, „Abt.“ 5 ', decision: '=SUMME(A1)', note: 'Zeile 1\r\nZeile 2 "zitiert"', status: 'draft',
			rule: { kind: 'gap', factor: 0.5, reference: 3.3 }
		};
		expect(decodeFile('a.csv', toCsv([t])).records).toEqual([t]);
		expect(decodeFile('a.json', toJson([t])).records).toEqual([t]);
		expect(csvParse(toCsv([t]))[0].note).toBe(t.note);
	});
});
