/**
 * Local prevention networks ("Starke Kinder – Starke Jugend") as a Musterstadt coordinator would
 * record them: one per Stadtbezirk for four of the six Stadtbezirke, none for Süd and Hafen, and a
 * small neighbourhood network for the poorest Sozialraum (in Hafen). Each lacks some core
 * professions on purpose, and one has not met since 2023: what the network view must reveal.
 * Members are institutions only, never persons. Written by rule, without randomness, so the
 * gaps are exactly these.
 */
import type { MemberTier, MemberType, Network, NetworkMeeting, NetworkMember, Offer } from '../../src/lib/data/types';
import type { Sozialraum } from './areas';
import { BEZIRKE } from './names';
import { PROVIDERS } from './offer-templates';

export interface DemoNetworks {
	networks: Network[];
	members: NetworkMember[];
	meetings: NetworkMeeting[];
}

const COORDINATOR = 'Stadt Musterstadt, Jugendamt – Kommunale Koordinierungsstelle';

/** Which member types each district network lacks (the rest of TYPES take part). */
const GAPS: Record<string, readonly MemberType[]> = {
	'01': [],
	'02': ['polizei', 'hebamme'],
	'03': ['kinderarzt'],
	'05': ['jobcenter', 'schulsozialarbeit', 'beratungsstelle']
};
/** Years each district network met (West has not met since 2023). */
const MEETING_YEARS: Record<string, readonly number[]> = { '01': [2022, 2023, 2024, 2025], '02': [2022, 2023, 2024, 2025], '03': [2023, 2024, 2025], '05': [2022, 2023] };
const TOPICS = [
	'Bestandsaufnahme der Angebote im Stadtbezirk',
	'Übergang Kita – Grundschule',
	'Kinderarmut: Zugang zu Bildung und Teilhabe (BuT)',
	'Frühe Hilfen und Babybesuchsdienst',
	'Übergang Schule – Beruf'
];

const TYPES: readonly MemberType[] = [
	'jugendamt', 'gesundheitsamt', 'sozialamt', 'hebamme', 'kinderarzt', 'kita', 'familienzentrum', 'grundschule',
	'schulsozialarbeit', 'beratungsstelle', 'jugendarbeit', 'jobcenter', 'polizei', 'sportverein'
];

export function buildNetworks(areas: readonly Sozialraum[], offers: readonly Offer[]): DemoNetworks {
	const networks: Network[] = [];
	const members: NetworkMember[] = [];
	const meetings: NetworkMeeting[] = [];
	const inBezirk = (b: string) => new Set(areas.filter((a) => a.parent === b).map((a) => a.key));
	const firstOffer = (keys: Set<string>, category: string) => offers.find((o) => keys.has(o.area_key) && o.category === category)?.name;

	for (const b of BEZIRKE.filter((x) => x.key in GAPS)) {
		const id = `N${b.key}`;
		networks.push({ id, name: `Starke Kinder – Starke Jugend ${b.name}`, level: 'stadtbezirk', area_key: b.key, coordinator: COORDINATOR, description: `Präventionsnetzwerk für den Stadtbezirk ${b.name}, ein Treffen im Jahr.` });
		const keys = inBezirk(b.key);
		for (const type of TYPES.filter((t) => !GAPS[b.key].includes(t))) members.push(member(id, type, institution(type, b.name, keys, firstOffer)));
		for (const [i, year] of MEETING_YEARS[b.key].entries()) {
			meetings.push({ network_id: id, date: `${year}-${String(3 + ((Number(b.key) + i) % 3) * 3).padStart(2, '0')}-${String(10 + Number(b.key)).padStart(2, '0')}`, topic: TOPICS[(i + Number(b.key)) % TOPICS.length] });
		}
	}

	// The poorest ordinary Sozialraum of Hafen gets a neighbourhood network of its own.
	const quarter = [...areas].filter((a) => a.parent === '06' && a.tinyResidents === null).sort((x, y) => y.deprivation - x.deprivation)[0];
	const nid = `N${quarter.key}`;
	networks.push({ id: nid, name: `Netzwerk Frühe Hilfen ${quarter.name}`, level: 'sozialraum', area_key: quarter.key, coordinator: `${PROVIDERS.awo}, Familienzentrum`, description: 'Quartiersnetzwerk der Frühen Hilfen, vierteljährliche Treffen.' });
	// its members are the district's institutions nearest to the quarter (it has few of its own)
	const qkeys = inBezirk('06');
	for (const type of ['jugendamt', 'hebamme', 'familienzentrum', 'kita', 'beratungsstelle', 'jobcenter'] as const) members.push(member(nid, type, institution(type, quarter.name, qkeys, firstOffer)));
	members.push({ network_id: nid, institution: 'Tafel Musterstadt e. V., Ausgabestelle Hafen', tier: 'operativ', type: 'sonstige', type_label: 'Tafel' });
	for (const [i, month] of ['02', '05', '09', '11'].entries()) {
		meetings.push({ network_id: nid, date: `2025-${month}-0${4 + i}`, topic: ['Willkommensbesuche im Quartier', 'Sprachförderung vor der Kita', 'Familienzentrum: neue Sprechstunden', 'Jahresrückblick und Planung 2026'][i] });
	}
	return { networks, members, meetings };
}

function member(network_id: string, type: MemberType, institution: string): NetworkMember {
	// a kreisfreie Stadt has no Kreis administration: its Gesundheitsamt is municipal too
	const tier: MemberTier = type === 'jugendamt' || type === 'gesundheitsamt' || type === 'sozialamt' ? 'kommune' : 'operativ';
	return { network_id, institution, tier, type, type_label: '' };
}

function institution(type: MemberType, place: string, keys: Set<string>, offer: (keys: Set<string>, category: string) => string | undefined): string {
	switch (type) {
		case 'jugendamt': return `${PROVIDERS.stadt}, Bezirkssozialdienst ${place}`;
		case 'gesundheitsamt': return `${PROVIDERS.gesundheitsamt}, Kinder- und Jugendgesundheitsdienst`;
		case 'sozialamt': return 'Stadt Musterstadt, Sozialamt';
		case 'hebamme': return `Hebammenpraxis ${place}`;
		case 'kinderarzt': return `Kinderärztliche Gemeinschaftspraxis ${place}`;
		case 'kita': return offer(keys, 'Kita') ?? `Kita ${place}`;
		case 'familienzentrum': return offer(keys, 'Familienzentrum') ?? `Familienzentrum ${place}`;
		case 'grundschule': return (offer(keys, 'Offene Ganztagsschule') ?? `OGS ${place}`).replace(/^OGS /, 'Grundschule ');
		case 'schulsozialarbeit': return offer(keys, 'Schulsozialarbeit') ?? `Schulsozialarbeit ${place}`;
		case 'beratungsstelle': return `${PROVIDERS.caritas}, Erziehungs- und Familienberatung`;
		case 'jugendarbeit': return offer(keys, 'Jugendtreff') ?? `Jugendtreff ${place}`;
		case 'jobcenter': return `${PROVIDERS.jobcenter}, Standort ${place}`;
		case 'polizei': return `Polizeiwache ${place}, Bezirksdienst`;
		case 'sportverein': return PROVIDERS.tv;
		default: return place;
	}
}
