import { describe, expect, it } from 'vitest';
import { fileName } from './download';

describe('fileName', () => {
	it('spells out umlauts and drops what Windows forbids', () => {
		expect(fileName(['Atlas', 'Kinder in Bedarfsgemeinschaften: U3/Ü6', 2025], 'png')).toBe('atlas_kinder-in-bedarfsgemeinschaften-u3-ue6_2025.png');
		expect(fileName(['Straße', 'Café'], 'csv')).toBe('strasse_cafe.csv');
	});

	it('never returns an empty name', () => {
		expect(fileName(['///', ''], 'pptx')).toBe('export.pptx');
	});
});
