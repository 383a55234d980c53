import { describe, expect, it } from 'vitest';
import { parseSlideParam, slideSearch } from './slide-param';

const parse = (q: string, total = 5) => parseSlideParam(new URLSearchParams(q), total);

describe('slide number in the presentation URL', () => {
	it('round-trips a slide (1-based in the URL, 0-based inside)', () => {
		expect(slideSearch(2)).toBe('?folie=3');
		expect(parse(slideSearch(2))).toBe(2);
		expect(slideSearch(null)).toBe('');
		expect(parse('')).toBeNull();
	});

	it('refuses numbers that are not a slide of this deck', () => {
		for (const q of ['folie=0', 'folie=6', 'folie=-1', 'folie=2.5', 'folie=abc', 'folie=', 'folie=1e1', 'folie=%3Cb%3E']) expect(parse(q), q).toBeNull();
		expect(parse('folie=1', 0)).toBeNull(); // an empty deck has nothing to show
		expect(parse('folie=5')).toBe(4);
	});
});
