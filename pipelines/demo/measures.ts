/**
 * Measures (Maßnahmen) the steering group tied to the four Feinziele, with the offers they rely on,
 * a responsible body, a start and a status in each of the four states. Offers are found by
 * category and area in the generated offers, so the measures follow the generator.
 */
import type { Measure, Offer, Target } from '../../src/lib/data/types';
import type { Sozialraum } from './areas';

export function buildMeasures(targets: readonly Target[], offers: readonly Offer[], areas: readonly Sozialraum[]): Measure[] {
	const t = (id: string) => targets.find((x) => x.id === id)!;
	const inAreas = (keys: readonly string[], category: string) => offers.filter((o) => keys.includes(o.area_key) && o.category === category).map((o) => o.id);
	const bezirkKeys = (b: string) => areas.filter((a) => a.parent === b).map((a) => a.key);
	const fz01 = t('FZ01').scope_keys;
	const fz03 = bezirkKeys(t('FZ03').scope_keys[0]);
	const fz04 = t('FZ04').scope_keys;
	const baby = offers.find((o) => o.category === 'Babybesuchsdienst' && bezirkKeys(fz01[0].slice(0, 2)).includes(o.area_key));
	const row = (m: Omit<Measure, 'end' | 'description'> & Partial<Pick<Measure, 'end' | 'description'>>): Measure => ({ end: null, description: '', ...m });
	return [
		row({ id: 'M01', name: 'Außensprechstunde des Familienzentrums im Quartier', target_ids: ['FZ01'], offer_ids: inAreas(bezirkKeys(fz01[0].slice(0, 2)), 'Familienzentrum'),
			responsible: 'Jugendamt, Abt. 51.2 Jugendhilfeplanung', start: '2022-01-01', status: 'running', description: 'Offene Sprechstunden zu Leistungen und Hilfen, Begleitung zu Ämtern.' }),
		row({ id: 'M02', name: 'Babybesuche mit Zweitbesuch nach sechs Monaten', target_ids: ['FZ01'], offer_ids: baby ? [baby.id] : [],
			responsible: 'Jugendamt, Frühe Hilfen', start: '2021-03-01', end: '2024-12-31', status: 'completed' }),
		row({ id: 'M03', name: 'BuT-Lotsen im Quartier', target_ids: ['FZ01', 'FZ04'], offer_ids: inAreas(fz01, 'Offene Ganztagsschule'),
			responsible: 'Jobcenter Musterstadt mit dem Sozialamt', start: '2026-09-01', status: 'planned', description: 'Lotsinnen und Lotsen helfen Familien, Leistungen für Bildung und Teilhabe zu beantragen.' }),
		row({ id: 'M04', name: 'Kita-Ausbauprogramm 2021–2028', target_ids: ['FZ02'], offer_ids: [],
			responsible: 'Jugendamt, Abt. 51.3 Kindertagesbetreuung', start: '2021-08-01', status: 'running', description: 'Neubau und Erweiterung von Kitas nach dem Kita-Bedarfsplan.' }),
		row({ id: 'M05', name: 'Qualifizierung neuer Kindertagespflegepersonen', target_ids: ['FZ02'], offer_ids: [],
			responsible: 'Familienbildungsstätte Musterstadt', start: '2022-02-01', status: 'running' }),
		row({ id: 'M06', name: '„Rucksack“ in allen Kitas des Stadtbezirks', target_ids: ['FZ03'], offer_ids: inAreas(fz03, 'Sprachförderung'),
			responsible: 'Kommunales Integrationszentrum mit den Kita-Trägern', start: '2021-08-01', status: 'running' }),
		row({ id: 'M07', name: 'Fortbildung alltagsintegrierte Sprachbildung', target_ids: ['FZ03'], offer_ids: [],
			responsible: 'Gesundheitsamt, Abt. 53.2, mit dem Bildungsbüro', start: '2023-02-01', status: 'suspended', description: 'Ausgesetzt, bis die Fachberatungsstelle wieder besetzt ist.' }),
		row({ id: 'M08', name: 'Übergangscoaching an den Schulen im Hafen', target_ids: ['FZ04'], offer_ids: inAreas(bezirkKeys(fz04[0].slice(0, 2)), 'Schulsozialarbeit'),
			responsible: 'Jobcenter Musterstadt und Kommunale Koordinierungsstelle', start: '2022-08-01', status: 'running' }),
		row({ id: 'M09', name: 'Außensprechstunde der Jugendberufsagentur im Hafen', target_ids: ['FZ04'], offer_ids: offers.filter((o) => o.name === 'Jugendberufsagentur Musterstadt').map((o) => o.id),
			responsible: 'Jugendberufsagentur Musterstadt', start: '2026-04-01', status: 'planned' })
	];
}
