import { describe, expect, it } from 'vitest';
import {
	TABLE_SCHEMAS,
	parseCsv,
	parseIndicatorsCsv,
	parseObservationsCsv,
	parseOffersCsv,
	parseTargetsCsv
} from './csv';

/** The columns the fixture rows were written for: without the offers' later optional inventory columns. */
const LATER = ['category', 'address', 'valid_from', 'valid_to'];
const fixtureColumns = (table: keyof typeof TABLE_SCHEMAS) => TABLE_SCHEMAS[table].filter((c) => !LATER.includes(c.name)).map((c) => c.name);

const OBS_HEADER = 'area_key,indicator_id,year,value,numerator,denominator,flag';

describe('parseObservationsCsv', () => {
	it('keeps area keys as text with their leading zeros', () => {
		const t = parseObservationsCsv(`${OBS_HEADER}\n0101,sgb2_u15,2024,12.5,25,200,\n`);
		expect(t.issues).toEqual([]);
		expect(t.rows).toEqual([
			{ area_key: '0101', indicator_id: 'sgb2_u15', year: 2024, value: 12.5, numerator: 25, denominator: 200, flag: '' }
		]);
		expect(t.rowNumbers).toEqual([2]);
	});

	it('reads empty numeric fields as null and an empty flag as the ordinary flag', () => {
		const t = parseObservationsCsv(`${OBS_HEADER}\n0101,sgb2_u15,2020,,,,missing\n0102,sgb2_u15,2020,3,,,\n`);
		expect(t.rows.map((r) => [r.value, r.numerator, r.denominator, r.flag])).toEqual([
			[null, null, null, 'missing'],
			[3, null, null, '']
		]);
	});

	it('rejects a decimal comma with a hint', () => {
		const t = parseObservationsCsv(`${OBS_HEADER}\n0101,sgb2_u15,2024,"1,5",3,200,\n`);
		expect(t.rows).toEqual([]);
		expect(t.issues).toEqual([
			{ severity: 'error', row: 2, column: 'value', message_de: '„1,5“ ist keine Zahl. Dezimaltrennzeichen ist der Punkt.' }
		]);
	});

	it.each([
		['abc', '„abc“ ist keine Zahl.'],
		['1e5', '„1e5“ ist keine Zahl.'],
		[' 12', '„ 12“ ist keine Zahl.'],
		['.5', '„.5“ ist keine Zahl.'],
		['x', '„x“ ist keine Zahl.']
	])('rejects %j in a numeric column', (text, message) => {
		const t = parseObservationsCsv(`${OBS_HEADER}\n0101,sgb2_u15,2024,${text},3,200,\n`);
		expect(t.issues.map((i) => i.message_de)).toEqual([message]);
	});

	it('rejects a non-integer year', () => {
		const t = parseObservationsCsv(`${OBS_HEADER}\n0101,sgb2_u15,20x4,1,1,100,\n`);
		expect(t.issues).toEqual([{ severity: 'error', row: 2, column: 'year', message_de: '„20x4“ ist keine ganze Zahl.' }]);
	});

	it('accepts negative numbers syntactically (range checks belong to the validator)', () => {
		const t = parseObservationsCsv(`${OBS_HEADER}\n0101,sgb2_u15,2024,-1.25,-3,100,\n`);
		expect(t.issues).toEqual([]);
		expect(t.rows[0].value).toBe(-1.25);
	});

	it('rejects a flag outside the list', () => {
		const t = parseObservationsCsv(`${OBS_HEADER}\n0101,sgb2_u15,2024,1,1,100,geheim\n`);
		expect(t.issues[0].message_de).toBe(
			'„geheim“ ist kein zulässiger Wert (erlaubt: suppressed, missing, provisional, break oder leer).'
		);
	});

	it('reports a missing mandatory field', () => {
		const t = parseObservationsCsv(`${OBS_HEADER}\n,sgb2_u15,2024,1,1,100,\n`);
		expect(t.issues).toEqual([{ severity: 'error', row: 2, column: 'area_key', message_de: 'Pflichtfeld ist leer.' }]);
	});
});

describe('parseCsv header and structure', () => {
	it('reports a missing required column on row 1 and reads no rows', () => {
		const t = parseObservationsCsv('area_key,indicator_id,value,numerator,denominator,flag\n0101,x,1,1,1,\n');
		expect(t.rows).toEqual([]);
		expect(t.issues).toEqual([{ severity: 'error', row: 1, column: 'year', message_de: 'Pflichtspalte fehlt.' }]);
	});

	it('warns about unknown columns and reads the known ones in any order', () => {
		const t = parseObservationsCsv('flag,year,bemerkung,area_key,indicator_id,value,numerator,denominator\n,2024,hallo,0101,a,1,1,100\n');
		expect(t.issues).toEqual([
			{ severity: 'warning', row: 1, column: 'bemerkung', message_de: 'Unbekannte Spalte wird ignoriert.' }
		]);
		expect(t.rows[0]).toMatchObject({ area_key: '0101', year: 2024, value: 1 });
	});

	it('reports duplicate column names', () => {
		const t = parseObservationsCsv(`${OBS_HEADER},year\n`);
		expect(t.issues).toContainEqual({ severity: 'error', row: 1, column: 'year', message_de: 'Spaltenname kommt mehrfach vor.' });
	});

	it('reports rows with the wrong number of fields', () => {
		const t = parseObservationsCsv(`${OBS_HEADER}\n0101,sgb2_u15,2024,1,1\n`);
		expect(t.issues).toEqual([{ severity: 'error', row: 2, message_de: 'Zeile hat 5 Felder, die Kopfzeile 7.' }]);
	});

	it('tolerates a BOM with a warning', () => {
		const t = parseObservationsCsv(`\uFEFF${OBS_HEADER}\n0101,a,2024,1,1,100,\n`);
		expect(t.rows).toHaveLength(1);
		expect(t.issues.map((i) => i.severity)).toEqual(['warning']);
	});

	it('reports an empty file', () => {
		expect(parseObservationsCsv('').issues).toEqual([
			{ severity: 'error', row: 1, message_de: 'Datei ist leer; die Kopfzeile fehlt.' }
		]);
	});

	it('handles CRLF line ends and RFC 4180 quoting with commas, quotes and line breaks', () => {
		const specs = [
			{ name: 'a', type: 'string', empty: 'empty', description_de: '' },
			{ name: 'b', type: 'integer', empty: 'null', description_de: '' }
		] as const;
		const t = parseCsv<{ a: string; b: number | null }>('a,b\r\n"x, ""y""\nz",3\r\n', specs);
		expect(t.issues).toEqual([]);
		expect(t.rows).toEqual([{ a: 'x, "y"\nz', b: 3 }]);
	});
});

describe('list columns', () => {
	const header = fixtureColumns('offers').join(',');

	it('splits pipe-separated lists and checks list elements', () => {
		const t = parseOffersCsv(`${header}\nA1,Kita,AWO,u3|3_6,Bildung|Familie,0101,7.3,51.5,80,\n`);
		expect(t.issues).toEqual([]);
		expect(t.rows[0]).toMatchObject({ life_phases: ['u3', '3_6'], topics: ['Bildung', 'Familie'], places: 80, description: '' });
	});

	it('rejects an unknown life phase inside a list', () => {
		const t = parseOffersCsv(`${header}\nA1,Kita,AWO,u3|kita,Bildung,0101,7.3,51.5,,\n`);
		expect(t.issues[0]).toMatchObject({ row: 2, column: 'life_phases' });
		expect(t.issues[0].message_de).toMatch(/^„kita“ ist kein zulässiger Wert \(erlaubt: schwangerschaft_geburt, u3,/);
	});

	it('reads an empty list as [] where allowed', () => {
		const h = TABLE_SCHEMAS.targets.map((c) => c.name).join(',');
		const t = parseTargetsCsv(`${h}\nFZ1,betreuung_u3,city,,2020,30,45,2028,Jugendamt,Beschluss,,adopted\n`);
		expect(t.issues).toEqual([]);
		expect(t.rows[0].scope_keys).toEqual([]);
		expect(t.rows[0].note).toBe('');
	});

	it('rejects an empty list element', () => {
		const h = TABLE_SCHEMAS.targets.map((c) => c.name).join(',');
		const t = parseTargetsCsv(`${h}\nFZ1,x,sozialraum,0101||0102,2020,30,45,2028,,,,adopted\n`);
		expect(t.issues.map((i) => i.message_de)).toEqual(['„0101||0102“ enthält einen leeren Listeneintrag.']);
	});
});

describe('parseIndicatorsCsv', () => {
	it('types multiplier and decimals and checks the enums', () => {
		const header = TABLE_SCHEMAS.indicators.map((c) => c.name).join(',');
		const ok = 'sgb2_u15,SGB-II-Quote,Child poverty,%,100,proportion,higher_is_worse,kontext,Soziale Lage,d,e,Z,N,BA,1';
		const bad = 'x,X,X,%,100,proportion,higher_is_bad,kontext,,,,,,,1';
		const t = parseIndicatorsCsv(`${header}\n${ok}\n${bad}\n`);
		expect(t.rows).toHaveLength(1);
		expect(t.rows[0]).toMatchObject({ multiplier: 100, decimals: 1, polarity: 'higher_is_worse' });
		expect(t.issues).toEqual([
			{
				severity: 'error',
				row: 3,
				column: 'polarity',
				message_de: '„higher_is_bad“ ist kein zulässiger Wert (erlaubt: higher_is_better, higher_is_worse, neutral).'
			}
		]);
	});
});
