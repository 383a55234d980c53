/**
 * Musterkreis observes Musterstadt's indicator catalogue, with the Kreis' own (fictional) sources:
 * in a Kreis the Kreisjugendamt, the Kreis' health office and the Gemeinden's registers deliver.
 */
import { INDICATORS } from '../indicators';
import { SOURCES, type IndicatorDef } from '../indicator-model';

const KREIS_SOURCES: Record<keyof typeof SOURCES, string> = {
	ba: SOURCES.ba,
	melde: 'Einwohnermelderegister der kreisangehörigen Gemeinden (fiktiv)',
	babybesuch: 'Kreisjugendamt Musterkreis, Babybesuchsdienst (fiktiv)',
	asd: 'Kreisjugendamt Musterkreis, Allgemeiner Sozialer Dienst (fiktiv)',
	hze: 'Kreisjugendamt Musterkreis, Wirtschaftliche Jugendhilfe (fiktiv)',
	jugendschutz: 'Kreisjugendamt Musterkreis, Kinder- und Jugendschutz (fiktiv)',
	jugendfoerderung: 'Kreisjugendamt Musterkreis, Jugendförderung (fiktiv)',
	kita: 'Kreisjugendamt Musterkreis, Kita-Bedarfsplanung (fiktiv)',
	seu: 'Schuleingangsuntersuchung, Gesundheitsamt des Kreises Musterkreis (fiktiv)',
	gesundheit: 'Gesundheitsamt des Kreises Musterkreis, Meldewesen Früherkennung (fiktiv)',
	schule: 'Schulamt für den Kreis Musterkreis, Schulstatistik (fiktiv)',
	absentismus: 'Schulamt und Regionale Schulberatung Musterkreis (fiktiv)',
	jobcenter: 'Jobcenter Musterkreis, BuT-Statistik (fiktiv)',
	kaoa: 'Kommunale Koordinierungsstelle Übergang Schule–Beruf Musterkreis (fiktiv)'
};

/** Texts that speak of a city's areas, said for a Kreis. */
const KREIS_TEXTS: Partial<Record<string, Pick<IndicatorDef, 'definition_de' | 'definition_en'>>> = {
	fluktuation: {
		definition_de: 'Zu- und Fortzüge über die Grenze des Ortsteils (einschließlich Umzügen innerhalb der Gemeinde) je 100 Einwohnerinnen und Einwohner; hohe Werte deuten auf wenig stabile Nachbarschaften.',
		definition_en: 'Moves into and out of the locality (including moves within the municipality) per 100 residents; high values point to unstable neighbourhoods.'
	}
};

const sourceKey = new Map<string, keyof typeof SOURCES>(Object.entries(SOURCES).map(([k, v]) => [v, k as keyof typeof SOURCES]));

export const KREIS_INDICATORS: readonly IndicatorDef[] = INDICATORS.map((def) => {
	const key = sourceKey.get(def.source);
	if (!key) throw new Error(`indicator ${def.id}: source not in SOURCES`);
	return { ...def, source: KREIS_SOURCES[key], ...KREIS_TEXTS[def.id] };
});
