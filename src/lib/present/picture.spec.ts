import { describe, expect, it } from 'vitest';
import { svgSize } from './picture';

describe('svgSize', () => {
	it('reads the root element size, not a nested one', () => {
		expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1100 790" width="1100" height="790.5"><svg width="20" height="5"/></svg>')).toEqual({ w: 1100, h: 790.5 });
	});
	it('refuses an SVG without a size (it would give an empty picture)', () => {
		expect(() => svgSize('<svg viewBox="0 0 10 10"></svg>')).toThrow();
	});
});
