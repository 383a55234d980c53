import { describe, expect, it } from 'vitest';
import { computationOf, formatFormula, parseFormula } from './formula';

const ok = (text: string) => {
	const r = parseFormula(text);
	expect(r.issues).toEqual([]);
	return r.formula;
};
const firstIssue = (text: string) => parseFormula(text).issues[0];

describe('parseFormula', () => {
	it('reads the example of the issue: two numerators over two age groups, per 100', () => {
		const f = ok('zaehler = sgb2_u3.zaehler + sgb2_3_6.zaehler; nenner = bev_0_2 + bev_3_5; faktor = 100');
		expect(f.numerator).toEqual([
			{ sign: 1, ref: { kind: 'indicator', indicator: 'sgb2_u3', field: 'zaehler' } },
			{ sign: 1, ref: { kind: 'indicator', indicator: 'sgb2_3_6', field: 'zaehler' } }
		]);
		expect(f.denominator).toEqual([
			{ sign: 1, ref: { kind: 'population', ageGroup: '0_2' } },
			{ sign: 1, ref: { kind: 'population', ageGroup: '3_5' } }
		]);
		expect(f.multiplier).toBe(100);
		expect(f.value_type).toBeNull();
		expect(f.spans.numerator).toEqual([{ from: 10, to: 25 }, { from: 28, to: 44 }]);
	});

	it('reads differences, line breaks, umlauts, capitals, the German thousands point and English words', () => {
		const f = ok('Zähler = sgb2_u15.Zähler − sgb2_u3.zaehler - sgb2_6_10.zaehler\nNENNER = bev_insgesamt\nfaktor = 1.000\ntyp = Rate\n');
		expect(f.numerator!.map((t) => t.sign)).toEqual([1, -1, -1]);
		expect(f.multiplier).toBe(1000);
		expect(f.value_type).toBe('rate');
		expect(ok('numerator = a.numerator; denominator = a.denominator; factor = 100; type = proportion').value_type).toBe('proportion');
		expect(ok('zaehler = x.wert; typ = anzahl').numerator![0].ref).toEqual({ kind: 'indicator', indicator: 'x', field: 'wert' });
	});

	it('names what is wrong, with the position', () => {
		expect(firstIssue('zaehler = sgb2_u3')).toMatchObject({ key: 'derived.formula.fieldMissing', params: { ref: 'sgb2_u3' }, from: 10, to: 17 });
		expect(firstIssue('zaehler = sgb2_u3.wertig')).toMatchObject({ key: 'derived.formula.field' });
		expect(firstIssue('zaehler sgb2_u3.zaehler')).toMatchObject({ key: 'derived.formula.expectedEquals' });
		expect(firstIssue('zahler = a.zaehler')).toMatchObject({ key: 'derived.formula.unknownKey', params: { text: 'zahler' } });
		expect(firstIssue('zaehler = a.zaehler +')).toMatchObject({ key: 'derived.formula.expectedTerm', params: { after: '+' } });
		expect(firstIssue('zaehler = ;')).toMatchObject({ key: 'derived.formula.emptySum' });
		expect(firstIssue('zaehler = a.zaehler + 5')).toMatchObject({ key: 'derived.formula.constant', params: { text: '5' } });
		expect(firstIssue('zaehler = a.zaehler nenner = b.nenner')).toMatchObject({ key: 'derived.formula.missingSeparator', params: { text: 'nenner' } });
		expect(firstIssue('zaehler = a.zaehler; faktor = 50')).toMatchObject({ key: 'derived.formula.multiplier', params: { text: '50' } });
		expect(firstIssue('zaehler = a.zaehler; faktor = 1.5')).toMatchObject({ key: 'derived.formula.unexpected' });
		expect(firstIssue('zaehler = a.zaehler; typ = quote2')).toMatchObject({ key: 'derived.formula.type' });
		expect(firstIssue('zaehler = a.zaehler; zaehler = b.zaehler')).toMatchObject({ key: 'derived.formula.duplicateKey' });
		expect(firstIssue('zaehler = bev_0_2.zaehler')).toMatchObject({ key: 'derived.formula.populationField', params: { ref: 'bev_0_2' } });
		expect(firstIssue('zaehler = a.zaehler * 2')).toMatchObject({ key: 'derived.formula.unexpected', params: { text: '*', pos: 21 } });
	});

	it('reports the first problem of every statement, not only the first one', () => {
		const { issues, formula } = parseFormula('zaehler = a; nenner = bev_0_2; faktor = 7');
		expect(issues.map((i) => i.key)).toEqual(['derived.formula.fieldMissing', 'derived.formula.multiplier']);
		expect(formula.denominator).toHaveLength(1);
	});
});

describe('formatFormula and computationOf', () => {
	it('writes the line the parser reads back to the same computation', () => {
		const text = 'zaehler = - a.zaehler + b.zaehler - bev_3_5; nenner = a.nenner + bev_0_2; faktor = 1000; typ = rate';
		const c = computationOf(ok(text))!;
		expect(formatFormula(c)).toBe(text);
		expect(computationOf(ok(formatFormula(c)))).toEqual(c);
	});

	it('fills what the line leaves out: a count has no denominator, a proportion is per 100 by default', () => {
		expect(computationOf(ok('zaehler = a.zaehler'))).toEqual({ numerator: [{ sign: 1, ref: { kind: 'indicator', indicator: 'a', field: 'zaehler' } }], denominator: [], multiplier: 1, value_type: 'count' });
		expect(computationOf(ok('zaehler = a.zaehler; nenner = a.nenner'))).toMatchObject({ multiplier: 100, value_type: 'proportion' });
		expect(computationOf(ok('zaehler = a.zaehler; nenner = a.nenner'), { value_type: 'rate', multiplier: 1000 })).toMatchObject({ multiplier: 1000, value_type: 'rate' });
		expect(formatFormula(computationOf(ok('zaehler = a.zaehler; typ = anzahl'))!)).toBe('zaehler = a.zaehler; typ = anzahl');
		expect(computationOf(ok('nenner = a.nenner'))).toBeNull();
	});
});
