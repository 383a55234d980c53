/**
 * Offers of Musterkreis: the Kreis' own services (the Kreisjugendamt's Babybesuchsdienst, the
 * Erziehungsberatung …) sit in the Kreisstadt and serve all Gemeinden; each Gemeinde has a
 * Familienbüro in its Kernort; the ordinary offers follow the residents, and in a hamlet there may
 * be none. Made with Musterstadt's offer builder and kinds, with the Kreis' providers.
 */
import type { Offer } from '../../../src/lib/data/types';
import type { Sozialraum } from '../areas';
import { areaOfferKinds, type CentralOffer, type Providers } from '../offer-templates';
import { buildOffers, type OfferSetup } from '../offers';
import type { Population } from '../population';
import { kreisStreams } from './config';
import { GEMEINDEN, MERGED, MERGING } from './names';

const P: Providers = {
	stadt: 'Kreis Musterkreis, Kreisjugendamt',
	schulamt: 'Schulamt für den Kreis Musterkreis',
	gesundheitsamt: 'Gesundheitsamt des Kreises Musterkreis',
	awo: 'AWO Kreisverband Musterkreis e. V.',
	caritas: 'Caritasverband für den Kreis Musterkreis e. V.',
	diakonie: 'Diakonie im Kirchenkreis Musterkreis',
	drk: 'DRK-Kreisverband Musterkreis e. V.',
	paritaet: 'Der Paritätische, Kinderschutzbund Kreisverband Musterkreis e. V.',
	ev: 'Ev. Kirchenkreis Musterkreis',
	kath: 'Kath. Pastoralverbund Altenwalde-Auetal',
	tv: 'Kreissportbund Musterkreis e. V.',
	sv: 'SV Grün-Weiß Hohenbrück 1921 e. V.',
	jobcenter: 'Jobcenter Musterkreis',
	fbs: 'Familienbildungsstätte Altenwalde',
	initiative: 'Elterninitiative Landkinder e. V.',
	donum: 'donum vitae Musterkreis e. V.'
};

const SCHOOLS = ['Gesamtschule Altenwalde', 'Sekundarschule Auetal', 'Realschule Hohenbrück', 'Städtisches Gymnasium Altenwalde', 'Verbundschule Wiesental', 'Hauptschule Eschenau'];

/** Where the Kreis' own services are: Ortsteile of the Kreisstadt (key suffix), the Frühförderung in Hohenbrück. */
const KREIS_OFFERS: readonly (Omit<CentralOffer, 'area'> & { at: string })[] = [
	{ name: 'Babybesuchsdienst des Kreisjugendamts', category: 'Babybesuchsdienst', provider: P.stadt, life_phases: ['schwangerschaft_geburt', 'u3'], topics: ['Familie', 'Gesundheit'], at: '0599900401', description: 'Willkommensbesuch bei allen Familien mit Neugeborenen in allen Gemeinden des Kreises, mit Infopaket und Lotsenfunktion; Sitz im Kreishaus.' },
	{ name: 'Erziehungs- und Familienberatungsstelle des Kreises', category: 'Beratungsstelle', provider: P.caritas, life_phases: ['3_6', '6_10', '10_16'], topics: ['Beratung', 'Familie'], at: '0599900401', description: 'Beratung für Eltern, Kinder und Jugendliche aus dem ganzen Kreis, mit Außensprechstunden in den Gemeinden.' },
	{ name: 'Schwangerschaftsberatung', category: 'Beratungsstelle', provider: P.donum, life_phases: ['schwangerschaft_geburt'], topics: ['Beratung', 'Gesundheit'], at: '0599900405', description: 'Beratung in der Schwangerschaft, Vermittlung finanzieller Hilfen (Bundesstiftung Mutter und Kind).' },
	{ name: 'Jugendberufsagentur Musterkreis', category: 'Übergang Schule–Beruf', provider: P.jobcenter, life_phases: ['16_27'], topics: ['Übergang', 'Beratung'], at: '0599900402', description: 'Gemeinsame Anlaufstelle von Arbeitsagentur, Jobcenter und Kreisjugendamt für unter 25-Jährige.' },
	{ name: 'Kinder- und Jugendgesundheitsdienst des Kreises', category: 'Gesundheitsdienst', provider: P.gesundheitsamt, life_phases: ['3_6', '6_10'], topics: ['Gesundheit'], at: '0599900401', description: 'Schuleingangsuntersuchungen für alle Gemeinden, Impfberatung und Sprechstunden für Familien.' },
	{ name: 'Frühförderstelle Hohenbrück', category: 'Frühförderung', provider: P.paritaet, life_phases: ['u3', '3_6'], topics: ['Gesundheit', 'Bildung'], at: '0599900801', description: 'Interdisziplinäre Frühförderung für Kinder mit Entwicklungsverzögerungen aus dem östlichen Kreisgebiet.' }
];

function centralOffers(kernorte: ReadonlyMap<string, string>): CentralOffer[] {
	const gemeinden = [...GEMEINDEN.map((g) => ({ key: g.key, name: g.name, kind: g.kind })), { key: MERGED.key, name: MERGED.name, kind: MERGED.kind }];
	return [
		...KREIS_OFFERS.map(({ at, ...o }) => ({ ...o, area: at })),
		...gemeinden.map((g) => ({
			name: `Familienbüro ${g.name}`,
			category: 'Familienbüro',
			provider: `${g.kind} ${g.name}`,
			life_phases: ['schwangerschaft_geburt', 'u3', '3_6'] as CentralOffer['life_phases'],
			topics: ['Familie', 'Beratung'],
			area: kernorte.get(g.key)!,
			description: `Anlaufstelle der ${g.kind} ${g.name} für Familien: Beratung, Kita-Anmeldung, Vermittlung an das Kreisjugendamt.`
		}))
	];
}

/** "59004 Altenwalde": the town is the Ortsteil's Gemeinde (the first eight key digits), a fictional postcode from its number. */
function kreisPlace(areaKey: string): string {
	const key = areaKey.slice(0, 8);
	const g = [...GEMEINDEN, ...MERGING, MERGED].find((x) => x.key === key);
	return `59${key.slice(5)} ${g?.name ?? 'Musterkreis'}`;
}

export function buildKreisOffers(ortsteile: readonly Sozialraum[], pop: Pick<Population, 'total'>, kernorte: ReadonlyMap<string, string>): Offer[] {
	const setup: OfferSetup = {
		kinds: areaOfferKinds(P, SCHOOLS),
		central: centralOffers(kernorte),
		tiny: {},
		gapRanks: [0, 2],
		residentsPerOffer: 850,
		min: 0,
		place: kreisPlace
	};
	return buildOffers(ortsteile, pop, setup, kreisStreams);
}
