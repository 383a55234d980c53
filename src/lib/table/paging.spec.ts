import { describe, expect, it } from 'vitest';
import { pageRows, pageWindow } from './paging';

describe('pageWindow', () => {
	it('shows rows 1–50 of 20,000 on the first page and 19,951–20,000 on the last', () => {
		expect(pageWindow(20_000, 0, 50)).toEqual({ page: 0, pages: 400, start: 0, end: 50, total: 20_000 });
		expect(pageWindow(20_000, 399, 50)).toEqual({ page: 399, pages: 400, start: 19_950, end: 20_000, total: 20_000 });
	});

	it('gives the last page only the rows that are left', () => {
		expect(pageWindow(101, 2, 50)).toMatchObject({ pages: 3, start: 100, end: 101 });
	});

	it('clamps a page beyond either end (rows removed, stale state) to a page that exists', () => {
		expect(pageWindow(120, 7, 50)).toMatchObject({ page: 2, start: 100, end: 120 });
		expect(pageWindow(120, -3, 50)).toMatchObject({ page: 0, start: 0, end: 50 });
		expect(pageWindow(120, Number.NaN, 50)).toMatchObject({ page: 0 });
	});

	it('has one empty page when there are no rows, and one page for fewer rows than its size', () => {
		expect(pageWindow(0, 0, 50)).toEqual({ page: 0, pages: 1, start: 0, end: 0, total: 0 });
		expect(pageWindow(41, 0, 50)).toMatchObject({ pages: 1, start: 0, end: 41 });
	});

	it('refuses a page size below one', () => {
		expect(() => pageWindow(10, 0, 0)).toThrow();
	});
});

describe('pageRows', () => {
	it('slices exactly the window', () => {
		const rows = Array.from({ length: 7 }, (_, i) => i);
		expect(pageRows(rows, pageWindow(7, 1, 3))).toEqual([3, 4, 5]);
		expect(pageRows(rows, pageWindow(7, 2, 3))).toEqual([6]);
	});
});
