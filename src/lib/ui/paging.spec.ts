import { describe, expect, it } from 'vitest';
import { clampPage, pageCount, pageOf, pageRange, pageRows } from './paging';

describe('paging', () => {
	it('counts pages of 100 rows, an empty list being one empty page', () => {
		expect(pageCount(0)).toBe(1);
		expect(pageCount(1)).toBe(1);
		expect(pageCount(100)).toBe(1);
		expect(pageCount(101)).toBe(2);
		expect(pageCount(20_000)).toBe(200);
		expect(pageCount(25, 10)).toBe(3);
	});

	it('moves a page number outside the list to its nearest end', () => {
		expect(clampPage(0, 250)).toBe(1);
		expect(clampPage(-3, 250)).toBe(1);
		expect(clampPage(Number.NaN, 250)).toBe(1);
		expect(clampPage(4, 250)).toBe(3);
		expect(clampPage(2.7, 250)).toBe(2);
		expect(clampPage(5, 0)).toBe(1);
	});

	it('shows the rows of a page, the last one shorter', () => {
		const rows = Array.from({ length: 25 }, (_, i) => i);
		expect(pageRows(rows, 1, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(pageRows(rows, 3, 10)).toEqual([20, 21, 22, 23, 24]);
		expect(pageRows(rows, 9, 10)).toEqual([20, 21, 22, 23, 24]);
		expect(pageRows([], 1, 10)).toEqual([]);
	});

	it('finds the page holding a row', () => {
		expect(pageOf(0, 250)).toBe(1);
		expect(pageOf(99, 250)).toBe(1);
		expect(pageOf(100, 250)).toBe(2);
		expect(pageOf(249, 250)).toBe(3);
		expect(pageOf(250, 250)).toBeNull();
		expect(pageOf(-1, 250)).toBeNull();
	});

	it('names the rows a page shows', () => {
		expect(pageRange(1, 250)).toEqual([1, 100]);
		expect(pageRange(3, 250)).toEqual([201, 250]);
		expect(pageRange(1, 0)).toEqual([0, 0]);
	});
});
