/** Two square Sozialräume side by side (lon 7.0–7.1 and 7.1–7.2, lat 51.0–51.1) for the inventory specs. */
import type { FeatureCollection, Geometry } from 'geojson';
import type { AreaProperties } from '$lib/data/types';
import type { OfferRecord } from './offer-record';

const square = (x0: number, x1: number) => ({ type: 'Polygon' as const, coordinates: [[[x0, 51.0], [x1, 51.0], [x1, 51.1], [x0, 51.1], [x0, 51.0]]] });

export const AREAS: FeatureCollection<Geometry, AreaProperties> = {
	type: 'FeatureCollection',
	features: [
		{ type: 'Feature', properties: { key: '0101', name: 'Altstadt/Süd', level: 'sozialraum', parent: '01' }, geometry: square(7.0, 7.1) },
		{ type: 'Feature', properties: { key: '0102', name: 'Hafen', level: 'sozialraum', parent: '01' }, geometry: square(7.1, 7.2) }
	]
};

export const offer = (over: Partial<OfferRecord> = {}): OfferRecord => ({
	id: 'A001', name: 'Familienzentrum Lindenhof', provider: 'AWO', category: 'Familienzentrum', life_phases: ['u3', '3_6'], topics: ['Familie'],
	area_key: '0101', lon: 7.05, lat: 51.05, places: 60, address: 'Lindenstraße 12, 45101 Musterstadt', description: 'Kita und Beratung, mit "Zitat", Komma',
	valid_from: null, valid_to: null, ...over
});
