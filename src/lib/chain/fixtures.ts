/** Small hand-checkable inputs for the chain specs (not used by the app). */
import type { LifePhase, Offer } from '$lib/data/types';

export function offer(id: string, area: string, phases: LifePhase[], extra: Partial<Offer> = {}): Offer {
	return { id, name: `Angebot ${id}`, provider: 'Träger A', life_phases: phases, topics: ['Familie'], area_key: area, lon: 7.3, lat: 51.5, places: null, description: '', ...extra };
}
