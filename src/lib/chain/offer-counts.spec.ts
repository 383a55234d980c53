import { describe, expect, it } from 'vitest';
import { countRows, firstSort, sortCountRows } from './offer-counts';

const areas = [
	{ key: '03', name: 'Ölhafen' },
	{ key: '01', name: 'Altstadt' },
	{ key: '02', name: 'Zentrum' },
	{ key: '04', name: 'Nordend' }
];
const counts = new Map([
	['01', { offers: 4, places: 30 }],
	['02', { offers: 4, places: 0 }],
	['03', { offers: 1, places: 12 }]
]);
const under18 = new Map([
	['01', 2000],
	['02', 1000],
	['03', 500]
]);
const rows = countRows(areas, counts, under18);
const keys = (r: { key: string }[]) => r.map((x) => x.key);

describe('per-area offer table', () => {
	it('counts offers and places per area, and offers per 1,000 under 18 only where the population is known', () => {
		expect(rows.find((r) => r.key === '01')).toEqual({ key: '01', name: 'Altstadt', offers: 4, places: 30, perThousand: 2 });
		expect(rows.find((r) => r.key === '04')).toEqual({ key: '04', name: 'Nordend', offers: 0, places: 0, perThousand: null });
	});

	it('keeps the package order without a sort', () => {
		expect(keys(sortCountRows(rows, null))).toEqual(['03', '01', '02', '04']);
	});

	it('sorts names in German order (Ö with O), and backwards', () => {
		expect(keys(sortCountRows(rows, firstSort('name')))).toEqual(['01', '04', '03', '02']);
		expect(keys(sortCountRows(rows, { column: 'name', descending: true }))).toEqual(['02', '03', '04', '01']);
	});

	it('sorts numbers largest first at the first click, ties by name', () => {
		expect(keys(sortCountRows(rows, firstSort('offers')))).toEqual(['01', '02', '03', '04']);
		expect(keys(sortCountRows(rows, { column: 'offers', descending: false }))).toEqual(['04', '03', '01', '02']);
	});

	it('puts areas without a rate last in both directions', () => {
		expect(keys(sortCountRows(rows, firstSort('perThousand')))).toEqual(['02', '01', '03', '04']);
		expect(keys(sortCountRows(rows, { column: 'perThousand', descending: false }))).toEqual(['01', '03', '02', '04']);
	});
});
