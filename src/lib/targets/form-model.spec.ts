import { describe, expect, it } from 'vitest';
import { buildRecord, parseDecimal, stateFromRecord, type FormState } from './form-model';
import { ctx } from './spec-fixtures';

const form = (over: Partial<FormState> = {}): FormState => ({
	id: '', indicator_id: 'quote', scope_type: 'sozialraum', areas: ['0101'], baseline_year: 2023,
	rule: 'absolute', amount: '25,5', target_year: '2030', owner: 'Jugendamt', decision: '', note: '', status: 'draft', ...over
});
const ind = ctx.indicators[0];

describe('form model', () => {
	it('reads German and English decimals and typographic minus', () => {
		expect(parseDecimal('25,5')).toBe(25.5);
		expect(parseDecimal(' −3 ')).toBe(-3);
		expect(parseDecimal('1.234,5')).toBe(1234.5);
		expect(parseDecimal('25.5')).toBe(25.5);
		expect(parseDecimal('12,5 %')).toBe(12.5);
		expect(parseDecimal('')).toBeNull();
		expect(parseDecimal('zwölf')).toBeNull();
	});

	it('builds a record with the baseline from the data', () => {
		const r = buildRecord(form(), ind, 40.797721, 25.5, ctx);
		expect(r.issues).toEqual([]);
		expect(r.record).toMatchObject({ baseline_year: 2023, baseline_value: 40.797721, target_value: 25.5, target_year: 2030, scope_keys: ['0101'], rule: { kind: 'absolute' } });
	});

	it('resolves "halve the gap to the city" with the city value of the baseline year and keeps the rule', () => {
		// 25.5 + (40.797721 − 25.5)/2 = 33.1488605 → 33.1
		const r = buildRecord(form({ rule: 'gap', amount: '' }), ind, 40.797721, 25.5, ctx);
		expect(r.record).toMatchObject({ target_value: 33.1, rule: { kind: 'gap', factor: 0.5, reference: 25.5 } });
	});

	it('names the problems per field', () => {
		expect(buildRecord(form({ amount: 'viel' }), ind, 40, 25, ctx).issues).toEqual([{ field: 'target_value', key: 'targets.err.number' }]);
		expect(buildRecord(form(), ind, null, 25, ctx).issues).toEqual([{ field: 'baseline_value', key: 'targets.err.noBaseline' }]);
		expect(buildRecord(form({ areas: [] }), ind, null, 25, ctx).issues).toEqual([{ field: 'scope_keys', key: 'targets.err.scopeEmpty' }]);
		expect(buildRecord(form({ scope_type: 'city', areas: [], rule: 'gap' }), ind, 40, 25, ctx).issues.map((i) => i.key)).toEqual(['targets.err.gapCity']);
		expect(buildRecord(form({ target_year: '2022', owner: '' }), ind, 40, 25, ctx).issues.map((i) => i.field)).toEqual(['target_year', 'owner']);
	});

	it('gives back the form of a stored record', () => {
		const r = buildRecord(form({ rule: 'percent', amount: '-10' }), ind, 40, 25, ctx).record!;
		expect(r.target_value).toBe(36);
		expect(stateFromRecord(r, 'de')).toEqual(form({ rule: 'percent', amount: '-10' }));
	});
});
