import { describe, expect, it } from 'vitest';
import { cleanSlide, isAppUrl, kindOfUrl, move, newId, slideProblem } from './slides';

describe('isAppUrl', () => {
	it.each(['/?indikator=sgb2_u15&jahr=2025', '/sozialraum/?id=0101', '/ziele/', '/'])('accepts %s', (u) => {
		expect(isAppUrl(u)).toBe(true);
	});
	it.each(['https://evil.example/', '//evil.example/x', 'javascript:alert(1)', '/\\evil', '?indikator=x', '/a b', '/javascript:alert(1)', 42, null])(
		'rejects %s',
		(u) => {
			expect(isAppUrl(u)).toBe(false);
		}
	);
});

describe('slideProblem', () => {
	const ok = { kind: 'atlas', title: 'Kinderarmut 2025', caption: '', url: '/?indikator=sgb2_u15' };
	it('accepts a plain atlas slide', () => {
		expect(slideProblem(ok)).toBeNull();
	});
	it('names the first problem', () => {
		expect(slideProblem({ ...ok, kind: 'video' })).toBe('kind');
		expect(slideProblem({ ...ok, title: 3 })).toBe('title');
		expect(slideProblem({ ...ok, caption: 'x'.repeat(3000) })).toBe('caption');
		expect(slideProblem({ ...ok, url: 'https://x.example' })).toBe('url');
		expect(slideProblem({ ...ok, image: 'data:image/svg+xml;base64,PHN2Zz4=' })).toBe('image');
	});
	it('accepts a PNG picture', () => {
		expect(slideProblem({ ...ok, image: 'data:image/png;base64,iVBORw0KGgo=' })).toBeNull();
	});
});

describe('cleanSlide', () => {
	it('keeps only known fields and trims texts', () => {
		const s = cleanSlide({ kind: 'profile', title: ' T ', caption: ' C ', url: '/sozialraum/?id=1', extra: 1 } as never, 'a');
		expect(s).toEqual({ id: 'a', kind: 'profile', title: 'T', caption: 'C', url: '/sozialraum/?id=1' });
	});
});

describe('move', () => {
	it('moves an item and clamps the target', () => {
		expect(move(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
		expect(move(['a', 'b', 'c'], 2, -5)).toEqual(['c', 'a', 'b']);
		expect(move(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
	});
});

describe('newId', () => {
	it('gives distinct ids', () => {
		expect(new Set(Array.from({ length: 100 }, newId)).size).toBe(100);
	});
});

describe('kindOfUrl', () => {
	it.each([
		['/?indikator=sgb2_u15', 'atlas'],
		['/', 'atlas'],
		['/sozialraum/?id=0603&jahr=2025', 'profile'],
		['/sozialraum?id=0603', 'profile'],
		['/indikator/?id=sgb2_u15', 'indicator'],
		['/ziele/ziel/?id=FZ01', 'target'],
		['/ziele/ziel/?id=FZ01&ansicht=massnahmen', 'measures'],
		['/ziele/ziel/?ansicht=massnahmen&id=FZ01#x', 'measures'],
		['/ziele/ziel/?id=FZ01&ansicht=andere', 'target'],
		['/index/?ind=a,b#x', 'index'],
		['/ziele/', null],
		['/kette/', null]
	])('%s is %s', (url, kind) => {
		expect(kindOfUrl(url)).toBe(kind);
	});
});
