import { describe, expect, it } from 'vitest';
import { indicator } from '$lib/profile/fixtures';
import type { ProfileRow } from '$lib/profile/rows';
import { clampLines, PROFILE_FIGURE, profileFigureLayout, slideRows } from './profile-slide';

/** A row with what the selection looks at: comparison, and how far the interval is from the city. */
function row(id: string, comparison: ProfileRow['comparison'], gap = 0, topic = id): ProfileRow {
	const city = 10;
	const interval = comparison === 'worse' || comparison === 'higher' ? { lower: city + gap, upper: city + gap + 2 } : { lower: city - gap - 2, upper: city - gap };
	return { indicator: indicator({ id, topic, label_de: id }), comparison, city, interval, value: city } as unknown as ProfileRow;
}
const ids = (rows: ProfileRow[]) => rows.map((r) => r.indicator.id);

describe('slideRows', () => {
	const rows = [
		row('a', 'similar'),
		row('head', 'worse', 1, 'poverty'),
		row('w1', 'worse', 5),
		row('w2', 'worse', 9),
		row('w3', 'worse', 2, 'poverty'),
		row('b1', 'better', 3),
		row('b2', 'better', 4),
		row('b3', 'better', 1),
		row('n1', 'higher', 2),
		row('x', 'not_comparable'),
		row('z', 'similar')
	];

	it('puts the headline first, then the strongest worse and better rows, then fills in page order', () => {
		expect(ids(slideRows(rows, 'head', 8))).toEqual(['head', 'w2', 'w1', 'w3', 'b2', 'b1', 'n1', 'a']);
	});

	it('prefers other topics than the headline among equally many rows', () => {
		// w3 shares the headline's topic: with room for one worse row, w2 (strongest, other topic) wins
		expect(ids(slideRows(rows, 'head', 4))).toEqual(['head', 'w2', 'b2', 'b1']);
	});

	it('works without a headline and with few rows', () => {
		expect(ids(slideRows(rows.slice(0, 2), null))).toEqual(['head', 'a']);
		expect(slideRows([], 'head')).toEqual([]);
	});

	it('never repeats a row and keeps to the maximum', () => {
		const got = ids(slideRows(rows, 'head', 20));
		expect(new Set(got).size).toBe(got.length);
		expect(got).toHaveLength(rows.length);
		expect(slideRows(rows, 'head')).toHaveLength(8);
	});
});

const measure = (text: string, font: string) => text.length * Number(/(\d+)px/.exec(font)![1]) * 0.5;

describe('clampLines', () => {
	it('keeps short text on one line', () => {
		expect(clampLines('SGB-II-Quote', 200, measure, '20px x', 2)).toEqual(['SGB-II-Quote']);
	});
	it('cuts the second line with an ellipsis that still fits', () => {
		const lines = clampLines('Gefährdungseinschätzungen nach § 8a SGB VIII bei Kindern unter drei Jahren', 200, measure, '20px x', 2);
		expect(lines).toHaveLength(2);
		expect(lines[1].endsWith('…')).toBe(true);
		for (const l of lines) expect(measure(l, '20px x')).toBeLessThanOrEqual(200);
	});
});

describe('profileFigureLayout', () => {
	it('stacks the rows below facts and header, the key below the rows', () => {
		const rs = [row('a', 'worse', 1), row('b', 'better', 1)];
		const l = profileFigureLayout(rs, (r) => r.indicator.label_de, measure, 'Arial');
		const top = PROFILE_FIGURE.factsHeight + PROFILE_FIGURE.headerHeight;
		expect(l.rows.map((r) => r.y)).toEqual([top, top + PROFILE_FIGURE.rowHeight]);
		expect(l.keyY).toBeGreaterThanOrEqual(top + 2 * PROFILE_FIGURE.rowHeight);
		expect(l.height).toBeGreaterThan(l.keyY);
	});
});
