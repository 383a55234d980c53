/**
 * Filtering and counting the offers for the offers page: by life phase, topic, provider, area and a
 * free-text search (case- and accent-insensitive: "ubergang" finds "Übergang"), counts per area,
 * and the points as GeoJSON for the map.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { LifePhase, Offer } from '$lib/data/types';

export interface OfferFilter {
	phase: LifePhase | '';
	topic: string;
	provider: string;
	/** Area key, or '' for all areas. */
	area: string;
	query: string;
}

export const NO_FILTER: OfferFilter = { phase: '', topic: '', provider: '', area: '', query: '' };

/** Lower case without diacritics, for matching. */
export function fold(s: string): string {
	return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase('de-DE');
}

export function filterOffers(offers: readonly Offer[], f: OfferFilter): Offer[] {
	const words = fold(f.query).split(/\s+/).filter(Boolean);
	return offers.filter(
		(o) =>
			(!f.phase || o.life_phases.includes(f.phase)) &&
			(!f.topic || o.topics.includes(f.topic)) &&
			(!f.provider || o.provider === f.provider) &&
			(!f.area || o.area_key === f.area) &&
			words.every((w) => fold(`${o.name} ${o.provider} ${o.description ?? ''}`).includes(w))
	);
}

/** Topics and providers present in the offers, sorted for German. */
export function facets(offers: readonly Offer[]): { topics: string[]; providers: string[] } {
	const sort = (xs: Iterable<string>) => [...new Set(xs)].filter(Boolean).sort((a, b) => a.localeCompare(b, 'de'));
	return { topics: sort(offers.flatMap((o) => o.topics)), providers: sort(offers.map((o) => o.provider)) };
}

export function countsByArea(offers: readonly Offer[]): Map<string, { offers: number; places: number }> {
	const out = new Map<string, { offers: number; places: number }>();
	for (const o of offers) {
		const c = out.get(o.area_key) ?? { offers: 0, places: 0 };
		c.offers++;
		c.places += o.places ?? 0;
		out.set(o.area_key, c);
	}
	return out;
}

export function offersGeoJson(offers: readonly Offer[]): FeatureCollection<Point, { id: string; name: string }> {
	return {
		type: 'FeatureCollection',
		features: offers
			.filter((o) => Number.isFinite(o.lon) && Number.isFinite(o.lat))
			.map((o) => ({ type: 'Feature', properties: { id: o.id, name: o.name }, geometry: { type: 'Point', coordinates: [o.lon, o.lat] } }))
	};
}
