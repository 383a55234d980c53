import { describe, expect, it } from 'vitest';
import { childrenByPhase, coverageByArea, phasesWithPlaces } from './coverage';
import { offer } from './fixtures';

const pop = [
	{ area_key: 'A', age_group: '0_2', persons: 200 },
	{ area_key: 'A', age_group: '3_5', persons: 250 },
	{ area_key: 'A', age_group: '16_17', persons: 100 },
	{ area_key: 'A', age_group: '18_26', persons: 400 },
	{ area_key: 'B', age_group: '0_2', persons: 0 },
	{ area_key: 'C', age_group: '0_2', persons: null }
];

describe('coverage (hand-computed)', () => {
	it('maps phases to age groups', () => {
		const c = childrenByPhase(pop).get('A')!;
		// pregnancy/birth and u3 both count the 0–2-year-olds; 16–27 = 16–17 + 18–26 = 100 + 400
		expect([c.schwangerschaft_geburt, c.u3, c['3_6'], c['16_27'], c['6_10']]).toEqual([200, 200, 250, 500, null]);
		// withheld persons (published package): unknown, not 0
		expect(childrenByPhase(pop).get('C')!.u3).toBeNull();
	});

	it('counts offers per 1,000 and places per 100 children, each offer in every phase it serves', () => {
		const offers = [
			offer('1', 'A', ['u3', '3_6'], { places: 50 }), // a Kita
			offer('2', 'A', ['u3']), // a baby visit service, no places
			offer('3', 'B', ['u3'])
		];
		const a = coverageByArea(offers, ['A', 'B'], pop).get('A')!;
		// u3: 2 offers / 200 children × 1,000 = 10; places 50 / 200 × 100 = 25
		expect(a.u3).toEqual({ children: 200, offers: 2, places: 50, offersPer1000: 10, placesPer100: 25 });
		// 3–6: 1 offer / 250 × 1,000 = 4; 50 places / 250 × 100 = 20
		expect(a['3_6']).toMatchObject({ offersPer1000: 4, placesPer100: 20 });
		// B has no children under 3: no rate, not 0
		expect(coverageByArea(offers, ['B'], pop).get('B')!.u3).toMatchObject({ offers: 1, offersPer1000: null });
		expect([...phasesWithPlaces(offers)]).toEqual(['u3', '3_6']);
	});
});
