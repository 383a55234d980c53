import { describe, expect, it } from 'vitest';
import { keyFacts } from './facts';

const rows = [
	{ age_group: '0_2', persons: 250 },
	{ age_group: '3_5', persons: 300 },
	{ age_group: '6_9', persons: 380 },
	{ age_group: '10_15', persons: 550 },
	{ age_group: '16_17', persons: 170 },
	{ age_group: '18_26', persons: 1150 },
	{ age_group: 'insgesamt', persons: 8250 }
];

describe('keyFacts', () => {
	it('sums the child bands to the under-18s and gives shares of all residents', () => {
		const f = keyFacts(rows);
		expect(f.total).toBe(8250);
		expect(f.under18).toBe(1650);
		expect(f.under18Share).toBeCloseTo(20, 10);
		expect(f.bands.map((b) => b.group)).toEqual(['0_2', '3_5', '6_9', '10_15', '16_17', '18_26']);
		expect(f.bands[0]).toEqual({ group: '0_2', persons: 250, share: (250 / 8250) * 100 });
	});

	it('keeps a band that was not delivered as null, never 0, and then has no under-18 total', () => {
		const f = keyFacts(rows.filter((r) => r.age_group !== '3_5'));
		expect(f.bands[1]).toEqual({ group: '3_5', persons: null, share: null });
		expect(f.under18).toBeNull();
		expect(f.under18Share).toBeNull();
	});

	it('has no shares without a total', () => {
		const f = keyFacts(rows.filter((r) => r.age_group !== 'insgesamt'));
		expect(f.total).toBeNull();
		expect(f.under18).toBe(1650);
		expect(f.under18Share).toBeNull();
	});
});
