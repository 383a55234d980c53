import { describe, expect, it } from 'vitest';
import { buildQuery, changedKeys, coalesce, formatParam, parseNumber, splitList } from './permalink';

describe('permalink helpers', () => {
	it('builds readable query strings that the URL parser keeps as they are', () => {
		const q = buildQuery([
			['ind', 'sgb2_u15,alg2'],
			['dir', 'x:gut'],
			['name', 'Index 2025 / Süd & Nord']
		]);
		expect(q).toBe('?ind=sgb2_u15,alg2&dir=x:gut&name=Index%202025%20%2F%20S%C3%BCd%20%26%20Nord');
		expect(new URL('https://x.example/index/' + q).search).toBe(q);
		expect(new URLSearchParams(q).get('name')).toBe('Index 2025 / Süd & Nord');
		expect(buildQuery([])).toBe('');
	});

	it('escapes characters that would break out of a value', () => {
		const q = buildQuery([['suche', 'a&b=c#d?e+f<script>']]);
		expect(new URLSearchParams(q).get('suche')).toBe('a&b=c#d?e+f<script>');
		expect([...new URLSearchParams(q).keys()]).toEqual(['suche']);
		expect(q).not.toMatch(/[<>#]/);
	});

	it('splits lists and drops empty items', () => {
		expect(splitList('a, b,,c')).toEqual(['a', 'b', 'c']);
		expect(splitList(null)).toEqual([]);
		expect(splitList('')).toEqual([]);
	});

	it('accepts only plain decimal numbers within bounds', () => {
		expect(parseNumber('1.5', 0, 10)).toBe(1.5);
		expect(parseNumber('-1', -5, 5)).toBe(-1);
		expect(parseNumber('0.3333333333333333', 0, 1)).toBe(1 / 3);
		for (const bad of ['', ' ', 'abc', '0x10', '1e3', 'Infinity', 'NaN', '1,5', '--1', null, undefined]) expect(parseNumber(bad, -1e9, 1e9)).toBeNull();
		expect(parseNumber('11', 0, 10)).toBeNull();
		expect(parseNumber('-0.5', 0, 10)).toBeNull();
	});

	it('formats numbers without exponents and round-trips them', () => {
		for (const n of [1, 0.5, -1.25, 300, 1 / 3, 1e-7, 0]) expect(Number(formatParam(n))).toBe(n);
		expect(formatParam(1e-7)).toBe('0.0000001');
		expect(parseNumber(formatParam(1e-7), 0, 1)).toBe(1e-7);
	});

	it('names the parameters two queries differ in', () => {
		expect(changedKeys('?a=1&b=2', '?a=1&b=3&c=4')).toEqual(['b', 'c']);
		expect(changedKeys('?b=2&a=1', 'a=1&b=2')).toEqual([]);
		expect(changedKeys('', '?x=1')).toEqual(['x']);
	});

	it('merges a burst of edits to the same parameters into one history step', () => {
		const last = { keys: ['w'], at: 1000 };
		expect(coalesce(last, ['w'], 1800)).toBe(true);
		expect(coalesce(last, ['w'], 3000)).toBe(false); // too late: a new step
		expect(coalesce(last, ['min'], 1200)).toBe(false); // another setting: a new step
		expect(coalesce(last, ['w', 'min'], 1200)).toBe(false);
		expect(coalesce(null, ['w'], 1200)).toBe(false);
		expect(coalesce(last, [], 1200)).toBe(false);
		expect(coalesce(last, ['w'], 500)).toBe(false); // clock went back
	});
});
