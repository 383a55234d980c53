import { describe, expect, it } from 'vitest';
import { classColors, hatchImage, hexToRgb, NO_DATA_COLOR } from './colors';

describe('map colours', () => {
	it('gives k distinct class colours, none equal to the no-data grey', () => {
		for (const k of [2, 3, 5, 7]) {
			const c = classColors('higher_is_worse', k);
			expect(c).toHaveLength(k);
			expect(new Set(c).size).toBe(k);
			expect(c).not.toContain(NO_DATA_COLOR);
		}
	});

	it('orders colours from light to dark (darker = higher value)', () => {
		const lum = (hex: string) => hexToRgb(hex).reduce((a, v) => a + v, 0);
		const c = classColors('higher_is_better', 5);
		for (let i = 1; i < c.length; i++) expect(lum(c[i])).toBeLessThan(lum(c[i - 1]));
	});

	it('draws a hatch with both stripe and background pixels', () => {
		const img = hatchImage(8);
		const dark = [...Array(64).keys()].filter((i) => img.data[i * 4] < 128).length;
		expect(dark).toBeGreaterThan(8);
		expect(dark).toBeLessThan(40);
	});
});
