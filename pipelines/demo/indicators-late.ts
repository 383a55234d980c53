/**
 * Indicators of the later life phases (6–10, 10–16, 16–27).
 */
import { SOURCES, perThousand, percent, type IndicatorDef } from './indicator-model';

const ages = (lo: number, hi: number) => ({ kind: 'ages' as const, lo, hi });

export const LATER_INDICATORS: readonly IndicatorDef[] = [
	percent({
		id: 'sgb2_6_10', life_phase: '6_10', topic: 'Soziale Lage', polarity: 'higher_is_worse',
		label_de: 'SGB-II-Quote 6 bis unter 10 Jahre', label_en: 'Children aged 6 to 9 receiving SGB II benefits',
		definition_de: 'Anteil der Kinder von 6 bis unter 10 Jahren in Bedarfsgemeinschaften nach dem SGB II an allen Kindern dieses Alters.',
		definition_en: 'Share of children aged 6 to 9 in households receiving SGB II benefits among all children of that age.',
		numerator_label_de: 'Kinder von 6 bis unter 10 Jahren in SGB-II-Bedarfsgemeinschaften', denominator_label_de: 'Kinder von 6 bis unter 10 Jahren',
		source: SOURCES.ba, model: { den: ages(6, 9), base: 0, beta: 0, numerator: { sgb2: [6, 9] } }
	}),
	percent({
		id: 'ogs_quote', life_phase: '6_10', topic: 'Bildung', polarity: 'higher_is_better',
		label_de: 'Teilnahme an der Offenen Ganztagsschule (OGS)', label_en: 'Open all-day primary school participation',
		definition_de: 'Anteil der Kinder von 6 bis unter 10 Jahren mit einem Platz in der Offenen Ganztagsschule an allen Kindern dieses Alters (Wohnortprinzip).',
		definition_en: 'Share of children aged 6 to 9 with a place in an open all-day primary school (OGS) among all children of that age, by residence.',
		numerator_label_de: 'Kinder mit OGS-Platz', denominator_label_de: 'Kinder von 6 bis unter 10 Jahren',
		source: SOURCES.schule, model: { den: ages(6, 9), base: 0.33, beta: 0.15, trend: 0.09, sdArea: 0.2 }
	}),
	percent({
		id: 'but_quote', life_phase: '6_10', topic: 'Teilhabe', polarity: 'higher_is_better',
		label_de: 'Inanspruchnahme von Bildung und Teilhabe (6 bis unter 10)', label_en: 'Take-up of education and participation benefits (6 to 9)',
		definition_de: 'Anteil der leistungsberechtigten Kinder von 6 bis unter 10 Jahren (SGB II) mit mindestens einer bewilligten Leistung für Bildung und Teilhabe (ohne Schulbedarf) an allen leistungsberechtigten Kindern dieses Alters.',
		definition_en: 'Share of entitled children aged 6 to 9 (SGB II) with at least one granted education and participation benefit (excluding school supplies).',
		numerator_label_de: 'Kinder mit bewilligter BuT-Leistung', denominator_label_de: 'leistungsberechtigte Kinder von 6 bis unter 10 Jahren',
		source: SOURCES.jobcenter, model: { den: { kind: 'sgb2', lo: 6, hi: 9 }, base: 0.42, beta: -0.2, trend: 0.03, sdArea: 0.25, yearEffect: { 2020: -0.3, 2021: -0.2 } }
	}),
	percent({
		id: 'gymnasium_uebergang', life_phase: '6_10', topic: 'Bildung', polarity: 'higher_is_better',
		label_de: 'Übergangsquote zum Gymnasium', label_en: 'Transition rate to Gymnasium',
		definition_de: 'Anteil der Schülerinnen und Schüler am Ende der Klasse 4, die zum folgenden Schuljahr auf ein Gymnasium wechseln.',
		definition_en: 'Share of pupils finishing grade 4 who move on to a Gymnasium (academic secondary school).',
		numerator_label_de: 'Übergänge auf ein Gymnasium', denominator_label_de: 'Schülerinnen und Schüler am Ende der Klasse 4',
		source: SOURCES.schule, model: { den: { kind: 'grade4' }, base: 0.42, beta: -0.65, trend: 0.005, sdArea: 0.1 }
	}),
	perThousand({
		id: 'hze_6_10', life_phase: '6_10', topic: 'Hilfen zur Erziehung', polarity: 'higher_is_worse',
		label_de: 'Hilfen zur Erziehung 6 bis unter 10 Jahre', label_en: 'Educational support (HzE), age 6 to 9',
		definition_de: 'Laufende und beendete Hilfen zur Erziehung nach §§ 27–35 SGB VIII für Kinder von 6 bis unter 10 Jahren je 1.000 Kinder dieses Alters.',
		definition_en: 'Educational support measures (§§ 27–35 SGB VIII) for children aged 6 to 9 per 1,000 children of that age.',
		numerator_label_de: 'Hilfen zur Erziehung (6 bis unter 10 Jahre)', denominator_label_de: 'Kinder von 6 bis unter 10 Jahren',
		source: SOURCES.hze, model: { den: ages(6, 9), base: 0.022, beta: 0.5, trend: 0.015, sdArea: 0.15 }
	}),
	perThousand({
		id: 'hze_u18', life_phase: '10_16', topic: 'Hilfen zur Erziehung', polarity: 'higher_is_worse',
		label_de: 'Hilfen zur Erziehung unter 18 Jahren', label_en: 'Educational support (HzE) under 18',
		definition_de: 'Laufende und beendete Hilfen zur Erziehung nach §§ 27–35 SGB VIII für unter 18-Jährige je 1.000 Einwohnerinnen und Einwohner unter 18 Jahren.',
		definition_en: 'Educational support measures (§§ 27–35 SGB VIII) for residents under 18 per 1,000 residents under 18.',
		numerator_label_de: 'Hilfen zur Erziehung (unter 18 Jahren)', denominator_label_de: 'Einwohnerinnen und Einwohner unter 18 Jahren',
		source: SOURCES.hze, model: { den: ages(0, 17), base: 0.02, beta: 0.5, trend: 0.02, sdArea: 0.15 }
	}),
	perThousand({
		id: 'inobhutnahme', life_phase: '10_16', topic: 'Kinderschutz', polarity: 'higher_is_worse',
		label_de: 'Inobhutnahmen nach § 42 SGB VIII', label_en: 'Children taken into care (§ 42 SGB VIII)',
		definition_de: 'Vorläufige Schutzmaßnahmen (Inobhutnahmen) nach § 42 SGB VIII je 1.000 Einwohnerinnen und Einwohner unter 18 Jahren; 2015/16 einschließlich unbegleiteter minderjähriger Geflüchteter.',
		definition_en: 'Emergency placements (§ 42 SGB VIII) per 1,000 residents under 18; 2015/16 including unaccompanied refugee minors.',
		numerator_label_de: 'Inobhutnahmen', denominator_label_de: 'Einwohnerinnen und Einwohner unter 18 Jahren',
		source: SOURCES.jugendschutz,
		model: { den: ages(0, 17), base: 0.0028, beta: 0.55, sdArea: 0.2, yearEffect: { 2015: 0.5, 2016: 0.6, 2017: 0.2 } }
	}),
	percent({
		id: 'jugendarbeit_reichweite', life_phase: '10_16', topic: 'Freizeit', polarity: 'higher_is_better',
		label_de: 'Reichweite der Offenen Kinder- und Jugendarbeit', label_en: 'Reach of open youth work',
		definition_de: 'Anteil der 10- bis unter 16-Jährigen, die im Jahr regelmäßig eine Einrichtung der Offenen Kinder- und Jugendarbeit besucht haben (Stammbesucherinnen und -besucher).',
		definition_en: 'Share of 10- to 15-year-olds who regularly visited an open youth-work facility during the year.',
		numerator_label_de: 'Stammbesucherinnen und -besucher (10 bis unter 16 Jahre)', denominator_label_de: 'Einwohnerinnen und Einwohner von 10 bis unter 16 Jahren',
		source: SOURCES.jugendfoerderung,
		model: { den: ages(10, 15), base: 0.13, beta: 0.3, trend: -0.01, sdArea: 0.3, yearEffect: { 2020: -0.5, 2021: -0.35 } }
	}),
	percent({
		id: 'schulabsentismus', life_phase: '10_16', topic: 'Bildung', polarity: 'higher_is_worse',
		label_de: 'Schulabsentismus', label_en: 'School absenteeism',
		definition_de: 'Anteil der Schülerinnen und Schüler von 10 bis unter 16 Jahren mit mindestens 20 unentschuldigten Fehltagen im Schuljahr.',
		definition_en: 'Share of pupils aged 10 to 15 with at least 20 unexcused days of absence in the school year.',
		numerator_label_de: 'Schülerinnen und Schüler mit mind. 20 unentschuldigten Fehltagen', denominator_label_de: 'Schülerinnen und Schüler von 10 bis unter 16 Jahren',
		source: SOURCES.absentismus,
		model: { den: ages(10, 15), base: 0.035, beta: 0.5, trend: 0.02, sdArea: 0.15, yearEffect: { 2022: 0.2, 2023: 0.25, 2024: 0.25, 2025: 0.25 } }
	}),
	percent({
		id: 'ohne_abschluss', life_phase: '16_27', topic: 'Bildung', polarity: 'higher_is_worse',
		label_de: 'Schulabgänge ohne Hauptschulabschluss', label_en: 'School leavers without qualification',
		definition_de: 'Anteil der Abgängerinnen und Abgänger allgemeinbildender Schulen ohne mindestens Hauptschulabschluss an allen Abgängerinnen und Abgängern.',
		definition_en: 'Share of leavers from general schools without at least the lowest school-leaving certificate.',
		numerator_label_de: 'Abgänge ohne Hauptschulabschluss', denominator_label_de: 'Abgängerinnen und Abgänger allgemeinbildender Schulen',
		source: SOURCES.schule, model: { den: { kind: 'school_leavers' }, base: 0.055, beta: 0.5, trend: 0.01, sdArea: 0.15 }
	}),
	percent({
		id: 'jugendarbeitslosigkeit', life_phase: '16_27', topic: 'Übergang', polarity: 'higher_is_worse',
		label_de: 'Jugendarbeitslosigkeit 15 bis unter 25 Jahre', label_en: 'Youth unemployment age 15 to 24',
		definition_de: 'Arbeitslose im Alter von 15 bis unter 25 Jahren (SGB II und SGB III) in Prozent der Einwohnerinnen und Einwohner dieses Alters (Arbeitslosendichte).',
		definition_en: 'Registered unemployed aged 15 to 24 as a percentage of all residents of that age (unemployment density).',
		numerator_label_de: 'Arbeitslose von 15 bis unter 25 Jahren', denominator_label_de: 'Einwohnerinnen und Einwohner von 15 bis unter 25 Jahren',
		source: SOURCES.ba, model: { den: ages(15, 24), base: 0.045, beta: 0.5, trend: -0.03, sdArea: 0.12, yearEffect: { 2020: 0.2, 2021: 0.15 } }
	}),
	percent({
		id: 'sgb2_u25', life_phase: '16_27', topic: 'Soziale Lage', polarity: 'higher_is_worse',
		label_de: 'SGB-II-Quote 15 bis unter 25 Jahre', label_en: 'Young people aged 15 to 24 receiving SGB II benefits',
		definition_de: 'Anteil der Leistungsberechtigten nach dem SGB II im Alter von 15 bis unter 25 Jahren an allen Einwohnerinnen und Einwohnern dieses Alters.',
		definition_en: 'Share of residents aged 15 to 24 who receive SGB II benefits.',
		numerator_label_de: 'Leistungsberechtigte von 15 bis unter 25 Jahren', denominator_label_de: 'Einwohnerinnen und Einwohner von 15 bis unter 25 Jahren',
		source: SOURCES.ba, model: { den: ages(15, 24), base: 0, beta: 0, numerator: { sgb2: [15, 24] } }
	}),
	percent({
		id: 'uebergang_ausbildung', life_phase: '16_27', topic: 'Übergang', polarity: 'higher_is_better',
		label_de: 'Direkter Übergang in Ausbildung', label_en: 'Direct transition into vocational training',
		definition_de: 'Anteil der Abgängerinnen und Abgänger allgemeinbildender Schulen, die unmittelbar eine duale oder schulische Berufsausbildung beginnen.',
		definition_en: 'Share of school leavers who start dual or school-based vocational training right away.',
		numerator_label_de: 'Übergänge in Ausbildung', denominator_label_de: 'Abgängerinnen und Abgänger allgemeinbildender Schulen',
		source: SOURCES.kaoa, model: { den: { kind: 'school_leavers' }, base: 0.3, beta: -0.3, trend: -0.01, sdArea: 0.15, yearEffect: { 2020: -0.2, 2021: -0.15 } }
	})
];
