import { describe, expect, it } from 'vitest';
import { addSlide, deck } from './deck.svelte';

const slide = (title: string) => ({ kind: 'atlas' as const, title, caption: '', url: `/?indikator=${title}` });

describe('deck', () => {
	it('adds, moves, removes with undo, and replaces with undo', () => {
		addSlide(slide('a'));
		addSlide(slide('b'));
		addSlide(slide('c'));
		const titles = () => deck.slides.map((s) => s.title);
		expect(titles()).toEqual(['a', 'b', 'c']);

		deck.move(deck.slides[2].id, 0);
		expect(titles()).toEqual(['c', 'a', 'b']);

		deck.remove(deck.slides[1].id);
		expect(titles()).toEqual(['c', 'b']);
		expect(deck.undo).toMatchObject({ kind: 'removed', label: 'a' });
		deck.revert();
		expect(titles()).toEqual(['c', 'a', 'b']);
		expect(deck.undo).toBeNull();

		deck.replace({ title: 'Datei', slides: [{ ...slide('x'), id: 'x1' }] }, 'datei.json');
		expect(titles()).toEqual(['x']);
		deck.revert();
		expect(titles()).toEqual(['c', 'a', 'b']);
		expect(deck.title).toBe('');
	});

	it('refuses an invalid slide (a programming error in the calling page)', () => {
		expect(() => addSlide({ ...slide('y'), url: 'https://evil.example/' })).toThrow(/url/);
	});
});
