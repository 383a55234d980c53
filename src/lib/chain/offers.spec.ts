import { describe, expect, it } from 'vitest';
import { countsByArea, facets, filterOffers, fold, NO_FILTER, offersGeoJson } from './offers';
import { offer } from './fixtures';

const offers = [
	offer('1', 'A', ['u3', '3_6'], { name: 'Kita Löwenzahn', provider: 'AWO', topics: ['Bildung', 'Familie'], places: 75 }),
	offer('2', 'A', ['16_27'], { name: 'Übergangscoaching', provider: 'Jobcenter', topics: ['Übergang'] }),
	offer('3', 'B', ['u3'], { name: 'Babybesuchsdienst', provider: 'Jugendamt', topics: ['Familie'], description: 'Willkommensbesuch' })
];

describe('offers', () => {
	it('filters by phase, topic, provider and accent-insensitive words', () => {
		expect(filterOffers(offers, { ...NO_FILTER, phase: 'u3' }).map((o) => o.id)).toEqual(['1', '3']);
		expect(filterOffers(offers, { ...NO_FILTER, topic: 'Familie', provider: 'Jugendamt' }).map((o) => o.id)).toEqual(['3']);
		expect(filterOffers(offers, { ...NO_FILTER, area: 'A', phase: 'u3' }).map((o) => o.id)).toEqual(['1']);
		expect(filterOffers(offers, { ...NO_FILTER, query: 'ubergang' }).map((o) => o.id)).toEqual(['2']);
		expect(filterOffers(offers, { ...NO_FILTER, query: 'willkommen baby' }).map((o) => o.id)).toEqual(['3']);
		expect(fold('Löwenzahn')).toBe('lowenzahn');
	});

	it('lists topics and providers, counts per area, and makes map points', () => {
		expect(facets(offers)).toEqual({ topics: ['Bildung', 'Familie', 'Übergang'], providers: ['AWO', 'Jobcenter', 'Jugendamt'] });
		expect(countsByArea(offers).get('A')).toEqual({ offers: 2, places: 75 });
		const fc = offersGeoJson(offers);
		expect(fc.features).toHaveLength(3);
		expect(fc.features[0].properties).toEqual({ id: '1', name: 'Kita Löwenzahn' });
	});
});
