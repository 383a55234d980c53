/**
 * Kinds of offers (Angebote) of the prevention chain with realistic German names, providers,
 * life phases and topics. Kitas, family centres and OGS have places; the others do not.
 */
import type { LifePhase } from '../../src/lib/data/types';

export type Providers = Record<keyof typeof PROVIDERS, string>;

export const PROVIDERS = {
	stadt: 'Stadt Musterstadt, Jugendamt',
	schulamt: 'Stadt Musterstadt, Schulverwaltungsamt',
	gesundheitsamt: 'Gesundheitsamt Musterstadt',
	awo: 'AWO Unterbezirk Musterstadt',
	caritas: 'Caritasverband Musterstadt e. V.',
	diakonie: 'Diakonie Musterstadt',
	drk: 'DRK-Kreisverband Musterstadt e. V.',
	paritaet: 'Der Paritätische, Kinderschutzbund Musterstadt e. V.',
	ev: 'Ev. Kirchengemeinde Musterstadt',
	kath: 'Kath. Pfarrei St. Marien',
	tv: 'TV Musterstadt 1861 e. V.',
	sv: 'SV Rot-Weiß Musterstadt 09 e. V.',
	jobcenter: 'Jobcenter Musterstadt',
	fbs: 'Familienbildungsstätte Musterstadt',
	initiative: 'Elterninitiative Kinderhaus e. V.',
	donum: 'donum vitae Musterstadt e. V.'
} as const;

export interface OfferKind {
	kind: string;
	/** The kind as a planner names it (offers.csv column `category`). */
	category: string;
	/** Name pattern; {area} is replaced by the Sozialraum name, {name} by a pick from `names`. */
	pattern: string;
	names?: readonly string[];
	providers: readonly string[];
	life_phases: LifePhase[];
	topics: string[];
	/** Range of places for offers with a capacity. */
	places?: [number, number];
	/** Relative frequency in an ordinary Sozialraum. */
	weight: number;
	/** How many offers of this kind one Sozialraum may have. */
	maxPerArea: number;
	description: string;
}

/** The kinds of offers an ordinary area may have, with the providers of the territory. */
export const areaOfferKinds = (P: Providers, schools = SECONDARY_SCHOOLS): readonly OfferKind[] => [
	{ kind: 'kita', category: 'Kita', pattern: 'Kita {name}', names: ['Sonnenschein', 'Regenbogen', 'Pusteblume', 'Kunterbunt', 'Arche Noah', 'St. Marien', 'Zwergenland', 'Löwenzahn', 'Sternschnuppe', 'Wirbelwind', 'Schatzkiste', 'Himmelszelt', 'Glühwürmchen', 'Rappelkiste', 'Abenteuerland'],
		providers: [P.stadt, P.awo, P.caritas, P.diakonie, P.drk, P.ev, P.kath, P.initiative], life_phases: ['u3', '3_6'], topics: ['Bildung', 'Familie'], places: [45, 110], weight: 3, maxPerArea: 2,
		description: 'Kindertageseinrichtung für Kinder von 1 bis 6 Jahren mit U3-Gruppe.' },
	{ kind: 'familienzentrum', category: 'Familienzentrum', pattern: 'Familienzentrum {area}', providers: [P.stadt, P.awo, P.caritas, P.diakonie], life_phases: ['schwangerschaft_geburt', 'u3', '3_6'], topics: ['Familie', 'Beratung', 'Bildung'], places: [50, 100], weight: 1.6, maxPerArea: 1,
		description: 'Kita als Familienzentrum NRW mit Elternberatung, Kursen und Vermittlung in Hilfen.' },
	{ kind: 'ogs', category: 'Offene Ganztagsschule', pattern: 'OGS {name}', names: ['Lindenschule', 'Eichendorffschule', 'Pestalozzischule', 'Overbergschule', 'Regenbogenschule', 'Astrid-Lindgren-Schule', 'Brüder-Grimm-Schule', 'Waldschule', 'Sonnenschule', 'Matthias-Claudius-Schule', 'Hügelschule', 'Kardinal-von-Galen-Schule', 'Schillerschule', 'Friedensschule', 'Gemeinschaftsgrundschule am Park'],
		providers: [P.awo, P.caritas, P.diakonie, P.paritaet, P.stadt], life_phases: ['6_10'], topics: ['Bildung', 'Freizeit'], places: [75, 250], weight: 2, maxPerArea: 1,
		description: 'Offene Ganztagsschule: Betreuung, Mittagessen und Lernzeit nach dem Unterricht.' },
	{ kind: 'elterncafe', category: 'Elterncafé', pattern: 'Elterncafé {area}', providers: [P.fbs, P.diakonie, P.caritas, P.awo], life_phases: ['u3', '3_6'], topics: ['Familie', 'Beratung'], weight: 1, maxPerArea: 1,
		description: 'Offener Treff für Eltern mit kleinen Kindern, mit Sprechstunde einer Fachkraft.' },
	{ kind: 'jugendtreff', category: 'Jugendtreff', pattern: 'Jugendtreff {area}', providers: [P.stadt, P.awo, P.ev, P.kath, P.paritaet], life_phases: ['10_16', '16_27'], topics: ['Freizeit', 'Beratung'], weight: 1.2, maxPerArea: 1,
		description: 'Offene Kinder- und Jugendarbeit mit Treff, Hausaufgabenecke und Ferienangeboten.' },
	{ kind: 'rucksack', category: 'Sprachförderung', pattern: 'Sprachförderung „Rucksack“ {area}', providers: [P.stadt, P.awo, P.caritas], life_phases: ['3_6'], topics: ['Bildung', 'Familie'], weight: 0.8, maxPerArea: 1,
		description: 'Elternbegleitetes Sprachbildungsprogramm in der Kita (mehrsprachige Elternbegleiterinnen).' },
	{ kind: 'griffbereit', category: 'Sprachförderung', pattern: 'Sprachförderung „Griffbereit“ {area}', providers: [P.fbs, P.awo], life_phases: ['u3'], topics: ['Bildung', 'Familie'], weight: 0.5, maxPerArea: 1,
		description: 'Spielgruppe für Eltern mit Kindern von 1 bis 3 Jahren zur mehrsprachigen Entwicklung.' },
	{ kind: 'hausaufgaben', category: 'Hausaufgabenhilfe', pattern: 'Hausaufgabenhilfe {area}', providers: [P.caritas, P.diakonie, P.drk, P.ev], life_phases: ['6_10', '10_16'], topics: ['Bildung'], weight: 0.8, maxPerArea: 1,
		description: 'Betreute Lernzeit mit Ehrenamtlichen für Grund- und Sekundarschulkinder.' },
	{ kind: 'schulsozialarbeit', category: 'Schulsozialarbeit', pattern: 'Schulsozialarbeit {name}', names: schools,
		providers: [P.schulamt, P.awo, P.caritas], life_phases: ['10_16'], topics: ['Beratung', 'Bildung'], weight: 0.7, maxPerArea: 1,
		description: 'Beratung von Schülerinnen, Schülern und Eltern an der weiterführenden Schule, auch zu BuT.' },
	{ kind: 'uebergang', category: 'Übergang Schule–Beruf', pattern: 'Übergangscoaching {area}', providers: [P.jobcenter, P.awo, P.diakonie], life_phases: ['16_27'], topics: ['Übergang', 'Beratung'], weight: 0.6, maxPerArea: 1,
		description: 'Begleitung von Jugendlichen ohne Ausbildungsplatz von der Schule in Ausbildung oder Arbeit.' },
	{ kind: 'sport', category: 'Bewegungsangebot', pattern: 'Kinderturnen {area}', providers: [P.tv, P.sv], life_phases: ['3_6', '6_10'], topics: ['Gesundheit', 'Freizeit'], weight: 0.8, maxPerArea: 1,
		description: 'Bewegungsangebot des Sportvereins für Kita- und Grundschulkinder.' },
	{ kind: 'hebamme', category: 'Familienhebammen', pattern: 'Familienhebammen-Sprechstunde {area}', providers: [P.gesundheitsamt, P.drk], life_phases: ['schwangerschaft_geburt', 'u3'], topics: ['Gesundheit', 'Familie'], weight: 0.6, maxPerArea: 1,
		description: 'Sprechstunde von Familienhebammen und Familienkinderkrankenpflegerinnen (Frühe Hilfen).' },
	{ kind: 'mobil', category: 'Mobile Jugendarbeit', pattern: 'Mobile Jugendarbeit {area}', providers: [P.stadt, P.diakonie], life_phases: ['10_16', '16_27'], topics: ['Freizeit', 'Beratung'], weight: 0.4, maxPerArea: 1,
		description: 'Aufsuchende Jugendarbeit an Treffpunkten im öffentlichen Raum.' },
	{ kind: 'ferien', category: 'Ferienangebot', pattern: 'Ferienspiele {area}', providers: [P.stadt, P.ev, P.drk], life_phases: ['6_10', '10_16'], topics: ['Freizeit'], weight: 0.4, maxPerArea: 1,
		description: 'Kostenfreie Ferienbetreuung mit Ausflügen, BuT-berechtigte Kinder vorrangig.' }
];

const SECONDARY_SCHOOLS = ['Gesamtschule Nord', 'Realschule am Park', 'Hauptschule Ost', 'Sekundarschule Süd', 'Gesamtschule am Hafen', 'Geschwister-Scholl-Gymnasium', 'Anne-Frank-Realschule', 'Gesamtschule West'];

const P = PROVIDERS;
export const AREA_OFFER_KINDS = areaOfferKinds(P);

/** Offers with a city-wide remit, placed in a central Sozialraum (key) or once per Stadtbezirk. */
export interface CentralOffer {
	name: string;
	provider: string;
	life_phases: LifePhase[];
	topics: string[];
	/** Area key, or "bezirk" = one offer per Stadtbezirk in its most central Sozialraum. */
	area: string;
	description: string;
	category: string;
}

export const CENTRAL_OFFERS: readonly CentralOffer[] = [
	{ name: 'Babybesuchsdienst', category: 'Babybesuchsdienst', provider: P.stadt, life_phases: ['schwangerschaft_geburt', 'u3'], topics: ['Familie', 'Gesundheit'], area: 'bezirk', description: 'Willkommensbesuch bei allen Familien mit Neugeborenen, mit Infopaket und Lotsenfunktion.' },
	{ name: 'Erziehungs- und Familienberatungsstelle', category: 'Beratungsstelle', provider: P.caritas, life_phases: ['3_6', '6_10', '10_16'], topics: ['Beratung', 'Familie'], area: '0101', description: 'Beratung für Eltern, Kinder und Jugendliche bei Erziehungsfragen und Krisen.' },
	{ name: 'Schwangerschaftsberatung', category: 'Beratungsstelle', provider: P.donum, life_phases: ['schwangerschaft_geburt'], topics: ['Beratung', 'Gesundheit'], area: '0102', description: 'Beratung in der Schwangerschaft, Vermittlung finanzieller Hilfen (Bundesstiftung Mutter und Kind).' },
	{ name: 'Jugendberufsagentur Musterstadt', category: 'Übergang Schule–Beruf', provider: P.jobcenter, life_phases: ['16_27'], topics: ['Übergang', 'Beratung'], area: '0103', description: 'Gemeinsame Anlaufstelle von Arbeitsagentur, Jobcenter und Jugendhilfe für unter 25-Jährige.' },
	{ name: 'Frühförderstelle', category: 'Frühförderung', provider: P.paritaet, life_phases: ['u3', '3_6'], topics: ['Gesundheit', 'Bildung'], area: '0104', description: 'Interdisziplinäre Frühförderung für Kinder mit Entwicklungsverzögerungen.' },
	{ name: 'Kinder- und Jugendgesundheitsdienst', category: 'Gesundheitsdienst', provider: P.gesundheitsamt, life_phases: ['3_6', '6_10'], topics: ['Gesundheit'], area: '0105', description: 'Schuleingangsuntersuchungen, Impfberatung und Sprechstunden für Familien.' }
];

/** The one offer each tiny Sozialraum has, by area name. */
export const TINY_AREA_OFFERS: Record<string, Omit<CentralOffer, 'area'> & { places?: number }> = {
	Hafeninsel: { name: 'Jugendkulturzentrum Hafeninsel', category: 'Jugendtreff', provider: P.paritaet, life_phases: ['10_16', '16_27'], topics: ['Freizeit', 'Bildung'], description: 'Offenes Kulturzentrum in einem alten Speicher: Musikräume, Werkstätten, Bandproben.' },
	'Gewerbegebiet Ost': { name: 'Ausbildungszentrum der Handwerkskammer', category: 'Übergang Schule–Beruf', provider: P.jobcenter, life_phases: ['16_27'], topics: ['Übergang', 'Bildung'], description: 'Überbetriebliche Ausbildung und Berufsorientierungskurse für Jugendliche.' },
	Stadtwald: { name: 'Waldkindergarten Stadtwald', category: 'Kita', provider: P.initiative, life_phases: ['3_6'], topics: ['Bildung', 'Gesundheit'], places: 20, description: 'Kindergartengruppe, die den Tag überwiegend im Wald verbringt.' }
};
