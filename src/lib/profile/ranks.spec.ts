import { describe, expect, it } from 'vitest';
import { rankOf, ranks } from './ranks';

describe('ranks', () => {
	it('ranks the highest value first and counts only published values', () => {
		const rows = [
			{ key: 'a', value: 10 },
			{ key: 'b', value: 30 },
			{ key: 'c', value: null },
			{ key: 'd', value: 20 }
		];
		expect(rankOf(rows, 'b')).toEqual({ rank: 1, of: 3, tied: false });
		expect(rankOf(rows, 'a')).toEqual({ rank: 3, of: 3, tied: false });
		// a suppressed or missing area has no rank
		expect(rankOf(rows, 'c')).toBeNull();
	});

	it('gives tied values the same rank and skips the next (1, 2, 2, 4)', () => {
		const r = ranks([
			{ key: 'a', value: 5 },
			{ key: 'b', value: 7 },
			{ key: 'c', value: 7 },
			{ key: 'd', value: 9 }
		]);
		expect([...'dbca'].map((k) => r.get(k)!.rank)).toEqual([1, 2, 2, 4]);
		expect(r.get('b')!.tied).toBe(true);
		expect(r.get('a')!.tied).toBe(false);
	});

	it('returns nothing for no published value', () => {
		expect(ranks([{ key: 'a', value: null }]).size).toBe(0);
	});
});
