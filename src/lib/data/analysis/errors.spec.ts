import { describe, expect, it } from 'vitest';
import { errorPosition, explainError } from './errors';

describe('errorPosition', () => {
	it('maps DuckDB\'s caret back onto the planner\'s line', () => {
		const msg = 'Parser Error: syntax error at or near "FRM"\n\nLINE 1: SELECT * FRM x\n                 ^';
		expect(errorPosition(msg, 'SELECT * FRM x')).toEqual({ line: 1, column: 10, offset: 9 });
	});

	it('finds the position in a long line DuckDB shows cut to a window ("...")', () => {
		const text = `SELECT ${'a, '.repeat(60)}nope FROM t`;
		const at = text.indexOf('nope');
		const shown = text.slice(at - 20, at + 10);
		const msg = `Binder Error: Referenced column "nope" not found\n\nLINE 1: ...${shown}...\n${' '.repeat('LINE 1: ...'.length + 20)}^`;
		expect(errorPosition(msg, text)).toEqual({ line: 1, column: at + 1, offset: at });
	});

	it('gives up (null) without a caret', () => {
		expect(errorPosition('Conversion Error: Could not convert', 'SELECT 1')).toBeNull();
	});
});

describe('explainError', () => {
	it('tells the kinds apart and keeps DuckDB\'s names and suggestions', () => {
		expect(explainError('Catalog Error: Table with name obsrvations does not exist!\nDid you mean "observations"?\n\nLINE 1: SELECT * FROM obsrvations\n                      ^', 'SELECT * FROM obsrvations')).toMatchObject({
			kind: 'unknown_table', name: 'obsrvations', suggestions: ['observations'], line: 1, column: 15
		});
		expect(explainError('Permission Error: Cannot access file "x.csv" - file system operations are disabled by configuration', '').kind).toBe('file');
		expect(explainError('Invalid Input Error: Cannot change configuration option "threads" - the configuration has been locked', '').kind).toBe('settings');
		expect(explainError('INTERRUPT Error: Interrupted!', '').kind).toBe('cancelled');
		expect(explainError('Catalog Error: Scalar Function with name sume does not exist!\nDid you mean "sum"?', '')).toMatchObject({ kind: 'unknown_function', name: 'sume', suggestions: ['sum'] });
	});
});
