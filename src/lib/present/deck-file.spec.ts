import { describe, expect, it } from 'vitest';
import { deckToFile, parseDeckFile, FORMAT } from './deck-file';

const deck = {
	title: 'Lenkungsgruppe März',
	slides: [
		{ id: 'a', kind: 'atlas' as const, title: 'Kinderarmut 2025', caption: 'Der Norden liegt über dem Stadtwert.', url: '/?indikator=sgb2_u15&jahr=2025' },
		{ id: 'b', kind: 'profile' as const, title: 'Altstadt', caption: '', url: '/sozialraum/?id=0101' }
	]
};

describe('deck file', () => {
	it('round-trips title and slides (ids are made anew)', () => {
		const text = deckToFile(deck, 'musterstadt', new Date('2026-03-01T10:00:00Z'));
		const parsed = parseDeckFile(text);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.package).toBe('musterstadt');
		expect(parsed.deck.title).toBe(deck.title);
		expect(parsed.deck.slides.map(({ id: _id, ...s }) => s)).toEqual(deck.slides.map(({ id: _id, ...s }) => s));
		expect(JSON.parse(text).saved).toBe('2026-03-01T10:00:00.000Z');
	});

	it('reads a file saved with a byte-order mark', () => {
		expect(parseDeckFile('\uFEFF' + deckToFile(deck, 'x')).ok).toBe(true);
	});

	const file = (patch: Record<string, unknown>) => JSON.stringify({ ...JSON.parse(deckToFile(deck, 'x')), ...patch });
	const slide = (patch: Record<string, unknown>) => file({ slides: [deck.slides[0], { ...deck.slides[1], ...patch }] });

	it.each([
		['not JSON', '{"format": ', 'present.file.notJson'],
		['a JSON list', '[]', 'present.file.format'],
		['another format', file({ format: 'pptx' }), 'present.file.format'],
		['a newer version', file({ version: 2 }), 'present.file.version'],
		['no slides', file({ slides: null }), 'present.file.noSlides'],
		['too many slides', file({ slides: Array(101).fill(deck.slides[0]) }), 'present.file.tooMany'],
		['a foreign link', slide({ url: 'https://evil.example/' }), 'present.file.slide.url'],
		['a script link', slide({ url: 'javascript:alert(1)' }), 'present.file.slide.url'],
		['an unknown kind', slide({ kind: 'video' }), 'present.file.slide.kind'],
		['an SVG picture', slide({ image: 'data:image/svg+xml;base64,PHN2Zz4=' }), 'present.file.slide.image'],
		['a slide that is no object', file({ slides: ['x'] }), 'present.file.slide.kind'],
		['a numeric title', file({ title: 5 }), 'present.file.title']
	])('refuses %s', (_what, text, key) => {
		const r = parseDeckFile(text);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.key).toBe(key);
	});

	it('names the slide number of a bad slide', () => {
		const r = parseDeckFile(slide({ title: 7 }));
		expect(r).toEqual({ ok: false, error: { key: 'present.file.slide.title', params: { n: 2 } } });
	});

	it('keeps the format name stable', () => {
		expect(FORMAT).toBe('sozialraum-monitor-praesentation');
	});
});
