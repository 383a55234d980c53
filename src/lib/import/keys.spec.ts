import { describe, expect, it } from 'vitest';
import { applyKeyRule, keyRuleExamples, keyRuleText, resolveKeyRule } from './keys';

describe('key rules', () => {
	it('pads to the widest digit key seen when lengths differ ("1" in one file, "001" in the next)', () => {
		const rule = resolveKeyRule('auto', ['001', '002', '012'], ['1', '12']);
		expect(rule).toEqual({ kind: 'pad', width: 3 });
		expect(['1', '12', '012', 'A1'].map((k) => applyKeyRule(k, rule))).toEqual(['001', '012', '012', 'A1']);
	});

	it('leaves keys alone when every digit key has one length, and strips zeros when asked', () => {
		expect(resolveKeyRule('auto', ['0101', '0102'], ['0101'])).toEqual({ kind: 'keep' });
		expect(resolveKeyRule(0, ['1', '001'])).toEqual({ kind: 'keep' });
		const strip = resolveKeyRule('strip');
		expect(['001', '0', '000', '0A1', '120'].map((k) => applyKeyRule(k, strip))).toEqual(['1', '0', '0', '0A1', '120']);
	});

	it('says the rule with examples of keys it changes', () => {
		const rule = resolveKeyRule(3);
		const examples = keyRuleExamples(rule, ['001', '1', '1', '12', '5']);
		expect(examples).toEqual([{ from: '1', to: '001' }, { from: '12', to: '012' }, { from: '5', to: '005' }]);
		expect(keyRuleText(rule, examples)).toBe('Schlüssel aus Ziffern werden mit führenden Nullen auf 3 Stellen aufgefüllt (1 → 001, 12 → 012, 5 → 005).');
		expect(keyRuleText({ kind: 'strip' }, keyRuleExamples({ kind: 'strip' }, ['001']))).toBe('Führende Nullen werden aus Schlüsseln aus Ziffern entfernt (001 → 1).');
		expect(keyRuleText({ kind: 'pad', width: 4 }, [])).toBe('Schlüssel aus Ziffern werden mit führenden Nullen auf 4 Stellen aufgefüllt (kein Schlüssel ändert sich).');
	});
});
